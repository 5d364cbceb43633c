// The meta line: a list of items, each of a kind (text, a switch, a button), laid out in centred rows.
#include "meta_line.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "annotation_keeper.h"
#include "core/calendar.h"
#include "core/ruby_parser.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kItemGap = 20.0f;   // between items, logical pixels
constexpr float kSwitchGap = 8.0f;  // between the options of a switch
constexpr float kRowGap = 8.0f;     // between wrapped rows

struct SwitchOption {
    std::string_view label;
    const char* key;
    bool active;
};
using Switch = std::array<SwitchOption, 3>;

struct MetaItem {
    enum class Kind { Text, FontSizes, RubyModes, Settings, ReadAloud, Bookmark };
    Kind kind;
    std::string text;  // Text: what it says; ReadAloud: 朗讀 / 暫停朗讀 / 繼續朗讀
    float width = 0.0f;
};

float switchWidth(const ViewContext& ctx, std::string_view label, const Switch& options) {
    const float size = typography().chrome;
    float width = textWidth(ctx.font, size, label);
    for (const SwitchOption& option : options) width += kSwitchGap + textWidth(ctx.font, size, option.label);
    return width;
}

// "字體 大 中 小": a label and three choices, the active one boxed. Returns the clicked index or -1.
int drawSwitch(ViewContext& ctx, std::string_view label, const Switch& options) {
    const float size = typography().chrome;
    lineText(ctx.font, size, label, ctx.theme.muted);
    int clicked = -1;
    for (size_t i = 0; i < options.size(); ++i) {
        ImGui::SameLine(0, kSwitchGap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (options[i].active) {
            const float w = textWidth(ctx.font, size, options[i].label);
            ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 4, at.y), ImVec2(at.x + w + 4, at.y + naturalHeight(ctx.font, size)),
                                                ctx.theme.selected, 3.0f);
        }
        if (textButton(options[i].key, ctx.font, size, options[i].label,
                       options[i].active ? ctx.theme.selected : ctx.theme.link, ctx.theme.link)) {
            clicked = static_cast<int>(i);
        }
        ctx.items.addLastItem(options[i].key);
    }
    return clicked;
}

Switch fontOptions(const ViewContext& ctx) {
    const auto active = [&](core::FontSize s) { return ctx.settings.fontSize == s; };
    const auto& names = ctx.strings.fontSizes;
    return {SwitchOption{names[2], "font:large", active(core::FontSize::Large)},
            SwitchOption{names[1], "font:medium", active(core::FontSize::Medium)},
            SwitchOption{names[0], "font:small", active(core::FontSize::Small)}};
}

Switch rubyOptions(const ViewContext& ctx) {
    const auto active = [&](core::RubyMode m) { return ctx.settings.rubyMode == m; };
    const auto& names = ctx.strings.rubyModes;
    return {SwitchOption{names[0], "ruby:above", active(core::RubyMode::Above)},
            SwitchOption{names[1], "ruby:hidden", active(core::RubyMode::Hidden)},
            SwitchOption{names[2], "ruby:inline", active(core::RubyMode::Inline)}};
}

std::string_view speechLabel(const ViewContext& ctx) {
    switch (ctx.speech->status) {
        case SpeechState::Status::Speaking: return ctx.strings.pauseReading;
        case SpeechState::Status::Paused: return ctx.strings.resumeReading;
        case SpeechState::Status::Idle: break;
    }
    return ctx.strings.readAloud;
}

