// Line rules of ingest: labelled fields, trails, hotlines and chrome; the rules are in line_rules.h.
#include "line_rules.h"

#include <algorithm>
#include <array>

#include "text_util.h"

namespace reader::tools::ingest {

namespace {

using U32 = std::u32string;
using U32View = std::u32string_view;

constexpr std::array<U32View, 4> kSourceLabels = {U"来源", U"來源", U"出处", U"出處"};
// Labels that often follow the source on the same line; the source ends where one begins.
constexpr std::array<U32View, 18> kAfterSourceLabels = {
    U"字体", U"字體", U"字号", U"字號", U"作者", U"发布", U"發布", U"發佈", U"时间",
    U"時間", U"日期", U"浏览", U"瀏覽", U"点击", U"點擊", U"阅读", U"閱讀", U"编辑"};
// A source label followed by one of these names no source ("來源: 本文被閱讀次數:35").
constexpr std::array<U32View, 12> kNotSourceStarts = {U"本文", U"阅读", U"閱讀", U"浏览", U"瀏覽", U"点击",
                                                      U"點擊", U"作者", U"编辑", U"編輯", U"责编", U"責編"};
// Labels of the fields a meta line lists ("來源:… 作者:… 編輯:…", "2021-03-16 07:10 瀏覽人次:"):
// credits, counters, and others that count only beside a second label.
constexpr std::array<U32View, 13> kCreditLabels = {U"来源", U"來源", U"作者", U"编辑", U"編輯", U"责编", U"責編",
                                                   U"记者", U"記者", U"摄影", U"攝影", U"出处", U"出處"};
constexpr std::array<U32View, 9> kCounterLabels = {U"浏览", U"瀏覽", U"点击", U"點擊", U"阅读",
                                                   U"閱讀", U"人次", U"次数", U"次數"};
constexpr std::array<U32View, 8> kOtherMetaLabels = {U"发布", U"發布", U"發佈", U"时间",
                                                     U"時間", U"日期", U"字号", U"字號"};
constexpr size_t kMetaLineMaxCodePoints = 80;
// Lines after which a page shows other things than the article: its body ends there.
constexpr std::array<U32View, 12> kArticleEndPrefixes = {
    U"相关推荐", U"相關推薦", U"媒体焦点", U"媒體焦點", U"相关阅读", U"相關閱讀",
    U"相关新闻", U"相關新聞", U"关键词", U"關鍵詞", U"相关文章", U"相關文章"};
// Credits and tags under an article: "(責編:…)", "【責任編輯：…】".
constexpr std::array<U32View, 8> kCreditPrefixes = {U"(责编", U"(責編", U"（责编", U"（責編",
                                                    U"责编", U"責編", U"【责任编辑", U"【責任編輯"};
constexpr U32View kCrumbSeparators = U">＞»›→〉";
// Separators of a trail that has no label and no markup, but names the home page or the article.
constexpr U32View kUnlabelledCrumbSeparators = U">＞»›→〉/／";
constexpr size_t kUnlabelledTrailMaxCodePoints = 60;
constexpr std::array<U32View, 9> kHomeCrumbs = {U"首页", U"首頁",  U"网站首页", U"網站首頁", U"主页",
                                                U"主頁", U"Home", U"home",     U"HOME"};
constexpr std::array<U32View, 10> kArticleCrumbs = {U"正文", U"正文内容", U"内容", U"內容", U"详情",
                                                    U"詳情", U"文章",     U"详细内容", U"詳細內容", U"閱讀"};
// A hotline label ends with one of these; the Han characters just before complete it ("投訴電話").
constexpr std::array<U32View, 4> kHotlineWords = {U"电话", U"電話", U"热线", U"熱線"};
constexpr size_t kHotlineLabelMaxChars = 6;  // "投诉举报电话"
constexpr size_t kPhoneMinDigits = 3;        // "110" is the shortest service number
constexpr U32View kNumberSeparators = U" 、,，;；/或及";
constexpr std::array<U32View, 2> kCopyrightWords = {U"版权所有", U"版權所有"};
// Labels that often follow an address on a footer line; the address ends where one begins.
constexpr std::array<U32View, 24> kAfterAddressLabels = {
    U"邮编", U"郵編", U"邮政编码", U"郵政編碼", U"电话", U"電話", U"传真", U"傳真",
    U"邮箱", U"郵箱", U"Email",    U"E-mail",   U"email", U"网址", U"網址", U"ICP",
    U"备案", U"備案", U"版权",     U"版權",     U"技术支持", U"技術支持", U"主办", U"主辦"};
constexpr std::array<U32View, 12> kVisitorWords = {U"访客", U"訪客",   U"访问者", U"訪問者", U"来访", U"來訪",
                                                   U"访问量", U"訪問量", U"访问人数", U"訪問人數", U"访问次数", U"訪問次數"};
constexpr std::array<U32View, 26> kChromePrefixes = {
    U"今天是", U"今日是", U"分享到", U"分享:",  U"分享：", U"字体",   U"字體",   U"字号",   U"字號",
    U"【字",   U"[字",    U"【打印", U"[打印",  U"【关闭", U"【關閉", U"打印本页", U"打印本頁", U"关闭窗口",
    U"關閉窗口", U"上一篇", U"下一篇", U"返回顶部", U"返回頂部", U"责任编辑", U"責任編輯", U"扫一扫"};
// What a font-size switch is made of once its pinyin is gone: "字體 [ 大 中 小 ]", "【大 中 小】".
constexpr U32View kFontSwitchChars = U"大中小字体體号號[]【】()（）:：| ";

bool isColon(char32_t c) { return c == U':' || c == U'：'; }
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

template <size_t N>
bool startsWithAny(U32View text, const std::array<U32View, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](U32View w) { return text.starts_with(w); });
}

