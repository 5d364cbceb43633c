// Block geometry and text that needs no font: list markers, column widths, figure boxes,
// attachment lines and copy separators (block_layout.h).
#include "block_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "line_breaker.h"
#include "utf8.h"

namespace reader::core {

std::string listMarker(size_t index, bool ordered) {
    return ordered ? std::to_string(index + 1) + "." : std::string("•");
}

float widestUnbreakable(const ParagraphLayout& oneLine) {
    const size_t count = std::min(oneLine.text.size(), oneLine.glyphs.size());
    std::vector<utf8::CodePoint> text(count);
    for (size_t i = 0; i < count; ++i) text[i] = utf8::CodePoint{oneLine.text[i], i};
    const std::vector<bool> allowed = LineBreaker::opportunities(text);
    float widest = 0.0f;
    size_t begin = 0;
    for (size_t i = 1; i <= count; ++i) {
        if (i < count && !allowed[i]) continue;
        const Glyph& last = oneLine.glyphs[i - 1];
        widest = std::max(widest, last.x + last.advance - oneLine.glyphs[begin].x);
        begin = i;
    }
    return widest;
}

std::vector<float> tableColumnWidths(const std::vector<ColumnContent>& columns, float available, float padding) {
    std::vector<float> widths(columns.size());
    float natural = 0.0f, minimum = 0.0f;
    for (const ColumnContent& c : columns) {
        natural += std::max(c.natural, c.minimum) + 2 * padding;
        minimum += c.minimum + 2 * padding;
    }
    for (size_t i = 0; i < columns.size(); ++i) {
        const float least = columns[i].minimum + 2 * padding;
        const float most = std::max(columns[i].natural, columns[i].minimum) + 2 * padding;
        if (natural <= available) widths[i] = most;
        else if (minimum >= available) widths[i] = least;
        else widths[i] = least + (most - least) * (available - minimum) / (natural - minimum);
        widths[i] = std::ceil(widths[i]);
    }
    return widths;
}

BoxSize figureBox(uint32_t width, uint32_t height, float columnWidth) {
    const float w = static_cast<float>(std::max<uint32_t>(width, 1));
    const float h = static_cast<float>(std::max<uint32_t>(height, 1));
    const float scale = std::min(1.0f, std::max(1.0f, columnWidth) / w);
    return BoxSize{std::max(1.0f, std::round(w * scale)), std::max(1.0f, std::round(h * scale))};
}

std::string byteSize(uint64_t bytes) {
    char out[32];
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    if (bytes < 1024 * 1024) {
        std::snprintf(out, sizeof out, "%.0f KB", std::ceil(static_cast<double>(bytes) / 1024.0));
        return out;
    }
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::snprintf(out, sizeof out, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    return out;
}

std::string attachmentLabel(std::string_view name, std::string_view mime, uint64_t bytes) {
    struct Known {
        std::string_view mime, label;
    };
    static constexpr Known kKnown[] = {
        {"application/msword", "DOC"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"},
        {"application/vnd.ms-excel", "XLS"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"},
        {"application/x-rar-compressed", "RAR"},
        {"application/vnd.rar", "RAR"},
    };
    std::string type;
    for (const Known& known : kKnown) {
        if (known.mime == mime) type = known.label;
    }
    if (type.empty()) {
        const size_t slash = mime.find('/');
        for (const char c : mime.substr(slash == std::string_view::npos ? 0 : slash + 1)) {
            type += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
    }
    // 0 bytes: a size nobody knew (ingest reads links, not the files behind them), so none is shown.
    return std::string(name) + " (" + type + (bytes > 0 ? ", " + byteSize(bytes) : "") + ")";
}

std::vector<char> textSeparators(const Article& article) {
    std::vector<char> separators(article.body.size(), '\n');
    for (const Block& block : article.blocks) {
        if (block.kind != BlockKind::table || block.columns == 0) continue;
        const size_t firstCell = block.firstText + (block.hasCaption ? 1 : 0);
        for (size_t t = firstCell; t < block.firstText + block.textCount && t < separators.size(); ++t) {
            if ((t - firstCell) % block.columns != 0) separators[t] = '\t';
        }
    }
    return separators;
}

std::string joinTexts(const std::vector<std::string>& texts, const std::vector<char>& separators) {
    std::string out;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (i > 0) out += i < separators.size() ? separators[i] : '\n';
        for (const char c : texts[i]) out += c == '\t' || c == '\n' ? ' ' : c;
    }
    return out;
}

}  // namespace reader::core
