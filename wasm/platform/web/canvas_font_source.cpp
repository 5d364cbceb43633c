// CanvasFontSource: glyphs measured and drawn by the browser's Canvas 2D, read back in batches (canvas_font_source.h).
#include "canvas_font_source.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

namespace reader::web {

namespace {

// [SECTION] JavaScript side: one 2D context per module instance, kept on Module.

// Module.glyphFont(px, family) selects one of the font stacks at a pixel size: family 0 the sans
// stack (Module.fontStack, set by shell/module_start.js, after the page's family if it gave one),
// 1 the serif one (Module.serifStack).
EM_JS(void, js_glyph_init, (), {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(64, 64)
                                                          : document.createElement('canvas');
    Module.glyphCtx = canvas.getContext('2d', {willReadFrequently: true});
    Module.glyphStacks = [Module["fontStack"] || "sans-serif", Module["serifStack"] || "serif"];
    Module.glyphFont = function(px, family) { Module.glyphCtx.font = px + "px " + Module.glyphStacks[family ? 1 : 0]; };
});

// The page's font family (already normalised by the browser, shell/page_theme.js) before the sans
// stack, whose faces still draw what the page's lacks; "" puts the stack back. 1 when it changed.
EM_JS(int, js_set_page_family, (const char* family), {
    const page = UTF8ToString(family);
    const base = Module["fontStack"] || "sans-serif";
    const stack = page ? page + ", " + base : base;
    if (Module.glyphStacks[0] === stack) return 0;
    Module.glyphStacks[0] = stack;
    return 1;
});

// Line metrics at `px`: out[0] ascent, out[1] descent (both positive, in pixels).
EM_JS(void, js_font_metrics, (float px, int family, float* out), {
    Module.glyphFont(px, family);
    const m = Module.glyphCtx.measureText('中');
    HEAPF32[out >> 2] = m.fontBoundingBoxAscent;
    HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent;
});

// Glyph box at `px`: out = advance, left, right, ascent, descent (pixels, from the pen position).
EM_JS(void, js_measure_glyph, (int cp, float px, int family, float* out), {
    Module.glyphFont(px, family);
    const m = Module.glyphCtx.measureText(String.fromCodePoint(cp));
    const o = out >> 2;
    HEAPF32[o] = m.width;
    HEAPF32[o + 1] = m.actualBoundingBoxLeft;
    HEAPF32[o + 2] = m.actualBoundingBoxRight;
    HEAPF32[o + 3] = m.actualBoundingBoxAscent;
    HEAPF32[o + 4] = m.actualBoundingBoxDescent;
});

// Draws a batch of glyphs at `px` into one canvas and reads it back once (a readback per glyph
// costs far more than the drawing). For glyph i, boxes[4i..4i+3] = x0, y0, w, h of its bitmap
// relative to the pen (w = h = 0: nothing to draw); the coverage (alpha) of all glyphs follows in
// one malloc'ed buffer, glyph after glyph, returned (the caller frees it).
EM_JS(unsigned char*, js_render_batch, (const int* cps, int count, float px, int family, int* boxes), {
    const started = performance.now();
    const ctx = Module.glyphCtx;
    Module.glyphFont(px, family);
    const slots = [];
    const rowWidth = 1024;
    let x = 0, y = 0, rowHeight = 0, total = 0;
    for (let i = 0; i < count; i++) {
        const ch = String.fromCodePoint(HEAP32[(cps >> 2) + i]);
        const m = ctx.measureText(ch);
        const ink = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 &&
                    m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0;
        const x0 = Math.floor(-m.actualBoundingBoxLeft) - 1, x1 = Math.ceil(m.actualBoundingBoxRight) + 1;
        const y0 = Math.floor(-m.actualBoundingBoxAscent) - 1, y1 = Math.ceil(m.actualBoundingBoxDescent) + 1;
        const w = ink ? Math.min(x1 - x0, rowWidth) : 0, h = ink ? y1 - y0 : 0;
        if (x + w > rowWidth) { x = 0; y += rowHeight + 1; rowHeight = 0; }
        slots.push({ch, x0, y0, w, h, sx: x, sy: y});
        x += w + 1;
        rowHeight = Math.max(rowHeight, h);
        total += w * h;
    }
    const height = y + rowHeight + 1;
    if (ctx.canvas.width < rowWidth || ctx.canvas.height < height) {
        ctx.canvas.width = Math.max(ctx.canvas.width, rowWidth);
        ctx.canvas.height = Math.max(ctx.canvas.height, height);
    }
    Module.glyphFont(px, family);  // resizing a canvas resets its state
    ctx.clearRect(0, 0, rowWidth, height);
    ctx.fillStyle = "#fff";
    ctx.textBaseline = "alphabetic";
    for (const s of slots) if (s.w > 0) ctx.fillText(s.ch, s.sx - s.x0, s.sy - s.y0);
    const rgba = ctx.getImageData(0, 0, rowWidth, height).data;
    const out = _malloc(Math.max(total, 1));
    let o = out;
    slots.forEach((s, i) => {
        HEAP32[(boxes >> 2) + 4 * i] = s.x0;
        HEAP32[(boxes >> 2) + 4 * i + 1] = s.y0;
        HEAP32[(boxes >> 2) + 4 * i + 2] = s.w;
        HEAP32[(boxes >> 2) + 4 * i + 3] = s.h;
        for (let r = 0; r < s.h; r++) {
            const row = ((s.sy + r) * rowWidth + s.sx) * 4 + 3;
            for (let c = 0; c < s.w; c++) HEAPU8[o++] = rgba[row + c * 4];
        }
    });
    const stats = Module.glyphStats || (Module.glyphStats = {glyphs: 0, batches: 0, ms: 0});
    stats.glyphs += count;
    stats.batches += 1;
    stats.ms += performance.now() - started;
    return out;
});

// [SECTION] Batching: glyphs measured for layout are queued, and drawn together when the first of
// them is drawn (layout measures a whole paragraph before anything of it is drawn).

struct GlyphBitmap {
    int x0 = 0, y0 = 0, w = 0, h = 0;  // relative to the pen, in device pixels
    std::vector<unsigned char> alpha;
};

// Glyphs are queued and kept by pixel size and face: the serif face's sizes are stored negated.
float sizeKey(float px, int family) { return family ? -px : px; }

uint64_t glyphKey(float px, ImWchar cp) {
    uint32_t bits;
    std::memcpy(&bits, &px, sizeof bits);
    return (static_cast<uint64_t>(bits) << 32) | static_cast<uint32_t>(cp);
}

std::unordered_map<float, std::vector<int>> g_pending;     // per pixel size, in the order measured
std::unordered_map<uint64_t, GlyphBitmap> g_rendered;       // drawn, not yet handed to the atlas

constexpr size_t kMaxBatch = 256;  // glyphs per readback: bounds the scratch canvas's height

void renderBatch(float px, int family, std::vector<int> cps) {
    std::vector<int> boxes(cps.size() * 4);
    unsigned char* alpha = js_render_batch(cps.data(), static_cast<int>(cps.size()), px, family, boxes.data());
    const unsigned char* next = alpha;
    for (size_t i = 0; i < cps.size(); ++i) {
        GlyphBitmap bitmap{boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], {}};
        bitmap.alpha.assign(next, next + bitmap.w * bitmap.h);
        next += bitmap.w * bitmap.h;
        g_rendered[glyphKey(sizeKey(px, family), static_cast<ImWchar>(cps[i]))] = std::move(bitmap);
    }
    free(alpha);
}

GlyphBitmap takeBitmap(float px, int family, ImWchar cp) {
    const float size = sizeKey(px, family);
    const uint64_t key = glyphKey(size, cp);
    if (!g_rendered.count(key)) {
        std::vector<int>& pending = g_pending[size];
        // The glyphs measured after this one follow it in the text, so they are the likeliest to be
        // drawn next: the batch takes those, not the oldest queued. (Layout measures a whole
        // paragraph; one of 63,000 distinct characters scrolled to its middle rasterised all that
        // came before the screen first, in a 15 s frame: issue #19.)
        const auto at = std::find(pending.begin(), pending.end(), static_cast<int>(cp));
        const auto from = at == pending.end() ? pending.begin() : at + 1;
        std::vector<int> batch{static_cast<int>(cp)};
        auto to = from;
        for (; to != pending.end() && batch.size() < kMaxBatch; ++to) {
            if (*to != static_cast<int>(cp) && !g_rendered.count(glyphKey(size, static_cast<ImWchar>(*to)))) batch.push_back(*to);
        }
        pending.erase(at == pending.end() ? from : at, to);
        renderBatch(px, family, std::move(batch));
    }
    const auto it = g_rendered.find(key);
    GlyphBitmap bitmap = std::move(it->second);
    g_rendered.erase(it);
    return bitmap;
}

// [SECTION] ImFontLoader callbacks

float densityOf(const ImFontConfig* src, const ImFontBaked* baked) { return src->RasterizerDensity * baked->RasterizerDensity; }

ImFont* g_serifFont = nullptr;  // installSerif's font: its sources draw from the serif stack
int familyOf(const ImFontConfig* src) { return src->DstFont && src->DstFont == g_serifFont ? 1 : 0; }

bool fontSrcContainsGlyph(ImFontAtlas*, ImFontConfig*, ImWchar) {
    return true;  // the browser falls back through every installed font; it has no cheap "has glyph" query
}

bool fontBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const float density = densityOf(src, baked);
    float metrics[2];
    js_font_metrics(baked->Size * density, familyOf(src), metrics);
    baked->Ascent = std::ceil(metrics[0] / density);
    baked->Descent = -std::ceil(metrics[1] / density);
    // Layout asks for advances first (CalcTextSize, core's layout): answer those from measureText
    // alone and queue the glyph, so that drawing can rasterise the whole queue in one readback.
    baked->LoadNoRenderOnLayout = true;
    return true;
}

