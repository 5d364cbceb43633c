// RubyParser: inline pinyin annotations, as the source pages print them (2023年(nián)第一(yī)次),
// turned into ruby runs: base characters with their reading, between runs of plain text.
//
// An annotation is a pair of parentheses, both half-width `( )` or both full-width `（ ）`, holding a
// reading, right after as many Han characters as the reading has syllables. Those characters are the
// base: `自(zì)治` gives 自/zì, `自治(zì zhì)` gives 自治/zì zhì. Everything else is plain text, kept
// byte for byte: the concatenated `source` of the runs is always the input, whatever its bytes.
//
// A reading is one or more syllables of Hanyu Pinyin, written
// - with tone marks on the vowel: ā á ǎ à, ē é ě è, ī í ǐ ì, ō ó ǒ ò, ū ú ǔ ù, ǖ ǘ ǚ ǜ,
//   precomposed or as a vowel followed by a combining mark (U+0304, U+0301, U+030C, U+0300);
//   the breve ă ĕ ĭ ŏ ŭ (U+0306), which pages often type for the caron, counts as the third tone;
// - or with a tone number 1–5 after the syllable, all lowercase: ni2, lü4 (5 is the neutral tone);
// - or with no tone at all (the neutral tone): de, ma; see "Toneless readings" below;
// - with ü also spelt v or u: (lv4, lu:4), or as u + U+0308;
// - with a capital letter only first in a word (after a separator or at the start) and only with
//   tone marks: Zhōng, Běijīng, Xī'ān; ZHŌNG, zhŌng, Ni3 and E1 stay text.
// Syllables are separated by one space or one apostrophe (' or ’), or run together when the letters
// split into syllables in exactly one way under the rules of pinyin orthography: at most one tone
// mark per syllable, and a syllable starting with a, o or e only at the start of the run or after
// a tone number, since the orthography puts an apostrophe there. So zìzhì is zì zhì, fāngàn is
// fān gàn, fāng'àn is fāng àn, xi1an1 is xi1 an1, and xīān (for xī'ān) is not a reading.
// Each syllable, once its tone is taken off and v and u: are read as ü, must be in the table of
// Hanyu Pinyin syllables (pinyin_syllables.h): `(hotline)` and `(ok)` are not readings.
//
// Toneless readings. A reading in which no syllable carries a tone mark or number is an annotation
// only where the text is clearly annotated with pinyin, that is when all of these hold:
// - the same text (the string given to parse) holds at least one annotation with a tone;
// - the reading is one syllable: English glosses that happen to split into syllables, such as
//   (change) or (ping pong), stay text;
// - it is lowercase: names and words like (Wang), (Long) stay text;
// - it is more than one letter: (a), (e), (o) are list markers far more often than 啊, 呃, 哦.
// So 我的(de)書 is ruby in a paragraph that also has 年(nián), and text in one that has no tones.
// Inside a reading that has a tone somewhere, toneless syllables are always fine: 知道(zhī dao).
//
// What stays text, among others: `(2023)`, `(試行)`, `（注）`, `(一)`, `(a)`, `(hotline)`, empty `()`,
// an annotation at the very start of the text or after a non-Han character (`A(ā)`, `2(èr)`,
// `自 (zì)`), one with more syllables than Han characters before it, mixed parentheses `(zì）`,
// a reading with spaces at either end or two separators in a row, a closing parenthesis with no
// opening one (`shù)`), an opening one that is never closed (`(huá` at the end), and the parentheses
// around an annotation (`(各區(qū)、縣)`: 區/qū is ruby, the outer pair and the rest are text).
// Han characters are the CJK Unified Ideographs (all extensions, BMP and planes 2–3), the
// compatibility ideographs and 〇. Bytes that are not valid UTF-8 are never Han: they stay text.
//
// Structured ruby. A bundle may also give ruby explicitly (format 1.1, data/README.md): the loader
// keeps each such unit inside the paragraph's text as U+FFF9 base U+FFFA reading U+FFFB, Unicode's
// interlinear annotation characters (appendStructuredRuby), which a bundle's own strings may not
// hold. A well-formed unit (non-empty base and reading, neither holding any of the three
// characters) is a ruby run whatever its reading says: zhuyin, a reading with more syllables than
// characters, anything the publisher chose. Its `source` is written `base(reading)`, as inline mode
// shows it, so the concatenated sources equal the input only where it holds no structured unit.
// The text between units is read for inline annotations as above, each stretch on its own (a
// base never reaches into a unit); a malformed unit's characters stay text.
//
// Time and space are linear in the input: each byte is looked at a bounded number of times (at most
// twice as many when a toneless candidate makes a second pass necessary), and nothing is allocated
// per character: only the output and a few buffers reused across the annotations of one call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reader::core {

// One run of a paragraph: plain text (reading empty) or a ruby unit (base characters + reading).
struct RubyRun {
    std::string base;     // the text shown in hidden mode; for a ruby unit the annotated Han characters
    std::string reading;  // pinyin as written in the source, syllables separated by one space ("zì zhì"),
                          // as many syllables as base has characters; empty for plain text
    std::string source;   // exactly the source bytes this run came from (inline mode shows these): "自(zì)";
                          // for plain text == base
    bool structured = false;  // a structured unit: in the text as U+FFF9 base U+FFFA reading U+FFFB
    // Bytes the run takes in the parsed text (its source's, but for a structured unit).
    size_t textBytes() const { return structured ? base.size() + reading.size() + 9 : source.size(); }
};

class RubyParser {
public:
    // Adjacent plain runs are merged; the concatenated `source`s == text exactly.
    static std::vector<RubyRun> parse(std::string_view text);
    // Concatenated bases: the text without annotations.
    static std::string strip(std::string_view text);
    // What strip() leaves out, as byte ranges of `text` appended to `ranges` ([begin, end) pairs, in
    // order: of an inline unit its parenthesised reading, of a structured one its anchor, and its
    // separator with the reading and terminator), and strip()'s text in `stripped` (replaced); with
    // no run built, for the search index, which reads every annotation of a bundle.
    static void findAnnotations(std::string_view text, std::vector<uint32_t>& ranges, std::string& stripped);
};

// Appends one structured ruby unit to `paragraph` in the form RubyParser reads back as a ruby run
// with this base and reading. Both must be non-empty and free of U+FFF9..U+FFFB (the loaders check).
void appendStructuredRuby(std::string& paragraph, std::string_view base, std::string_view reading);

// True for U+FFF9..U+FFFB, the interlinear annotation characters structured ruby is kept with.
constexpr bool isInterlinearAnnotationMark(char32_t cp) { return cp >= 0xFFF9 && cp <= 0xFFFB; }

}  // namespace reader::core
