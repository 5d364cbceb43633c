// The settings panel: everything about how the text looks, in one popup opened from the article's
// meta line (the 設定 button). Each change applies in the frame it is made; ArticleView keeps the
// paragraph at the top of the window in place while the article is laid out again.
#include "settings_panel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr const char* kPopup = "settings-panel";
constexpr float kLabelWidth = 96.0f;

void label(ViewContext& ctx, std::string_view text) {
    lineText(ctx.font, typography().chrome, text, ctx.theme.muted);
    ImGui::SameLine(kLabelWidth);
}

// A row of choices; the active one drawn as selected. Returns the index clicked, or -1.
template <size_t N>
int choices(ViewContext& ctx, const char* key, const std::array<std::string_view, N>& names, size_t active) {
    int picked = -1;
    for (size_t i = 0; i < N; ++i) {
        if (i > 0) ImGui::SameLine(0, 12.0f);
        const std::string id = std::string(key) + ":" + std::to_string(i);
        if (textButton(id.c_str(), ctx.font, typography().chrome, names[i], i == active ? ctx.theme.selected : ctx.theme.link,
                       ctx.theme.link)) {
            picked = static_cast<int>(i);
        }
        if (i == active) {
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 1), ImVec2(max.x + 3, max.y + 1), ctx.theme.selected, 3.0f);
        }
        ctx.items.addLastItem(id);
    }
    return picked;
}

// − value ＋: a step down or up within [min, max]. Buttons rather than a slider: as easy with a
// finger as with a mouse, exact steps, and none of ImGui's slider code in the download.
bool stepper(ViewContext& ctx, const char* key, float& value, float min, float max, float step, const char* format) {
    const float size = typography().chrome;
    const float before = value;
    const std::string down = std::string(key) + ":down", up = std::string(key) + ":up";
    bool clicked = false;
    if (textButton(down.c_str(), ctx.font, size, "－", ctx.theme.link, ctx.theme.link)) {
        value = std::max(min, value - step);
        clicked = true;
    }
    ctx.items.addLastItem(down);
    char text[32];
    std::snprintf(text, sizeof text, format, static_cast<double>(value));
    ImGui::SameLine(0, 10.0f);
    const float width = textWidth(ctx.font, size, "000000");
    const float x = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x + std::round((width - textWidth(ctx.font, size, text)) * 0.5f));
    lineText(ctx.font, size, text, ctx.theme.text);
    ImGui::SameLine(x + width + 10.0f);
    if (textButton(up.c_str(), ctx.font, size, "＋", ctx.theme.link, ctx.theme.link)) {
        value = std::min(max, value + step);
        clicked = true;
    }
    ctx.items.addLastItem(up);
    if (clicked) value = std::clamp(std::round(value / step) * step, min, max);  // no drift from repeated float steps
    return value != before;
}

}  // namespace

bool SettingsPanel::drawButton(ViewContext& ctx) {
    const bool clicked = textButton("settings", ctx.font, typography().chrome, ctx.strings.settings, ctx.theme.link, ctx.theme.link);
    ctx.items.addLastItem("settings");
    if (clicked) {
        m_buttonBottomLeft = ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 6.0f);
        ImGui::OpenPopup(kPopup);
    }
    return clicked;
}

float SettingsPanel::buttonWidth(const ViewContext& ctx) const { return textWidth(ctx.font, typography().chrome, ctx.strings.settings); }

