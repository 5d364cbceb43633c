// BundleSession: the bundle the reader shows and what hangs off it: the load error and download
// progress, a split bundle's shards (asked for, arrived, failed), the search index built a slice
// per frame, a split bundle's prebuilt search index (split_search.h), and a generation counter
// caches compare to know they are stale. No drawing here.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bundle.h"
#include "core/bundle_loader.h"
#include "core/error.h"
#include "core/logger.h"
#include "core/search_index.h"
#include "split_search.h"

namespace reader::ui {

class BundleSession {
public:
    // The last successful load: bytes, parse and index times (ms), articles.
    struct LoadStats {
        size_t bytes = 0;
        double parseMs = 0.0;
        double indexMs = 0.0;
        size_t articles = 0;
    };

    // Replaces the bundle, or keeps the previous one and shows the error.
    core::Result<void> loadBundle(std::string_view text);
    // The same from text pulled a chunk at a time (BundleLoader::loadStreamed), `bytes` in all. False
    // when it did not load: nothing changed, and loadBundle() on the whole text tells why.
    bool loadBundleStreamed(size_t bytes, const core::BundleLoader::Source& source);
    void showLoadFailure(std::string message);
    void showLoadProgress(size_t received, size_t total);
    // Fills the bodies a shard holds, or hands a file of the split search index to splitSearch().
    // An error is also kept for the article view (shardError), as "PATH: what went wrong".
    core::Result<void> loadShard(const std::string& path, std::string_view text);
    void shardFailed(const std::string& path, std::string message);
    // The article view asks for its shard; asked once until it fails. Drained by takeShardRequests.
    void requestShard(const std::string& path);
    std::vector<std::string> takeShardRequests();
    // Why a shard could not be loaded, or null; clearShardError lets the reader ask again (retry).
    const std::string* shardError(const std::string& path) const;
    void clearShardError(const std::string& path) { m_shardErrors.erase(path); }

    // Builds the search index for about `budgetMs` (a slice per frame); true when this slice
    // completed it (results searched meanwhile are stale).
    bool stepSearchIndex(double budgetMs);
    bool indexing() const { return m_indexBuilder != nullptr; }
    float indexProgress() const { return m_indexBuilder ? static_cast<float>(m_indexBuilder->progress()) : 1.0f; }
    // The index once built for this bundle (perhaps not yet with its latest shards), else null.
    const core::SearchIndex* readyIndex() const { return m_searchIndexValid ? &m_searchIndex : nullptr; }
    const core::SearchIndex& searchIndex() const { return m_searchIndex; }
    bool searchIndexReady() const { return m_indexBuilder == nullptr && m_searchIndexValid; }

    // The split form's prebuilt search index: its files asked for through takeShardRequests().
    SplitSearch& splitSearch() { return m_splitSearch; }
    const SplitSearch& splitSearch() const { return m_splitSearch; }

    const core::Bundle* bundle() const { return m_bundle ? &*m_bundle : nullptr; }
    const std::string& error() const { return m_error; }
    void clearError() { m_error.clear(); }
    bool loading() const { return m_loading; }
    size_t received() const { return m_received; }
    size_t expected() const { return m_expected; }
    bool bodiesPending() const { return m_pendingBodies > 0; }
    const LoadStats& loadStats() const { return m_loadStats; }
    // Successful loads so far.
    size_t generation() const { return m_generation; }

private:
    std::optional<core::Bundle> m_bundle;
    std::string m_error;
    bool m_loading = false;
    size_t m_received = 0;
    size_t m_expected = 0;
    void adoptBundle(core::Bundle bundle, size_t bytes, double parseMs);  // a bundle that loaded replaces the one shown

    LoadStats m_loadStats;
    size_t m_generation = 0;
    core::SearchIndex m_searchIndex;
    std::unique_ptr<core::SearchIndexBuilder> m_indexBuilder;  // while the index is being built
    bool m_searchIndexValid = false;  // m_searchIndex covers the bundle (maybe not yet its latest shards)
    size_t m_pendingBodies = 0;       // articles whose shard has not arrived
    std::set<std::string> m_shardsRequested;           // asked for, not failed
    std::map<std::string, std::string> m_shardErrors;  // path -> why it could not be loaded
    std::vector<std::string> m_shardQueue;             // asked for, not yet taken by the platform
    SplitSearch m_splitSearch;
};

}  // namespace reader::ui
