// Fuzz target `frame`: the whole reader on any bundle bytes. ReaderApp loads them and, when they make
// a bundle, draws frames in a headless Dear ImGui context (a font atlas, no window, no GPU: textures
// are accepted and forgotten): the list, then each of the first articles opened and scrolled through,
// then a search. Input: one option byte (pinyin mode; narrow or wide window), then the bundle.
// Checks, besides no crash, hang or sanitizer report:
// - a loaded bundle's first view is drawn, and a load that fails leaves no bundle;
// - no frame takes longer than kFrameLimitMs (sanitizers and all): a frame's cost follows what is
//   on screen, whatever the text (issue #19);
// - an opened article is the one shown.
#include "fuzz_target.h"

#include <chrono>
#include <string>

#include <imgui.h>

#include "core/utf8.h"
#include "ui/reader_app.h"

namespace {

using namespace reader;

// Under ASan and UBSan a frame of the sample's list takes a few ms; hostile text once took seconds.
constexpr double kFrameLimitMs = 2000.0;
constexpr size_t kArticlesOpened = 3;

// One font atlas for every input (building it is the slow part of a context); a fresh context each.
ImFontAtlas& sharedAtlas() {
    static ImFontAtlas* atlas = [] {
        auto* a = new ImFontAtlas();
        a->AddFontDefault();
        return a;
    }();
    return *atlas;
}

void acceptTextures() {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(1);
        if (tex->Status == ImTextureStatus_WantDestroy) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        } else if (tex->Status != ImTextureStatus_OK) {
            tex->SetStatus(ImTextureStatus_OK);
        }
    }
}

void frame(ui::ReaderApp& app) {
    const auto start = std::chrono::steady_clock::now();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    acceptTextures();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    FUZZ_CHECK(ms < kFrameLimitMs);
}

void drive(ui::ReaderApp& app) {
    frame(app);
    frame(app);
    FUZZ_CHECK(app.hasDrawnFirstView());
    const core::Bundle& bundle = *app.bundle();
    for (size_t i = 0; i < bundle.articles.size() && i < kArticlesOpened; ++i) {
        const std::string id = bundle.articles[i].id;
        if (!app.open(id)) continue;
        frame(app);
        FUZZ_CHECK(app.navigator().current().articleId == id);
        for (int step = 0; step < 3; ++step) {
            app.scrollBy(700.0f);
            frame(app);
        }
    }
    // A query as typed: the first two characters of a title.
    app.search(bundle.articles.empty() ? std::string("a") : std::string(core::utf8::prefix(bundle.articles[0].title, 2)));
    frame(app);
}

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    FuzzInput input(data, size);
    const uint8_t options = input.byte();
    ImGui::CreateContext(&sharedAtlas());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = (options & 1) ? ImVec2(360, 640) : ImVec2(1024, 768);
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    {
        ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
        app.setFont(io.Fonts->Fonts[0]);
        core::Settings settings = app.settings();
        settings.rubyMode = static_cast<core::RubyMode>((options >> 1) % 3);
        app.overrideSettings(settings);
        if (app.loadBundle(input.rest()).ok()) drive(app);
        else FUZZ_CHECK(app.bundle() == nullptr);
    }
    ImGui::DestroyContext();
    return 0;
}
