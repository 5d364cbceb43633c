// Sentences of a paragraph, for reading aloud (sentences.h).
#include "sentences.h"

#include <string>

#include "utf8.h"

namespace reader::core {

namespace {

bool endsSentence(char32_t cp) {
    return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'…' || cp == U'!' || cp == U'?' || cp == U';';
}

bool closes(char32_t cp) {
    return cp == U'」' || cp == U'』' || cp == U'”' || cp == U'’' || cp == U'）' || cp == U'》' || cp == U'〉' || cp == U'】' ||
           cp == U')' || cp == U'"' || cp == U'\'' || cp == U'…';
}

bool isSpace(char32_t cp) { return cp == U' ' || cp == U'\u3000' || cp == U'\t'; }

}  // namespace

std::vector<SentenceRange> splitSentences(std::string_view text) {
    std::u32string cps;
    std::vector<size_t> bytes;  // where each code point starts; one more for the end
    for (size_t pos = 0; pos < text.size();) {
        bytes.push_back(pos);
        cps.push_back(utf8::next(text, pos));
    }
    bytes.push_back(text.size());
    std::vector<SentenceRange> out;
    size_t begin = 0;
    const auto emit = [&](size_t end) {
        size_t b = begin, e = end;
        while (b < e && isSpace(cps[b])) ++b;
        while (e > b && isSpace(cps[e - 1])) --e;
        if (e > b) out.push_back({b, e, bytes[b], bytes[e]});
        begin = end;
    };
    for (size_t i = 0; i < cps.size(); ++i) {
        if (!endsSentence(cps[i])) continue;
        const bool ascii = cps[i] == U'!' || cps[i] == U'?' || cps[i] == U';';
        size_t end = i + 1;
        while (end < cps.size() && (closes(cps[end]) || endsSentence(cps[end]))) ++end;
        if (ascii && end < cps.size() && !isSpace(cps[end])) continue;  // "a!b": not the end of a sentence
        emit(end);
        i = end - 1;
    }
    emit(cps.size());
    return out;
}

}  // namespace reader::core
