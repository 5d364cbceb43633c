// The page's frame around the content: top bar, breadcrumb, footer and message panels.
#include "chrome_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/navigation.h"
#include "core/links.h"
#include "core/ruby_parser.h"
#include "category_tree.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kBarPaddingY = 5.0f;   // logical pixels above and below the top bar's text
constexpr float kSideMargin = 16.0f;
constexpr float kSearchWidth = 280.0f;  // logical pixels, at most

// "投訴電話：12315  0471-6920007": consecutive hotlines with one label share it.
std::string hotlineText(const core::Site& site, const core::UiStrings& strings) {
    std::string out;
    std::string lastLabel;
    for (size_t i = 0; i < site.hotlines.size(); ++i) {
        const core::Hotline& line = site.hotlines[i];
        if (i == 0 || line.label != lastLabel) {
            if (i > 0) out += "   ";
            if (line.label.empty()) {
                out += strings.hotlines;
            } else {
                out += line.label;
                out += strings.localeTag == "en" ? ": " : "：";
            }
            lastLabel = line.label;
        } else {
            out += "  ";
        }
        out += line.number;
    }
    return out;
}

float chrome() { return typography().chrome; }

// The text of hotlineText, each number a link that dials it (item "hotline:N").
ViewResult drawHotlines(ViewContext& ctx, const core::Site& site) {
    ViewResult result;
    const float gap = textWidth(ctx.font, chrome(), " ");
    std::string lastLabel;
    for (size_t i = 0; i < site.hotlines.size(); ++i) {
        const core::Hotline& line = site.hotlines[i];
        if (i > 0) ImGui::SameLine(0, gap * (line.label != lastLabel ? 3 : 2));
        if (i == 0 || line.label != lastLabel) {
            std::string label = line.label.empty() ? std::string(ctx.strings.hotlines)
                                                   : ctx.chrome(line.label) + (ctx.strings.localeTag == "en" ? ": " : "：");
            lineText(ctx.font, chrome(), label, ctx.theme.hotline);
            ImGui::SameLine(0, 0);
            lastLabel = line.label;
        }
        const std::string key = "hotline:" + std::to_string(i);
        if (textButton(key.c_str(), ctx.font, chrome(), line.number, ctx.theme.hotline, ctx.theme.link)) {
            result.linkToOpen = core::telUrl(line.number);
        }
        ctx.items.addLastItem(key);
    }
    return result;
}

// On narrow screens the hotlines move under the date.
bool topBarNeedsTwoRows(ViewContext& ctx, const std::string& today, const std::string& hotlines, float width) {
    return !hotlines.empty() &&
           textWidth(ctx.font, chrome(), today) + textWidth(ctx.font, chrome(), hotlines) + 32.0f > width - 2 * kSideMargin;
}

}  // namespace

ViewResult drawTopBar(ViewContext& ctx, const std::string& today, SearchState& search) {
    ViewResult result;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string hotlines = ctx.bundle ? hotlineText(ctx.bundle->site, ctx.strings) : std::string();
    const bool twoRows = topBarNeedsTwoRows(ctx, today, hotlines, width);
    const float lineHeight = naturalHeight(ctx.font, chrome());
    // The search box sits between the date and the hotlines when there is room, else on a row of its own.
    const float boxHeight = searchBoxHeight(ctx);
    const float searchWidth = std::min(kSearchWidth, width - 2 * kSideMargin);
    const float textRow = std::max(lineHeight, boxHeight);
    const bool searchInline = ctx.bundle && !twoRows &&
        textWidth(ctx.font, chrome(), today) + textWidth(ctx.font, chrome(), hotlines) + searchWidth + 64.0f <= width - 2 * kSideMargin;
    const float rows = (twoRows ? 2 * lineHeight + 2 : textRow) + (ctx.bundle && !searchInline ? boxHeight + 6.0f : 0.0f);
    const float height = rows + 2 * kBarPaddingY;
    const float textY = origin.y + kBarPaddingY + (searchInline ? std::round((textRow - lineHeight) * 0.5f) : 0.0f);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ctx.theme.barBackground);
    drawList->AddLine(ImVec2(origin.x, origin.y + height - 1), ImVec2(origin.x + width, origin.y + height - 1), ctx.theme.rule);

    ImGui::SetCursorScreenPos(ImVec2(origin.x + kSideMargin, textY));
    lineText(ctx.font, chrome(), today, ctx.theme.text);
    if (ctx.bundle) {
        const float x = searchInline ? origin.x + std::round((width - searchWidth) * 0.5f) : origin.x + kSideMargin;
        const float y = searchInline ? origin.y + kBarPaddingY : origin.y + height - kBarPaddingY - boxHeight;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        drawSearchBox(ctx, search, searchWidth);
    }
    if (!hotlines.empty()) {
        const float hotlineWidth = textWidth(ctx.font, chrome(), hotlines);
        const float x = twoRows ? origin.x + kSideMargin : origin.x + width - kSideMargin - hotlineWidth;
        const float y = twoRows ? origin.y + kBarPaddingY + lineHeight + 2 : textY;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        result = drawHotlines(ctx, ctx.bundle->site);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
    return result;
}

