// Ports: what core and the UI need from the world, supplied by each platform's main as callbacks
// (no #ifdef in core or ui: the web and native builds hand in their own implementations).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "calendar.h"

namespace reader::core {

struct Ports {
    std::function<CivilDate()> today;  // the reader's local date, for the top bar
    // Settings as text (settings.h): read once at start, written on each change. Either may be
    // empty (tests): settings then live only as long as the app.
    std::function<std::string()> loadSettings;
    std::function<void(const std::string&)> saveSettings;
    // Loads the bundle again after a failure (the error view's retry button); empty: no button.
    std::function<void()> retryLoad;
    // Split bundles: fetch the shard at `path` (relative to the index file) and hand it to
    // ReaderApp::loadShard, or tell ReaderApp::shardFailed; at once or later. Asked once per shard
    // (again after a failure, when the reader presses retry).
    std::function<void(const std::string& path)> requestShard;
    // Opens a link outside the reader (core/links.h: tel:, mailto:, https:, http: only), in a new
    // context that cannot reach the reader's page. Empty: links are shown, not opened.
    std::function<void(const std::string& url)> openLink;
    // Reading positions, as text (core/reading_positions.h): read once at start, written as the reader moves.
    std::function<std::string()> loadPositions;
    std::function<void(const std::string&)> savePositions;
    // The Simplified -> Traditional table (script_converter.h), asked for once, when the reader first
    // shows the Traditional script; answered with ReaderApp::loadTraditionalTable. Empty: not available.
    std::function<void()> requestTraditionalTable;
    // Reading aloud, where the platform can (web: speechSynthesis): speaks the sentences in order in
    // `lang` (zh-TW, zh-CN, ...) at `rate`, telling ReaderApp::speechAt as each starts and
    // ReaderApp::speechEnded at the end; pauses, resumes, stops. Empty speak: no read-aloud button.
    std::function<void(const std::string& lang, const std::vector<std::string>& sentences, float rate)> speak;
    std::function<void(bool paused)> pauseSpeech;
    std::function<void()> stopSpeech;
    // Prints the current view (web: the browser's print dialog, which prints the text mirror).
    std::function<void()> print;
};

}  // namespace reader::core
