// The C functions the page's JavaScript (shell/reader_api.js and the modules beside it) calls on one reader instance.
#pragma once

namespace reader::ui {
class FontSource;
class ReaderApp;
}

namespace reader::web {

class WebPlatform;

// Binds the exported functions to this app, platform and font source (one reader per module
// instance), and sends the log to the browser's console at the level the page asked for (Module.logLevel).
void bindExports(ui::ReaderApp& app, WebPlatform& platform, ui::FontSource& fonts);
// What bindExports bound, for the debug module's own exports (debug_exports.cpp).
ui::ReaderApp& boundApp();
WebPlatform& boundPlatform();

// Tells the page, once, that the first view has been drawn (resolves `ready`).
void notifyFirstViewIfDrawn();
// Tells the page the URL fragment of the current place when it changed (for hash routing); true then.
bool notifyPlaceIfChanged();
// Tells the page when what the view shows changed (place, bundle, error, loading, search order):
// the DOM mirror then reads reader_view_content. Compares a small key; nothing is built per frame.
// True when it changed.
bool notifyContentIfChanged();

}  // namespace reader::web