template <size_t N>
bool containsAny(U32View text, const std::array<U32View, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](U32View w) { return text.find(w) != U32View::npos; });
}

// Position of the earliest of words in text at or after from, or npos.
template <size_t N>
size_t findFirstOf(U32View text, const std::array<U32View, N>& words, size_t from = 0) {
    size_t best = U32View::npos;
    for (const U32View w : words) best = std::min(best, text.find(w, from));
    return best;
}

size_t skipSpaces(U32View s, size_t pos) {
    while (pos < s.size() && isLayoutSpace(s[pos])) ++pos;
    return pos;
}

// After a label: optional spaces, an optional colon, optional spaces.
size_t skipColon(U32View s, size_t pos) {
    pos = skipSpaces(s, pos);
    if (pos < s.size() && isColon(s[pos])) ++pos;
    return skipSpaces(s, pos);
}

// Phone numbers from pos on: each a run of digits, '-', '+', parentheses with at least three
// digits, the runs apart by spaces or list punctuation. reachedEnd: nothing else follows.
std::vector<std::string> readNumbers(U32View s, size_t pos, bool& reachedEnd) {
    std::vector<std::string> numbers;
    reachedEnd = false;
    while (true) {
        while (pos < s.size() && (isLayoutSpace(s[pos]) || kNumberSeparators.find(s[pos]) != U32View::npos)) ++pos;
        if (pos == s.size()) {
            reachedEnd = true;
            return numbers;
        }
        std::string number;
        size_t digits = 0;
        for (; pos < s.size(); ++pos) {
            const char32_t c = s[pos] == U'－' ? U'-' : s[pos] == U'（' ? U'(' : s[pos] == U'）' ? U')' : s[pos];
            if (!isDigit(c) && c != U'-' && c != U'+' && c != U'(' && c != U')') break;
            digits += isDigit(c) ? 1 : 0;
            number.push_back(static_cast<char>(c));
        }
        if (digits < kPhoneMinDigits) return numbers;
        while (!number.empty() && number.back() == '-') number.pop_back();
        numbers.push_back(number);
    }
}

U32 plainWithoutPinyin(std::string_view line) { return plainSpaces(toU32(stripPinyin(line))); }

}  // namespace

std::string findSource(std::string_view line) {
    const U32 s = toU32(line);
    for (const U32View label : kSourceLabels) {
        const size_t at = s.find(label);
        if (at == U32::npos) continue;
        const size_t begin = skipColon(s, at + label.size());
        if (startsWithAny(U32View(s).substr(begin), kNotSourceStarts)) continue;
        size_t end = begin;
        while (end < s.size() && !isLayoutSpace(s[end]) && U32View(U"|｜【[").find(s[end]) == U32View::npos) ++end;
        const size_t nextLabel = findFirstOf(U32View(s).substr(0, end), kAfterSourceLabels, begin + 1);
        if (nextLabel != U32View::npos) end = nextLabel;
        if (end > begin) return toUtf8(U32View(s).substr(begin, end - begin));
    }
    return {};
}

