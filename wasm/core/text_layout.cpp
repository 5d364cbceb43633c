#include "text_layout.h"

#include "line_breaker.h"
#include "utf8.h"

namespace reader::core {

namespace {

bool isSpace(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0x3000; }

// Greedy filling over break opportunities. A segment (text between two opportunities) that does
// not fit moves whole to the next line, so closing punctuation travels with the character before
// it. A segment wider than a whole line (a long URL) is cut between code points as a last resort.
class LineFiller {
public:
    LineFiller(std::string_view text, const LayoutOptions& options, const GlyphMetrics& metrics)
        : m_text(text), m_options(options), m_metrics(metrics), m_cps(utf8::decode(text)),
          m_breaks(LineBreaker::opportunities(m_cps)) {}

    ParagraphLayout run() {
        size_t lineStart = 0;
        while (lineStart < m_cps.size()) lineStart = fillLine(lineStart);
        m_layout.height = static_cast<float>(m_layout.lines.size()) * lineAdvance();
        return std::move(m_layout);
    }

private:
    float lineAdvance() const { return m_options.fontSize * m_options.lineHeight; }
    float indent() const { return m_layout.lines.empty() ? m_options.firstLineIndent * m_options.fontSize : 0.0f; }
    float advance(size_t i) const { return m_metrics.advance(m_cps[i].value, m_options.fontSize); }
    size_t byteAt(size_t i) const { return i < m_cps.size() ? m_cps[i].byteOffset : m_text.size(); }
    size_t segmentEnd(size_t i) const {
        do { ++i; } while (i < m_cps.size() && !m_breaks[i]);
        return i;
    }

    // Lays out one line starting at code point `start`; returns where the next line starts.
    size_t fillLine(size_t start) {
        const float available = m_options.width - indent();
        float width = 0.0f;       // up to `end`, trailing spaces included
        float inkWidth = 0.0f;    // up to the last non-space
        size_t end = start;
        while (end < m_cps.size()) {
            const size_t next = segmentEnd(end);
            float segWidth = 0.0f, segInk = 0.0f;
            for (size_t i = end; i < next; ++i) {
                segWidth += advance(i);
                if (!isSpace(m_cps[i].value)) segInk = segWidth;
            }
            if (end > start && width + segInk > available) break;
            if (end == start && segInk > available) return cutLongSegment(start, next, available);
            inkWidth = segInk > 0.0f ? width + segInk : inkWidth;
            width += segWidth;
            end = next;
        }
        addLine(start, end, inkWidth);
        return end;
    }

    size_t cutLongSegment(size_t start, size_t segEnd, float available) {
        float width = 0.0f;
        size_t end = start;
        while (end < segEnd && (end == start || width + advance(end) <= available)) width += advance(end++);
        addLine(start, end, width);
        return end;
    }

    void addLine(size_t start, size_t end, float width) {
        const float y = static_cast<float>(m_layout.lines.size()) * lineAdvance();
        m_layout.lines.push_back({byteAt(start), byteAt(end), indent(), y, width});
    }

    std::string_view m_text;
    const LayoutOptions& m_options;
    const GlyphMetrics& m_metrics;
    std::vector<utf8::CodePoint> m_cps;
    std::vector<bool> m_breaks;
    ParagraphLayout m_layout;
};

}  // namespace

ParagraphLayout TextLayout::layoutParagraph(std::string_view text, const LayoutOptions& options,
                                            const GlyphMetrics& metrics) {
    return LineFiller(text, options, metrics).run();
}

}  // namespace reader::core