// The items in the order they are shown, each with its width.
std::vector<MetaItem> metaItems(const ViewContext& ctx, const core::Article& article, size_t readingMinutes, const SettingsPanel& panel) {
    using Kind = MetaItem::Kind;
    const float size = typography().chrome;
    // One line has no room for readings above: the source shows clean unless inline is chosen.
    const core::RubyMode shown = ctx.settings.rubyMode == core::RubyMode::Inline ? core::RubyMode::Inline : core::RubyMode::Hidden;
    std::vector<MetaItem> items{{Kind::Text, std::string(ctx.strings.published) + core::formatPublished(article.published)}};
    if (!article.source.empty()) {
        items.push_back({Kind::Text, std::string(ctx.strings.source) + core::displayedText(core::RubyParser::parse(ctx.shown(article.source)), shown)});
    }
    if (!article.bodyPending) {
        items.push_back({Kind::Text, std::string(ctx.strings.readingTimeBefore) + std::to_string(readingMinutes) +
                                         std::string(ctx.strings.readingTimeAfter)});
    }
    for (MetaItem& item : items) item.width = textWidth(ctx.font, size, item.text);
    items.push_back({Kind::FontSizes, "", switchWidth(ctx, ctx.strings.fontSize, fontOptions(ctx))});
    items.push_back({Kind::RubyModes, "", switchWidth(ctx, ctx.strings.ruby, rubyOptions(ctx))});
    items.push_back({Kind::Settings, "", panel.buttonWidth(ctx)});
    if (ctx.speech && ctx.speech->available && !article.bodyPending) {
        const std::string label(speechLabel(ctx));
        items.push_back({Kind::ReadAloud, label, textWidth(ctx.font, size, label)});
    }
    if (ctx.annotations) {
        const std::string label(ctx.annotations->bookmarked(article.id) ? ctx.strings.bookmarked : ctx.strings.bookmark);
        items.push_back({Kind::Bookmark, label, textWidth(ctx.font, size, label)});
    }
    return items;
}

// Draws one item at the cursor; what it asks for goes into `result` or ctx.settings.
void drawItem(ViewContext& ctx, const MetaItem& item, SettingsPanel& panel, ViewResult& result) {
    const float size = typography().chrome;
    switch (item.kind) {
        case MetaItem::Kind::Text: lineText(ctx.font, size, item.text, ctx.theme.muted); break;
        case MetaItem::Kind::FontSizes: {
            static constexpr core::FontSize kSizes[] = {core::FontSize::Large, core::FontSize::Medium, core::FontSize::Small};
            const int pick = drawSwitch(ctx, ctx.strings.fontSize, fontOptions(ctx));
            if (pick >= 0) {
                ctx.settings.fontSize = kSizes[pick];
                ctx.settings.zoom = 1.0f;  // a preset is an absolute size
            }
            break;
        }
        case MetaItem::Kind::RubyModes: {
            static constexpr core::RubyMode kModes[] = {core::RubyMode::Above, core::RubyMode::Hidden, core::RubyMode::Inline};
            const int pick = drawSwitch(ctx, ctx.strings.ruby, rubyOptions(ctx));
            if (pick >= 0) {
                ctx.settings.rubyMode = kModes[pick];
                ctx.settings.rubyOnDemand = false;
            }
            break;
        }
        case MetaItem::Kind::Settings: panel.drawButton(ctx); break;
        case MetaItem::Kind::ReadAloud: {
            if (textButton("read-aloud", ctx.font, size, item.text, ctx.theme.link, ctx.theme.link)) {
                using Status = SpeechState::Status;
                const Status status = ctx.speech->status;
                result.speech = status == Status::Speaking ? SpeechRequest::Pause
                                : status == Status::Paused ? SpeechRequest::Resume
                                                           : SpeechRequest::Start;
            }
            ctx.items.addLastItem("read-aloud");
            break;
        }
        case MetaItem::Kind::Bookmark: {  // 加入書籤, or 已加書籤 in the text colour
            const bool marked = item.text == ctx.strings.bookmarked;
            if (textButton("bookmark", ctx.font, size, item.text, marked ? ctx.theme.text : ctx.theme.link, ctx.theme.link)) result.toggleBookmark = true;
            ctx.items.addLastItem("bookmark");
            break;
        }
    }
}

}  // namespace

ViewResult drawMetaLine(ViewContext& ctx, const core::Article& article, size_t readingMinutes, SettingsPanel& panel) {
    ViewResult result;
    const std::vector<MetaItem> items = metaItems(ctx, article, readingMinutes, panel);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float rowStep = naturalHeight(ctx.font, typography().chrome) + kRowGap;
    float y = origin.y;
    for (size_t first = 0; first < items.size();) {
        size_t last = first;
        float rowWidth = items[first].width;
        while (last + 1 < items.size() && rowWidth + kItemGap + items[last + 1].width <= ctx.width) rowWidth += kItemGap + items[++last].width;
        float x = origin.x + std::max(0.0f, std::round((ctx.width - rowWidth) * 0.5f));
        for (size_t i = first; i <= last; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            drawItem(ctx, items[i], panel, result);
            x += items[i].width + kItemGap;
        }
        y += rowStep;
        first = last + 1;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(ctx.width, 0));
    return result;
}

}  // namespace reader::ui
