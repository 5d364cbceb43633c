// Settings, positions and data files on disk for the desktop reader (settings_file.h).
#include "settings_file.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace reader::native {

namespace {

std::filesystem::path configDir() {
    if (const char* dir = std::getenv("READER_CONFIG_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "article-reader";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "article-reader";
    return ".";
}

std::string loadConfigFile(const std::string& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void saveConfigFile(const std::string& path, const std::string& text) {
    std::error_code error;
    std::filesystem::create_directories(configDir(), error);
    // Written beside and renamed over, so a crash never leaves half a file.
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << text;
        if (!file) {
            std::fprintf(stderr, "reader: cannot write %s\n", temporary.c_str());
            return;
        }
    }
    std::filesystem::rename(temporary, path, error);
    if (error) std::fprintf(stderr, "reader: cannot save %s: %s\n", path.c_str(), error.message().c_str());
}

std::string positionsPath() { return (configDir() / "positions").string(); }

}  // namespace

std::string settingsPath() { return (configDir() / "settings").string(); }
std::string loadSettingsFile() { return loadConfigFile(settingsPath()); }
void saveSettingsFile(const std::string& text) { saveConfigFile(settingsPath(), text); }
std::string readBesideExecutable(const std::string& name) {
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return {};
    return loadConfigFile((exe.parent_path() / name).string());
}

std::string loadPositionsFile() { return loadConfigFile(positionsPath()); }
void savePositionsFile(const std::string& text) { saveConfigFile(positionsPath(), text); }

std::string loadAnnotationsFile() { return loadConfigFile((configDir() / "annotations.json").string()); }
void saveAnnotationsFile(const std::string& text) { saveConfigFile((configDir() / "annotations.json").string(), text); }

std::string saveExportFile(const std::string& name, const std::string& text) {
    const std::filesystem::path dir = configDir() / "exports";
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    const std::string path = (dir / std::filesystem::path(name).filename()).string();
    saveConfigFile(path, text);
    return std::filesystem::exists(path, error) ? path : std::string();
}

}  // namespace reader::native
