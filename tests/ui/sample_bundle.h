// The sample bundle's text (data/sample-bundle.json), which the ui tests load into a ReaderApp.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace reader::test {

inline std::string readSample() {
    std::ifstream file(READER_SOURCE_DIR "/data/sample-bundle.json", std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace reader::test
