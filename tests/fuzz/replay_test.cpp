// Replays one fuzz target's inputs through the same fuzzOne as the fuzzer, without libFuzzer:
// tests/fuzz/regressions/<target>/ (each file an input that once failed) and the seed corpus
// tests/fuzz/corpus/<target>/. A failed invariant aborts the test, so each file is named first
// (CTest shows the output of a failed test).
#include "fuzz_target.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> filesIn(const fs::path& folder) {
    std::vector<fs::path> files;
    if (!fs::is_directory(folder)) return files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().filename() != ".gitkeep") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("fuzz: the regression inputs and seeds of " READER_FUZZ_TARGET " pass") {
    const fs::path root = READER_FUZZ_DIR;
    size_t replayed = 0;
    for (const char* folder : {"regressions", "corpus"}) {
        for (const fs::path& file : filesIn(root / folder / READER_FUZZ_TARGET)) {
            std::printf("replaying %s\n", file.c_str());
            std::fflush(stdout);
            std::ifstream in(file, std::ios::binary);
            const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            CHECK(reader::fuzz::fuzzOne(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}
