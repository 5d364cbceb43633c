// The bundle on disk: read (the "fetch" phase of the log, on the desktop), handed to the app, and
// read again when the file watcher says it changed; what the app asks for (a split bundle's shards,
// the Traditional table) is read from disk and handed back before each frame.
#pragma once

#include <string>

#include "ui/ports.h"

namespace reader::ui {
class ReaderApp;
}

namespace reader::native {

class ImageLoader;

class BundleFile {
public:
    explicit BundleFile(std::string path) : m_path(std::move(path)) {}
    const std::string& path() const { return m_path; }

    // Reads the file and loads it into the app, unless its text is the one already shown. A file
    // that cannot be read or does not load leaves the previous bundle on screen, the error above it
    // (ReaderApp::loadBundle); the error also goes to stderr as "FILE: line L, column C: ...".
    void load(ui::ReaderApp& app);
    // Answers what the app asked for (ReaderApp::takeRequests) at once: shards from beside the
    // index file, the script tables (t2s.txt, s2t.txt) from beside the executable; figures' images
    // from the bundle's folder go to `images` to be decoded, released textures are deleted.
    void answerRequests(ui::ReaderApp& app, ImageLoader& images) const;
    // Opens a file of the bundle's (ui::Ports::openAsset: an attachment's relative href) with the
    // desktop's opener, unless a symbolic link leads it out of the bundle's folder.
    void openAsset(const std::string& relativePath) const;
    // The window's title: the site's name, or the error while one is shown.
    std::string windowTitle(const ui::ReaderApp& app) const;

private:
    // A split bundle's shard (`shardPath` relative to the index file), read now and handed to the app.
    void loadShard(ui::ReaderApp& app, const std::string& shardPath) const;
    // A figure's image: a file inside the bundle's folder to the loader; anything else fails at once.
    void requestImage(ui::ReaderApp& app, ImageLoader& images, const ui::PlatformRequest& request) const;

    std::string m_path;
    std::string m_text;  // the text last handed to the app
};

}  // namespace reader::native
