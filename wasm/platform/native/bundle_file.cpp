#include "bundle_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/logger.h"
#include "core/script_converter.h"
#include "core/text_layout.h"
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
    const std::string error = app.loadBundle(m_text);
    if (!error.empty()) std::fprintf(stderr, "%s: %s\n", m_path.c_str(), error.c_str());
}

void BundleFile::loadShard(ui::ReaderApp& app, const std::string& shardPath) const {
    // The loader keeps shard paths inside the index file's folder (no "..", no leading "/").
    const std::filesystem::path path = std::filesystem::path(m_path).parent_path() / shardPath;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        app.shardFailed(shardPath, path.string() + ": cannot open: " + std::strerror(errno));
        return;
    }
    std::ostringstream text;
    text << file.rdbuf();
    const std::string error = app.loadShard(shardPath, text.str());
    if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
}

std::string BundleFile::windowTitle(const ui::ReaderApp& app) const {
    std::string title = "Article reader";
    if (!app.error().empty()) return title + " — error: " + app.error().substr(0, 120);
    if (app.bundle()) title += " — " + core::inScript(app.converter(), core::chromeText(app.bundle()->site.name, app.settings().rubyMode));
    return title;
}

}  // namespace reader::native
