// Native settings storage: small text files in the user's config folder
// ($READER_CONFIG_DIR, else $XDG_CONFIG_HOME/article-reader, else ~/.config/article-reader).
#pragma once

#include <string>

namespace reader::native {

std::string settingsPath();
std::string loadSettingsFile();
void saveSettingsFile(const std::string& text);
// The reading positions (core/reading_positions.h), in the file "positions" beside the settings.
std::string loadPositionsFile();
void savePositionsFile(const std::string& text);
// Annotations (core/annotation_store.h), in "annotations.json" beside the settings.
std::string loadAnnotationsFile();
void saveAnnotationsFile(const std::string& text);
// An export the reader asked for, as "exports/<name>" in the config folder; returns its path ("" on failure).
std::string saveExportFile(const std::string& name, const std::string& text);
// A data file written beside the reader's binary by the build (t2s.txt, s2t.txt); empty when missing.
std::string readBesideExecutable(const std::string& name);

}  // namespace reader::native
