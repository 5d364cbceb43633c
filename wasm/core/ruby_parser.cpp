// RubyParser: the rules are in ruby_parser.h.
//
// Index
// [SECTION] Characters: Han, parentheses, the letters of a reading
// [SECTION] Readings: content between parentheses -> syllables
// [SECTION] Scanning: text -> plain and ruby runs, handed to a sink
// [SECTION] Structured units: U+FFF9 base U+FFFA reading U+FFFB
// [SECTION] RubyParser
#include "ruby_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "pinyin_syllables.h"
#include "utf8.h"

namespace reader::core {

namespace {

// [SECTION] Characters: Han, parentheses, the letters of a reading

bool isHan(char32_t cp) {
    return cp == 0x3007                         // 〇
           || (cp >= 0x3400 && cp <= 0x4DBF)    // Extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK Unified Ideographs
           || (cp >= 0xF900 && cp <= 0xFAFF)    // Compatibility Ideographs
           || (cp >= 0x20000 && cp <= 0x3FFFF);  // planes 2 and 3: Extensions B to H and more
}

enum class Paren { None, Half, Full };

constexpr std::string_view kOpenFull = "\uFF08";   // （
constexpr std::string_view kCloseFull = "\uFF09";  // ）

Paren openingAt(std::string_view text, size_t pos) {
    if (text[pos] == '(') return Paren::Half;
    if (text.substr(pos, kOpenFull.size()) == kOpenFull) return Paren::Full;
    return Paren::None;
}

size_t openingLength(Paren paren) { return paren == Paren::Half ? 1 : kOpenFull.size(); }

// Bytes of the closing parenthesis of the same width at text[pos], or 0.
size_t closingAt(std::string_view text, size_t pos, Paren open) {
    if (pos >= text.size()) return 0;
    if (open == Paren::Half) return text[pos] == ')' ? 1 : 0;
    return text.substr(pos, kCloseFull.size()) == kCloseFull ? kCloseFull.size() : 0;
}

// A letter of a reading with a tone mark, precomposed: which vowel ('v' stands for ü) and which tone.
struct MarkedLetter {
    char32_t cp;
    char letter;
    uint8_t tone;  // 1-4, 0 for ü without a mark
    bool capital;
};

constexpr std::array kMarkedLetters = std::to_array<MarkedLetter>({
    {0x0101, 'a', 1, false}, {0x00E1, 'a', 2, false}, {0x01CE, 'a', 3, false}, {0x00E0, 'a', 4, false},
    {0x0113, 'e', 1, false}, {0x00E9, 'e', 2, false}, {0x011B, 'e', 3, false}, {0x00E8, 'e', 4, false},
    {0x012B, 'i', 1, false}, {0x00ED, 'i', 2, false}, {0x01D0, 'i', 3, false}, {0x00EC, 'i', 4, false},
    {0x014D, 'o', 1, false}, {0x00F3, 'o', 2, false}, {0x01D2, 'o', 3, false}, {0x00F2, 'o', 4, false},
    {0x016B, 'u', 1, false}, {0x00FA, 'u', 2, false}, {0x01D4, 'u', 3, false}, {0x00F9, 'u', 4, false},
    {0x01D6, 'v', 1, false}, {0x01D8, 'v', 2, false}, {0x01DA, 'v', 3, false}, {0x01DC, 'v', 4, false},
    {0x00FC, 'v', 0, false},
    {0x0100, 'a', 1, true}, {0x00C1, 'a', 2, true}, {0x01CD, 'a', 3, true}, {0x00C0, 'a', 4, true},
    {0x0112, 'e', 1, true}, {0x00C9, 'e', 2, true}, {0x011A, 'e', 3, true}, {0x00C8, 'e', 4, true},
    {0x012A, 'i', 1, true}, {0x00CD, 'i', 2, true}, {0x01CF, 'i', 3, true}, {0x00CC, 'i', 4, true},
    {0x014C, 'o', 1, true}, {0x00D3, 'o', 2, true}, {0x01D1, 'o', 3, true}, {0x00D2, 'o', 4, true},
    {0x016A, 'u', 1, true}, {0x00DA, 'u', 2, true}, {0x01D3, 'u', 3, true}, {0x00D9, 'u', 4, true},
    {0x01D5, 'v', 1, true}, {0x01D7, 'v', 2, true}, {0x01D9, 'v', 3, true}, {0x01DB, 'v', 4, true},
    {0x00DC, 'v', 0, true},
    // The breve, typed for the caron on many pages: a third tone.
    {0x0103, 'a', 3, false}, {0x0115, 'e', 3, false}, {0x012D, 'i', 3, false}, {0x014F, 'o', 3, false},
    {0x016D, 'u', 3, false},
    {0x0102, 'a', 3, true}, {0x0114, 'e', 3, true}, {0x012C, 'i', 3, true}, {0x014E, 'o', 3, true},
    {0x016C, 'u', 3, true},
});

const MarkedLetter* findMarkedLetter(char32_t cp) {
    const auto it = std::find_if(kMarkedLetters.begin(), kMarkedLetters.end(),
                                 [cp](const MarkedLetter& letter) { return letter.cp == cp; });
    return it == kMarkedLetters.end() ? nullptr : &*it;
}

// Tone of a combining mark written after a vowel, or 0 when cp is not one.
uint8_t combiningTone(char32_t cp) {
    switch (cp) {
        case 0x0304: return 1;  // macron
        case 0x0301: return 2;  // acute
        case 0x030C: return 3;  // caron
        case 0x0306: return 3;  // breve, for the caron
        case 0x0300: return 4;  // grave
        default: return 0;
    }
}

constexpr char32_t kCombiningDiaeresis = 0x0308;  // u + U+0308 = ü

bool isSeparator(char32_t cp) { return cp == U' ' || cp == U'\'' || cp == 0x2019; }

bool isAsciiLetter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }

bool isToneDigit(char32_t cp) { return cp >= U'1' && cp <= U'5'; }

// Whether cp can appear between the parentheses of an annotation at all. The scan for the closing
// parenthesis stops at the first character that cannot, which keeps it linear: no opening
// parenthesis can, so no byte is scanned for two of them.
bool isReadingChar(char32_t cp) {
    return isAsciiLetter(cp) || isToneDigit(cp) || isSeparator(cp) || cp == U':' || combiningTone(cp) != 0 ||
           cp == kCombiningDiaeresis || findMarkedLetter(cp) != nullptr;
}

// [SECTION] Readings: content between parentheses -> syllables

// One letter of a syllable as written ('a'-'z', 'v' for ü), or a tone number ('1'-'5').
struct Element {
    char letter;
    uint8_t tone;  // 1-4 from a mark, else 0
    bool capital;
    size_t begin, end;  // bytes in the content, combining marks included
    bool isDigit() const { return letter >= '1' && letter <= '5'; }
};

struct Syllable {
    size_t begin, end;  // bytes in the content
    bool toned;         // a tone mark or a tone number
    bool singleLetter;  // a, e, o
    bool capital;
};

// Buffers reused for every annotation of one parse, so nothing is allocated per character.
struct Scratch {
    std::vector<Element> elements;  // of the token being read
    std::vector<uint8_t> ways;      // ways[i]: how many ways elements[i..] split into syllables (0, 1, 2 = many)
    std::vector<size_t> next;       // next[i]: where the syllable starting at i ends, on the one way
    std::vector<Syllable> syllables;
};

constexpr size_t kMaxSyllableLetters = 6;  // zhuang, chuang, shuang

// Appends an element for cp to the token; false when cp cannot be there.
bool addElement(std::vector<Element>& elements, char32_t cp, size_t begin, size_t end) {
    const auto isVowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'v'; };
    if (isAsciiLetter(cp)) {
        const bool capital = cp <= U'Z';
        const char lower = static_cast<char>(capital ? cp - U'A' + U'a' : cp);
        elements.push_back({lower, 0, capital, begin, end});
        return true;
    }
    if (isToneDigit(cp)) {
        elements.push_back({static_cast<char>(cp), 0, false, begin, end});
        return true;
    }
    if (const MarkedLetter* marked = findMarkedLetter(cp)) {
        elements.push_back({marked->letter, marked->tone, marked->capital, begin, end});
        return true;
    }
    // The rest modifies the letter before it.
    if (elements.empty()) return false;
    Element& previous = elements.back();
    if (cp == U':' || cp == kCombiningDiaeresis) {
        if (previous.letter != 'u') return false;
        previous.letter = 'v';
    } else if (const uint8_t tone = combiningTone(cp)) {
        if (!isVowel(previous.letter) || previous.tone != 0) return false;
        previous.tone = tone;
    } else {
        return false;
    }
    previous.end = end;
    return true;
}

