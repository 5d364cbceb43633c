#include "encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <unordered_set>

#include "core/utf8.h"
#include "text_util.h"

namespace reader::tools::ingest {

namespace {

constexpr size_t kMetaScanBytes = 4096;  // where <meta charset> must be, as browsers also assume
constexpr size_t kInvalidPenalty = 4;    // one undecodable byte outweighs this many common characters

// Frequent characters of news text in both scripts, and Chinese punctuation. Big5 bytes read as
// GB18030 (or the reverse) still decode, but into rare characters: these are what tells them apart.
constexpr std::u32string_view kCommonChinese =
    U"的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得"
    U"于於着下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面"
    U"起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機十民第公"
    U"此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應向头頭文体體政美相见見"
    U"被利等产產或新制身果加月话話合回特代内信表化位次度门門任常先通教原东東提立及比员員解水名真论論处"
    U"處义義各入口认認条條平系气氣题題活更别別打变變四总總电電数數安少报報才结結反受目量再感建务務做接"
    U"必场場件计計管期市直资資命金指统統区區保至形社便决決治展科司五基书書非则則权權设設路记記品告类類"
    U"求据據程规規消费費者护護协協会議议督监監局府省"
    U"，。、：；“”‘’（）《》！？【】";
constexpr size_t kCommonSampleBytes = 64 * 1024;  // enough text to tell, fast on large pages

const std::unordered_set<char32_t>& commonChinese() {
    static const std::unordered_set<char32_t> set(kCommonChinese.begin(), kCommonChinese.end());
    return set;
}

std::string lowercaseAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

long scoreOf(const std::string& utf8, size_t invalid) {
    const std::unordered_set<char32_t>& common = commonChinese();
    long hits = 0;
    for (const char32_t c : toU32(utf8)) hits += common.contains(c) ? 1 : 0;
    return hits - static_cast<long>(invalid * kInvalidPenalty);
}

// How Chinese a charset makes the first kCommonSampleBytes look; nullopt when iconv lacks it.
std::optional<long> sampleScore(std::string_view bytes, const std::string& charset) {
    size_t invalid = 0;
    const std::optional<std::string> text = convertToUtf8(bytes.substr(0, kCommonSampleBytes), charset, invalid);
    if (!text) return std::nullopt;
    return scoreOf(*text, invalid);
}

// GB18030 or Big5 (or UTF-8 with a few broken bytes), by the score above.
DecodedText detectFromBytes(std::string_view bytes, long& bestScore) {
    DecodedText best;
    bool first = true;
    for (const char* charset : {"GB18030", "BIG5-HKSCS", "UTF-8"}) {
        const std::optional<long> score = sampleScore(bytes, charset);
        if (score && (first || *score > bestScore)) {
            best.charset = charset;
            bestScore = *score;
            first = false;
        }
    }
    best.utf8 = convertToUtf8(bytes, best.charset, best.invalidSequences).value_or(std::string());
    best.detectedFrom = "bytes";
    return best;
}

}  // namespace

std::string declaredCharset(std::string_view bytes) {
    const std::string head = lowercaseAscii(bytes.substr(0, kMetaScanBytes));
    for (size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
        const size_t end = std::min(head.find('>', meta), head.size());
        const size_t at = head.find("charset", meta);
        if (at == std::string::npos || at > end) continue;
        size_t pos = at + 7;
        while (pos < end && (head[pos] == ' ' || head[pos] == '\t' || head[pos] == '\n' || head[pos] == '\r')) ++pos;
        if (pos >= end || head[pos] != '=') continue;
        ++pos;
        while (pos < end && (head[pos] == ' ' || head[pos] == '"' || head[pos] == '\'')) ++pos;
        const size_t begin = pos;
        while (pos < end && (std::isalnum(static_cast<unsigned char>(head[pos])) || head[pos] == '-' || head[pos] == '_' ||
                             head[pos] == '.' || head[pos] == ':')) {
            ++pos;
        }
        if (pos > begin) return head.substr(begin, pos - begin);
    }
    return {};
}

std::string iconvName(std::string_view label) {
    const std::string l = lowercaseAscii(label);
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "UTF-8";
    if (l == "gb2312" || l == "gbk" || l == "gb18030" || l == "x-gbk" || l == "cp936" || l == "windows-936" ||
        l == "csgb2312" || l == "chinese" || l == "gb_2312-80" || l == "iso-ir-58") {
        return "GB18030";
    }
    if (l == "big5" || l == "big5-hkscs" || l == "cn-big5" || l == "x-x-big5" || l == "csbig5") return "BIG5-HKSCS";
    if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii" || l == "windows-1252") return "WINDOWS-1252";
    std::string upper(label);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return upper;
}

std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& charset, size_t& invalid) {
    invalid = 0;
    const iconv_t raw = iconv_open("UTF-8", charset.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    const std::unique_ptr<void, IconvCloser> cd(raw);
    std::string out;
    char buffer[4096];
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
    size_t inLeft = bytes.size();
    while (inLeft > 0) {
        char* outPtr = buffer;
        size_t outLeft = sizeof buffer;
        const size_t result = iconv(raw, &in, &inLeft, &outPtr, &outLeft);
        out.append(buffer, static_cast<size_t>(outPtr - buffer));
        if (result != static_cast<size_t>(-1) || errno == E2BIG) continue;
        // EILSEQ (a byte that starts no character) or EINVAL (a character cut off at the end):
        // one U+FFFD per byte skipped, then on from a clean state.
        core::utf8::append(out, core::utf8::kReplacement);
        ++invalid;
        ++in;
        --inLeft;
        iconv(raw, nullptr, nullptr, nullptr, nullptr);
    }
    char* outPtr = buffer;
    size_t outLeft = sizeof buffer;
    iconv(raw, nullptr, nullptr, &outPtr, &outLeft);  // flush a stateful decoder's last character
    out.append(buffer, static_cast<size_t>(outPtr - buffer));
    return out;
}

DecodedText decodePage(std::string_view bytes) {
    DecodedText decoded;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        decoded.charset = "UTF-8";
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        decoded.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        bytes.remove_prefix(2);
    }
    if (!decoded.charset.empty()) {
        decoded.detectedFrom = "byte-order mark";
        decoded.utf8 = convertToUtf8(bytes, decoded.charset, decoded.invalidSequences).value_or(std::string());
        return decoded;
    }
    if (const std::string label = declaredCharset(bytes); !label.empty()) {
        decoded.charset = iconvName(label);
        decoded.detectedFrom = "<meta> charset";
        if (auto text = convertToUtf8(bytes, decoded.charset, decoded.invalidSequences)) {
            decoded.utf8 = std::move(*text);
            // A declaration that does not fit the bytes (servers re-encode pages and leave the old
            // <meta>): the bytes decide when another charset reads them as better Chinese. Not
            // merely "without errors": GB18030 decodes nearly any bytes.
            if (decoded.invalidSequences == 0) return decoded;
            long detectedScore = 0;
            DecodedText fromBytes = detectFromBytes(bytes, detectedScore);
            fromBytes.detectedFrom = "bytes; the <meta> charset " + label + " did not fit";
            return detectedScore > sampleScore(bytes, decoded.charset).value_or(0) ? fromBytes : decoded;
        }
    }
    if (core::utf8::firstInvalid(bytes) == std::string_view::npos) {
        return DecodedText{std::string(bytes), "UTF-8", "bytes", 0};
    }
    long score = 0;
    return detectFromBytes(bytes, score);
}

}  // namespace reader::tools::ingest