namespace {

// 標注, at the breadcrumb line's right end: the annotations panel (annotations_panel.h).
float annotationsButtonRoom(const ViewContext& ctx) {
    return ctx.annotations ? textWidth(ctx.font, chrome(), ctx.strings.annotations) + 16.0f : 0.0f;
}

bool drawAnnotationsButton(ViewContext& ctx, float lineLeft) {
    if (!ctx.annotations) return false;
    const float width = textWidth(ctx.font, chrome(), ctx.strings.annotations);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(lineLeft + ctx.width - width, ImGui::GetCursorScreenPos().y));
    const bool clicked = textButton("annotations", ctx.font, chrome(), ctx.strings.annotations, ctx.theme.link, ctx.theme.link);
    ctx.items.addLastItem("annotations");
    return clicked;
}

}  // namespace

ViewResult drawBreadcrumb(ViewContext& ctx) {
    ViewResult result;
    const float lineLeft = ImGui::GetCursorScreenPos().x;
    const core::Place& place = ctx.nav.current();
    const core::Article* article = place.view == core::View::Article ? ctx.bundle->findArticle(place.articleId) : nullptr;
    const std::string categoryId = article ? article->categoryId : place.categoryId;
    const float size = chrome();
    const auto separator = [&] {
        ImGui::SameLine(0, 6);
        lineText(ctx.font, size, "›", ctx.theme.muted);
        ImGui::SameLine(0, 6);
    };

    if (ctx.narrow) {
        drawCategoryMenuButton(ctx);
        ImGui::SameLine(0, 6);
        lineText(ctx.font, size, "|", ctx.theme.rule);
        ImGui::SameLine(0, 6);
    }
    if (textButton("crumb:home", ctx.font, size, ctx.strings.home, ctx.theme.link, ctx.theme.link)) ctx.nav.goHome();
    ctx.items.addLastItem("crumb:home");
    const auto path = core::categoryPath(*ctx.bundle, categoryId);
    for (size_t i = 0; i < path.size(); ++i) {
        separator();
        const std::string key = "crumb:category:" + path[i]->id;
        if (textButton(key.c_str(), ctx.font, size, ctx.chrome(path[i]->name), ctx.theme.link, ctx.theme.link)) {
            ctx.nav.openCategory(path[i]->id);
        }
        ctx.items.addLastItem(key);
        if (i + 1 == path.size()) ctx.items.addLastItem("crumb:category");
    }
    if (article) {
        separator();
        // The title is cut to the room left on this line; the full title follows below anyway.
        const float room = ctx.annotations ? lineLeft + ctx.width - ImGui::GetCursorScreenPos().x - annotationsButtonRoom(ctx)
                                           : ImGui::GetContentRegionAvail().x;
        // Pinyin in a one-line crumb only as inline mode shows it everywhere.
        const std::string_view source = oneLinePrefix(article->title);
        const std::string plain = ctx.chrome(source);
        std::string_view title = plain;
        const char* end = ctx.font->CalcWordWrapPosition(size, title.data(), title.data() + title.size(), room);
        std::string shown(title.data(), end);
        if (end != title.data() + title.size() || source.size() < article->title.size()) shown += "…";
        if (textButton("crumb:article", ctx.font, size, shown, ctx.theme.muted, ctx.theme.link)) result.scrollToTop = true;
        ctx.items.addLastItem("crumb:article");
    }
    result.toggleAnnotations = drawAnnotationsButton(ctx, lineLeft);
    ImGui::Dummy(ImVec2(0, 4));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ctx.width, at.y), ctx.theme.rule);
    ImGui::Dummy(ImVec2(0, 10));
    return result;
}

