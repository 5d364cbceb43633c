// Where the ingest tests find their pages: tests/fixtures/ingest/ in the repository, and the seed
// capture in shared/seed/ beside the repository (resolved from the repository root, as CI clones it).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace ingest_test {

inline const std::string kFixtureDir = READER_SOURCE_DIR "/tests/fixtures/ingest/";
inline const std::string kSeedPath = READER_SOURCE_DIR "/../shared/seed/000_18c22c8b62b97626.txt";
inline const std::string kSamplePath = READER_SOURCE_DIR "/data/sample-bundle.json";

// The file's bytes; fails the test (never skips it) when the file is not there.
inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline std::string fixture(const std::string& name) { return readBytes(kFixtureDir + name); }

}  // namespace ingest_test
