// TextLayout: lines, ruby and hit-testing for one paragraph; the model is in text_layout.h.
#include "text_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "grapheme_clusters.h"
#include "line_breaker.h"
#include "utf8.h"

namespace reader::core {

namespace {

bool isSpace(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0x3000; }

// A grapheme cluster over the cap is cut (grapheme_clusters.h): fifty thousand combining marks on
// one letter would otherwise be fifty thousand glyphs drawn at one place on every frame.
void appendUtf32(std::u32string& out, std::string_view utf8Text) {
    std::u32string points;
    points.reserve(utf8Text.size());
    for (size_t pos = 0; pos < utf8Text.size();) points += utf8::next(utf8Text, pos);
    out += capClusters(points);
}

// A ruby unit in the displayed text: no line break inside [begin, end).
struct Glue {
    size_t begin;
    size_t end;
};

struct PendingRuby {
    std::string reading;
    size_t begin;
    size_t end;
};

// [SECTION] Building the displayed text for a mode

struct Display {
    std::u32string text;
    std::vector<Glue> glue;
    std::vector<PendingRuby> rubies;  // Above mode only
};

Display buildDisplay(const std::vector<RubyRun>& runs, RubyMode mode) {
    Display out;
    for (const RubyRun& run : runs) {
        const size_t begin = out.text.size();
        const bool ruby = !run.reading.empty();
        appendUtf32(out.text, ruby && mode == RubyMode::Inline ? run.source : run.base);
        if (!ruby) continue;
        out.glue.push_back({begin, out.text.size()});
        if (mode == RubyMode::Above) out.rubies.push_back({run.reading, begin, out.text.size()});
    }
    return out;
}

// [SECTION] Filling lines

class LineFiller {
public:
    LineFiller(Display display, const LayoutOptions& options, const GlyphMetrics& metrics)
        : m_options(options), m_metrics(metrics), m_display(std::move(display)) {}

    ParagraphLayout run() {
        const size_t n = m_display.text.size();
        m_layout.text = m_display.text;
        measure();
        findBreaks();
        const bool hasRuby = !m_display.rubies.empty() ||
                             (m_options.reserveRubyBand && m_options.rubyMode == RubyMode::Above);
        m_layout.rubyBand = hasRuby ? std::ceil(m_options.fontSize * (m_options.rubyScale * 1.2f + m_options.rubyGap)) : 0.0f;
        m_layout.lineAdvance = std::round(m_options.fontSize * m_options.lineHeight) + m_layout.rubyBand;
        for (size_t start = 0; start < n;) start = fillLine(start);
        placeRubies();
        m_layout.height = static_cast<float>(m_layout.lines.size()) * m_layout.lineAdvance;
        return std::move(m_layout);
    }

private:
    float indent() const { return m_layout.lines.empty() ? m_options.firstLineIndent * m_options.fontSize : 0.0f; }
    float rubySize() const { return m_options.fontSize * m_options.rubyScale; }
    float width(size_t i) const { return m_before[i] + m_advance[i] + m_after[i]; }

    // Advances, and the room a reading wider than its base needs, shared on both sides of the base.
    void measure() {
        const size_t n = m_display.text.size();
        m_advance.resize(n);
        m_before.assign(n, 0.0f);
        m_after.assign(n, 0.0f);
        const float spacing = m_options.letterSpacing * m_options.fontSize;
        for (size_t i = 0; i < n; ++i) m_advance[i] = m_metrics.advance(m_display.text[i], m_options.fontSize) + spacing;
        std::vector<bool> annotated(n, false);
        for (const PendingRuby& ruby : m_display.rubies) std::fill(annotated.begin() + ruby.begin, annotated.begin() + ruby.end, true);
        // A reading may overhang a neighbour that has no reading of its own by up to this much
        // (as ruby is set in print); only the rest widens the base.
        const float maxOverhang = 0.6f * rubySize();
        for (const PendingRuby& ruby : m_display.rubies) {
            float baseWidth = 0.0f;
            for (size_t i = ruby.begin; i < ruby.end; ++i) baseWidth += m_advance[i];
            const float half = (readingWidth(ruby.reading) - baseWidth) * 0.5f;
            if (half <= 0.0f) continue;
            const bool freeBefore = ruby.begin > 0 && !annotated[ruby.begin - 1];
            const bool freeAfter = ruby.end < n && !annotated[ruby.end];
            m_before[ruby.begin] += std::max(0.0f, half - (freeBefore ? maxOverhang : 0.0f));
            m_after[ruby.end - 1] += std::max(0.0f, half - (freeAfter ? maxOverhang : 0.0f));
        }
    }

    float readingWidth(std::string_view reading) const {
        float total = 0.0f;
        for (size_t pos = 0; pos < reading.size();) total += m_metrics.advance(utf8::next(reading, pos), rubySize());
        return total;
    }

