// Annotations: the highlights (each with an optional note) and bookmarks a reader keeps on articles
// (issue #17), in the W3C Web Annotation model. A highlight points into its article's base text
// (ArticleText) twice: by position (TextPositionSelector) and by quote (TextQuoteSelector: the exact
// text and a little of what stands before and after it). The base text leaves readings out and is in
// the bundle's own script, so a highlight does not move when the reader shows pinyin another way or
// the other script. When a bundle update changed the text, the quote finds it again (anchor()); what
// it cannot find is an orphan, kept and listed with its quote, never attached to another passage.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"

namespace reader::core {

enum class AnnotationKind : uint8_t { Highlight, Bookmark };

struct TextQuote {
    std::string exact, prefix, suffix;  // UTF-8
    bool operator==(const TextQuote&) const = default;
};

struct Annotation {
    std::string id;  // "urn:uuid:…", unique
    AnnotationKind kind = AnnotationKind::Highlight;
    std::string source;     // the bundle's address (web: its URL; desktop: a file: URL): what it belongs to
    std::string articleId;
    std::string color;      // a highlight's: one of kHighlightColors
    std::string note;       // a highlight's note; empty: none
    std::string created;    // ISO 8601 in UTC, "2026-12-07T19:56:52Z"
    std::string modified;
    size_t start = 0, end = 0;  // a highlight's code points in the base text
    TextQuote quote;
    bool operator==(const Annotation&) const = default;
};

inline constexpr std::array<std::string_view, 4> kHighlightColors = {"yellow", "green", "blue", "pink"};
inline constexpr size_t kQuoteContext = 32;  // code points of prefix and of suffix

// What highlights point into: the article's body texts with their readings taken out, in the
// bundle's script, joined by '\n'.
struct ArticleText {
    std::u32string text;
    std::vector<size_t> starts;  // where each body text starts in `text`
};
ArticleText articleText(const Article& article);

// A part of one body text: code points [begin, end) of its base text.
struct TextSpan {
    size_t paragraph = 0;
    size_t begin = 0, end = 0;
    bool operator==(const TextSpan&) const = default;
};
// The base text's [start, end) as parts of the body texts it covers (the '\n' between them left out).
std::vector<TextSpan> spansOf(const ArticleText& text, size_t start, size_t end);
// The base text position of code point `offset` of body text `paragraph` (clamped to its end).
size_t positionOf(const ArticleText& text, size_t paragraph, size_t offset);

// The position and quote of [start, end) (clamped to the text).
void describeRange(const ArticleText& text, size_t start, size_t end, Annotation& out);

// Where a highlight is in the text as it is now: at its position when its quote is still there
// with its context; else at the occurrence of its exact text whose prefix and suffix agree best (the
// nearer its old position on a tie), if any of its context agrees there, or if the text is long
// (8 code points or more) and found only once; else, when the exact text is gone, between its prefix
// and suffix if both still stand close together, in one place only, and what lies between differs
// from the exact text in at most a tenth of its characters (an edit inside the quote); else nowhere:
// an orphan.
struct TextRange32 {
    size_t start = 0, end = 0;
    bool operator==(const TextRange32&) const = default;
};
std::optional<TextRange32> anchor(const ArticleText& text, const Annotation& annotation);

// The site of a source, to refuse an import from another one: scheme and authority of an http(s)
// URL ("https://news.example"), a file: URL whole.
std::string siteOf(std::string_view source);

// A new id, "urn:uuid:" and a random version-4 UUID.
std::string newAnnotationId();
// Seconds since 1970 as "2026-12-07T19:56:52Z".
std::string isoTime(int64_t unixSeconds);

}  // namespace reader::core
