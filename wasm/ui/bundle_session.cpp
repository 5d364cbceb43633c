// BundleSession: loading bundles and shards, and the search index built in slices.
#include "bundle_session.h"

#include <algorithm>
#include <utility>

#include "core/bundle_loader.h"
#include "core/shard_loader.h"

namespace reader::ui {

namespace {

// Work per step of the index builder (SearchIndexBuilder::step: code points and bytes, not articles,
// so that a step of 1 MB titles costs what a step of short ones does): well under a ms in wasm.
constexpr size_t kIndexStepWork = core::SearchIndexBuilder::kStepWork;

}  // namespace

core::Result<void> BundleSession::loadBundle(std::string_view text) {
    const core::Stopwatch parse;
    m_loading = false;
    core::Result<core::Bundle> result = core::BundleLoader::load(text);
    if (!result) {
        m_error = result.error().describe();
        core::logf(core::LogLevel::Warn, "bundle refused (%zu bytes, parse %.1f ms): %s", text.size(), parse.ms(), m_error.c_str());
        return result.error();
    }
    adoptBundle(std::move(*result), text.size(), parse.ms());
    return {};
}

bool BundleSession::loadBundleStreamed(size_t bytes, const core::BundleLoader::Source& source) {
    const core::Stopwatch parse;
    std::optional<core::Bundle> bundle = core::BundleLoader::loadStreamed(bytes, source);
    if (!bundle) {
        core::logf(core::LogLevel::Info, "bundle not loaded streamed (%zu bytes, %.1f ms): read whole to tell why", bytes, parse.ms());
        return false;
    }
    m_loading = false;
    adoptBundle(std::move(*bundle), bytes, parse.ms());
    return true;
}

void BundleSession::adoptBundle(core::Bundle bundle, size_t bytes, double parseMs) {
    m_indexBuilder.reset();  // it reads the bundle that is about to be replaced
    m_bundle = std::move(bundle);
    m_error.clear();
    ++m_generation;
    m_searchIndex = core::SearchIndex();
    m_searchIndexValid = false;
    m_indexBuilder = std::make_unique<core::SearchIndexBuilder>(*m_bundle);
    m_shardsRequested.clear();
    m_shardErrors.clear();
    m_shardQueue.clear();
    m_splitSearch.reset(*m_bundle);
    m_pendingBodies = static_cast<size_t>(std::count_if(m_bundle->articles.begin(), m_bundle->articles.end(),
                                                         [](const core::Article& a) { return a.bodyPending; }));
    m_loadStats = {bytes, parseMs, 0.0, m_bundle->articles.size()};
    core::logf(core::LogLevel::Info, "bundle loaded: %zu articles, %zu categories, %zu bytes; parse %.1f ms",
               m_bundle->articles.size(), m_bundle->categories.size(), bytes, parseMs);
}

void BundleSession::showLoadFailure(std::string message) {
    m_error = std::move(message);
    m_loading = false;
}

void BundleSession::showLoadProgress(size_t received, size_t total) {
    m_loading = true;
    m_received = received;
    m_expected = total;
}

// A slice of the search index, about `budgetMs` long; the views search once it is done.
bool BundleSession::stepSearchIndex(double budgetMs) {
    if (!m_indexBuilder) return false;
    const core::Stopwatch slice;
    bool done = false;
    while (!(done = m_indexBuilder->step(kIndexStepWork)) && slice.ms() < budgetMs) {
    }
    m_loadStats.indexMs += slice.ms();
    if (!done) return false;
    m_searchIndex = m_indexBuilder->take();
    m_searchIndexValid = true;
    m_indexBuilder.reset();
    core::logf(core::LogLevel::Info, "search index built: %zu articles in %.1f ms of slices", m_searchIndex.articleCount(),
               m_loadStats.indexMs);
    return true;
}

core::Result<void> BundleSession::loadShard(const std::string& path, std::string_view text) {
    if (!m_bundle) return core::Error{.message = "no bundle"};
    if (m_splitSearch.owns(path)) return m_splitSearch.load(*m_bundle, path, text);
    core::Result<std::vector<core::ShardArticle>> result = core::ShardLoader::load(text);
    if (!result) {
        shardFailed(path, path + ": " + result.error().describe());
        return result.error();
    }
    const bool wasBuilding = m_indexBuilder != nullptr;
    m_indexBuilder.reset();  // it reads the bodies about to change
    bool filled = false;
    for (core::ShardArticle& loaded : *result) {
        const auto found = m_bundle->articleIndex.find(loaded.id);
        if (found == m_bundle->articleIndex.end()) continue;
        core::Article& article = m_bundle->articles[found->second];
        if (article.shard != path || !article.bodyPending) continue;  // not this shard's to fill
        article.body = std::move(loaded.body);
        article.blocks = std::move(loaded.blocks);
        article.marks = std::move(loaded.marks);
        article.bodyPending = false;
        --m_pendingBodies;
        filled = true;
    }
    // The bodies become searchable once the index is built again (meanwhile the old one answers).
    if (filled || wasBuilding) m_indexBuilder = std::make_unique<core::SearchIndexBuilder>(*m_bundle);
    core::logf(core::LogLevel::Info, "shard %s: %zu bytes, %zu articles", path.c_str(), text.size(), result->size());
    // An article the index puts in this shard but the shard left out would wait forever: say so.
    for (const core::Article& article : m_bundle->articles) {
        if (!article.bodyPending || article.shard != path) continue;
        core::Error missing{.message = "no body for article \"" + article.id + "\""};
        shardFailed(path, path + ": " + missing.describe());
        return missing;
    }
    return {};
}

void BundleSession::shardFailed(const std::string& path, std::string message) {
    if (m_splitSearch.owns(path)) {
        m_splitSearch.failed(path, std::move(message));
        return;
    }
    core::logf(core::LogLevel::Warn, "shard failed: %s", message.c_str());
    m_shardsRequested.erase(path);
    m_shardErrors[path] = std::move(message);
}

void BundleSession::requestShard(const std::string& path) {
    if (m_shardsRequested.insert(path).second) m_shardQueue.push_back(path);
}

std::vector<std::string> BundleSession::takeShardRequests() {
    std::vector<std::string> paths = std::exchange(m_shardQueue, {});
    for (std::string& path : m_splitSearch.takeRequests()) paths.push_back(std::move(path));
    return paths;
}

const std::string* BundleSession::shardError(const std::string& path) const {
    const auto found = m_shardErrors.find(path);
    return found == m_shardErrors.end() ? nullptr : &found->second;
}

}  // namespace reader::ui