namespace {

// A home-page crumb, also with the site's name before it ("每經網首頁").
bool isHomeCrumb(U32View crumb) {
    return std::any_of(kHomeCrumbs.begin(), kHomeCrumbs.end(), [&](U32View home) { return crumb.ends_with(home); });
}

bool isArticleCrumb(U32View crumb) {
    return std::find(kArticleCrumbs.begin(), kArticleCrumbs.end(), crumb) != kArticleCrumbs.end();
}

std::vector<U32> splitCrumbs(U32View s, U32View separators) {
    std::vector<U32> crumbs;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && separators.find(s[i]) == U32View::npos) continue;
        U32 crumb = trimLayoutSpace(s.substr(start, i - start));
        if (!crumb.empty()) crumbs.push_back(std::move(crumb));
        start = i + 1;
    }
    return crumbs;
}

std::vector<std::string> toUtf8All(const std::vector<U32>& crumbs) {
    std::vector<std::string> out;
    for (const U32& crumb : crumbs) out.push_back(toUtf8(crumb));
    return out;
}

}  // namespace

std::vector<std::string> findBreadcrumb(std::string_view line, bool hinted) {
    const U32 s = plainSpaces(toU32(line));
    const size_t label = s.find(U"位置");
    if (label != U32::npos) {
        const size_t afterLabel = skipSpaces(s, label + 2);
        if (afterLabel < s.size() && isColon(s[afterLabel])) return toUtf8All(splitCrumbs(U32View(s).substr(afterLabel + 1), kCrumbSeparators));
    }
    // Unlabelled, only a trail of at least two crumbs is one: a lone phrase in a "location" box is not.
    if (hinted) {
        const std::vector<U32> crumbs = splitCrumbs(s, kCrumbSeparators);
        return crumbs.size() < 2 ? std::vector<std::string>{} : toUtf8All(crumbs);
    }
    // Without a label or markup ("首页/ 今日子洲/ 正文", "每經網首頁 > 專題直播 > 正文"): a short line
    // that starts at the home page or ends at the article.
    if (s.size() > kUnlabelledTrailMaxCodePoints) return {};
    const std::vector<U32> crumbs = splitCrumbs(s, kUnlabelledCrumbSeparators);
    if (crumbs.size() < 2 || (!isHomeCrumb(crumbs.front()) && !isArticleCrumb(crumbs.back()))) return {};
    return toUtf8All(crumbs);
}

std::string categoryFromCrumbs(const std::vector<std::string>& crumbs, std::string_view title) {
    for (auto it = crumbs.rbegin(); it != crumbs.rend(); ++it) {
        const U32 crumb = toU32(*it);
        const bool isHome = isHomeCrumb(crumb);
        const bool isArticle = isArticleCrumb(crumb);
        // Long titles are often cut short in the trail ("2023年第一次自治區知識産權…").
        U32View stem = crumb;
        while (!stem.empty() && (stem.back() == U'…' || stem.back() == U'.')) stem.remove_suffix(1);
        const bool isTitle = !title.empty() && stem.size() >= 4 && toU32(title).starts_with(stem);
        if (isHome) return {};
        if (!isArticle && !isTitle) return *it;
    }
    return {};
}

HotlineScan findHotlines(std::string_view line) {
    const U32 s = toU32(line);
    HotlineScan scan;
    size_t from = 0;
    while (true) {
        const size_t word = findFirstOf(s, kHotlineWords, from);
        if (word == U32::npos) return scan;
        from = word + 2;
        size_t labelBegin = word;
        while (labelBegin > 0 && isHan(s[labelBegin - 1]) && word + 2 - labelBegin < kHotlineLabelMaxChars) --labelBegin;
        const size_t afterWord = skipSpaces(s, word + 2);
        const bool colon = afterWord < s.size() && isColon(s[afterWord]);
        if (!colon && !(afterWord < s.size() && isDigit(s[afterWord]))) continue;
        bool reachedEnd = false;
        const std::vector<std::string> numbers = readNumbers(s, colon ? afterWord + 1 : afterWord, reachedEnd);
        const std::string label = toUtf8(U32View(s).substr(labelBegin, word + 2 - labelBegin));
        for (const std::string& number : numbers) scan.hotlines.push_back({label, number});
        scan.openLabel = reachedEnd ? label : std::string();
    }
}

