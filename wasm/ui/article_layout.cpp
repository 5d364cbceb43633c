// ArticleLayout: laying the open article out when its inputs change, and where it was drawn.
#include "article_layout.h"

#include <algorithm>
#include <cmath>

#include "core/reading_time.h"

namespace reader::ui {

namespace {

constexpr float kTitleLineHeight = 1.45f;

}  // namespace

float bodyFontSize(const ViewContext& ctx) {
    const Typography& sizes = typography();
    const float preset = sizes.body[static_cast<int>(ctx.settings.fontSize)];
    // The page's size is 中's; 小 and 大 keep their steps from it.
    const float scale = ctx.pageTextSize > 0.0f ? ctx.pageTextSize / sizes.body[static_cast<int>(core::FontSize::Medium)] : 1.0f;
    return std::round(preset * scale * ctx.settings.zoom);
}

ParagraphStyle ArticleLayout::bodyStyle(const ViewContext& ctx) {
    ParagraphStyle style;
    style.font = ctx.bodyFont();
    style.options.width = ctx.width;
    style.options.fontSize = bodyFontSize(ctx);
    style.options.lineHeight = ctx.settings.lineHeight;
    style.options.letterSpacing = ctx.settings.letterSpacing;
    style.options.firstLineIndent = 2.0f;
    style.options.rubyMode = ctx.settings.rubyMode;
    style.options.justify = ctx.settings.justify;  // inter-character justification, as Chinese prose is set
    style.options.reserveRubyBand = true;
    style.color = ctx.theme.text;
    style.rubyColor = ctx.theme.ruby;
    style.toneColors = toneColorsFor(ctx.settings.toneColors, ctx.theme);
    return style;
}

ParagraphStyle ArticleLayout::titleStyle(const ParagraphStyle& body) {
    ParagraphStyle title = body;
    title.options.fontSize = std::round(body.options.fontSize * typography().titleScale);
    title.options.lineHeight = kTitleLineHeight;
    return title;
}

bool ArticleLayout::update(const ViewContext& ctx, const core::Article& article) {
    const ParagraphStyle body = bodyStyle(ctx);
    if (m_articleId == article.id && m_bundle == ctx.bundle && m_width == ctx.width &&
        m_fontSize == body.options.fontSize && m_rubyMode == body.options.rubyMode && m_converter == ctx.converter &&
        m_lineHeight == body.options.lineHeight && m_letterSpacing == body.options.letterSpacing && m_justify == body.options.justify &&
        m_layoutFont == body.font && m_fontGeneration == ctx.fontGeneration) {
        return false;
    }
    const bool another = m_articleId != article.id || m_bundle != ctx.bundle;
    if (!another) keepTopParagraph();  // the same article laid out anew: the paragraph at the top stays there
    ParagraphStyle title = titleStyle(body);
    title.options.firstLineIndent = 0.0f;
    title.options.justify = false;
    m_title = layoutText(ctx.shown(article.title), title);
    centreLines(m_title, ctx.width);
    m_body = layoutBody(ctx, article, body);
    m_marks = article.marks;
    m_inlineSpans = core::articleInlineSpans(article, body.options.rubyMode);
    m_articleId = article.id;
    m_bundle = ctx.bundle;
    m_width = ctx.width;
    m_fontSize = body.options.fontSize;
    m_rubyMode = body.options.rubyMode;
    m_converter = ctx.converter;
    m_layoutFont = body.font;
    m_fontGeneration = ctx.fontGeneration;
    m_readingMinutes = core::readingMinutes(article);
    m_lineHeight = body.options.lineHeight;
    m_letterSpacing = body.options.letterSpacing;
    m_justify = body.options.justify;
    return another;
}

// Before a new layout of the open article: which paragraph is at the top of the window, and how
// far into it (a fraction of its height), from where the last frame drew them.
void ArticleLayout::keepTopParagraph() {
    m_topAnchor.reset();
    const float windowTop = ImGui::GetWindowPos().y;
    for (size_t i = m_origins.size(); i-- > 0;) {
        const float top = m_origins[i].y - windowTop + m_drawnScrollY;
        if (top > m_drawnScrollY || i >= m_body.texts.size()) continue;
        const float height = std::max(1.0f, m_body.texts[i].height);
        m_topAnchor = TopAnchor{i, std::min(1.0f, (m_drawnScrollY - top) / height)};
        return;
    }
}

void ArticleLayout::restoreTopParagraph() {
    if (m_topAnchor && m_topAnchor->paragraph < m_origins.size()) {
        const float top = m_origins[m_topAnchor->paragraph].y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
        ImGui::SetScrollY(top + m_topAnchor->fraction * m_body.texts[m_topAnchor->paragraph].height);
    }
    m_topAnchor.reset();
    m_drawnScrollY = ImGui::GetScrollY();
}

void ArticleLayout::beginBody(ImVec2 topLeft) {
    m_origins.clear();
    m_bodyMin = topLeft;
}

bool ArticleLayout::overBody(ImVec2 point) const {
    return point.x >= m_bodyMin.x && point.x <= m_bodyMax.x && point.y >= m_bodyMin.y && point.y <= m_bodyMax.y;
}

std::optional<TextPosition> ArticleLayout::hitTest(ImVec2 point) const {
    if (m_body.texts.empty() || m_origins.empty()) return std::nullopt;
    // The text whose top is the last one above the point (gaps belong to the text above); of the
    // cells of a table row, which share their top, the last one left of the point.
    size_t p = 0;
    while (p + 1 < m_origins.size() && point.y >= m_origins[p + 1].y) ++p;
    while (p > 0 && m_origins[p - 1].y == m_origins[p].y && point.x < m_origins[p].x) --p;
    const ImVec2 origin = m_origins[p];
    return TextPosition{p, m_body.texts[p].hitTest(point.x - origin.x, point.y - origin.y)};
}

}  // namespace reader::ui
