// NotoFontSource: Noto Sans / Serif CJK from Debian's font folders (noto_font_source.h).
#include "noto_font_source.h"

#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/em_font_loader.h"

namespace reader::native {

NotoFontSource::NotoFontSource(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) {
        const char* fromEnv = std::getenv("READER_FONT");
        m_path = fromEnv && *fromEnv ? fromEnv : kDebianPath;
    }
}

ImFont* NotoFontSource::install(ImFontAtlas& atlas) {
    size_t size = 0;
    void* data = ImFileLoadToMemory(m_path.c_str(), "rb", &size);  // ImGui's allocator: the atlas frees it
    if (!data) return nullptr;
    return ui::addEmSizedFont(atlas, data, size, kTraditionalChineseFace, name());
}

ImFont* NotoFontSource::installSerif(ImFontAtlas& atlas) {
    std::string path = m_path;
    const size_t sans = path.find("NotoSansCJK");
    if (sans == std::string::npos) return nullptr;  // a font of the user's own: no serif partner known
    path.replace(sans, 11, "NotoSerifCJK");
    size_t size = 0;
    void* data = ImFileLoadToMemory(path.c_str(), "rb", &size);
    if (!data) return nullptr;
    return ui::addEmSizedFont(atlas, data, size, kTraditionalChineseFace, "Noto Serif CJK");
}

}  // namespace reader::native
