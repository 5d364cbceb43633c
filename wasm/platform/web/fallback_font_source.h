// Web fallback font source: where the browser cannot draw Chinese itself (no CJK font on the
// system, or no 2D canvas), the page fetches a small subset of Noto Sans CJK TC built with the
// app (fonts/reader-fallback.otf, the sample bundle's characters and the UI's) and hands its bytes
// to the module; stb_truetype bakes glyphs from it on demand.
#pragma once

#include "ui/font_source.h"

namespace reader::web {

class FallbackFontSource final : public ui::FontSource {
public:
    // True when the page passed font bytes (Module.fallbackFont).
    static bool available();
    ImFont* install(ImFontAtlas& atlas) override;
    const char* name() const override { return "fallback subset font (Noto Sans CJK TC)"; }
};

}  // namespace reader::web
