// FontSource: where the reader's glyphs come from. One small interface so the strategy can change
// per platform without touching the views: native reads Noto CJK from disk, the web rasterises
// with the browser's own fonts.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace reader::ui {

class FontSource {
public:
    virtual ~FontSource() = default;
    // Adds the reader's font to the atlas and returns it, or nullptr when it cannot.
    virtual ImFont* install(ImFontAtlas& atlas) = 0;
    // A serif (Ming / Song) face for the body when the reader picks it; nullptr where there is none
    // (the body then stays in the sans face).
    virtual ImFont* installSerif(ImFontAtlas&) { return nullptr; }
    // The embedding page's font family (a CSS font-family list, "" for none) before the reader's
    // own faces. True when it changed what glyphs look like: the baked ones are stale then. A
    // source that draws from font files of its own ignores it.
    virtual bool setPageFamily(const char* /*family*/) { return false; }
    virtual const char* name() const = 0;
};

}  // namespace reader::ui