namespace {

// 字體, 縮放, 字型, 行高, 欄寬, 字距, 對齊: how the text is set.
void drawLookRows(ViewContext& ctx, core::Settings& s) {
    label(ctx, ctx.strings.fontSize);
    static constexpr core::FontSize kSizes[] = {core::FontSize::Small, core::FontSize::Medium, core::FontSize::Large};
    const int size = choices(ctx, "panel:font", ctx.strings.fontSizes, static_cast<size_t>(s.fontSize));
    if (size >= 0) {
        s.fontSize = kSizes[size];
        s.zoom = 1.0f;
    }
    label(ctx, ctx.strings.zoom);
    float percent = s.zoom * 100.0f;
    if (stepper(ctx, "panel:zoom", percent, core::kMinZoom * 100.0f, core::kMaxZoom * 100.0f, 10.0f, "%.0f%%")) s.zoom = percent / 100.0f;
    if (ctx.serifFont) {
        label(ctx, ctx.strings.fontFace);
        const int face = choices(ctx, "panel:face", ctx.strings.fontFaces, s.serif ? 1 : 0);
        if (face >= 0) s.serif = face == 1;
    }
    label(ctx, ctx.strings.lineHeight);
    stepper(ctx, "panel:line-height", s.lineHeight, core::kMinLineHeight, core::kMaxLineHeight, 0.1f, "%.1f");
    label(ctx, ctx.strings.contentWidth);
    stepper(ctx, "panel:width", s.contentWidth, core::kMinContentWidth, core::kMaxContentWidth, 50.0f, "%.0f");
    label(ctx, ctx.strings.letterSpacing);
    stepper(ctx, "panel:spacing", s.letterSpacing, core::kMinLetterSpacing, core::kMaxLetterSpacing, 0.05f, "%.2f");
    label(ctx, ctx.strings.alignment);
    const int align = choices(ctx, "panel:align", ctx.strings.alignments, s.justify ? 1 : 0);
    if (align >= 0) s.justify = align == 1;
}

// 拼音, 聲調顏色, 文字, 朗讀速度, 主題: how it is read.
void drawReadingRows(ViewContext& ctx, core::Settings& s) {
    label(ctx, ctx.strings.ruby);
    const std::array<std::string_view, 4> pinyin{ctx.strings.rubyModes[0], ctx.strings.rubyModes[1], ctx.strings.rubyModes[2],
                                                 ctx.strings.rubyOnDemand};
    const size_t activePinyin = s.rubyOnDemand && s.rubyMode == core::RubyMode::Hidden ? 3 : static_cast<size_t>(s.rubyMode);
    const int ruby = choices(ctx, "panel:ruby", pinyin, activePinyin);
    if (ruby >= 0) {
        s.rubyOnDemand = ruby == 3;  // on demand: laid out as hidden, readings shown under the pointer
        s.rubyMode = ruby == 3 ? core::RubyMode::Hidden : static_cast<core::RubyMode>(ruby);
    }
    label(ctx, ctx.strings.toneColors);
    const int tones = choices(ctx, "panel:tones", ctx.strings.toneColorSchemes, static_cast<size_t>(s.toneColors));
    if (tones >= 0) s.toneColors = static_cast<core::ToneColors>(tones);
    label(ctx, ctx.strings.script);
    const int script = choices(ctx, "panel:script", ctx.strings.scripts, static_cast<size_t>(s.script));
    if (script >= 0) s.script = static_cast<core::Script>(script);
    if (ctx.speech && ctx.speech->available) {
        label(ctx, ctx.strings.speechRate);
        stepper(ctx, "panel:speech-rate", s.speechRate, core::kMinSpeechRate, core::kMaxSpeechRate, 0.1f, "%.1f×");
    }
    label(ctx, ctx.strings.theme);
    const int theme = choices(ctx, "panel:theme", ctx.strings.themes, static_cast<size_t>(s.theme));
    if (theme >= 0) s.theme = static_cast<core::ThemeChoice>(theme);
}

// 重設 and, where the platform prints, 列印.
ViewResult drawActions(ViewContext& ctx, core::Settings& s) {
    ViewResult result;
    ImGui::Dummy(ImVec2(0, 2));
    if (textButton("panel:reset", ctx.font, typography().chrome, ctx.strings.reset, ctx.theme.link, ctx.theme.link)) {
        const core::Script keepScript = s.script;  // the script is a reading choice, not a look
        s = core::Settings();
        s.script = keepScript;
    }
    ctx.items.addLastItem("panel:reset");
    if (ctx.canPrint) {
        ImGui::SameLine(0, 24.0f);
        if (textButton("panel:print", ctx.font, typography().chrome, ctx.strings.print, ctx.theme.link, ctx.theme.link)) {
            result.printRequested = true;
            ImGui::CloseCurrentPopup();
        }
        ctx.items.addLastItem("panel:print");
    }
    return result;
}

}  // namespace

ViewResult SettingsPanel::draw(ViewContext& ctx) {
    ViewResult result;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 10));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.page));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    ImGui::SetNextWindowPos(m_buttonBottomLeft, ImGuiCond_Appearing);
    if (ImGui::BeginPopup(kPopup)) {
        ImGui::PushFont(ctx.font, typography().chrome);
        lineText(ctx.font, typography().listTitle, ctx.strings.settings, ctx.theme.text);
        drawLookRows(ctx, ctx.settings);
        drawReadingRows(ctx, ctx.settings);
        result = drawActions(ctx, ctx.settings);
        ImGui::PopFont();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    return result;
}

}  // namespace reader::ui
