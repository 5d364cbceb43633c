#include "canvas_font_source.h"

#include <emscripten.h>

#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace reader::web {

namespace {

// [SECTION] JavaScript side: one 2D context per module instance, kept on Module.

// Module.glyphFont(px) selects the font stack at a pixel size: CJK faces common on each platform
// first, then the system's sans-serif.
EM_JS(void, js_glyph_init, (), {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(64, 64)
                                                          : document.createElement('canvas');
    Module.glyphCtx = canvas.getContext('2d', {willReadFrequently: true});
    Module.glyphFont = function(px) {
        Module.glyphCtx.font = px + 'px "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", ' +
            '"Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
    };
});

// Line metrics at `px`: out[0] ascent, out[1] descent (both positive, in pixels).
EM_JS(void, js_font_metrics, (float px, float* out), {
    Module.glyphFont(px);
    const m = Module.glyphCtx.measureText('中');
    HEAPF32[out >> 2] = m.fontBoundingBoxAscent;
    HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent;
});

// Glyph box at `px`: out = advance, left, right, ascent, descent (pixels, from the pen position).
EM_JS(void, js_measure_glyph, (int cp, float px, float* out), {
    Module.glyphFont(px);
    const m = Module.glyphCtx.measureText(String.fromCodePoint(cp));
    const o = out >> 2;
    HEAPF32[o] = m.width;
    HEAPF32[o + 1] = m.actualBoundingBoxLeft;
    HEAPF32[o + 2] = m.actualBoundingBoxRight;
    HEAPF32[o + 3] = m.actualBoundingBoxAscent;
    HEAPF32[o + 4] = m.actualBoundingBoxDescent;
});

// Draws the glyph with its pen at (-x0, -y0) into a w*h box and copies its coverage (alpha) to `dst`.
EM_JS(void, js_render_glyph, (int cp, float px, int w, int h, int x0, int y0, unsigned char* dst), {
    const ctx = Module.glyphCtx;
    if (ctx.canvas.width < w || ctx.canvas.height < h) {
        ctx.canvas.width = Math.max(ctx.canvas.width, w);
        ctx.canvas.height = Math.max(ctx.canvas.height, h);
    }
    Module.glyphFont(px);  // resizing a canvas resets its state
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(String.fromCodePoint(cp), -x0, -y0);
    const rgba = ctx.getImageData(0, 0, w, h).data;
    for (let i = 0, n = w * h; i < n; i++) HEAPU8[dst + i] = rgba[i * 4 + 3];
});

// [SECTION] ImFontLoader callbacks

float densityOf(const ImFontConfig* src, const ImFontBaked* baked) { return src->RasterizerDensity * baked->RasterizerDensity; }

bool fontSrcContainsGlyph(ImFontAtlas*, ImFontConfig*, ImWchar) {
    return true;  // the browser falls back through every installed font; it has no cheap "has glyph" query
}

bool fontBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const float density = densityOf(src, baked);
    float metrics[2];
    js_font_metrics(baked->Size * density, metrics);
    baked->Ascent = std::ceil(metrics[0] / density);
    baked->Descent = -std::ceil(metrics[1] / density);
    return true;
}

bool fontBakedLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                        ImFontGlyph* outGlyph, float* outAdvanceX) {
    const float density = densityOf(src, baked);
    const float px = baked->Size * density;
    float box[5];  // advance, left, right, ascent, descent
    js_measure_glyph(static_cast<int>(codepoint), px, box);
    const float advance = box[0] / density;
    if (outAdvanceX) {  // metrics-only request
        *outAdvanceX = advance;
        return true;
    }
    outGlyph->Codepoint = codepoint;
    outGlyph->AdvanceX = advance;

    // Bitmap box around the ink, one pixel of margin for anti-aliasing, relative to the pen.
    const int x0 = static_cast<int>(std::floor(-box[1])) - 1;
    const int x1 = static_cast<int>(std::ceil(box[2])) + 1;
    const int y0 = static_cast<int>(std::floor(-box[3])) - 1;
    const int y1 = static_cast<int>(std::ceil(box[4])) + 1;
    const int w = x1 - x0, h = y1 - y0;
    if (box[2] + box[1] <= 0.0f || box[3] + box[4] <= 0.0f) return true;  // a space: advance only

    const ImFontAtlasRectId packId = ImFontAtlasPackAddRect(atlas, w, h);
    if (packId == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, packId);
    ImVector<unsigned char>& pixels = atlas->Builder->TempBuffer;
    pixels.resize(w * h);
    js_render_glyph(static_cast<int>(codepoint), px, w, h, x0, y0, pixels.Data);

    const float baseline = std::round(baked->Ascent);
    outGlyph->X0 = x0 / density;
    outGlyph->Y0 = y0 / density + baseline;
    outGlyph->X1 = (x0 + rect->w) / density;
    outGlyph->Y1 = (y0 + rect->h) / density + baseline;
    outGlyph->Visible = true;
    outGlyph->PackId = packId;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, outGlyph, rect, pixels.Data, ImTextureFormat_Alpha8, w);
    return true;
}

const ImFontLoader* canvasLoader() {
    static ImFontLoader loader;
    loader.Name = "canvas2d";
    loader.FontSrcContainsGlyph = fontSrcContainsGlyph;
    loader.FontBakedInit = fontBakedInit;
    loader.FontBakedLoadGlyph = fontBakedLoadGlyph;
    return &loader;
}

}  // namespace

ImFont* CanvasFontSource::install(ImFontAtlas& atlas) {
    js_glyph_init();
    ImFontConfig config;
    config.FontLoader = canvasLoader();
    config.FontDataOwnedByAtlas = true;  // there is no font data to copy
    ImFormatString(config.Name, IM_ARRAYSIZE(config.Name), "%s", name());
    return atlas.AddFont(&config);
}

}  // namespace reader::web
