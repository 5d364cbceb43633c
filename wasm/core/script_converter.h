// ScriptConverter: Chinese text converted between Traditional and Simplified at phrase level, the
// way OpenCC's t2s and s2t configurations do it: at each point the longest dictionary key (a phrase
// or a character) that the text starts with is replaced by its value; text no key matches is kept.
// The dictionaries are OpenCC's own (from Debian's opencc source package), turned at build time
// into "KEY<TAB>VALUE" lines by cmake/gen_conversion_table.cmake:
// - Traditional -> Simplified (TSPhrases + TSCharacters, about 4,400 entries, 40 KB): t2s.txt;
// - Simplified -> Traditional (STPhrases + STCharacters, about 53,000 entries, 1 MB): s2t.txt.
// Both are data files (beside the web module, the desktop binary and reader-tool), loaded only when
// a reader first shows that script: none is compiled in, so a first visit does not download them.
// Pinyin and other non-Han text pass unchanged, so RubyParser reads converted text as it read the
// original. Conversion is linear in the text (each position tries at most maxKeyLength keys).
//
// Annotated text (inline `發(fā)` or structured ruby, ruby_parser.h) is converted by
// convertAnnotated(): phrases are matched in the base text with the annotations taken out, or an
// annotation would cut a phrase in two (并發(fā)表 would give 併發表, 聯(lián)系 聯系); then each reading
// is put back after (or around) the characters its base became.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reader::core {

enum class Script { Original = 0, Traditional, Simplified };

const char* scriptName(Script script);  // original, traditional, simplified
bool parseScript(std::string_view name, Script& out);

class ScriptConverter {
public:
    // Reads a table of "KEY<TAB>VALUE" lines; lines without a tab, or with an empty side, are skipped;
    // for a key given twice the first value counts.
    static ScriptConverter fromTable(std::string table);
    // Text that mixes both scripts (as the seed does: 頭发) converts best to Traditional when it is
    // first made all Simplified (头发), so that Simplified -> Traditional phrases match (頭髮):
    // toTraditional(table, toSimplified) does that, with the t2s converter `toSimplified`, which must
    // outlive the result; fromTable(table) alone is OpenCC's plain s2t.
    static ScriptConverter toTraditional(std::string table, const ScriptConverter& toSimplified);

    std::string convert(std::string_view text) const;
    // `text` converted as one text without its annotations, each annotation kept in its form
    // (inline or structured) on the characters its base became. Where a key whose value has another
    // number of characters than it straddles the edge of a base (OpenCC's tables have none), each
    // run is converted on its own instead.
    std::string convertAnnotated(std::string_view text) const;
    size_t entries() const { return m_entries.size(); }

private:
    std::string m_table;                                             // the text the views point into
    std::vector<std::pair<std::string_view, std::string_view>> m_entries;  // sorted by key bytes
    size_t m_maxKeyChars = 0;
    const ScriptConverter* m_first = nullptr;  // applied before this table (toTraditional)
    const std::string_view* find(std::string_view key) const;
    // Byte offsets (in the input, in the output), ascending, where the conversion may be cut: the
    // edges of every character left as it is and of every character of a key whose value has as
    // many characters; the ends of the text included.
    using Cuts = std::vector<std::pair<size_t, size_t>>;
    std::string convertWithCuts(std::string_view text, Cuts* cuts) const;
};

// `text` as the reader shows it: converted (convertAnnotated), or as written when there is no
// converter (the original script, or a table that has not arrived yet).
std::string inScript(const ScriptConverter* converter, std::string_view text);

}  // namespace reader::core
