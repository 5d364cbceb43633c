// The web reader's main: runs once when the page instantiates the module for a canvas
// (createReaderModule({canvas})); from then on the browser's animation frames drive it.
#include <emscripten.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "annotation_exports.h"
#include "canvas_font_source.h"
#include "fallback_font_source.h"
#include "exports.h"
#include "core/json_text.h"
#include "ui/reader_app.h"
#include "web_images.h"
#include "web_platform.h"

namespace {

EM_JS(void, js_today, (int* out), {
    const now = new Date();
    HEAP32[out >> 2] = now.getFullYear();
    HEAP32[(out >> 2) + 1] = now.getMonth() + 1;
    HEAP32[(out >> 2) + 2] = now.getDate();
});

// Settings and reading positions live in the page's localStorage (which can throw, in a sandboxed
// frame: then they last as long as the page).
EM_JS(char*, js_load_text, (const char* key), {
    let text = "";
    try { text = localStorage.getItem(UTF8ToString(key)) || ""; } catch (err) {}
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, js_save_text, (const char* key, const char* text), {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(text)); } catch (err) {}
});

std::string loadText(const char* key) {
    char* text = js_load_text(key);
    std::string out(text);
    free(text);
    return out;
}

std::string loadSettings() { return loadText("article-reader:settings"); }
void saveSettings(const std::string& text) { js_save_text("article-reader:settings", text.c_str()); }
std::string loadPositions() { return loadText("article-reader:positions"); }
void savePositions(const std::string& text) { js_save_text("article-reader:positions", text.c_str()); }

EM_JS(void, js_retry_load, (), {
    if (Module["onRetry"]) Module["onRetry"]();
});

void retryLoad() { js_retry_load(); }

// A split bundle's shard: the page fetches it (relative to the bundle's URL) and answers through
// reader_load_shard or reader_shard_failed.
EM_JS(void, js_request_shard, (const char* path), {
    if (Module["onShardRequest"]) Module["onShardRequest"](UTF8ToString(path));
});


// A link (already checked by core/links.h) in a new browsing context that cannot reach this page.
EM_JS(void, js_open_link, (const char* url), {
    const a = document.createElement("a");
    a.href = UTF8ToString(url);
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.click();
});

void openLink(const std::string& url) { js_open_link(url.c_str()); }

// A file of the bundle's (an attachment's relative href) as a URL: the page resolves it against the
// URL of the bundle shown (Module.bundleFileUrl); malloc'ed, "" where the page cannot.
EM_JS(char*, js_bundle_file_url, (const char* path), {
    const url = Module["bundleFileUrl"] ? String(Module["bundleFileUrl"](UTF8ToString(path))) : "";
    const size = lengthBytesUTF8(url) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(url, ptr, size);
    return ptr;
});

// Opened as a link is: in a new browsing context that cannot reach the page.
void openAsset(const std::string& path) {
    char* url = js_bundle_file_url(path.c_str());
    if (url && *url) js_open_link(url);
    free(url);
}

// A script conversion table: the page fetches the file beside the module and answers through
// reader_load_script_table.
EM_JS(void, js_request_script_table, (const char* file), {
    if (Module["onScriptTableRequest"]) Module["onScriptTableRequest"](UTF8ToString(file));
});


// Reading aloud through the page (shell/speech.js speaks with speechSynthesis, one utterance per
// sentence, and answers with reader_speaking / reader_speech_ended).
EM_JS(int, js_can_speak, (), {
    return typeof speechSynthesis !== "undefined" && typeof SpeechSynthesisUtterance !== "undefined" && !!Module["onSpeak"];
});

EM_JS(void, js_speak, (const char* lang, const char* sentencesJson, float rate), {
    Module["onSpeak"](UTF8ToString(lang), JSON.parse(UTF8ToString(sentencesJson)), rate);
});

EM_JS(void, js_speech_control, (int command), {
    if (Module["onSpeechControl"]) Module["onSpeechControl"](["pause", "resume", "stop"][command]);
});

void speak(const std::string& lang, const std::vector<std::string>& sentences, float rate) {
    std::string json = "[";
    for (const std::string& sentence : sentences) json += (json.size() > 1 ? "," : "") + reader::core::jsonString(sentence);
    js_speak(lang.c_str(), (json + "]").c_str(), rate);
}

