// Drawing laid-out paragraphs: highlights, glyphs, readings in their tone colours (paragraph_view.h).
#include "paragraph_view.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/pinyin_tone.h"
#include "core/ruby_parser.h"
#include "imgui_glyph_metrics.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

// The top of a Han character's ink below ImGui's text position, as a fraction of the em:
// ideographs fill about 0.88 em above the baseline in the CJK faces we draw with.
constexpr float kIdeographicAscent = 0.88f;

// The glyphs of `lines`, each in its ink: the text's colour, or an inline ink's (a link underlined
// under its glyphs, strong text drawn twice a fraction of the em apart, as browsers embolden a face
// that has no bold).
void drawGlyphs(ImDrawList* drawList, const core::ParagraphLayout& layout, const ParagraphStyle& style, ImVec2 origin,
                std::span<const core::LineBox> lines, std::span<const InlineInk> inks) {
    const float size = style.options.fontSize;
    const float top = glyphTop(layout, style);
    ImFont* font = style.font;
    const float boldOffset = std::max(1.0f / std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x), size / 24.0f);
    const float underlineY = top + ascent(font, size) + std::max(1.0f, std::round(size * 0.12f));
    auto ink = inks.begin();
    for (const core::LineBox& line : lines) {
        const float y = std::round(origin.y + line.y + top);
        for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) {
            while (ink != inks.end() && ink->end <= g) ++ink;
            const InlineInk* own = ink != inks.end() && ink->begin <= g ? &*ink : nullptr;
            const core::Glyph& glyph = layout.glyphs[g];
            const float x = std::round(origin.x + glyph.x);
            if (own && own->underline) {
                const float lineY = std::round(origin.y + line.y + underlineY);
                drawList->AddRectFilled(ImVec2(x, lineY), ImVec2(std::round(origin.x + glyph.x + glyph.advance), lineY + 1.0f), own->color);
            }
            if (glyph.cp == U' ' || glyph.cp == 0x3000) continue;
            const ImU32 color = own ? own->color : style.color;
            font->RenderChar(drawList, size, ImVec2(x, y), color, static_cast<ImWchar>(glyph.cp));
            if (own && own->bold) font->RenderChar(drawList, size, ImVec2(x + boldOffset, y), color, static_cast<ImWchar>(glyph.cp));
        }
    }
}

}  // namespace

std::pair<size_t, size_t> visibleLines(const core::ParagraphLayout& layout, float originY, float clipTop, float clipBottom) {
    const size_t count = layout.lines.size();
    if (count == 0 || layout.lineAdvance <= 0.0f) return {0, count};
    // Line k spans [originY + k * advance, originY + (k + 1) * advance); one more line each side, for
    // ink that leaves its line box.
    const auto lineAt = [&](float y) { return std::clamp(std::floor((y - originY) / layout.lineAdvance), 0.0f, static_cast<float>(count)); };
    const size_t first = static_cast<size_t>(lineAt(clipTop - layout.lineAdvance));
    const size_t end = std::min(count, static_cast<size_t>(lineAt(clipBottom + layout.lineAdvance)) + 1);
    return {std::min(first, end), end};
}

core::ParagraphLayout layoutText(std::string_view text, const ParagraphStyle& style) {
    const ImGuiGlyphMetrics metrics(style.font);
    return core::TextLayout::layout(core::RubyParser::parse(text), style.options, metrics);
}

float glyphTop(const core::ParagraphLayout& layout, const ParagraphStyle& style) {
    const float size = style.options.fontSize;
    const float lineBox = layout.lineAdvance - layout.rubyBand;
    return layout.rubyBand + std::round((lineBox - naturalHeight(style.font, size)) * 0.5f);
}

