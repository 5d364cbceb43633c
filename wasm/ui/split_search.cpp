// SplitSearch: the split form's search index files, asked for, loaded and kept (split_search.h).
#include "split_search.h"

#include "core/logger.h"

namespace reader::ui {

void SplitSearch::reset(const core::Bundle& bundle) {
    *this = SplitSearch();
    m_manifestPath = bundle.searchIndex;
    if (m_manifestPath.empty()) return;
    m_folder = m_manifestPath.substr(0, m_manifestPath.rfind('/') + 1);
    ask(m_manifestPath);
}

bool SplitSearch::owns(const std::string& path) const {
    return !m_manifestPath.empty() && (path == m_manifestPath || (path.starts_with(m_folder) && path.ends_with(".bin")));
}

core::Result<void> SplitSearch::load(const core::Bundle& bundle, const std::string& path, std::string_view bytes) {
    if (path == m_manifestPath) {
        core::Result<core::SplitIndex> loaded = core::SplitIndex::load(bundle, bytes);
        if (!loaded) {
            failed(path, m_folder + loaded.error().message);
            return loaded.error();
        }
        m_index = std::move(*loaded);
        core::logf(core::LogLevel::Info, "search index manifest: %zu bytes, %zu shards", bytes.size(), m_index->shardCount());
        return {};
    }
    for (size_t shard = 0; m_index && shard < m_index->shardCount(); ++shard) {
        if (shardPath(shard) != path) continue;
        core::Result<void> loaded = m_index->loadShard(shard, bytes);
        if (!loaded) {
            failed(path, m_folder + loaded.error().message);
            return loaded;
        }
        ++m_shardsLoaded;
        m_failed.erase(path);
        if (m_failed.empty()) m_error.clear();
        return {};
    }
    core::Error unknown{.message = path + ": not a shard of this search index"};
    failed(path, unknown.message);
    return unknown;
}

// A file that failed is not asked for again until the query changes (a 404 would be asked every frame).
void SplitSearch::failed(const std::string& path, std::string message) {
    core::logf(core::LogLevel::Warn, "search index file failed: %s", message.c_str());
    m_requested.erase(path);
    m_failed.insert(path);
    m_error = std::move(message);
}

bool SplitSearch::request(const std::string& query) {
    if (!m_index) return false;
    if (query != m_lastQuery) {
        m_lastQuery = query;
        m_failed.clear();
    }
    bool awaited = false;
    for (const size_t shard : m_index->missingShards(query)) {
        const std::string path = shardPath(shard);
        if (m_failed.contains(path)) continue;
        if (m_requested.insert(path).second) m_queue.push_back(path);
        awaited = true;
    }
    return awaited;
}

bool SplitSearch::awaiting(const std::string& query) const {
    if (!m_index) return false;
    for (const size_t shard : m_index->missingShards(query)) {
        if (m_requested.contains(shardPath(shard))) return true;
    }
    return false;
}

void SplitSearch::ask(const std::string& path) {
    if (m_requested.insert(path).second) m_queue.push_back(path);
}

}  // namespace reader::ui
