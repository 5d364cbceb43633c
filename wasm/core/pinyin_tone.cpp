// The tone of a pinyin syllable, from its tone mark or tone number (pinyin_tone.h).
#include "pinyin_tone.h"

#include "utf8.h"

namespace reader::core {

namespace {

int markTone(char32_t cp) {
    switch (cp) {
        case U'ā': case U'ē': case U'ī': case U'ō': case U'ū': case U'ǖ': case U'Ā': case U'Ē': case U'Ī': case U'Ō': case U'Ū':
        case 0x0304: return 1;
        case U'á': case U'é': case U'í': case U'ó': case U'ú': case U'ǘ': case U'Á': case U'É': case U'Í': case U'Ó': case U'Ú':
        case 0x0301: return 2;
        case U'ǎ': case U'ě': case U'ǐ': case U'ǒ': case U'ǔ': case U'ǚ': case U'Ǎ': case U'Ě': case U'Ǐ': case U'Ǒ': case U'Ǔ':
        case U'ă': case U'ĕ': case U'ĭ': case U'ŏ': case U'ŭ': case 0x030C: case 0x0306: return 3;
        case U'à': case U'è': case U'ì': case U'ò': case U'ù': case U'ǜ': case U'À': case U'È': case U'Ì': case U'Ò': case U'Ù':
        case 0x0300: return 4;
        default: return 0;
    }
}

}  // namespace

int syllableTone(std::string_view syllable) {
    char32_t last = 0;
    for (size_t pos = 0; pos < syllable.size();) {
        last = utf8::next(syllable, pos);
        if (const int tone = markTone(last)) return tone;
    }
    if (last >= U'1' && last <= U'5') return static_cast<int>(last - U'0');
    return 5;
}

}  // namespace reader::core
