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

}  // namespace

std::string settingsPath() { return (configDir() / "settings").string(); }

std::string loadSettingsFile() {
    std::ifstream file(settingsPath());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void saveSettingsFile(const std::string& text) {
    std::error_code error;
    std::filesystem::create_directories(configDir(), error);
    // Written beside and renamed over, so a crash never leaves half a file.
    const std::string path = settingsPath();
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << text;
        if (!file) {
            std::fprintf(stderr, "reader: cannot write settings to %s\n", temporary.c_str());
            return;
        }
    }
    std::filesystem::rename(temporary, path, error);
    if (error) std::fprintf(stderr, "reader: cannot save settings to %s: %s\n", path.c_str(), error.message().c_str());
}

}  // namespace reader::native
