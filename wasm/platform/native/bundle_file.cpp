// The bundle file: loading and reloading it, and answering the app's requests from disk.
#include "bundle_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/bundle_rules.h"
#include "core/logger.h"
#include "image_loader.h"
#include "core/script_converter.h"
#include "core/text_layout.h"
#include "open_link.h"
#include "settings_file.h"
#include "ui/reader_app.h"

namespace reader::native {

void BundleFile::load(ui::ReaderApp& app) {
    const core::Stopwatch fetch;
    std::ifstream file(m_path, std::ios::binary);
    if (!file) {
        const std::string message = m_path + ": cannot open: " + std::strerror(errno);
        std::fprintf(stderr, "%s\n", message.c_str());
        core::logf(core::LogLevel::Error, "%s", message.c_str());
        app.showLoadFailure(message);
        m_text.clear();
        return;
    }
    std::ostringstream text;
    text << file.rdbuf();
    core::logf(core::LogLevel::Info, "fetch: read %s, %zu bytes in %.1f ms", m_path.c_str(), text.str().size(), fetch.ms());
    if (text.str() == m_text && app.error().empty()) {
        core::logf(core::LogLevel::Debug, "%s: unchanged, not reloaded", m_path.c_str());
        return;
    }
    m_text = text.str();
    const core::Result<void> loaded = app.loadBundle(m_text);
    if (!loaded) std::fprintf(stderr, "%s: %s\n", m_path.c_str(), loaded.error().describe().c_str());
}

void BundleFile::answerRequests(ui::ReaderApp& app, ImageLoader& images) const {
    for (const ui::PlatformRequest& request : app.takeRequests()) {
        switch (request.kind) {
            case ui::PlatformRequest::Kind::Shard: loadShard(app, request.path); continue;
            case ui::PlatformRequest::Kind::Image: requestImage(app, images, request); continue;
            case ui::PlatformRequest::Kind::ReleaseTexture: ImageLoader::release(request.texture); continue;
            case ui::PlatformRequest::Kind::ScriptTable: break;
        }
        std::string table = readBesideExecutable(request.path);  // a table's file name, t2s.txt or s2t.txt
        if (table.empty()) core::logf(core::LogLevel::Warn, "no %s beside the reader: that script is not available", request.path.c_str());
        else app.loadScriptTable(request.path, std::move(table));
    }
}

namespace {

// True when `path`, symbolic links followed, lies inside `folder` (whose links are followed too).
bool staysInside(const std::filesystem::path& folder, const std::filesystem::path& path) {
    std::error_code error;
    const std::filesystem::path realFolder = std::filesystem::weakly_canonical(folder, error);
    if (error) return false;
    const std::filesystem::path real = std::filesystem::weakly_canonical(path, error);
    if (error) return false;
    return std::mismatch(realFolder.begin(), realFolder.end(), real.begin(), real.end()).first == realFolder.end();
}

}  // namespace

void BundleFile::loadShard(ui::ReaderApp& app, const std::string& shardPath) const {
    // The loader keeps shard paths inside the index file's folder (no "..", no leading "/"); a
    // symbolic link on the way could still lead out of it, so the real path is checked too.
    const std::filesystem::path folder = std::filesystem::path(m_path).parent_path();
    const std::filesystem::path path = folder / shardPath;
    if (!staysInside(folder.empty() ? "." : folder, path)) {
        app.shardFailed(shardPath, path.string() + ": refused: a symbolic link leads out of the bundle's folder");
        std::fprintf(stderr, "%s: refused: a symbolic link leads out of the bundle's folder\n", path.string().c_str());
        return;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        app.shardFailed(shardPath, path.string() + ": cannot open: " + std::strerror(errno));
        return;
    }
    std::ostringstream text;
    text << file.rdbuf();
    const core::Result<void> loaded = app.loadShard(shardPath, text.str());
    if (!loaded) std::fprintf(stderr, "%s: %s\n", shardPath.c_str(), loaded.error().describe().c_str());
}

void BundleFile::requestImage(ui::ReaderApp& app, ImageLoader& images, const ui::PlatformRequest& request) const {
    if (!core::isShardPath(request.path)) {  // the loader lets only https: URLs be anything else
        images.requestUrl(request.image, request.path);
        return;
    }
    const std::filesystem::path folder = std::filesystem::path(m_path).parent_path();
    const std::filesystem::path path = folder / request.path;
    if (!staysInside(folder.empty() ? "." : folder, path)) {
        app.imageFailed(request.image, "refused: a symbolic link leads out of the bundle's folder");
        return;
    }
    images.request(request.image, path, request.path);
}

void BundleFile::openAsset(const std::string& relativePath) const {
    const std::filesystem::path folder = std::filesystem::path(m_path).parent_path();
    const std::filesystem::path path = folder / relativePath;
    if (!staysInside(folder.empty() ? "." : folder, path)) {
        core::logf(core::LogLevel::Warn, "%s: refused: a symbolic link leads out of the bundle's folder", path.string().c_str());
        return;
    }
    openLink(path.string());
}

std::string BundleFile::windowTitle(const ui::ReaderApp& app) const {
    std::string title = "Article reader";
    if (!app.error().empty()) return title + " — error: " + app.error().substr(0, 120);
    if (app.bundle()) title += " — " + core::inScript(app.converter(), core::chromeText(app.bundle()->site.name, app.settings().rubyMode));
    return title;
}

}  // namespace reader::native
