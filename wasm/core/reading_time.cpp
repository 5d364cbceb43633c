// Estimated reading time of an article (reading_time.h).
#include "reading_time.h"

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

size_t countCharacters(std::string_view text) {
    const std::string plain = RubyParser::strip(text);
    size_t count = 0;
    for (size_t pos = 0; pos < plain.size();) {
        const char32_t cp = utf8::next(plain, pos);
        if (cp != U' ' && cp != U'\u3000' && cp != U'\t') ++count;
    }
    return count;
}

}  // namespace

size_t readingCharacters(const Article& article) {
    size_t count = countCharacters(article.title);
    for (const std::string& paragraph : article.body) count += countCharacters(paragraph);
    return count;
}

size_t readingMinutes(const Article& article) {
    const size_t characters = readingCharacters(article);
    return characters == 0 ? 1 : (characters + kChineseCharactersPerMinute - 1) / kChineseCharactersPerMinute;
}

}  // namespace reader::core