void drawParagraph(ImDrawList* drawList, const core::ParagraphLayout& layout, const ParagraphStyle& style,
                   ImVec2 origin, const std::vector<Highlight>& highlights, std::span<const InlineInk> inks) {
    const float size = style.options.fontSize;
    const float top = glyphTop(layout, style);
    ImFont* font = style.font;

    // Only the lines inside the clip rectangle: a paragraph of a megabyte partly on screen costs a
    // screenful (every line is one line advance below the one before, core/text_layout.h).
    const std::pair<size_t, size_t> visible = visibleLines(layout, origin.y, drawList->GetClipRectMin().y, drawList->GetClipRectMax().y);
    const size_t firstLine = visible.first, endLine = visible.second;  // named (clang 14 captures no structured binding)
    const auto lines = std::span(layout.lines).subspan(firstLine, endLine - firstLine);
    for (const Highlight& mark : highlights) {
        for (const core::LineBox& line : lines) {
            const size_t from = std::max(mark.begin, line.glyphBegin);  // glyph i shows text index i
            const size_t to = std::min(mark.end, line.glyphEnd);
            if (from >= to) continue;
            const float x0 = origin.x + layout.caretX(from);
            const float x1 = origin.x + layout.glyphs[to - 1].x + layout.glyphs[to - 1].advance;
            const float y0 = origin.y + line.y + layout.rubyBand;
            drawList->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, origin.y + line.y + layout.lineAdvance), mark.color);
        }
    }

    drawGlyphs(drawList, layout, style, origin, lines, inks);

    // Readings sit just above the ink of their base characters, inside the line's ruby band.
    const float rubySize = size * style.options.rubyScale;
    const float inkTop = top + ascent(font, size) - kIdeographicAscent * size;
    const float rubyY = inkTop - size * style.options.rubyGap - ascent(font, rubySize);
    // Readings are in text order, so those of the visible lines are consecutive.
    const auto firstRuby = std::partition_point(layout.rubies.begin(), layout.rubies.end(),
                                                [&](const core::RubyMark& ruby) { return ruby.line < firstLine; });
    for (auto it = firstRuby; it != layout.rubies.end() && it->line < endLine; ++it) {
        const core::RubyMark& ruby = *it;
        const float lineTop = layout.lines[ruby.line].y;
        ImVec2 at(std::round(origin.x + ruby.x), std::round(origin.y + lineTop + std::max(0.0f, rubyY)));
        if (!style.toneColors) {
            drawList->AddText(font, rubySize, at, style.rubyColor, ruby.reading.data(), ruby.reading.data() + ruby.reading.size());
            continue;
        }
        // Syllable by syllable, each in its tone's colour (the spaces between them too, uncoloured).
        const std::string_view reading = ruby.reading;
        for (size_t begin = 0; begin <= reading.size();) {
            const size_t end = std::min(reading.find(' ', begin), reading.size());
            const std::string_view syllable = reading.substr(begin, end - begin);
            drawList->AddText(font, rubySize, at, style.toneColors[core::syllableTone(syllable)], syllable.data(), syllable.data() + syllable.size());
            at.x += textWidth(font, rubySize, reading.substr(begin, std::min(end + 1, reading.size()) - begin));
            begin = end + 1;
        }
    }
}

const ImU32* toneColorsFor(core::ToneColors scheme) {
    static const ImU32 kPleco[6] = {0, IM_COL32(227, 0, 0, 255), IM_COL32(2, 179, 28, 255), IM_COL32(21, 16, 240, 255),
                                    IM_COL32(137, 0, 191, 255), IM_COL32(119, 119, 119, 255)};
    static const ImU32 kMdbg[6] = {0, IM_COL32(230, 0, 0, 255), IM_COL32(220, 130, 0, 255), IM_COL32(0, 150, 0, 255),
                                   IM_COL32(0, 70, 220, 255), IM_COL32(40, 40, 40, 255)};
    switch (scheme) {
        case core::ToneColors::Pleco: return kPleco;
        case core::ToneColors::Mdbg: return kMdbg;
        case core::ToneColors::None: break;
    }
    return nullptr;
}

const ImU32* toneColorsFor(core::ToneColors scheme, const Theme& theme) {
    return theme.systemColors ? nullptr : toneColorsFor(scheme);
}

}  // namespace reader::ui
