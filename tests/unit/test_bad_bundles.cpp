// The corpus of bad bundles in tests/bad-bundles/: each NN-name.json is refused with exactly the
// one-line message of its NN-name.expected (Error::describe()). One file per class of error;
// adding a case is adding two files.
#include "core/bundle_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using reader::core::BundleLoader;
using reader::core::Bundle;
using reader::core::Result;

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(READER_SOURCE_DIR) / "tests" / "bad-bundles";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> filesWithExtension(const std::string& extension) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus)) {
        if (entry.path().extension() == extension) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("bad bundles: each is refused with its expected message") {
    const std::vector<fs::path> bundles = filesWithExtension(".json");
    CHECK(bundles.size() >= 20);
    for (const fs::path& bundle : bundles) {
        fs::path expectedPath = bundle;
        expectedPath.replace_extension(".expected");
        REQUIRE_MESSAGE(fs::exists(expectedPath), expectedPath.string(), " is missing");
        std::string expected = readFile(expectedPath);
        if (!expected.empty() && expected.back() == '\n') expected.pop_back();
        const Result<Bundle> result = BundleLoader::load(readFile(bundle));
        INFO(bundle.filename().string());
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().describe() == expected);
    }
}

TEST_CASE("bad bundles: every expected message has its bundle") {
    for (const fs::path& expected : filesWithExtension(".expected")) {
        fs::path bundle = expected;
        bundle.replace_extension(".json");
        CHECK_MESSAGE(fs::exists(bundle), bundle.string(), " is missing");
    }
}
