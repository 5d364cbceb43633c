// SplitSearch: the split form's prebuilt search index as the session holds it (core/split_index.h):
// its manifest asked for with the bundle, its shards asked for as queries need them (through the
// same platform requests as body shards), kept for the session, and what failed. No drawing here.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bundle.h"
#include "core/error.h"
#include "core/split_index.h"

namespace reader::ui {

class SplitSearch {
public:
    // A new bundle: its manifest (bundle.searchIndex) is the first file asked for; none, nothing.
    void reset(const core::Bundle& bundle);
    // True when `path` is one of this index's files (the manifest or a shard), which load() takes.
    bool owns(const std::string& path) const;
    core::Result<void> load(const core::Bundle& bundle, const std::string& path, std::string_view bytes);
    void failed(const std::string& path, std::string message);

    // Asks for the shards `query` needs that are neither loaded nor asked for (nor failed, for the
    // same query). True while any of them is still awaited (the results are not complete yet).
    bool request(const std::string& query);
    std::vector<std::string> takeRequests() { return std::exchange(m_queue, {}); }
    // True while a shard `query` needs is asked for and has neither arrived nor failed.
    bool awaiting(const std::string& query) const;

    // The index once its manifest is in (perhaps without the shards a query needs), else null.
    const core::SplitIndex* index() const { return m_index ? &*m_index : nullptr; }
    // Shards loaded so far: results searched with fewer are stale.
    size_t shardsLoaded() const { return m_shardsLoaded; }
    // Why the manifest or the latest shard could not be loaded ("search/…/0003.bin: …"), or empty.
    const std::string& error() const { return m_error; }

private:
    std::string shardPath(size_t shard) const { return m_folder + m_index->shardName(shard); }
    void ask(const std::string& path);

    std::string m_manifestPath;  // relative to the bundle, empty: the bundle has no split index
    std::string m_folder;        // the manifest's folder, with its trailing slash
    std::optional<core::SplitIndex> m_index;
    size_t m_shardsLoaded = 0;
    std::set<std::string> m_requested;  // asked for, not failed
    std::set<std::string> m_failed;     // not asked for again until the query changes
    std::string m_lastQuery;
    std::vector<std::string> m_queue;   // asked for, not yet taken by the platform
    std::string m_error;
};

}  // namespace reader::ui
