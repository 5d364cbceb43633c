// split BUNDLE OUTDIR [--shard-articles K] [--index-shard-bytes B]: the split form of a bundle (data/README.md, "The split
// form"), for readers that fetch article bodies only when an article opens:
//   OUTDIR/index.json        the bundle without bodies: format version 1.1, the same site and
//                            categories, every article with all its fields but `body`, plus `shard`
//   OUTDIR/shards/NNNN.json  the bodies of K articles (default 200): newest first, so the articles a
//                            reader lists first share the first shards
//   OUTDIR/search/<build>/   the search index, cut into shards by bigram (core/split_index.h):
//                            manifest.bin, named by index.json's `searchIndex`, and NNNN.bin
// Articles stay in bundle order in index.json. Every field is kept as written, unknown ones
// included. Digit-named .json files already in OUTDIR/shards, and earlier builds' folders in
// OUTDIR/search, are removed first, so no stale shard is left behind.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/bundle_loader.h"
#include "core/shard_loader.h"
#include "core/split_index.h"

namespace reader::tools {

namespace {

using Json = nlohmann::ordered_json;  // keeps the bundle's key order
namespace fs = std::filesystem;

constexpr size_t kDefaultShardArticles = 200;

// "shards/0007.json": at least four digits, more when there are more shards.
std::string shardName(size_t shard, size_t shards) {
    const size_t width = std::max<size_t>(4, std::to_string(shards == 0 ? 0 : shards - 1).size());
    std::string digits = std::to_string(shard);
    return "shards/" + std::string(width - digits.size(), '0') + digits + ".json";
}

// An object written with each element of its array member `listKey` on a line of its own (each
// member of it, when `listKey` names an object).
std::string linedJson(const Json& root, const std::string& listKey) {
    std::string out = "{\n";
    bool firstKey = true;
    for (const auto& item : root.items()) {
        if (!firstKey) out += ",\n";
        firstKey = false;
        out += "  " + Json(item.key()).dump() + ": ";
        if (item.key() != listKey || item.value().empty()) {
            out += item.value().dump();
            continue;
        }
        const bool isArray = item.value().is_array();
        out += isArray ? "[\n" : "{\n";
        bool firstElement = true;
        for (const auto& element : item.value().items()) {
            if (!firstElement) out += ",\n";
            firstElement = false;
            out += "    ";
            if (!isArray) out += Json(element.key()).dump() + ": ";
            out += element.value().dump();
        }
        out += isArray ? "\n  ]" : "\n  }";
    }
    return out + "\n}\n";
}

// Writes the file, or says on stderr why not.
bool written(const fs::path& path, const std::string& text) {
    const core::Result<void> result = writeFile(path.string(), text);
    if (!result) std::cerr << "reader-tool: cannot write " << path.string() << ": " << result.error().message << "\n";
    return result.ok();
}

// Removes OUTDIR/shards/<digits>.json left by an earlier split.
void removeOldShards(const fs::path& folder) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const std::string stem = entry.path().stem().string();
        if (entry.path().extension() == ".json" && !stem.empty() &&
            std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }) && name == stem + ".json")
            fs::remove(entry.path(), error);
    }
}

// Removes OUTDIR/search/<8 hex digits>/ left by an earlier split (another build of the index).
void removeOldSearchIndexes(const fs::path& folder) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
        if (entry.is_directory() && name.size() == 8 && std::all_of(name.begin(), name.end(), isHex)) fs::remove_all(entry.path(), error);
    }
}

// The search index's files under OUTDIR/<files.folder>/, or false (said on stderr).
bool writeSearchIndex(const fs::path& outDir, const core::SplitIndexFiles& files) {
    std::error_code error;
    fs::create_directories(outDir / files.folder, error);
    if (error) {
        std::cerr << "reader-tool: cannot create " << (outDir / files.folder).string() << ": " << error.message() << "\n";
        return false;
    }
    removeOldSearchIndexes(outDir / "search");
    fs::create_directories(outDir / files.folder, error);
    if (!written(outDir / files.folder / "manifest.bin", files.manifest)) return false;
    for (size_t shard = 0; shard < files.shards.size(); ++shard) {
        if (!written(outDir / files.folder / core::SplitIndex::shardName(shard, files.shards.size()), files.shards[shard])) return false;
    }
    return true;
}

}  // namespace

