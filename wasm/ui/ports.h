// Ports: what ReaderApp needs from the world, supplied by each platform's main as callbacks filled
// by name (no #ifdef in ui: the web and native builds hand in their own implementations). What the
// app asks for that arrives later (a split bundle's shard, the Traditional table) is not a port but
// a queue of requests the platform drains after each frame (ReaderApp::takeRequests): nothing has
// to point back at the app.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/image_cache.h"

namespace reader::ui {

struct Ports {
    std::function<core::CivilDate()> today;  // the reader's local date, for the top bar
    // Settings as text (core/settings.h): read once at start, written on each change. Either may be
    // empty (tests): settings then live only as long as the app.
    std::function<std::string()> loadSettings;
    std::function<void(const std::string&)> saveSettings;
    // Loads the bundle again after a failure (the error view's retry button); empty: no button.
    std::function<void()> retryLoad;
    // Opens a link outside the reader (core/links.h: tel:, mailto:, https:, http: only), in a new
    // context that cannot reach the reader's page. Empty: links are shown, not opened.
    std::function<void(const std::string& url)> openLink;
    // Opens a file of the bundle's (an attachment's or a video's relative href, core::isShardPath):
    // the web resolves it against the bundle's URL, the desktop against its folder. Empty: not opened.
    std::function<void(const std::string& path)> openAsset;
    // Reading positions, as text (core/reading_positions.h): read once at start, written as the reader moves.
    std::function<std::string()> loadPositions;
    std::function<void(const std::string&)> savePositions;
    // Reading aloud, where the platform can (web: speechSynthesis): speaks the sentences in order in
    // `lang` (zh-TW, zh-CN, ...) at `rate`, telling ReaderApp::speechAt as each starts and
    // ReaderApp::speechEnded at the end; pauses, resumes, stops. Empty speak: no read-aloud button.
    std::function<void(const std::string& lang, const std::vector<std::string>& sentences, float rate)> speak;
    std::function<void(bool paused)> pauseSpeech;
    std::function<void()> stopSpeech;
    // Annotations (core/annotation_store.h), as the store's JSON text: read once at start, written
    // on each change (web: the origin's IndexedDB; desktop: the config folder).
    std::function<std::string()> loadAnnotations;
    std::function<void(const std::string&)> saveAnnotations;
    // Tells the embedding page an annotation changed: `event` "highlight", "note" or "bookmark",
    // `action` "added", "changed" or "removed", `json` the annotation (core::annotationJson).
    std::function<void(const std::string& event, const std::string& action, const std::string& json)> annotationChanged;
    // Hands the reader a file to keep (an export): web, a download; desktop, a file in the config
    // folder. Returns where it went, for the reader to be told; empty: nothing was saved.
    std::function<std::string(const std::string& name, const std::string& mime, const std::string& text)> saveFile;
    // Asks the reader for a file to import; the platform answers with ReaderApp::importAnnotations.
    // Empty: no import button.
    std::function<void()> pickImportFile;
    // Prints the current view (web: the browser's print dialog, which prints the text mirror).
    std::function<void()> print;
};

// Something the app needs that the platform fetches and hands back later. The platform drains
// them after each frame (ReaderApp::takeRequests) and answers at once or when the data arrives.
struct PlatformRequest {
    enum class Kind {
        // A split bundle's shard at `path` (relative to the index file): answered with
        // ReaderApp::loadShard or ReaderApp::shardFailed. Asked once per shard (again after a
        // failure, when the reader presses retry).
        Shard,
        // A script conversion table (ScriptTables), `path` its file name (t2s.txt, s2t.txt) beside
        // the module or binary; asked once, when the reader first shows a script that needs it:
        // answered with ReaderApp::loadScriptTable.
        ScriptTable,
        // A figure's image (`image`: which, at what size in device pixels), `path` its src: the
        // platform fetches and decodes it at that size into a texture of its own, off the wasm
        // heap on the web, and answers with ReaderApp::imageArrived or ReaderApp::imageFailed.
        Image,
        // A texture the reader no longer keeps (evicted under the budget, or of an old bundle):
        // the platform deletes `texture`.
        ReleaseTexture,
    };
    Kind kind;
    std::string path;  // the shard's path, the table's file name, or the image's src
    core::ImageKey image;  // Image
    uint64_t texture = 0;  // ReleaseTexture

    bool operator==(const PlatformRequest&) const = default;
};

}  // namespace reader::ui