namespace {

constexpr float kFooterPaddingY = 14.0f;
constexpr float kFooterLineStep = 1.7f;  // multiple of the chrome size

std::vector<std::string> footerLines(const ViewContext& ctx) {
    const core::Site& site = ctx.bundle->site;
    std::vector<std::string> lines;
    if (!site.copyrightHolder.empty()) lines.push_back(ctx.chrome(site.copyrightHolder) + " " + std::string(ctx.strings.copyright));
    if (!site.address.empty()) lines.push_back(std::string(ctx.strings.address) + ctx.chrome(site.address));
    if (site.visitorCount) {
        lines.push_back(std::string(ctx.strings.visitorBefore) + std::to_string(*site.visitorCount) +
                        std::string(ctx.strings.visitorAfter));
    }
    return lines;
}

}  // namespace

float footerHeight(const ViewContext& ctx) {
    return static_cast<float>(footerLines(ctx).size()) * chrome() * kFooterLineStep + 2 * kFooterPaddingY;
}

void drawFooter(ViewContext& ctx) {
    const std::vector<std::string> lines = footerLines(ctx);
    const float size = chrome();
    const float lineStep = size * kFooterLineStep;
    const float height = footerHeight(ctx);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ctx.theme.barBackground);
    drawList->AddLine(origin, ImVec2(origin.x + width, origin.y), ctx.theme.rule);
    float y = origin.y + kFooterPaddingY;
    for (const std::string& line : lines) {
        const float x = origin.x + std::max(kSideMargin, (width - textWidth(ctx.font, size, line)) * 0.5f);
        drawList->AddText(ctx.font, size, ImVec2(std::round(x), std::round(y)), ctx.theme.muted, line.c_str());
        y += lineStep;
    }
    ImGui::Dummy(ImVec2(width, height));
}

void drawProgress(ViewContext& ctx, size_t received, size_t total) {
    char amount[64];
    const double mb = 1024.0 * 1024.0;
    if (total > 0) {
        std::snprintf(amount, sizeof amount, "%.1f MB / %.1f MB", received / mb, total / mb);
    } else {
        std::snprintf(amount, sizeof amount, "%.1f MB", received / mb);
    }
    lineText(ctx.font, chrome(), std::string(ctx.strings.loading) + " " + amount, ctx.theme.muted);
    drawProgressBar(ctx, total > 0 ? std::min(1.0f, static_cast<float>(received) / static_cast<float>(total)) : 0.0f);
}

void drawProgressBar(ViewContext& ctx, float fraction) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(at, ImVec2(at.x + ctx.width, at.y + 4.0f), ctx.theme.rule, 2.0f);
    drawList->AddRectFilled(at, ImVec2(at.x + ctx.width * fraction, at.y + 4.0f), ctx.theme.link, 2.0f);
    ctx.items.addLastItem("progress");
    ImGui::Dummy(ImVec2(ctx.width, 16.0f));
}

bool drawRetryButton(ViewContext& ctx) {
    // ImGui sizes a button by the font size, but a CJK face's glyphs reach below that box, and the
    // button clipped 重試's bottom: the button is as tall as the face's whole line, the label set
    // from its top padding.
    const std::string label(ctx.strings.retry);
    const float size = ImGui::GetFontSize();
    const ImVec2 padding(12.0f, 4.0f);
    const ImVec2 box(textWidth(ImGui::GetFont(), size, label) + 2.0f * padding.x, naturalHeight(ImGui::GetFont(), size) + 2.0f * padding.y);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(ctx.theme.link));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.5f, 0.0f));
    const bool clicked = ImGui::Button((label + "##retry").c_str(), box);
    ctx.items.addLastItem("retry");
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    ImGui::Dummy(ImVec2(0, 8.0f));
    return clicked;
}

void drawMessage(ViewContext& ctx, const std::string& heading, const std::string& detail, bool isError) {
    const float size = chrome();
    const float pad = 14.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    const ImU32 color = isError ? ctx.theme.errorText : ctx.theme.text;
    float height = wrappedText(ctx.font, size * 1.15f, 1.5f, ctx.width - 2 * pad, heading, color);
    if (!detail.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y + 4));
        height += 4 + wrappedText(ctx.font, size, 1.6f, ctx.width - 2 * pad, detail, color);
    }
    drawList->ChannelsSetCurrent(0);
    const ImVec2 corner(origin.x + ctx.width, origin.y + height + 2 * pad);
    drawList->AddRectFilled(origin, corner, isError ? ctx.theme.errorBackground : ctx.theme.barBackground, 4.0f);
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(ctx.width, height + 2 * pad + 12.0f));
}

}  // namespace reader::ui
