// One article: title, meta line (發布時間, 來源, 字體 大/中/小), then the body paragraphs.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/calendar.h"
#include "imgui_glyph_metrics.h"
#include "text_drawing.h"
#include "views.h"

namespace reader::ui {

namespace {

constexpr float kParagraphGapEm = 0.6f;  // space between paragraphs, multiple of the body size
constexpr float kTitleLineHeight = 1.45f;

float bodySize(FontSize size) { return typography().body[static_cast<int>(size)]; }

void relayoutIfNeeded(ViewContext& ctx, const core::Article& article, ArticleLayoutCache& cache) {
    const float size = bodySize(ctx.fontSize);
    if (cache.articleId == article.id && cache.width == ctx.width && cache.fontSize == size && cache.bundle == ctx.bundle) {
        return;
    }
    const ImGuiGlyphMetrics metrics(ctx.font);
    const float titleSize = std::round(size * typography().titleScale);
    cache.title = core::TextLayout::layoutParagraph(article.title, {ctx.width, titleSize, kTitleLineHeight, 0.0f}, metrics);
    for (core::LineBox& line : cache.title.lines) line.x = std::round((ctx.width - line.width) * 0.5f);  // centred
    cache.paragraphs.clear();
    const core::LayoutOptions body{ctx.width, size, typography().lineHeight, 2.0f};
    for (const std::string& paragraph : article.body) {
        cache.paragraphs.push_back(core::TextLayout::layoutParagraph(paragraph, body, metrics));
    }
    cache.articleId = article.id;
    cache.width = ctx.width;
    cache.fontSize = size;
    cache.bundle = ctx.bundle;
}

// 字體 大 中 小: the seed page's size switch; the active size is boxed.
void drawFontSwitch(ViewContext& ctx) {
    const float size = typography().chrome;
    lineText(ctx.font, size, ctx.strings.fontSize, ctx.theme.muted);
    static constexpr std::array<FontSize, 3> kOrder = {FontSize::Large, FontSize::Medium, FontSize::Small};
    static constexpr std::array<const char*, 3> kKeys = {"font:small", "font:medium", "font:large"};
    for (FontSize option : kOrder) {
        const int index = static_cast<int>(option);
        ImGui::SameLine(0, 8);
        const bool active = option == ctx.fontSize;
        if (active) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float w = textWidth(ctx.font, size, ctx.strings.fontSizes[index]);
            ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 4, at.y), ImVec2(at.x + w + 4, at.y + naturalHeight(ctx.font, size)),
                                                ctx.theme.selected, 3.0f);
        }
        if (textButton(kKeys[index], ctx.font, size, ctx.strings.fontSizes[index],
                       active ? ctx.theme.selected : ctx.theme.link, ctx.theme.link)) {
            ctx.fontSize = option;
        }
        ctx.items.addLastItem(kKeys[index]);
    }
}

float fontSwitchWidth(ViewContext& ctx) {
    const float size = typography().chrome;
    float width = textWidth(ctx.font, size, ctx.strings.fontSize);
    for (std::string_view label : ctx.strings.fontSizes) width += 8 + textWidth(ctx.font, size, label);
    return width;
}

// The meta line, centred; on a narrow column its parts wrap onto further centred rows.
void drawMetaLine(ViewContext& ctx, const core::Article& article) {
    const float size = typography().chrome;
    const float gap = 20.0f;
    std::vector<std::string> texts{std::string(ctx.strings.published) + core::formatPublished(article.published)};
    if (!article.source.empty()) texts.push_back(std::string(ctx.strings.source) + article.source);
    std::vector<float> widths;
    for (const std::string& text : texts) widths.push_back(textWidth(ctx.font, size, text));
    widths.push_back(fontSwitchWidth(ctx));  // the switch is the last part

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    for (size_t first = 0; first < widths.size();) {
        size_t last = first;
        float rowWidth = widths[first];
        while (last + 1 < widths.size() && rowWidth + gap + widths[last + 1] <= ctx.width) rowWidth += gap + widths[++last];
        float x = origin.x + std::max(0.0f, std::round((ctx.width - rowWidth) * 0.5f));
        for (size_t i = first; i <= last; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (i < texts.size()) {
                lineText(ctx.font, size, texts[i], ctx.theme.muted);
            } else {
                drawFontSwitch(ctx);
            }
            x += widths[i] + gap;
        }
        y += size * 1.8f;
        first = last + 1;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(ctx.width, 0));
}

}  // namespace

void drawArticleView(ViewContext& ctx, const core::Article& article, ArticleLayoutCache& cache) {
    relayoutIfNeeded(ctx, article, cache);
    const float size = bodySize(ctx.fontSize);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    ImGui::Dummy(ImVec2(0, 8));
    const float titleSize = std::round(size * typography().titleScale);
    drawLaidOutText(drawList, ctx.font, titleSize, kTitleLineHeight, ImGui::GetCursorScreenPos(), article.title,
                    cache.title, ctx.theme.text);
    ImGui::Dummy(ImVec2(ctx.width, cache.title.height + 8));

    drawMetaLine(ctx, article);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    drawList->AddLine(at, ImVec2(at.x + ctx.width, at.y), ctx.theme.rule);
    ImGui::Dummy(ImVec2(0, 14));

    for (size_t i = 0; i < article.body.size(); ++i) {
        const core::ParagraphLayout& layout = cache.paragraphs[i];
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        if (ImGui::IsRectVisible(origin, ImVec2(origin.x + ctx.width, origin.y + layout.height))) {
            drawLaidOutText(drawList, ctx.font, size, typography().lineHeight, origin, article.body[i], layout,
                            ctx.theme.text);
        }
        ImGui::Dummy(ImVec2(ctx.width, layout.height + std::round(size * kParagraphGapEm)));
    }
}

}  // namespace reader::ui