// Splits the token in scratch.elements into syllables, appended to scratch.syllables; false unless
// there is exactly one way.
bool splitToken(Scratch& scratch) {
    const std::vector<Element>& e = scratch.elements;
    const size_t n = e.size();
    if (n == 0) return false;
    const bool hasDigit = std::any_of(e.begin(), e.end(), [](const Element& el) { return el.isDigit(); });
    for (size_t i = 0; i < n; ++i) {
        if (e[i].capital && (i > 0 || hasDigit)) return false;  // Zhōng, not zhŌng or Zhong1
    }

    scratch.ways.assign(n + 1, 0);
    scratch.next.assign(n + 1, n);
    scratch.ways[n] = 1;
    for (size_t i = n; i-- > 0;) {
        // Pinyin orthography: a syllable starting with a, o or e takes an apostrophe before it unless it
        // starts the word (fāngàn is fān gàn, fāng'àn is fāng àn); a tone number is as clear a boundary.
        const char first = e[i].letter;
        if ((first == 'a' || first == 'o' || first == 'e') && i > 0 && !e[i - 1].isDigit()) continue;
        std::array<char, 2 * kMaxSyllableLetters> key{};  // ü takes two bytes
        size_t keyLength = 0;
        int marks = 0;
        for (size_t length = 1; length <= kMaxSyllableLetters && i + length <= n; ++length) {
            const Element& letter = e[i + length - 1];
            if (letter.isDigit()) break;
            if (letter.letter == 'v') {
                key[keyLength++] = '\xC3';  // ü
                key[keyLength++] = '\xBC';
            } else {
                key[keyLength++] = letter.letter;
            }
            marks += letter.tone != 0 ? 1 : 0;
            if (marks > 1) break;
            size_t end = i + length;
            if (end < n && e[end].isDigit()) {
                if (marks > 0) break;  // a tone mark and a tone number
                ++end;
            }
            if (scratch.ways[end] == 0 || !pinyin::isSyllable(std::string_view(key.data(), keyLength))) continue;
            scratch.ways[i] = static_cast<uint8_t>(std::min(2, scratch.ways[i] + scratch.ways[end]));
            scratch.next[i] = end;
        }
    }
    if (scratch.ways[0] != 1) return false;

    for (size_t i = 0; i < n;) {
        const size_t end = scratch.next[i];
        Syllable syllable{e[i].begin, e[end - 1].end, false, end - i == 1, e[i].capital};
        for (size_t j = i; j < end; ++j) syllable.toned = syllable.toned || e[j].tone != 0 || e[j].isDigit();
        scratch.syllables.push_back(syllable);
        i = end;
    }
    return true;
}

