// The C functions the page's JavaScript (shell/reader.js) calls on one reader instance.
#pragma once

namespace reader::ui {
class ReaderApp;
}

namespace reader::web {

class WebPlatform;

// Binds the exported functions to this app and platform (one reader per module instance).
void bindExports(ui::ReaderApp& app, WebPlatform& platform);

// Tells the page, once, that the first view has been drawn (resolves `ready`).
void notifyFirstViewIfDrawn();
// Tells the page the URL fragment of the current place when it changed (for hash routing).
void notifyPlaceIfChanged();

}  // namespace reader::web
