// EmFontLoader: font files read by stb_truetype, sized by the em square (em_font_loader.h).
#include "em_font_loader.h"

#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

// stb_truetype's declarations; its one implementation is in the imgui library (imgui_stb.cpp).
// stb_rect_pack comes first, as in imgui_draw.cpp, because imgui_internal.h already names its node type.
#include <imstb_rectpack.h>
#include <imstb_truetype.h>

namespace reader::ui {

namespace {

struct FaceData {
    stbtt_fontinfo info;
    float emScale = 0.0f;  // pixels per font unit at a 1px em
};

FaceData* faceOf(ImFontConfig* src) { return static_cast<FaceData*>(src->FontLoaderData); }

bool fontSrcInit(ImFontAtlas*, ImFontConfig* src) {
    const auto* data = static_cast<const unsigned char*>(src->FontData);
    const int offset = stbtt_GetFontOffsetForIndex(data, src->FontNo);
    auto* face = IM_NEW(FaceData)();
    if (offset < 0 || !stbtt_InitFont(&face->info, data, offset)) {
        IM_DELETE(face);
        return false;
    }
    face->emScale = stbtt_ScaleForMappingEmToPixels(&face->info, 1.0f);
    src->FontLoaderData = face;
    return true;
}

void fontSrcDestroy(ImFontAtlas*, ImFontConfig* src) {
    IM_DELETE(faceOf(src));
    src->FontLoaderData = nullptr;
}

bool fontSrcContainsGlyph(ImFontAtlas*, ImFontConfig* src, ImWchar codepoint) {
    return stbtt_FindGlyphIndex(&faceOf(src)->info, static_cast<int>(codepoint)) != 0;
}

bool fontBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const FaceData* face = faceOf(src);
    int ascent = 0, descent = 0, lineGap = 0;
    stbtt_GetFontVMetrics(&face->info, &ascent, &descent, &lineGap);
    const float scale = face->emScale * baked->Size;
    baked->Ascent = std::ceil(ascent * scale);
    baked->Descent = std::floor(descent * scale);
    // Layout asks for advances only; a glyph is rasterised when it is drawn. Without this, laying out
    // a paragraph of 63,000 distinct characters rasterised them all, on screen or not (issue #19).
    baked->LoadNoRenderOnLayout = true;
    return true;
}

bool fontBakedLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                        ImFontGlyph* outGlyph, float* outAdvanceX) {
    const FaceData* face = faceOf(src);
    const int glyph = stbtt_FindGlyphIndex(&face->info, static_cast<int>(codepoint));
    if (glyph == 0) return false;
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float layoutScale = face->emScale * baked->Size;
    const float rasterScale = layoutScale * density;
    int advance = 0, leftBearing = 0;
    stbtt_GetGlyphHMetrics(&face->info, glyph, &advance, &leftBearing);
    if (outAdvanceX) {  // metrics-only request
        *outAdvanceX = advance * layoutScale;
        return true;
    }
    outGlyph->Codepoint = codepoint;
    outGlyph->AdvanceX = advance * layoutScale;

    int x0, y0, x1, y1;
    stbtt_GetGlyphBitmapBox(&face->info, glyph, rasterScale, rasterScale, &x0, &y0, &x1, &y1);
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) return true;  // a space: advance only

    const ImFontAtlasRectId packId = ImFontAtlasPackAddRect(atlas, w, h);
    if (packId == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, packId);
    ImVector<unsigned char>& pixels = atlas->Builder->TempBuffer;
    pixels.resize(w * h);
    stbtt_MakeGlyphBitmap(&face->info, pixels.Data, w, h, w, rasterScale, rasterScale, glyph);

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

const ImFontLoader* emSizedLoader() {
    static ImFontLoader loader;
    loader.Name = "stb_truetype (em-sized)";
    loader.FontSrcInit = fontSrcInit;
    loader.FontSrcDestroy = fontSrcDestroy;
    loader.FontSrcContainsGlyph = fontSrcContainsGlyph;
    loader.FontBakedInit = fontBakedInit;
    loader.FontBakedLoadGlyph = fontBakedLoadGlyph;
    return &loader;
}

}  // namespace

ImFont* addEmSizedFont(ImFontAtlas& atlas, void* data, size_t size, int faceIndex, const char* name) {
    ImFontConfig config;
    config.FontData = data;
    config.FontDataSize = static_cast<int>(size);
    config.FontDataOwnedByAtlas = true;
    config.FontNo = faceIndex;
    config.FontLoader = emSizedLoader();
    ImFormatString(config.Name, IM_ARRAYSIZE(config.Name), "%s", name);
    return atlas.AddFont(&config);
}

}  // namespace reader::ui
