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

}  // namespace reader::native
