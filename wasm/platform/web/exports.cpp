// The C functions the page's JavaScript calls (exports.h), bound to one reader instance.
#include "exports.h"

#include <emscripten.h>

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "reader_version.h"
#include "core/fixed_metrics.h"
#include "core/logger.h"
#include "core/json_text.h"
#include "ui/font_source.h"
#include "ui/reader_app.h"
#include "ui/setting_options.h"
#include "ui/view_state.h"
#include "view_content.h"
#include "web_platform.h"

namespace reader::web {

namespace {

ui::ReaderApp* g_app = nullptr;
WebPlatform* g_platform = nullptr;
ui::FontSource* g_fonts = nullptr;
bool g_firstViewSent = false;
std::string g_reply;  // the last string handed to JS; valid until the next call

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}

// The log goes to the console, one method per level ("reader: " first, as on the desktop).
EM_JS(void, js_console_log, (int level, const char* text), {
    const line = "reader: " + UTF8ToString(text);
    if (level >= 3) console.error(line);
    else if (level == 2) console.warn(line);
    else if (level == 1) console.info(line);
    else console.debug(line);
});

// The level the page asked for (mount option `log`, the demo page's ?log=debug), or "".
EM_JS(char*, js_log_level, (), {
    const text = String(Module["logLevel"] || "");
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

void setLogLevel(const char* name) {
    core::LogLevel level = core::LogLevel::Off;
    if (*name && !core::parseLogLevel(name, level)) js_console_log(2, (std::string("unknown log level ") + name).c_str());
    core::Logger::setLevel(level);
}

EM_JS(void, js_first_view_drawn, (), {
    if (Module["onFirstView"]) Module["onFirstView"]();
});

EM_JS(void, js_place_changed, (const char* fragment), {
    if (Module["onPlaceChange"]) Module["onPlaceChange"](UTF8ToString(fragment));
});

// The next bytes of the bundle the page is streaming into reader_load_bundle_streamed (loading.js):
// at most `room` of them copied to `out`; how many (0: no more).
EM_JS(size_t, js_read_bundle, (char* out, size_t room), {
    return Module["readBundle"](out, room);
});

// Asks for one more slice of the search index as a task of its own (reader_index_step), after
// whatever input and frames are waiting: a MessageChannel message, which no timer clamps.
EM_JS(void, js_schedule_index_step, (), {
    if (Module["indexStepQueued"]) return;
    Module["indexStepQueued"] = true;
    if (!Module["indexChannel"]) {
        Module["indexChannel"] = new MessageChannel();
        Module["indexChannel"].port1.onmessage = () => {
            Module["indexStepQueued"] = false;
            Module["_reader_index_step"]();
        };
    }
    Module["indexChannel"].port2.postMessage(0);
});

// The DOM mirror (shell/mirror.js) reads reader_view_content again after this.
EM_JS(void, js_content_changed, (), {
    if (Module["onContentChange"]) Module["onContentChange"]();
});

// A BCP 47 tag of a language the reader's words are in: zh (zh-Hant, zh-TW, zh-Hans, ...) or en.
bool isReaderLocale(std::string_view tag) {
    const auto is = [&](std::string_view language) {
        return tag.size() >= 2 && (tag[0] | 0x20) == language[0] && (tag[1] | 0x20) == language[1] && (tag.size() == 2 || tag[2] == '-');
    };
    return is("zh") || is("en");
}

// A bundle or shard just read leaves an index to build: its slices start, besides one a frame.
void startIndexSteps() {
    if (g_app->busy()) js_schedule_index_step();
}

std::string g_lastFragment;  // of the place the page was last told about
std::string g_lastContentKey = "\x01";  // of the content the page was last told about (none yet)

}  // namespace

void bindExports(ui::ReaderApp& app, WebPlatform& platform, ui::FontSource& fonts) {
    g_app = &app;
    g_platform = &platform;
    g_fonts = &fonts;
    core::Logger::setSink([](core::LogLevel level, std::string_view message) {
        js_console_log(static_cast<int>(level), std::string(message).c_str());
    });
    char* level = js_log_level();
    setLogLevel(level);
    free(level);
}

ui::ReaderApp& boundApp() { return *g_app; }

WebPlatform& boundPlatform() { return *g_platform; }

bool notifyPlaceIfChanged() {
    if (!g_app->bundle()) return false;
    const std::string fragment = core::fragmentFor(g_app->navigator().current());
    if (fragment == g_lastFragment) return false;
    g_lastFragment = fragment;
    js_place_changed(fragment.c_str());
    return true;
}

bool notifyContentIfChanged() {
    std::string key = viewContentKey(*g_app);
    if (key == g_lastContentKey) return false;
    g_lastContentKey = std::move(key);
    js_content_changed();
    return true;
}

void notifyFirstViewIfDrawn() {
    if (g_firstViewSent || !g_app->hasDrawnFirstView()) return;
    g_firstViewSent = true;
    js_first_view_drawn();
}

}  // namespace reader::web

using reader::web::g_app;
using reader::web::g_platform;
using reader::web::g_fonts;


extern "C" {

// Loads bundle bytes (copied by the caller into wasm memory). Returns the error text or "".
EMSCRIPTEN_KEEPALIVE const char* reader_load_bundle(const char* bytes, int length) {
    const reader::core::Result<void> loaded = g_app->loadBundle(std::string_view(bytes, static_cast<size_t>(length)));
    g_platform->show();
    reader::web::startIndexSteps();
    return reader::web::reply(loaded ? std::string() : loaded.error().describe());
}

// Loads a bundle of `bytes` bytes that the page hands over a chunk at a time (Module.readBundle), so
// that its bytes never sit whole in wasm memory beside the bundle built from them. 1 when it loaded;
// 0 when not (nothing changed): the page then hands it whole to reader_load_bundle, which says why.
EMSCRIPTEN_KEEPALIVE int reader_load_bundle_streamed(double bytes) {
    const bool loaded = g_app->loadBundleStreamed(static_cast<size_t>(bytes), [](char* out, size_t room) {
        return reader::web::js_read_bundle(out, room);
    });
    if (loaded) g_platform->show();
    if (loaded) reader::web::startIndexSteps();
    return loaded ? 1 : 0;
}

// A slice of the search index between frames (js_schedule_index_step); the next is asked for until
// it is complete, and then a frame, which shows the search ready.
EMSCRIPTEN_KEEPALIVE void reader_index_step() {
    if (g_app->stepSearchIndex()) g_platform->requestFrames();
    else reader::web::js_schedule_index_step();
}

// Bytes of the bundle downloaded so far, and expected (0: unknown): the reader shows a progress bar.
EMSCRIPTEN_KEEPALIVE void reader_load_progress(double received, double total) {
    g_app->showLoadProgress(static_cast<size_t>(received), static_cast<size_t>(total));
    g_platform->requestFrames();
}

// A bundle that could not be fetched at all.
EMSCRIPTEN_KEEPALIVE void reader_load_failed(const char* message) {
    g_app->showLoadFailure(message);
    g_platform->show();
}

// A split bundle's shard, fetched by the page after Module.onShardRequest(path): its bytes, or why
// there are none. Returns the error text or "".
EMSCRIPTEN_KEEPALIVE const char* reader_load_shard(const char* path, const char* bytes, int length) {
    const reader::core::Result<void> loaded = g_app->loadShard(path, std::string_view(bytes, static_cast<size_t>(length)));
    g_platform->requestFrames();
    reader::web::startIndexSteps();
    return reader::web::reply(loaded ? std::string() : std::string(path) + ": " + loaded.error().describe());
}

EMSCRIPTEN_KEEPALIVE void reader_shard_failed(const char* path, const char* message) {
    g_app->shardFailed(path, message);
    g_platform->requestFrames();
}

// {view, query, categoryId, articleId, fontSize, rubyMode, toneColors, theme, script, serif, speaking,
// title, position, error} (ui/view_state.h).
EMSCRIPTEN_KEEPALIVE const char* reader_state() {
    return reader::web::reply(reader::ui::viewStateJson(reader::ui::viewStateOf(*g_app)));
}

// [{id, title, published}] of the articles listed now: a category's, or the search view's results
// in their order; empty in an article.
EMSCRIPTEN_KEEPALIVE const char* reader_list() {
    using namespace reader;
    std::string out = "[";
    const core::Bundle* bundle = g_app->bundle();
    const core::Place& place = g_app->navigator().current();
    std::vector<const core::Article*> shown;
    if (bundle && place.view == core::View::List) shown = core::articlesIn(*bundle, place.categoryId);
    if (bundle && place.view == core::View::Search) {
        for (const std::string& id : g_app->listedResults(place)) shown.push_back(bundle->findArticle(id));
    }
    for (const core::Article* a : shown) {
        if (!a) continue;
        if (out.size() > 1) out += ",";
        out += "{\"id\":" + core::jsonString(a->id) + ",\"title\":" + core::jsonString(core::inScript(g_app->converter(), a->title)) +
               ",\"published\":" + core::jsonString(core::formatPublished(a->published)) + "}";
    }
    return web::reply(out + "]");
}

EMSCRIPTEN_KEEPALIVE int reader_open(const char* articleId) {
    const bool opened = g_app->open(articleId);
    g_platform->requestFrames();
    return opened;
}

EMSCRIPTEN_KEEPALIVE int reader_back() {
    const bool moved = g_app->back();
    g_platform->requestFrames();
    return moved;
}

// {x, y, w, h} in CSS pixels relative to the canvas, or "" when nothing with that key is visible.
EMSCRIPTEN_KEEPALIVE const char* reader_item_rect(const char* key) {
    const auto rect = g_app->itemRect(key);
    if (!rect) return reader::web::reply("");
    char text[128];
    std::snprintf(text, sizeof text, "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", rect->x, rect->y, rect->w, rect->h);
    return reader::web::reply(text);
}

// Keyboard focus (ui/keyboard_focus.h). Focus came to the canvas by Tab (0) or Shift+Tab (1): its
// first or last control takes it.
EMSCRIPTEN_KEEPALIVE void reader_keyboard_enter(int backward) {
    g_app->enterByKeyboard(backward != 0);
    g_platform->requestFrames();
}

// Focus left the reader (canvas and search input): no control shows it.
EMSCRIPTEN_KEEPALIVE void reader_keyboard_leave() {
    g_app->loseKeyboardFocus();
    g_platform->requestFrames();
}

// 1 when a Tab (Shift+Tab: backward 1) now leaves the reader for the page.
EMSCRIPTEN_KEEPALIVE int reader_tab_leaves(int backward) { return g_app->tabLeaves(backward != 0) ? 1 : 0; }

// The item of an itemRect key shows keyboard focus while its text-mirror link is focused ("" none).
EMSCRIPTEN_KEEPALIVE void reader_show_focus(const char* key) {
    g_app->showMirrorFocus(key);
    g_platform->requestFrames();
}

// Line breaks of a paragraph under fixed metrics (core::describeLines), for the test that holds
// the web build's line breaking equal to the native build's.
EMSCRIPTEN_KEEPALIVE const char* reader_describe_lines(const char* paragraph, float width, const char* mode) {
    reader::core::RubyMode rubyMode = reader::core::RubyMode::Above;
    reader::core::parseRubyMode(mode, rubyMode);
    return reader::web::reply(reader::core::describeLines(paragraph, width, rubyMode));
}

// ["id", ...] of the articles a query finds, in the reader's current result order.
EMSCRIPTEN_KEEPALIVE const char* reader_search(const char* query) {
    std::string out = "[";
    for (const std::string& id : g_app->search(query)) {
        if (out.size() > 1) out += ",";
        out += reader::core::jsonString(id);
    }
    g_platform->requestFrames();  // the split index's shards the query asked for go out after a frame
    return reader::web::reply(out + "]");
}

// The URL fragment of the current place ("#/article/<id>", ...).
EMSCRIPTEN_KEEPALIVE const char* reader_fragment() {
    return reader::web::reply(reader::core::fragmentFor(g_app->navigator().current()));
}

// Goes to the place a URL fragment names; 0 when it names nothing in the bundle.
EMSCRIPTEN_KEEPALIVE int reader_go_fragment(const char* fragment) {
    const auto place = reader::core::placeFromFragment(fragment);
    const bool moved = place && g_app->go(*place);
    g_platform->requestFrames();
    return moved;
}

// What the current view shows, for the page's DOM mirror (view_content.h); read after each
// onContentChange, never per frame.
EMSCRIPTEN_KEEPALIVE const char* reader_view_content() { return reader::web::reply(reader::web::viewContentJson(*g_app)); }

// Scrolls body paragraph `paragraph` of the open article to the top and marks it (find-in-page
// landed on it in the mirror); 0 outside an article or past its end.
EMSCRIPTEN_KEEPALIVE int reader_reveal_paragraph(int paragraph) {
    const bool revealed = paragraph >= 0 && g_app->revealParagraph(static_cast<size_t>(paragraph));
    g_platform->requestFrames();
    return revealed;
}

// Draws the reader even without a bundle yet (the page shows "loading" when data is slow).
EMSCRIPTEN_KEEPALIVE void reader_show() { g_platform->show(); }

// {bytes, parseMs, indexMs, articles} of the last successful load, and the wasm heap's size; for a
// split bundle's prebuilt index, its shards loaded and whether the current search awaits more.
EMSCRIPTEN_KEEPALIVE const char* reader_load_stats() {
    const auto& stats = g_app->loadStats();
    const reader::ui::SplitSearch& split = g_app->splitSearch();
    const reader::core::Place& place = g_app->navigator().current();
    const bool fetching = place.view == reader::core::View::Search && split.awaiting(place.query);
    char text[320];
    std::snprintf(text, sizeof text,
                  "{\"bytes\":%zu,\"parseMs\":%.3f,\"indexMs\":%.3f,\"articles\":%zu,\"searchIndexBytes\":%zu,\"indexing\":%s,"
                  "\"indexShards\":%zu,\"fetchingIndex\":%s}",
                  stats.bytes, stats.parseMs, stats.indexMs, stats.articles, g_app->searchIndex().memoryBytes(),
                  g_app->searchIndexReady() ? "false" : "true", split.shardsLoaded(), fetching ? "true" : "false");
    return reader::web::reply(text);
}

// [ms, ...]: CPU time of the last frames drawn, oldest first.
EMSCRIPTEN_KEEPALIVE const char* reader_frame_times() {
    std::string out = "[";
    for (double ms : g_platform->recentFrameMs()) {
        char number[32];
        std::snprintf(number, sizeof number, "%s%.3f", out.size() > 1 ? "," : "", ms);
        out += number;
    }
    return reader::web::reply(out + "]");
}

EMSCRIPTEN_KEEPALIVE unsigned reader_frames_drawn() { return g_platform->framesDrawn(); }

// The page saw the container resize or the device pixel ratio change.
EMSCRIPTEN_KEEPALIVE void reader_request_frame() { g_platform->requestFrames(); }

// mount() options (persist 0: the page's choice for this visit) and setOptions() (persist 1, as
// the reader's own switches): a setting by its name (ui/setting_options.h), or the UI locale.
// An empty value with persist 0 drops the page's choice (an element's attribute removed): the
// setting goes back to what the reader saved, the locale to the bundle's language.
// Returns 0, changing nothing, for a name or value it does not know.
EMSCRIPTEN_KEEPALIVE int reader_set_option(const char* name, const char* value, int persist) {
    using namespace reader;
    const std::string_view key = name;
    const bool dropped = !*value && !persist;
    bool ok = false;
    if (key == "locale") {
        ok = dropped || web::isReaderLocale(value);  // one the reader has words for: Chinese or English
        if (ok) g_app->setUiLocale(value);
    } else if (const ui::SettingOption* option = ui::findSettingOption(key)) {
        core::Settings settings = g_app->settings();
        ok = option->parse(dropped ? option->print(g_app->savedSettings()) : value, settings);
        if (ok && persist) g_app->setSettings(settings);
        if (ok && !persist) g_app->overrideSettings(settings);
    }
    g_platform->requestFrames();
    return ok ? 1 : 0;
}

// The mount option `overscroll`: 1 'contain' (the reader keeps every wheel step and swipe), 0
// 'auto' (a step or swipe past the content's top or bottom scrolls the page).
EMSCRIPTEN_KEEPALIVE void reader_set_overscroll(int contain) { g_platform->setOverscrollContain(contain != 0); }

// A script conversion table (t2s.txt, s2t.txt), fetched by the page after Module.onScriptTableRequest.
EMSCRIPTEN_KEEPALIVE void reader_load_script_table(const char* file, const char* bytes, int length) {
    g_app->loadScriptTable(file, std::string(bytes, static_cast<size_t>(length)));
    g_platform->requestFrames();
}

// Reading aloud: the sentence that started, and the end (or failure) of the reading.
EMSCRIPTEN_KEEPALIVE void reader_speaking(int sentence) {
    g_app->speechAt(static_cast<size_t>(sentence));
    g_platform->requestFrames();
}

EMSCRIPTEN_KEEPALIVE void reader_speech_ended() {
    g_app->speechEnded();
    g_platform->requestFrames();
}

// Text the page's hidden input received (typed, composed by an IME, pasted) for the active field.
EMSCRIPTEN_KEEPALIVE void reader_text_input(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    g_platform->requestFrames();
}

// compositionstart (1) and compositionend (0) in the page's hidden input: the search box hides its
// hint meanwhile, which the composed text, drawn by the page at the caret, would otherwise overlap.
EMSCRIPTEN_KEEPALIVE void reader_set_composing(int composing) {
    g_app->setComposing(composing != 0);
    g_platform->requestFrames();
}

// The text of a Ctrl+V / Cmd+V paste: ImGui's paste, which that key starts, inserts it.
EMSCRIPTEN_KEEPALIVE void reader_set_pasted_text(const char* text) { g_platform->setPastedText(text); }

// The page is hidden or going away: what the reader has not saved yet (reading positions) is saved.
EMSCRIPTEN_KEEPALIVE void reader_save_now() { g_app->saveReadingPositions(); }

// prefers-color-scheme: dark and prefers-contrast: more, which the auto theme follows.
EMSCRIPTEN_KEEPALIVE void reader_set_prefers_dark(int dark) {
    g_app->setSystemPrefersDark(dark != 0);
    g_platform->requestFrames();
}

EMSCRIPTEN_KEEPALIVE void reader_set_prefers_contrast(int more) {
    g_app->setSystemPrefersContrast(more != 0);
    g_platform->requestFrames();
}

// forced-colors: active: the system's colours ("#rrggbb" x8, ui::SystemColors' order), or "" when the
// mode ends. Returns whether the text was understood.
EMSCRIPTEN_KEEPALIVE int reader_set_system_colors(const char* colors) {
    const auto parsed = reader::ui::parseSystemColors(colors);
    g_app->setSystemColors(parsed);
    g_platform->requestFrames();
    return parsed.has_value();
}

// The page's colours from its CSS custom properties (shell/page_signals.js): background, text,
// link, muted, each "#rrggbb" or "-" (not set). Returns whether the text was understood.
EMSCRIPTEN_KEEPALIVE int reader_set_page_colors(const char* colors) {
    const auto parsed = reader::ui::parsePageColors(colors);
    g_app->setPageColors(parsed.value_or(reader::ui::PageColors{}));
    g_platform->requestFrames();
    return parsed.has_value();
}

// The page's font from its CSS custom properties (shell/page_theme.js): a font-family list as the
// browser normalised it ("" none), and the body's size at 中 in CSS pixels (0 none).
EMSCRIPTEN_KEEPALIVE void reader_set_page_font(const char* family, float px) {
    g_app->setPageTextSize(px);
    if (g_fonts->setPageFamily(family)) {
        g_platform->discardGlyphs();
        g_app->fontsChanged();
    }
    g_platform->requestFrames();
}

// The page loaded web fonts: those of its family drew as the next face until now.
EMSCRIPTEN_KEEPALIVE void reader_redraw_glyphs() {
    g_platform->discardGlyphs();
    g_app->fontsChanged();
}

// destroy(): the module's listeners off the canvas, no frame ever again. The page drops the module
// afterwards, and with it the memory.
EMSCRIPTEN_KEEPALIVE void reader_destroy() { g_platform->shutDown(); }

// debug, info, warn, error or off (setOptions({log})).
EMSCRIPTEN_KEEPALIVE void reader_set_log_level(const char* level) { reader::web::setLogLevel(level); }

// A line from the page's side of the reader (fetch timings), at a level 0 (debug) to 3 (error).
EMSCRIPTEN_KEEPALIVE void reader_log(int level, const char* text) {
    if (level < 0 || level > 3) return;
    reader::core::Logger::write(static_cast<reader::core::LogLevel>(level), text);
}

// The module's version (the VERSION file), which reader.js's `version` must match: a page whose
// files come from two releases (a stale cache) can tell.
EMSCRIPTEN_KEEPALIVE const char* reader_version() { return reader::kVersion; }

}  // extern "C"
