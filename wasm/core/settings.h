// Reader settings that persist between visits (web: localStorage; desktop: a file in the user's
// config folder), as `key=value` lines: readable, diffable, and unknown keys are ignored so older
// and newer readers can share them.
#pragma once

#include <string>
#include <string_view>

#include "script_converter.h"
#include "text_layout.h"

namespace reader::core {

enum class FontSize { Small = 0, Medium = 1, Large = 2 };
// The colours: Auto follows the system's light or dark preference until the reader picks one.
// Colours of pinyin by tone: none, or one of two well-known schemes: Pleco's (1 red, 2 green, 3 blue,
// 4 purple, neutral gray) or MDBG's (1 red, 2 orange, 3 green, 4 blue, neutral black).
enum class ToneColors { None = 0, Pleco, Mdbg };
enum class ThemeChoice { Auto = 0, Light, Dark, Sepia, Gray, HighContrast };
// The order of search results (search_index.h), a switch the reader remembers.
enum class SearchOrder {
    Newest,     // by published time, newest first (ties: bundle order)
    Relevance,  // title matches first, then more hits, then newest (SearchIndex::score), among the newest matches
};

struct Settings {
    FontSize fontSize = FontSize::Medium;
    RubyMode rubyMode = RubyMode::Above;
    float zoom = 1.0f;  // continuous text zoom on top of the preset (Ctrl +/-, Ctrl+wheel, pinch)
    ThemeChoice theme = ThemeChoice::Auto;
    Script script = Script::Original;  // the text as the bundle has it, or converted (script_converter.h)
    // The settings panel's reading comfort: body line height (multiple of the size), the column's
    // widest measure (logical pixels), extra space between characters (em), and justified lines.
    float lineHeight = 1.8f;
    float contentWidth = 860.0f;
    float letterSpacing = 0.0f;
    bool justify = true;
    float speechRate = 1.0f;  // reading aloud, 1 = the voice's normal speed
    // Pinyin on demand: laid out as hidden, an annotated character shows its reading when hovered
    // or tapped. Only with rubyMode Hidden.
    bool rubyOnDemand = false;
    ToneColors toneColors = ToneColors::None;
    bool serif = false;  // the body in a serif (Ming / Song) face, where the platform has one
    SearchOrder searchOrder = SearchOrder::Newest;

    bool operator==(const Settings&) const = default;
};

inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 3.0f;
inline constexpr float kMinLineHeight = 1.3f, kMaxLineHeight = 2.6f;
inline constexpr float kMinContentWidth = 400.0f, kMaxContentWidth = 1400.0f;
inline constexpr float kMinLetterSpacing = 0.0f, kMaxLetterSpacing = 0.3f;
inline constexpr float kMinSpeechRate = 0.5f, kMaxSpeechRate = 2.0f;

std::string serializeSettings(const Settings& settings);
// Values that do not parse keep their defaults.
Settings parseSettings(std::string_view text);
// `base` with the settings that differ between `before` and `after` set as in `after`: what is saved
// when the reader's own switches move while an embedding page's options override some others.
Settings withChanges(const Settings& base, const Settings& before, const Settings& after);

const char* fontSizeName(FontSize size);       // small, medium, large
const char* rubyModeName(RubyMode mode);       // above, hidden, inline
bool parseFontSize(std::string_view name, FontSize& out);
bool parseRubyMode(std::string_view name, RubyMode& out);
const char* themeName(ThemeChoice theme);      // auto, light, dark, sepia, gray, high-contrast
bool parseTheme(std::string_view name, ThemeChoice& out);
const char* toneColorsName(ToneColors colors);  // none, pleco, mdbg
bool parseToneColors(std::string_view name, ToneColors& out);
const char* searchOrderName(SearchOrder order);  // newest, relevance
bool parseSearchOrder(std::string_view name, SearchOrder& out);

}  // namespace reader::core