std::optional<std::vector<std::string>> numbersOnly(std::string_view line) {
    bool reachedEnd = false;
    std::vector<std::string> numbers = readNumbers(toU32(line), 0, reachedEnd);
    if (!reachedEnd || numbers.empty()) return std::nullopt;
    return numbers;
}

std::string findCopyrightHolder(std::string_view line) {
    const U32 s = plainWithoutPinyin(line);
    // The holder is a name: what is left once "Copyright", "©" and the years are gone.
    const auto clean = [](U32View text) {
        while (true) {
            text = U32View(text).substr(std::min(text.size(), skipSpaces(text, 0)));
            if (text.starts_with(U"Copyright") || text.starts_with(U"copyright") || text.starts_with(U"COPYRIGHT")) {
                text.remove_prefix(9);
            } else if (text.starts_with(U"(c)") || text.starts_with(U"(C)")) {
                text.remove_prefix(3);
            } else if (!text.empty() && (text[0] == U'©' || isDigit(text[0]) || text[0] == U'-' || isColon(text[0]))) {
                text.remove_prefix(1);
            } else {
                return U32(text);
            }
        }
    };
    const auto firstToken = [](U32View text) {
        const size_t end = std::min(text.find_first_of(U" |｜"), text.size());
        return U32(text.substr(0, end));
    };
    for (const U32View word : kCopyrightWords) {
        const size_t at = s.find(word);
        if (at == U32::npos) continue;
        U32View before = U32View(s).substr(0, at);
        while (!before.empty() && (before.back() == U' ' || isColon(before.back()))) before.remove_suffix(1);
        const size_t cut = before.find_last_of(U" |｜:：©");
        const U32 holder = clean(cut == U32View::npos ? before : before.substr(cut + 1));
        if (!holder.empty()) return toUtf8(holder);
        const U32 after = firstToken(clean(U32View(s).substr(at + word.size())));
        if (!after.empty()) return toUtf8(after);
    }
    for (const U32View mark : {U32View(U"©"), U32View(U"Copyright"), U32View(U"copyright")}) {
        const size_t at = s.find(mark);
        if (at == U32::npos) continue;
        const U32 holder = firstToken(clean(U32View(s).substr(at)));
        if (!holder.empty() && !holder.starts_with(U"All")) return toUtf8(holder);
    }
    return {};
}

std::string findAddress(std::string_view line) {
    // Pinyin goes, but NBSP and ideographic spaces stay distinct: they end the address, a single
    // ASCII space inside it ("9号 舊站") does not.
    const U32 s = toU32(stripPinyin(line));
    const size_t at = s.find(U"地址");
    if (at == U32::npos) return {};
    const size_t colon = skipSpaces(s, at + 2);
    if (colon >= s.size() || !isColon(s[colon])) return {};
    const size_t begin = skipSpaces(s, colon + 1);
    size_t end = begin;
    for (; end < s.size(); ++end) {
        const char32_t c = s[end];
        if (c == U'|' || c == U'｜' || c == 0x3000) break;
        if (isLayoutSpace(c) && end + 1 < s.size() && isLayoutSpace(s[end + 1])) break;
        if (startsWithAny(U32View(s).substr(end), kAfterAddressLabels)) break;
    }
    U32 address = trimLayoutSpace(U32View(s).substr(begin, end - begin));
    while (!address.empty() && U32View(U",，;；、").find(address.back()) != U32View::npos) address.pop_back();
    return toUtf8(plainSpaces(address));
}

