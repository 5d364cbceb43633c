// The sample bundle's text (data/sample-bundle.json), which the ui tests load into a ReaderApp, and
// other files the build writes that they hand to one (the script tables).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace reader::test {

inline std::string readFile(const char* path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

inline std::string readSample() { return readFile(READER_SOURCE_DIR "/data/sample-bundle.json"); }

}  // namespace reader::test
