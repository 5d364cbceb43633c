// Drawing laid-out text and text-like clickable items with ImGui's draw list.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "core/text_layout.h"

namespace reader::ui {

// Draws each line of `layout` at `origin` (the paragraph's top-left).
void drawLaidOutText(ImDrawList* drawList, ImFont* font, float fontSize, float lineHeight, ImVec2 origin,
                     std::string_view text, const core::ParagraphLayout& layout, ImU32 color);

// Lays out and draws a paragraph at the cursor as one ImGui item; returns its height.
float wrappedText(ImFont* font, float fontSize, float lineHeight, float width, float indentEm,
                  std::string_view text, ImU32 color);

// A single line of text that can be clicked: draws it, registers nothing; returns true on click.
// `underlineOnHover` marks it as a link.
bool textButton(const char* id, ImFont* font, float fontSize, std::string_view text, ImU32 color,
                ImU32 hoverColor);

// Plain text at the cursor, on one line (no wrapping), as an ImGui item.
void lineText(ImFont* font, float fontSize, std::string_view text, ImU32 color);

float textWidth(ImFont* font, float fontSize, std::string_view text);

// Height of one line of the font at `fontSize` (em size, as CSS font-size): ascent to descent.
float naturalHeight(ImFont* font, float fontSize);
// Distance from the top of that line to its baseline.
float ascent(ImFont* font, float fontSize);

}  // namespace reader::ui
