// The state panel: where the reader is, how it got there, and the settings it draws with.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/navigation.h"
#include "core/settings.h"
#include "panels.h"
#include "ui/reader_app.h"
#include "ui/view_state.h"

namespace reader::ui {

namespace {

std::string describe(const core::Place& place) {
    std::string out = viewName(place.view);
    if (!place.categoryId.empty()) out += " category=" + place.categoryId;
    if (!place.articleId.empty()) out += " article=" + place.articleId;
    if (!place.query.empty()) out += " query=" + place.query;
    return out;
}

void row(const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", name);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace

void drawStatePanel(const ReaderApp& app, const PlatformStats& platform) {
    const core::Navigator& nav = app.navigator();
    const core::Place& place = nav.current();
    const core::Settings& settings = app.settings();
    if (ImGui::BeginTable("state", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, 110.0f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        row("view", viewName(place.view));
        row("category", !place.categoryId.empty() ? place.categoryId : place.view == core::View::List ? "(home)" : "");
        row("breadcrumb", app.currentCategoryId());
        row("article", place.articleId);
        row("query", place.query);
        row("scroll y", std::to_string(static_cast<int>(app.scrollY())) + " px");
        row("font size", core::fontSizeName(settings.fontSize));
        row("ruby", core::rubyModeName(settings.rubyMode));
        char zoom[16];
        std::snprintf(zoom, sizeof zoom, "%.2f", settings.zoom);
        row("zoom", zoom);
        row("URL fragment", platform.urlFragment.empty() ? "(none: no page around the reader)" : platform.urlFragment);
        row("place as URL", core::fragmentFor(place));
        row("bundle", app.bundle() ? app.bundle()->site.name : "(none)");
        row("load error", app.error().empty() ? "(none)" : app.error());
        row("first view", app.hasDrawnFirstView() ? "drawn" : "not yet");
        ImGui::EndTable();
    }
    ImGui::SeparatorText("History (most recent last)");
    if (nav.history().empty()) ImGui::TextDisabled("(empty: back goes nowhere)");
    for (size_t i = 0; i < nav.history().size(); ++i) ImGui::Text("%zu. %s", i + 1, describe(nav.history()[i]).c_str());
    ImGui::Text("now: %s", describe(place).c_str());
    if (nav.canGoForward()) ImGui::TextDisabled("forward: available (Alt+Right)");
}

}  // namespace reader::ui