    void findBreaks() {
        std::vector<utf8::CodePoint> cps;
        cps.reserve(m_display.text.size());
        for (size_t i = 0; i < m_display.text.size(); ++i) cps.push_back({m_display.text[i], i});
        // The ruby units found by the parser are the only glue: nothing is guessed from the text.
        std::vector<std::pair<size_t, size_t>> glued;
        glued.reserve(m_display.glue.size());
        for (const Glue& glue : m_display.glue) glued.emplace_back(glue.begin, glue.end);
        m_breaks = LineBreaker::opportunities(cps, &glued);
        m_urlBreaks = LineBreaker::urlBreaks(cps);
        m_nextBreak.assign(cps.size(), cps.size());
        for (size_t i = cps.size(); i-- > 1;) m_nextBreak[i - 1] = m_breaks[i] ? i : m_nextBreak[i];
    }

    // The next break opportunity after i (or the end), from a table made once: scanning for it
    // on every line would make a long unbreakable run quadratic.
    size_t segmentEnd(size_t i) const { return m_nextBreak[i]; }

    // Lays out one line starting at `start`; returns where the next line starts. A segment that
    // does not fit moves whole to the next line, so closing punctuation travels with the character
    // before it; a segment wider than a whole line is cut before a URL's slash if it has one that
    // fits, else between code points as a last resort.
    size_t fillLine(size_t start) {
        const float available = m_options.width - indent();
        float used = 0.0f;
        size_t end = start;
        while (end < m_display.text.size()) {
            const size_t next = segmentEnd(end);
            // Measured only as far as needed: a segment that already overflows is not measured to
            // its end (a long unbreakable run would otherwise make filling quadratic).
            float segWidth = 0.0f, segInk = 0.0f;
            for (size_t i = end; i < next && used + segInk <= available; ++i) {
                segWidth += width(i);
                if (!isSpace(m_display.text[i])) segInk = segWidth;
            }
            if (end > start && used + segInk > available) break;
            if (end == start && segInk > available) {
                end = cutTooWide(start, next, available);
                break;
            }
            used += segWidth;
            end = next;
        }
        placeLine(start, end);
        return end;
    }

    // Where a segment [start, next) wider than the line is cut: at its last URL break that fits, or
    // after as many code points as fit (one at least).
    size_t cutTooWide(size_t start, size_t next, float available) const {
        float used = 0.0f;
        size_t end = start;
        size_t urlCut = start;
        while (end < next && (end == start || used + width(end) <= available)) {
            used += width(end++);
            if (end < next && m_urlBreaks[end] && used <= available) urlCut = end;
        }
        return urlCut > start ? urlCut : end;
    }

    void placeLine(size_t begin, size_t end) {
        const bool lastLine = end >= m_display.text.size();
        const float lineIndent = indent();
        float x = lineIndent;
        size_t inkEnd = begin;  // one past the last non-space glyph
        for (size_t i = begin; i < end; ++i) {
            if (!isSpace(m_display.text[i])) inkEnd = i + 1;
        }
        // Justification: the space left is shared between the break opportunities inside the line.
        float perGap = 0.0f;
        if (m_options.justify && !lastLine) {
            float ink = 0.0f;
            size_t gaps = 0;
            for (size_t i = begin; i < inkEnd; ++i) {
                ink += width(i);
                if (i > begin && m_breaks[i]) ++gaps;
            }
            const float spare = m_options.width - lineIndent - ink;
            if (gaps > 0 && spare > 0.0f) perGap = spare / static_cast<float>(gaps);
        }
        const size_t first = m_layout.glyphs.size();
        for (size_t i = begin; i < end; ++i) {
            if (i > begin && i < inkEnd && m_breaks[i]) x += perGap;
            m_layout.glyphs.push_back({m_display.text[i], x + m_before[i], m_advance[i] + m_after[i], i});
            x += width(i);
        }
        float right = lineIndent;
        for (size_t g = first; g < m_layout.glyphs.size(); ++g) {
            if (m_layout.glyphs[g].index < inkEnd) right = m_layout.glyphs[g].x + m_layout.glyphs[g].advance;
        }
        const float y = static_cast<float>(m_layout.lines.size()) * m_layout.lineAdvance;
        m_layout.lines.push_back({first, m_layout.glyphs.size(), y, right});
    }

    void placeRubies() {
        for (const PendingRuby& ruby : m_display.rubies) {
            // Centred over the base characters themselves (not the space added around them).
            const float left = m_layout.glyphs[ruby.begin].x;
            const float right = m_layout.glyphs[ruby.end - 1].x + m_advance[ruby.end - 1];
            const float readingW = readingWidth(ruby.reading);
            const size_t line = m_layout.lineOf(ruby.begin);
            m_layout.rubies.push_back({ruby.reading, left + (right - left - readingW) * 0.5f, readingW, line, ruby.begin, ruby.end});
        }
        keepRubiesInColumn();
    }

