// The view-state model and the option table (ui/view_state.h, ui/setting_options.h): what the
// page's state() says, word for word, and each option read and written by name.
#include <doctest/doctest.h>


#include "headless_imgui.h"
#include "sample_bundle.h"
#include "ui/reader_app.h"
#include "ui/setting_options.h"
#include "ui/view_state.h"

using namespace reader;
using test::readSample;

namespace {

constexpr const char* kSeed = "2023-08-17-zhishichanquan-lianxi-huiyi";

}  // namespace

TEST_CASE("ui: each view has one name") {
    CHECK(std::string(ui::viewName(core::View::List)) == "list");
    CHECK(std::string(ui::viewName(core::View::Article)) == "article");
    CHECK(std::string(ui::viewName(core::View::Search)) == "search");
}

TEST_CASE("ui: state() of an open article, word for word, and of the list") {
    test::HeadlessImGui imgui{1024, 768};
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    app.setFont(imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    imgui.frame([&] { app.frame(); });
    CHECK(ui::viewStateJson(ui::viewStateOf(app)) ==
          R"({"view":"list","query":null,"categoryId":null,"articleId":null,"fontSize":"medium","rubyMode":"above",)"
          R"("toneColors":"none","theme":"auto","script":"original","serif":false,"speaking":null,"title":null,"position":null,"error":null})");
    REQUIRE(app.open(kSeed));
    core::Settings settings = app.settings();
    settings.rubyMode = core::RubyMode::Hidden;
    settings.rubyOnDemand = true;
    settings.script = core::Script::Simplified;
    app.setSettings(settings);
    imgui.frame([&] { app.frame(); });
    // Simplified needs its table, asked for once and shown as written until it arrives.
    const std::vector<ui::PlatformRequest> requests = app.takeRequests();
    REQUIRE(requests == std::vector<ui::PlatformRequest>{{ui::PlatformRequest::Kind::ScriptTable, "t2s.txt"}});
    CHECK(app.takeRequests().empty());
    CHECK(ui::viewStateOf(app).shownTitle.starts_with("2023年第一次自治區"));
    CHECK(app.loadScriptTable("t2s.txt", test::readFile(READER_T2S_TABLE)));
    CHECK_FALSE(app.loadScriptTable("../secret.txt", "x\ty\n"));
    imgui.frame([&] { app.frame(); });
    const ui::ViewState state = ui::viewStateOf(app);
    CHECK(state.article == app.bundle()->findArticle(kSeed));
    CHECK(ui::viewStateJson(state) ==
          R"({"view":"article","query":null,"categoryId":"xiaoxie-dongtai","articleId":"2023-08-17-zhishichanquan-lianxi-huiyi",)"
          R"("fontSize":"medium","rubyMode":"on-demand","toneColors":"none","theme":"auto","script":"simplified","serif":false,)"
          R"("speaking":null,"title":"2023年第一次自治区知识产权战略实施工作厅际联席会议召开","position":null,"error":null})");
}

TEST_CASE("ui: the option table reads and writes each setting by name") {
    for (const ui::SettingOption& option : ui::settingOptions()) {
        CAPTURE(option.name);
        core::Settings settings;
        const core::Settings before = settings;
        CHECK(option.parse(option.print(settings), settings));
        CHECK(settings == before);
        CHECK_FALSE(option.parse("neon", settings));
        CHECK(settings == before);
        CHECK(ui::findSettingOption(option.name) == &option);
    }
    core::Settings settings;
    REQUIRE(ui::findSettingOption("rubyMode")->parse("on-demand", settings));
    CHECK(settings.rubyMode == core::RubyMode::Hidden);
    CHECK(settings.rubyOnDemand);
    CHECK(ui::findSettingOption("rubyMode")->print(settings) == "on-demand");
    REQUIRE(ui::findSettingOption("serif")->parse("true", settings));
    CHECK(settings.serif);
    CHECK(ui::findSettingFlag("--font-size") == ui::findSettingOption("fontSize"));
    CHECK(ui::findSettingFlag("--theme") == ui::findSettingOption("theme"));
    CHECK(ui::findSettingFlag("--serif") == nullptr);
    CHECK(ui::findSettingOption("locale") == nullptr);  // the UI's language is not a setting
}