bool fontBakedLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                        ImFontGlyph* outGlyph, float* outAdvanceX) {
    const float density = densityOf(src, baked);
    const float px = baked->Size * density;
    float box[5];  // advance, left, right, ascent, descent
    const int family = familyOf(src);
    js_measure_glyph(static_cast<int>(codepoint), px, family, box);
    const float advance = box[0] / density;
    if (outAdvanceX) {  // metrics-only request, from layout: the glyph will be drawn soon
        *outAdvanceX = advance;
        g_pending[sizeKey(px, family)].push_back(static_cast<int>(codepoint));
        return true;
    }
    outGlyph->Codepoint = codepoint;
    outGlyph->AdvanceX = advance;
    const GlyphBitmap bitmap = takeBitmap(px, family, codepoint);
    if (bitmap.w <= 0 || bitmap.h <= 0) return true;  // a space: advance only

    const ImFontAtlasRectId packId = ImFontAtlasPackAddRect(atlas, bitmap.w, bitmap.h);
    if (packId == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, packId);
    const float baseline = std::round(baked->Ascent);
    outGlyph->X0 = bitmap.x0 / density;
    outGlyph->Y0 = bitmap.y0 / density + baseline;
    outGlyph->X1 = (bitmap.x0 + rect->w) / density;
    outGlyph->Y1 = (bitmap.y0 + rect->h) / density + baseline;
    outGlyph->Visible = true;
    outGlyph->PackId = packId;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, outGlyph, rect, bitmap.alpha.data(), ImTextureFormat_Alpha8, bitmap.w);
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

ImFont* addCanvasFont(ImFontAtlas& atlas, const char* name) {
    ImFontConfig config;
    config.FontLoader = canvasLoader();
    config.FontDataOwnedByAtlas = true;  // there is no font data to copy
    ImFormatString(config.Name, IM_ARRAYSIZE(config.Name), "%s", name);
    return atlas.AddFont(&config);
}

}  // namespace

ImFont* CanvasFontSource::install(ImFontAtlas& atlas) {
    js_glyph_init();
    return addCanvasFont(atlas, name());
}

bool CanvasFontSource::setPageFamily(const char* family) {
    if (!js_set_page_family(family)) return false;
    g_pending.clear();  // measured or drawn in the old face
    g_rendered.clear();
    return true;
}

ImFont* CanvasFontSource::installSerif(ImFontAtlas& atlas) {
    // Set before the first bake: AddFont bakes nothing, glyphs come when text is drawn.
    g_serifFont = addCanvasFont(atlas, "browser serif fonts via Canvas 2D");
    return g_serifFont;
}

}  // namespace reader::web