int runSplit(Args args) {
    std::vector<const char*> positional;
    size_t shardArticles = kDefaultShardArticles;
    size_t indexShardBytes = core::SplitIndexWriter::kShardBytes;  // a search index shard is cut past this
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--shard-articles") {
            if (i + 1 == args.size()) return usage("split: --shard-articles needs a value");
            const std::string_view value = args[++i];
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), shardArticles);
            if (error != std::errc() || end != value.data() + value.size() || shardArticles == 0)
                return usage("split: --shard-articles takes a whole number above 0, not \"" + std::string(value) + "\"");
        } else if (arg == "--index-shard-bytes") {
            if (i + 1 == args.size()) return usage("split: --index-shard-bytes needs a value");
            const std::string_view value = args[++i];
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), indexShardBytes);
            if (error != std::errc() || end != value.data() + value.size() || indexShardBytes == 0)
                return usage("split: --index-shard-bytes takes a whole number above 0, not \"" + std::string(value) + "\"");
        } else if (arg.starts_with("--")) {
            return usage("split: unknown option " + std::string(arg));
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 2) return usage("split needs BUNDLE and OUTDIR");
    const char* bundlePath = positional[0];
    const fs::path outDir = positional[1];

    const core::Result<std::string> text = readFile(bundlePath);
    if (!text) {
        std::cerr << "reader-tool: cannot read " << bundlePath << ": " << text.error().message << "\n";
        return kExitBadInput;
    }
    // The newest-first order of the articles, from the validated model (published times with offsets),
    // and the search index of the whole text.
    std::vector<size_t> newestFirst;
    core::SplitIndexFiles searchIndex;
    {
        const core::Result<core::Bundle> loaded = core::BundleLoader::load(*text);
        if (!loaded) {
            std::cerr << loaded.error().describeIn(bundlePath) << "\n";
            return kExitBadInput;
        }
        const std::vector<core::Article>& articles = loaded->articles;
        newestFirst.resize(articles.size());
        std::iota(newestFirst.begin(), newestFirst.end(), size_t{0});
        std::stable_sort(newestFirst.begin(), newestFirst.end(), [&](size_t a, size_t b) {
            return articles[a].published.epochSeconds > articles[b].published.epochSeconds;
        });
        searchIndex = core::SplitIndexWriter::write(*loaded, indexShardBytes);
    }

    // The same text as JSON, every field kept; bodies move into the shards.
    Json root = Json::parse(*text);
    Json& articles = root["articles"];
    const size_t shards = (newestFirst.size() + shardArticles - 1) / shardArticles;
    std::vector<Json> shardArticlesJson(shards, Json::object());
    for (size_t rank = 0; rank < newestFirst.size(); ++rank) {
        Json& article = articles[newestFirst[rank]];
        const std::string name = shardName(rank / shardArticles, shards);
        shardArticlesJson[rank / shardArticles][article["id"].get<std::string>()] = std::move(article["body"]);
        article.erase("body");
        article["shard"] = name;
    }
    Json& version = root["format"]["version"];
    if (version.get<std::string>() == "1.0") version = "1.1";  // a later 1.x stays as it is

    std::error_code error;
    fs::create_directories(outDir / "shards", error);
    if (error) {
        std::cerr << "reader-tool: cannot create " << (outDir / "shards").string() << ": " << error.message() << "\n";
        return kExitBadInput;
    }
    removeOldShards(outDir / "shards");
    for (size_t shard = 0; shard < shards; ++shard) {
        Json file = Json::object();
        file["format"] = {{"name", core::ShardLoader::kFormatName}, {"version", version}};  // 1.2 bodies: a 1.2 shard
        file["articles"] = std::move(shardArticlesJson[shard]);
        if (!written(outDir / shardName(shard, shards), linedJson(file, "articles"))) return kExitBadInput;
    }
    if (!writeSearchIndex(outDir, searchIndex)) return kExitBadInput;
    root["searchIndex"] = searchIndex.folder + "/manifest.bin";  // last: a new key moves root's members (`version`)
    if (!written(outDir / "index.json", linedJson(root, "articles"))) return kExitBadInput;
    size_t indexBytes = searchIndex.manifest.size();
    for (const std::string& shard : searchIndex.shards) indexBytes += shard.size();
    std::cout << (outDir / "index.json").string() << ": " << newestFirst.size() << " articles, " << shards
              << (shards == 1 ? " shard" : " shards") << " of up to " << shardArticles << "\n"
              << (outDir / searchIndex.folder).string() << "/: search index, manifest " << searchIndex.manifest.size()
              << " bytes, " << searchIndex.shards.size() << " shards, " << indexBytes << " bytes in all\n";
    return kExitOk;
}

}  // namespace reader::tools