// Reads the content between two parentheses into scratch.syllables; false unless it is a reading.
bool readReading(std::string_view content, Scratch& scratch) {
    scratch.syllables.clear();
    scratch.elements.clear();
    for (size_t pos = 0; pos < content.size();) {
        const size_t begin = pos;
        const char32_t cp = utf8::next(content, pos);
        if (isSeparator(cp)) {
            if (!splitToken(scratch)) return false;  // also refuses an empty token: "( zì)", "(zì  zhì)"
            scratch.elements.clear();
        } else if (!addElement(scratch.elements, cp, begin, pos)) {
            return false;
        }
    }
    return splitToken(scratch);
}

// [SECTION] Scanning: text -> plain and ruby runs, handed to a sink

// Bytes of the Han character that ends at `end` and starts at or after `limit`, or 0.
size_t hanEndingAt(std::string_view text, size_t end, size_t limit) {
    for (const size_t length : {size_t{3}, size_t{4}}) {  // every Han character takes 3 or 4 bytes
        if (end < limit + length) continue;
        size_t pos = end - length;
        const char32_t cp = utf8::next(text, pos);
        if (pos == end && isHan(cp)) return length;
    }
    return 0;
}

// Where the `count` Han characters right before `end` start, none before `limit`; npos when there are
// fewer.
size_t hanRunStart(std::string_view text, size_t end, size_t count, size_t limit) {
    for (; count > 0; --count) {
        const size_t length = hanEndingAt(text, end, limit);
        if (length == 0) return std::string_view::npos;
        end -= length;
    }
    return end;
}

