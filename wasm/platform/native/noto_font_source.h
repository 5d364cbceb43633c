// Native font source: Debian's Noto Sans CJK (Traditional Chinese face), baked by stb_truetype on
// demand. The path can be overridden (--font or READER_FONT) for machines that keep it elsewhere.
#pragma once

#include <string>

#include "ui/font_source.h"

namespace reader::native {

class NotoFontSource final : public ui::FontSource {
public:
    explicit NotoFontSource(std::string path = {});
    ImFont* install(ImFontAtlas& atlas) override;
    // Noto Serif CJK beside the sans collection (Debian's fonts-noto-cjk ships both).
    ImFont* installSerif(ImFontAtlas& atlas) override;
    const char* name() const override { return "Noto Sans CJK TC (file)"; }
    const std::string& path() const { return m_path; }

    static constexpr const char* kDebianPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static constexpr int kTraditionalChineseFace = 3;  // index in the .ttc (fc-query lists the faces)

private:
    std::string m_path;
};

}  // namespace reader::native
