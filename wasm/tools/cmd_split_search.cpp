// split-search BUNDLE SPLITDIR [QUERY...] [--json]: the split form's search index (core/split_index.h)
// against the whole-bundle search, query by query, as a reader that has fetched nothing would meet
// it: for each query a fresh index (the manifest only) loads just the shards the query names, from
// SPLITDIR (as `reader-tool split BUNDLE SPLITDIR` wrote it), then both orders' article ids (the
// search view's limit) are compared with SearchIndex's on BUNDLE. Prints per query the shards and
// bytes a cold query fetches and whether the ids are the same; exit 1 if any query differs or a file
// is refused. --json prints one JSON object instead (the bench reads it).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/bundle_loader.h"
#include "core/search_index.h"
#include "core/split_index.h"

namespace reader::tools {

namespace {

namespace fs = std::filesystem;

constexpr size_t kLimit = 500;  // ui::SearchView::kMaxResults

std::vector<size_t> idsOf(const std::vector<core::SearchResult>& results) {
    std::vector<size_t> ids;
    for (const core::SearchResult& result : results) ids.push_back(result.article);
    return ids;
}

struct QueryReport {
    std::string query;
    size_t shards = 0;
    size_t bytes = 0;
    size_t results = 0;  // Relevance, at the limit
    bool same = true;
    std::string error;
};

// One cold query: a fresh index from the manifest, the query's shards read from `folder`.
QueryReport coldQuery(const core::Bundle& index, const std::string& manifest, const fs::path& folder,
                      const core::SearchIndex& whole, const std::string& query) {
    QueryReport report{.query = query};
    core::Result<core::SplitIndex> split = core::SplitIndex::load(index, manifest);
    if (!split) {
        report.error = split.error().message;
        return report;
    }
    for (const size_t shard : split->missingShards(query)) {
        const core::Result<std::string> bytes = readFile((folder / split->shardName(shard)).string().c_str());
        const core::Result<void> loaded = bytes ? split->loadShard(shard, *bytes) : core::Result<void>(bytes.error());
        if (!bytes) report.error = split->shardName(shard) + ": " + bytes.error().message;
        if (bytes && !loaded) report.error = loaded.error().message;  // it names the shard
        report.shards += 1;
        report.bytes += bytes ? bytes->size() : 0;
    }
    for (const core::SearchOrder order : {core::SearchOrder::Newest, core::SearchOrder::Relevance}) {
        const std::vector<size_t> got = idsOf(split->search(query, order, kLimit));
        const std::vector<size_t> want = idsOf(whole.search(query, order, kLimit));
        report.same = report.same && got == want;
        if (order == core::SearchOrder::Relevance) report.results = got.size();
    }
    return report;
}

}  // namespace

int runSplitSearch(Args args) {
    std::vector<std::string> positional;
    bool json = false;
    for (const char* arg : args) {
        if (std::string_view(arg) == "--json") {
            json = true;
        } else if (std::string_view(arg).starts_with("--")) {
            return usage("split-search: unknown option " + std::string(arg));
        } else {
            positional.emplace_back(arg);
        }
    }
    if (positional.size() < 2) return usage("split-search needs BUNDLE and SPLITDIR");
    const fs::path splitDir = positional[1];
    const auto loadBundle = [](const std::string& path) -> core::Result<core::Bundle> {
        const core::Result<std::string> text = readFile(path.c_str());
        if (!text) return core::Error{.message = "cannot read " + path + ": " + text.error().message};
        core::Result<core::Bundle> bundle = core::BundleLoader::load(*text);
        if (!bundle) return core::Error{.message = bundle.error().describeIn(path)};
        return bundle;
    };
    const core::Result<core::Bundle> bundle = loadBundle(positional[0]);
    const core::Result<core::Bundle> index = loadBundle((splitDir / "index.json").string());
    for (const auto* loaded : {&bundle, &index}) {
        if (!*loaded) {
            std::cerr << "reader-tool: " << loaded->error().message << "\n";
            return kExitBadInput;
        }
    }
    if (index->searchIndex.empty()) {
        std::cerr << "reader-tool: " << (splitDir / "index.json").string() << " names no search index\n";
        return kExitBadInput;
    }
    const fs::path manifestPath = splitDir / index->searchIndex;
    const core::Result<std::string> manifest = readFile(manifestPath.string().c_str());
    if (!manifest) {
        std::cerr << "reader-tool: cannot read " << manifestPath.string() << ": " << manifest.error().message << "\n";
        return kExitBadInput;
    }
    core::SearchIndex whole;
    whole.build(*bundle);
    nlohmann::json out = {{"manifestBytes", manifest->size()}, {"queries", nlohmann::json::array()}};
    size_t differences = 0, refused = 0;
    for (size_t i = 2; i < positional.size(); ++i) {
        const QueryReport report = coldQuery(*index, *manifest, manifestPath.parent_path(), whole, positional[i]);
        differences += report.same ? 0 : 1;
        refused += report.error.empty() ? 0 : 1;
        out["queries"].push_back({{"q", report.query}, {"shards", report.shards}, {"bytes", report.bytes},
                                  {"results", report.results}, {"same", report.same}, {"error", report.error}});
        if (!json) {
            std::cout << "\"" << report.query << "\": " << report.results << " results, " << (report.same ? "same ids" : "DIFFERENT ids")
                      << "; cold: " << report.shards << " shards, " << report.bytes << " bytes"
                      << (report.error.empty() ? "" : "; " + report.error) << "\n";
        }
    }
    out["differences"] = differences;
    if (json) std::cout << out.dump() << "\n";
    if (!json) std::cout << "manifest " << manifest->size() << " bytes; " << differences << " queries differ\n";
    return differences == 0 && refused == 0 ? kExitOk : kExitBadInput;
}

}  // namespace reader::tools