    // A reading that overhangs a free neighbour overhangs the column where that neighbour is on
    // another line: at a line's edges it is shifted inward instead, and a reading beside it moves as
    // far as needed not to overlap it. Readings are in text order, so a line's are consecutive.
    void keepRubiesInColumn() {
        std::vector<RubyMark>& marks = m_layout.rubies;
        for (size_t first = 0; first < marks.size();) {
            size_t last = first;
            while (last + 1 < marks.size() && marks[last + 1].line == marks[first].line) ++last;
            float limit = m_options.width;  // right to left: nothing past the column or the next reading
            for (size_t r = last + 1; r-- > first;) {
                marks[r].x = std::min(marks[r].x, limit - marks[r].width);
                limit = marks[r].x;
            }
            limit = 0.0f;  // then left to right, so that the left edge wins in a line too crowded for both
            for (size_t r = first; r <= last; ++r) {
                marks[r].x = std::max(marks[r].x, limit);
                limit = marks[r].x + marks[r].width;
            }
            first = last + 1;
        }
    }

    const LayoutOptions& m_options;
    const GlyphMetrics& m_metrics;
    Display m_display;
    std::vector<float> m_advance, m_before, m_after;
    std::vector<bool> m_breaks;
    std::vector<bool> m_urlBreaks;  // where a URL too wide for a line may be cut (LineBreaker::urlBreaks)
    std::vector<size_t> m_nextBreak;  // per code point: the next break opportunity after it
    ParagraphLayout m_layout;
};

}  // namespace

size_t ParagraphLayout::lineOf(size_t index) const {
    if (lines.empty()) return 0;
    const auto it = std::upper_bound(lines.begin(), lines.end(), index,
                                     [](size_t i, const LineBox& line) { return i < line.glyphEnd; });
    return it == lines.end() ? lines.size() - 1 : static_cast<size_t>(it - lines.begin());
}

float ParagraphLayout::caretX(size_t index) const {
    if (glyphs.empty()) return 0.0f;
    if (index < glyphs.size()) return glyphs[index].x;
    return glyphs.back().x + glyphs.back().advance;
}

size_t ParagraphLayout::hitTest(float x, float y) const {
    if (lines.empty()) return 0;
    const float row = lineAdvance > 0.0f ? std::floor(y / lineAdvance) : 0.0f;
    const size_t line = static_cast<size_t>(std::clamp(row, 0.0f, static_cast<float>(lines.size() - 1)));
    const LineBox& box = lines[line];
    for (size_t g = box.glyphBegin; g < box.glyphEnd; ++g) {
        if (x < glyphs[g].x + glyphs[g].advance * 0.5f) return glyphs[g].index;
    }
    // Past the line's end: after its last glyph (which is where the next line starts).
    return box.glyphEnd;
}

size_t ParagraphLayout::glyphAt(float x, float y) const {
    if (lines.empty() || lineAdvance <= 0.0f || y < 0.0f) return SIZE_MAX;
    const size_t line = static_cast<size_t>(std::floor(y / lineAdvance));
    if (line >= lines.size()) return SIZE_MAX;
    const LineBox& box = lines[line];
    const auto it = std::upper_bound(glyphs.begin() + box.glyphBegin, glyphs.begin() + box.glyphEnd, x,
                                     [](float px, const Glyph& g) { return px < g.x; });
    if (it == glyphs.begin() + box.glyphBegin) return SIZE_MAX;
    const Glyph& glyph = *std::prev(it);
    return x < glyph.x + glyph.advance ? glyph.index : SIZE_MAX;
}

ParagraphLayout TextLayout::layout(const std::vector<RubyRun>& runs, const LayoutOptions& options,
                                   const GlyphMetrics& metrics) {
    return LineFiller(buildDisplay(runs, options.rubyMode), options, metrics).run();
}

ParagraphLayout TextLayout::layoutPlain(std::string_view text, const LayoutOptions& options,
                                        const GlyphMetrics& metrics) {
    const std::string owned(text);
    return layout({RubyRun{owned, "", owned}}, options, metrics);
}

std::string chromeText(std::string_view text, RubyMode mode) {
    return mode == RubyMode::Inline ? displayedText(RubyParser::parse(text), mode) : RubyParser::strip(text);
}

std::string displayedText(const std::vector<RubyRun>& runs, RubyMode mode) {
    std::string out;
    for (const RubyRun& run : runs) out += (!run.reading.empty() && mode == RubyMode::Inline) ? run.source : run.base;
    return out;
}

}  // namespace reader::core
