// Web font source: glyphs rasterised by the browser itself (Canvas 2D fillText on an offscreen
// canvas) through a custom ImFontLoader, so any character the reader's system can show appears
// at any size and density with zero font bytes downloaded.
#pragma once

#include "ui/font_source.h"

namespace reader::web {

class CanvasFontSource final : public ui::FontSource {
public:
    ImFont* install(ImFontAtlas& atlas) override;
    // The same glyphs from the page's serif stack (Module.serifStack).
    ImFont* installSerif(ImFontAtlas& atlas) override;
    bool setPageFamily(const char* family) override;
    const char* name() const override { return "browser fonts via Canvas 2D"; }
};

}  // namespace reader::web
