// Single lines of chrome text and text-like clickable items, drawn with ImGui's draw list.
#pragma once

#include <string_view>

#include <imgui.h>

#include "core/utf8.h"

namespace reader::ui {

// No one line of text shows more code points than this (a thousand at the smallest size and the
// widest window fill two lines): a title of a megabyte shown on one line is laid out, converted and
// measured this far only, so that a list row costs what it shows.
inline constexpr size_t kOneLineCodePoints = 1024;
inline std::string_view oneLinePrefix(std::string_view text) { return core::utf8::prefix(text, kOneLineCodePoints); }

// Plain text (no pinyin reading) wrapped to `width` at the cursor, as one ImGui item; returns its height.
float wrappedText(ImFont* font, float fontSize, float lineHeight, float width, std::string_view text, ImU32 color);

// A single line of text that can be clicked; returns true on click.
bool textButton(const char* id, ImFont* font, float fontSize, std::string_view text, ImU32 color, ImU32 hoverColor);

// Plain text at the cursor, on one line (no wrapping), as an ImGui item.
void lineText(ImFont* font, float fontSize, std::string_view text, ImU32 color);

float textWidth(ImFont* font, float fontSize, std::string_view text);

// Height of one line of the font at `fontSize` (em size, as CSS font-size): ascent to descent.
float naturalHeight(ImFont* font, float fontSize);
// Distance from the top of that line to its baseline.
float ascent(ImFont* font, float fontSize);

}  // namespace reader::ui
