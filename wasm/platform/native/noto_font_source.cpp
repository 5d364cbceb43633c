#include "noto_font_source.h"

#include <cstdlib>

#include <imgui.h>

namespace reader::native {

NotoFontSource::NotoFontSource(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) {
        const char* fromEnv = std::getenv("READER_FONT");
        m_path = fromEnv && *fromEnv ? fromEnv : kDebianPath;
    }
}

ImFont* NotoFontSource::install(ImFontAtlas& atlas) {
    ImFontConfig config;
    config.FontNo = kTraditionalChineseFace;
    config.OversampleH = 1;  // CJK strokes are dense; oversampling only costs atlas space here
    config.OversampleV = 1;
    return atlas.AddFontFromFileTTF(m_path.c_str(), 0.0f, &config);
}

}  // namespace reader::native