struct ScanStats {
    bool toned = false;              // an annotation with a tone was found
    bool tonelessCandidate = false;  // a toneless one was refused only for want of a toned one
};

// Calls sink.plain(text) and sink.ruby(base, content, syllables, source) in order, for runs whose
// sources concatenate to `text`.
template <class Sink>
void scan(std::string_view text, bool acceptToneless, Scratch& scratch, ScanStats& stats, Sink& sink) {
    size_t plainStart = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        const Paren open = openingAt(text, pos);
        if (open == Paren::None) {
            ++pos;  // byte by byte is safe: neither parenthesis can start inside another character
            continue;
        }
        const size_t contentBegin = pos + openingLength(open);
        size_t contentEnd = contentBegin;
        for (size_t at = contentBegin; at < text.size() && isReadingChar(utf8::next(text, at));) contentEnd = at;
        const size_t closeLength = closingAt(text, contentEnd, open);
        const std::string_view content = text.substr(contentBegin, contentEnd - contentBegin);
        const size_t baseBegin = closeLength == 0 || !readReading(content, scratch)
                                     ? std::string_view::npos
                                     : hanRunStart(text, pos, scratch.syllables.size(), plainStart);
        bool accepted = baseBegin != std::string_view::npos;
        const auto toned = [](const Syllable& syllable) { return syllable.toned; };
        if (accepted && std::none_of(scratch.syllables.begin(), scratch.syllables.end(), toned)) {
            const Syllable& only = scratch.syllables.front();
            const bool plausible = scratch.syllables.size() == 1 && !only.capital && !only.singleLetter;
            stats.tonelessCandidate = stats.tonelessCandidate || plausible;
            accepted = plausible && acceptToneless;
        } else if (accepted) {
            stats.toned = true;
        }
        if (!accepted) {
            pos = contentBegin;
            continue;
        }
        const size_t sourceEnd = contentEnd + closeLength;
        if (baseBegin > plainStart) sink.plain(text.substr(plainStart, baseBegin - plainStart));
        sink.ruby(text.substr(baseBegin, pos - baseBegin), content, scratch.syllables,
                  text.substr(baseBegin, sourceEnd - baseBegin));
        pos = plainStart = sourceEnd;
    }
    if (plainStart < text.size()) sink.plain(text.substr(plainStart));
}

// [SECTION] Structured units: U+FFF9 base U+FFFA reading U+FFFB

constexpr std::string_view kAnchor = "\uFFF9";
constexpr std::string_view kSeparator = "\uFFFA";
constexpr std::string_view kTerminator = "\uFFFB";

struct StructuredUnit {
    size_t begin = std::string_view::npos;  // of its anchor; npos when there is none
    size_t end = 0;                         // after its terminator
    std::string_view base, reading;
};

// The first well-formed unit at or after `from` (begin == npos when there is none). Each byte is
// looked at no more than twice: a unit that fails ends at the next mark at the latest.
StructuredUnit nextStructuredUnit(std::string_view text, size_t from) {
    const auto markAt = [&](size_t at) {  // the three marks share their first two bytes
        return at + 2 < text.size() && text.compare(at, 2, kAnchor.substr(0, 2)) == 0 &&
               static_cast<unsigned char>(text[at + 2]) >= 0xB9 && static_cast<unsigned char>(text[at + 2]) <= 0xBB;
    };
    for (size_t anchor = text.find(kAnchor, from); anchor != std::string_view::npos; anchor = text.find(kAnchor, anchor + 3)) {
        size_t at = anchor + 3;
        size_t separator = std::string_view::npos;
        for (; at < text.size(); ++at) {
            if (!markAt(at)) continue;
            const std::string_view mark = text.substr(at, 3);
            if (mark == kSeparator && separator == std::string_view::npos) separator = at;
            else break;  // a terminator, or a mark out of place
        }
        if (at >= text.size() || text.substr(at, 3) != kTerminator || separator == std::string_view::npos) continue;
        if (separator == anchor + 3 || at == separator + 3) continue;  // empty base or reading
        return {anchor, at + 3, text.substr(anchor + 3, separator - anchor - 3), text.substr(separator + 3, at - separator - 3)};
    }
    return {};
}