std::optional<uint64_t> findVisitorCount(std::string_view line) {
    const U32 s = plainWithoutPinyin(line);
    if (!containsAny(s, kVisitorWords)) return std::nullopt;
    // "第2125453021位" first; else the first number after the word ("訪問量: 12,345").
    size_t begin = s.find(U"第");
    if (begin != U32::npos) begin = skipSpaces(s, begin + 1);
    if (begin == U32::npos || begin >= s.size() || !isDigit(s[begin])) {
        begin = findFirstOf(s, kVisitorWords);
        while (begin < s.size() && !isDigit(s[begin])) ++begin;
    }
    uint64_t count = 0;
    bool any = false;
    for (size_t i = begin; i < s.size() && (isDigit(s[i]) || s[i] == U','); ++i) {
        if (s[i] == U',') continue;
        const uint64_t digit = s[i] - U'0';
        if (count > (UINT64_MAX - digit) / 10) return std::nullopt;  // not a count, a number too long
        count = count * 10 + digit;
        any = true;
    }
    if (!any) return std::nullopt;
    return count;
}

bool isChromeLine(std::string_view line) {
    const U32 s = trimLayoutSpace(toU32(stripPinyin(line)));
    if (startsWithAny(s, kChromePrefixes) || startsWithAny(s, kArticleEndPrefixes) || startsWithAny(s, kCreditPrefixes)) {
        return true;
    }
    const bool onlySwitch = std::all_of(s.begin(), s.end(), [](char32_t c) {
        return isLayoutSpace(c) || kFontSwitchChars.find(c) != U32View::npos;
    });
    return !s.empty() && onlySwitch && s.find_first_of(U"大中小") != U32::npos;
}

bool isArticleEndLine(std::string_view line) {
    return startsWithAny(trimLayoutSpace(toU32(stripPinyin(line))), kArticleEndPrefixes);
}

bool isMetaFieldLine(std::string_view line) {
    const U32 s = trimLayoutSpace(plainWithoutPinyin(line));
    if (s.empty() || s.size() > kMetaLineMaxCodePoints) return false;
    if (s.find_first_of(U"。！？!?；;") != U32::npos) return false;  // a sentence, not a list of fields
    size_t labels = 0, firstLabelEnd = 0;
    bool credit = false, counter = false;
    for (size_t colon = 0; colon < s.size(); ++colon) {
        if (!isColon(s[colon])) continue;
        const size_t end = colon > 0 && isLayoutSpace(s[colon - 1]) ? colon - 1 : colon;
        const U32View before = U32View(s).substr(0, end);
        const auto endsWithAny = [&](const auto& words) {
            return std::any_of(words.begin(), words.end(), [&](U32View w) { return before.ends_with(w); });
        };
        const bool isCredit = endsWithAny(kCreditLabels), isCounter = endsWithAny(kCounterLabels);
        if (!isCredit && !isCounter && !endsWithAny(kOtherMetaLabels)) continue;
        if (labels++ == 0) firstLabelEnd = before.size();
        credit = credit || isCredit;
        counter = counter || isCounter;
    }
    if (labels >= 2) return true;
    if (credit && firstLabelEnd <= 4) return true;  // "作者:張三", "本文來源:"
    return counter && std::any_of(s.begin(), s.end(), isDigit);  // "2021-03-16 07:10 瀏覽人次:"
}

std::string findUnlabelledSource(std::string_view line) {
    const U32 s = plainSpaces(toU32(stripPinyin(line)));
    std::string found;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && !isLayoutSpace(s[i]) && s[i] != U'|' && s[i] != U'｜') continue;
        const U32View token = U32View(s).substr(start, i - start);
        start = i + 1;
        if (token.empty()) continue;
        const bool name = token.size() >= 2 && token.size() <= 20 && std::any_of(token.begin(), token.end(), isHan) &&
                          std::none_of(token.begin(), token.end(), [](char32_t c) { return isDigit(c) || isColon(c); }) &&
                          !containsAny(token, kAfterSourceLabels) && !containsAny(token, kCreditLabels) &&
                          !containsAny(token, kCounterLabels) &&
                          !token.ends_with(U"于") && !token.ends_with(U"於");
        if (!name) continue;
        if (!found.empty()) return {};  // two names: neither is surely the source
        found = toUtf8(token);
    }
    return found;
}

bool isClockLine(std::string_view line) {
    const U32 s = toU32(line);
    return s.find(U"今天") != U32::npos || s.find(U"今日") != U32::npos || s.find(U"星期") != U32::npos ||
           s.find(U"禮拜") != U32::npos || s.find(U"礼拜") != U32::npos;
}

}  // namespace reader::tools::ingest
