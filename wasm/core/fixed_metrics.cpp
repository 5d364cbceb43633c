// FixedMetrics: glyph advances with no font, and lines laid out with them for comparison (fixed_metrics.h).
#include "fixed_metrics.h"

#include <cstdio>

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

float FixedMetrics::advance(char32_t cp, float fontSize) const {
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? fontSize : fontSize * 0.5f;
}

std::vector<std::string> lineStrings(const ParagraphLayout& layout) {
    std::vector<std::string> out;
    for (const LineBox& line : layout.lines) {
        std::string text;
        for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) utf8::append(text, layout.glyphs[g].cp);
        out.push_back(std::move(text));
    }
    return out;
}

std::string describeLines(std::string_view paragraph, float width, RubyMode mode) {
    LayoutOptions options;
    options.width = width;
    options.fontSize = 16.0f;
    options.rubyMode = mode;
    options.justify = true;
    const ParagraphLayout layout = TextLayout::layout(RubyParser::parse(paragraph), options, FixedMetrics());
    std::string out;
    const std::vector<std::string> lines = lineStrings(layout);
    for (size_t i = 0; i < lines.size(); ++i) {
        char widthText[32];
        std::snprintf(widthText, sizeof widthText, "\t%.2f\n", static_cast<double>(layout.lines[i].width));
        out += lines[i] + widthText;
    }
    return out;
}

}  // namespace reader::core