EM_JS(void, js_print, (), {
    setTimeout(() => window.print(), 0);  // after the frame: the dialog blocks the page
});

void print() { js_print(); }

void pauseSpeech(bool paused) { js_speech_control(paused ? 0 : 1); }
void stopSpeech() { js_speech_control(2); }

reader::core::CivilDate localToday() {
    int ymd[3];
    js_today(ymd);
    return {ymd[0], ymd[1], ymd[2]};
}

// After each frame: what the app asked for goes to the page, which answers through the exports.
void sendRequests(reader::ui::ReaderApp& app) {
    for (const reader::ui::PlatformRequest& request : app.takeRequests()) {
        switch (request.kind) {
            case reader::ui::PlatformRequest::Kind::Shard: js_request_shard(request.path.c_str()); break;
            case reader::ui::PlatformRequest::Kind::ScriptTable: js_request_script_table(request.path.c_str()); break;
            case reader::ui::PlatformRequest::Kind::Image: reader::web::requestImage(request.image, request.path); break;
            case reader::ui::PlatformRequest::Kind::ReleaseTexture: reader::web::releaseImage(request.texture); break;
        }
    }
}

}  // namespace

int main() {
    // 1. WebGL2 on the page's canvas, input listeners on that canvas only. Lives for the page.
    auto* platform = new reader::web::WebPlatform();
    if (!platform->ok()) {
        EM_ASM({ throw new Error("WebGL2 is not available in this browser"); });
        return 1;
    }
    // 2. Glyphs come from the browser's own fonts (no font download), unless the page found that
    //    the browser cannot draw Chinese and fetched the fallback subset font.
    static reader::web::CanvasFontSource canvasFonts;
    static reader::web::FallbackFontSource fallbackFonts;
    reader::ui::FontSource& fonts = reader::web::FallbackFontSource::available()
                                        ? static_cast<reader::ui::FontSource&>(fallbackFonts)
                                        : canvasFonts;
    ImFont* font = fonts.install(*ImGui::GetIO().Fonts);

    // 3. The app, waiting for the page to hand it a bundle (reader_load_bundle).
    const bool canSpeak = js_can_speak();
    reader::ui::Ports ports{
        .today = localToday,
        .loadSettings = loadSettings,
        .saveSettings = saveSettings,
        .retryLoad = retryLoad,
        .openLink = openLink,
        .openAsset = openAsset,
        .loadPositions = loadPositions,
        .savePositions = savePositions,
        .speak = canSpeak ? speak : nullptr,
        .pauseSpeech = canSpeak ? pauseSpeech : nullptr,
        .stopSpeech = canSpeak ? stopSpeech : nullptr,
        .print = print,
    };
    reader::web::fillAnnotationPorts(ports);
    auto* app = new reader::ui::ReaderApp(std::move(ports));
    app->setFont(font);
    app->setSerifFont(fonts.installSerif(*ImGui::GetIO().Fonts));
    reader::web::bindExports(*app, *platform, fonts);
    reader::web::bindImages(*app, *platform);
    platform->setTouchHandlers([app](float pixels) { return app->scrollBy(pixels); }, [app](float factor) { app->zoomBy(factor); });
    platform->setTabPolicy([app](bool backward) { return app->tabLeaves(backward); });

    // 4. Each frame uploads one decoded image if any, draws the app and sends what it asked for
    //    (shards, the Traditional table, images) to
    //    the page; the first drawn view resolves the page's `ready`; a view that changed is drawn
    //    again. Drawing starts when the bundle arrives or the page gives up waiting (reader_show).
    platform->setDraw([app, platform] {
        reader::web::uploadOneImage();  // a figure's image decoded by the page, at most one a frame
        app->frame();
        sendRequests(*app);
        if (app->busy()) platform->requestFrames();  // the search index is built a slice per frame
        reader::web::notifyFirstViewIfDrawn();
        // A view that changed during this frame (a click on its last input event) was drawn at
        // most in part: the frames that show it follow, whatever input is left.
        const bool placeChanged = reader::web::notifyPlaceIfChanged();
        if (reader::web::notifyContentIfChanged() || placeChanged) platform->requestFrames();
    });
    return 0;
}