// Scans once refusing toneless readings, and again accepting them when the first scan found both an
// annotation with a tone (so the text is annotated with pinyin) and a toneless candidate. Structured
// units are handed over as they are; the stretches between them are scanned one by one.
template <class Sink>
void scanText(std::string_view text, Sink& sink) {
    Scratch scratch;
    ScanStats stats;
    const auto pass = [&](bool acceptToneless) {
        for (size_t from = 0;;) {
            const StructuredUnit unit = nextStructuredUnit(text, from);
            const size_t stretchEnd = unit.begin == std::string_view::npos ? text.size() : unit.begin;
            scan(text.substr(from, stretchEnd - from), acceptToneless, scratch, stats, sink);
            if (unit.begin == std::string_view::npos) return;
            sink.structured(unit.base, unit.reading);
            from = unit.end;
        }
    };
    pass(false);
    if (stats.toned && stats.tonelessCandidate) {
        sink.clear();
        pass(true);
    }
}

struct RunSink {
    std::vector<RubyRun> runs;
    void plain(std::string_view text) { runs.push_back({std::string(text), {}, std::string(text)}); }
    void ruby(std::string_view base, std::string_view content, const std::vector<Syllable>& syllables,
              std::string_view source) {
        std::string reading;
        reading.reserve(content.size());
        for (const Syllable& syllable : syllables) {
            if (!reading.empty()) reading += ' ';
            reading += content.substr(syllable.begin, syllable.end - syllable.begin);
        }
        runs.push_back({std::string(base), std::move(reading), std::string(source)});
    }
    void structured(std::string_view base, std::string_view reading) {
        runs.push_back({std::string(base), std::string(reading), std::string(base) + "(" + std::string(reading) + ")", true});
    }
    void clear() { runs.clear(); }
};

struct StripSink {
    std::string text;
    void plain(std::string_view plainText) { text += plainText; }
    void ruby(std::string_view base, std::string_view, const std::vector<Syllable>&, std::string_view) { text += base; }
    void structured(std::string_view base, std::string_view) { text += base; }
    void clear() { text.clear(); }
};

// Annotations as byte ranges of the text scanned (every view the scan hands over is a part of it).
struct AnnotationSink {
    std::string_view text;
    std::vector<uint32_t>& ranges;
    std::string& stripped;
    size_t firstRange = ranges.size();

    uint32_t offsetOf(std::string_view part) const { return static_cast<uint32_t>(part.data() - text.data()); }
    void plain(std::string_view plainText) { stripped += plainText; }
    void ruby(std::string_view base, std::string_view, const std::vector<Syllable>&, std::string_view source) {
        stripped += base;
        ranges.push_back(offsetOf(source) + static_cast<uint32_t>(base.size()));
        ranges.push_back(offsetOf(source) + static_cast<uint32_t>(source.size()));
    }
    void structured(std::string_view base, std::string_view reading) {
        stripped += base;
        const uint32_t anchor = offsetOf(base) - static_cast<uint32_t>(kAnchor.size());
        ranges.push_back(anchor);
        ranges.push_back(offsetOf(base));
        ranges.push_back(offsetOf(base) + static_cast<uint32_t>(base.size()));
        ranges.push_back(offsetOf(reading) + static_cast<uint32_t>(reading.size() + kTerminator.size()));
    }
    void clear() {
        ranges.resize(firstRange);
        stripped.clear();
    }
};

}  // namespace

// [SECTION] RubyParser

std::vector<RubyRun> RubyParser::parse(std::string_view text) {
    RunSink sink;
    scanText(text, sink);
    return std::move(sink.runs);
}

std::string RubyParser::strip(std::string_view text) {
    StripSink sink;
    sink.text.reserve(text.size());
    scanText(text, sink);
    return std::move(sink.text);
}

void RubyParser::findAnnotations(std::string_view text, std::vector<uint32_t>& ranges, std::string& stripped) {
    stripped.clear();
    AnnotationSink sink{text, ranges, stripped};
    scanText(text, sink);
}

void appendStructuredRuby(std::string& paragraph, std::string_view base, std::string_view reading) {
    paragraph.append(kAnchor).append(base).append(kSeparator).append(reading).append(kTerminator);
}

}  // namespace reader::core
