// SplitIndexWriter: a SearchIndex built with no bigram limit, cut into the split form's index files
// (split_index.h has the layout). The lists are copied byte for byte; only where they are changes.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "search_postings.h"
#include "split_index.h"
#include "split_index_bytes.h"

namespace reader::core {

namespace {

using split_bytes::appendU32;
using split_bytes::appendVarint;

// FNV-1a (32 bits), continued from `hash`.
uint32_t fnv1a(std::string_view bytes, uint32_t hash = split_bytes::kFnvBasis) {
    for (const char c : bytes) hash = (hash ^ static_cast<uint8_t>(c)) * 16777619u;
    return hash;
}

}  // namespace

SplitIndexFiles SplitIndexWriter::write(const Bundle& bundle, size_t shardBytes) {
    const SearchIndex index = SearchIndexBuilder(bundle, SIZE_MAX).take();
    SplitIndexFiles files;

    // Shards: the terms in key order, a new shard once the lists reach `shardBytes`, and a list that
    // would take a shard past it starts a shard of its own (so a small term never waits on a big one).
    struct Cut {
        size_t firstTerm;
        size_t endTerm;
    };
    std::vector<Cut> cuts;
    std::vector<char32_t> termFirst(index.m_secondChars.size());
    for (size_t group = 0; group + 1 < index.m_firstCharTerms.size(); ++group) {
        for (uint32_t term = index.m_firstCharTerms[group]; term < index.m_firstCharTerms[group + 1]; ++term) {
            termFirst[term] = index.m_firstChars[group];
        }
    }
    const auto listBytes = [&](size_t term) { return size_t{index.m_termOffset[term + 1] - index.m_termOffset[term]}; };
    size_t filled = 0;
    for (size_t term = 0; term < termFirst.size(); ++term) {
        if (cuts.empty() || (filled > 0 && filled + listBytes(term) > shardBytes)) {
            cuts.push_back({term, term});
            filled = 0;
        }
        filled += listBytes(term);
        cuts.back().endTerm = term + 1;
    }

    // The build: a hash of what the shards hold and of the articles' spans, written into every file.
    uint32_t build = fnv1a(std::string_view(reinterpret_cast<const char*>(index.m_postings.data()), index.m_termOffset.back()));
    for (const uint32_t start : index.m_articleStart) build = fnv1a(std::string_view(reinterpret_cast<const char*>(&start), 4), build);
    for (const char32_t second : index.m_secondChars) build = fnv1a(std::string_view(reinterpret_cast<const char*>(&second), 4), build);

    for (size_t shard = 0; shard < cuts.size(); ++shard) {
        std::string out(split_bytes::kShardMagic, 4);
        out += static_cast<char>(SplitIndex::kVersion);
        appendU32(out, build);
        appendVarint(out, shard);
        appendVarint(out, cuts[shard].endTerm - cuts[shard].firstTerm);
        char32_t previous = 0;
        for (size_t term = cuts[shard].firstTerm; term < cuts[shard].endTerm; ++term) {
            appendVarint(out, termFirst[term] - previous);
            previous = termFirst[term];
            appendVarint(out, index.m_secondChars[term]);
            appendVarint(out, listBytes(term));
        }
        const size_t from = index.m_termOffset[cuts[shard].firstTerm], to = index.m_termOffset[cuts[shard].endTerm];
        out.append(reinterpret_cast<const char*>(index.m_postings.data()) + from, to - from);
        files.shards.push_back(std::move(out));
    }

    std::string& manifest = files.manifest;
    manifest.assign(split_bytes::kManifestMagic, 4);
    manifest += static_cast<char>(SplitIndex::kVersion);
    appendU32(manifest, build);
    appendVarint(manifest, index.m_order.size());
    uint32_t ids = split_bytes::kFnvBasis;
    for (const uint32_t article : index.m_order) ids = fnv1a(std::string_view(bundle.articles[article].id.c_str(), bundle.articles[article].id.size() + 1), ids);
    appendU32(manifest, ids);
    appendVarint(manifest, index.m_longestField);
    for (size_t rank = 0; rank < index.m_order.size(); ++rank) {
        appendVarint(manifest, index.m_articleStart[rank + 1] - index.m_articleStart[rank]);
        appendVarint(manifest, index.m_fieldStart[index.m_articleFirstField[rank] + 1] - index.m_articleStart[rank]);
    }
    appendVarint(manifest, cuts.size());
    for (size_t shard = 0; shard < cuts.size(); ++shard) {
        appendVarint(manifest, termFirst[cuts[shard].firstTerm]);
        appendVarint(manifest, index.m_secondChars[cuts[shard].firstTerm]);
        appendVarint(manifest, files.shards[shard].size());
    }
    char folder[32];
    std::snprintf(folder, sizeof folder, "search/%08x", static_cast<unsigned>(build));
    files.folder = folder;
    return files;
}

}  // namespace reader::core
