// Native settings storage: one small text file in the user's config folder
// ($READER_CONFIG_DIR, else $XDG_CONFIG_HOME/article-reader, else ~/.config/article-reader).
#pragma once

#include <string>

namespace reader::native {

std::string settingsPath();
std::string loadSettingsFile();
void saveSettingsFile(const std::string& text);

}  // namespace reader::native
