// Annotations' base text, their selectors, and finding them again in changed text.
#include "annotations.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

std::u32string decode32(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) out.push_back(utf8::next(text, pos));
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (const char32_t cp : text) utf8::append(out, cp);
    return out;
}

// How many code points of `a`'s end and `b`'s end agree, reading backwards.
size_t commonTail(std::u32string_view a, std::u32string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
    return n;
}

size_t commonHead(std::u32string_view a, std::u32string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
}

// A quote this long (code points), found once, is its own passage even with no context left.
constexpr size_t kLongQuote = 8;

// Levenshtein distance of two short texts, giving up (returning limit + 1) once it must exceed `limit`.
size_t editDistance(std::u32string_view a, std::u32string_view b, size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[b.size()];
}

// Every place `needle` occurs in `text`.
std::vector<size_t> occurrences(std::u32string_view text, std::u32string_view needle) {
    std::vector<size_t> found;
    if (needle.empty()) return found;
    for (size_t at = text.find(needle); at != std::u32string_view::npos; at = text.find(needle, at + 1)) found.push_back(at);
    return found;
}

}  // namespace

ArticleText articleText(const Article& article) {
    ArticleText out;
    for (size_t p = 0; p < article.body.size(); ++p) {
        if (p > 0) out.text.push_back(U'\n');
        out.starts.push_back(out.text.size());
        out.text += decode32(RubyParser::strip(article.body[p]));
    }
    return out;
}

std::vector<TextSpan> spansOf(const ArticleText& text, size_t start, size_t end) {
    std::vector<TextSpan> spans;
    end = std::min(end, text.text.size());
    for (size_t p = 0; p < text.starts.size() && start < end; ++p) {
        const size_t begin = text.starts[p];
        const size_t stop = p + 1 < text.starts.size() ? text.starts[p + 1] - 1 : text.text.size();
        const size_t from = std::max(start, begin), to = std::min(end, stop);
        if (from < to) spans.push_back({p, from - begin, to - begin});
    }
    return spans;
}

size_t positionOf(const ArticleText& text, size_t paragraph, size_t offset) {
    if (paragraph >= text.starts.size()) return text.text.size();
    const size_t stop = paragraph + 1 < text.starts.size() ? text.starts[paragraph + 1] - 1 : text.text.size();
    return std::min(text.starts[paragraph] + offset, stop);
}

void describeRange(const ArticleText& text, size_t start, size_t end, Annotation& out) {
    const size_t size = text.text.size();
    end = std::min(end, size);
    start = std::min(start, end);
    const std::u32string_view all = text.text;
    out.start = start;
    out.end = end;
    out.quote.exact = encode(all.substr(start, end - start));
    const size_t before = start > kQuoteContext ? start - kQuoteContext : 0;
    out.quote.prefix = encode(all.substr(before, start - before));
    out.quote.suffix = encode(all.substr(end, std::min(kQuoteContext, size - end)));
}

std::optional<TextRange32> anchor(const ArticleText& text, const Annotation& annotation) {
    const std::u32string_view all = text.text;
    const std::u32string exact = decode32(annotation.quote.exact);
    const std::u32string prefix = decode32(annotation.quote.prefix);
    const std::u32string suffix = decode32(annotation.quote.suffix);
    if (exact.empty()) return std::nullopt;
    const auto agreement = [&](size_t at, size_t length) {
        return commonTail(all.substr(0, at), prefix) + commonHead(all.substr(at + length), suffix);
    };
    // Where it was, with its context: nothing moved.
    const size_t old = annotation.start;
    if (old + exact.size() <= all.size() && all.substr(old, exact.size()) == exact &&
        agreement(old, exact.size()) == prefix.size() + suffix.size()) {
        return TextRange32{old, old + exact.size()};
    }
    // The exact text elsewhere (or here with other context): where the most of its context agrees,
    // the nearer its old place on a tie. Without any context agreeing it may be another passage
    // with the same words, unless the words are long and nowhere else.
    const std::vector<size_t> found = occurrences(all, exact);
    std::optional<size_t> best;
    size_t bestAgreement = 0, bestDistance = 0;
    for (const size_t at : found) {
        const size_t agree = agreement(at, exact.size());
        const size_t distance = at > old ? at - old : old - at;
        if (!best || agree > bestAgreement || (agree == bestAgreement && distance < bestDistance)) {
            best = at;
            bestAgreement = agree;
            bestDistance = distance;
        }
    }
    if (best && (bestAgreement > 0 || (found.size() == 1 && exact.size() >= kLongQuote))) {
        return TextRange32{*best, *best + exact.size()};
    }
    if (best) return std::nullopt;
    // The exact text is gone: an edit inside it, if its whole context still stands around a passage
    // close to it. Without a context on both sides nothing says where the passage was.
    if (prefix.empty() || suffix.empty()) return std::nullopt;
    const size_t limit = std::max<size_t>(1, exact.size() / 10);
    std::optional<TextRange32> edited;
    for (const size_t at : occurrences(all, prefix)) {
        const size_t from = at + prefix.size();
        const size_t window = exact.size() + limit;
        const size_t after = all.substr(from, window + suffix.size()).find(suffix);
        if (after == std::u32string_view::npos) continue;
        if (editDistance(all.substr(from, after), exact, limit) > limit) continue;
        if (edited) return std::nullopt;  // two such places: which one is not known
        edited = TextRange32{from, from + after};
    }
    return edited;
}

std::string siteOf(std::string_view source) {
    const size_t scheme = source.find("://");
    if (scheme == std::string_view::npos || source.substr(0, scheme) == "file") {
        return std::string(source.substr(0, source.find('#')));
    }
    const size_t path = source.find_first_of("/?#", scheme + 3);
    return std::string(source.substr(0, path));
}

std::string newAnnotationId() {
    static std::random_device device;
    static std::mt19937_64 random(((uint64_t{device()} << 32) ^ device()));
    uint8_t bytes[16];
    for (size_t i = 0; i < 16; i += 8) {
        const uint64_t r = random();
        for (size_t k = 0; k < 8; ++k) bytes[i + k] = static_cast<uint8_t>(r >> (8 * k));
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40;  // version 4
    bytes[8] = (bytes[8] & 0x3F) | 0x80;  // the RFC 4122 variant
    std::string id = "urn:uuid:";
    char hex[3];
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
        std::snprintf(hex, sizeof hex, "%02x", bytes[i]);
        id += hex;
    }
    return id;
}

std::string isoTime(int64_t unixSeconds) {
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace reader::core
