// assemblePage: a page cut into lines -> the article and the site facts it shows (page_assembler.h).
#include "page_assembler.h"

#include <algorithm>
#include <array>
#include <utility>

#include "date_scan.h"
#include "line_rules.h"
#include "text_util.h"

namespace reader::tools::ingest {

namespace {

// Lines that carry a page's metadata (time, source, trail) are short; a body paragraph that
// happens to say "来源" or "时间：" is longer. Counted in Han characters.
constexpr size_t kMetaLineMaxHan = 60;
constexpr size_t kSiteLineMaxHan = 150;  // footers pack several facts on one line
// Titles are a few words to a long sentence, in code points.
constexpr size_t kTitleMinCodePoints = 4;
constexpr size_t kTitleMaxCodePoints = 150;
// An undated-label date ("2023-08-17 10:00") counts as the publish time only on a line this short.
constexpr size_t kBareDateLineMaxCodePoints = 40;
// A title found without a date line beside it is shorter than a paragraph's first line.
constexpr size_t kUndatedTitleMaxCodePoints = 60;
constexpr std::u32string_view kTitleSeparators = U"-_|—–－·:：｜";
// Characters whose two forms differ, to tell Traditional from Simplified text.
constexpr std::u32string_view kTraditional = U"國會區這爲為說時對發與來們個產開關門長東費權護務電話點業經問題體學實進動過還當從後裡麼樣讓應頭將書華處認見無總聯議據條質員論達組導";
constexpr std::u32string_view kSimplified = U"国会区这为说时对发与来们个产开关门长东费权护务电话点业经问题体学实进动过还当从后里么样让应头将书华处认见无总联议据条质员论达组导";

// What the line rules found in one line.
struct LineFacts {
    bool chrome = false, clock = false;
    bool metaFields = false;  // "來源:… 作者:… 編輯:…", "2021-03-16 07:10 瀏覽人次:"
    bool articleEnd = false;  // "相關推薦", "關鍵詞:": what follows is not the article
    std::optional<LocalTime> labelledTime, bareTime;
    std::string source;
    std::string unlabelledSource;  // the name on a short date line ("中國網 2017-03-05 13:47:31")
    std::vector<std::string> crumbs;
    std::vector<core::Hotline> hotlines;
    bool hotlineLabel = false;
    std::string copyrightHolder, address;
    std::optional<uint64_t> visitorCount;

    bool meta() const { return labelledTime || !source.empty() || !crumbs.empty() || metaFields; }
    bool site() const {
        return hotlineLabel || !hotlines.empty() || !copyrightHolder.empty() || !address.empty() || visitorCount;
    }
};

bool linkHeavy(const PageLine& line) { return line.linkCodePoints * 2 > line.codePoints; }

bool hasContent(std::string_view text) {
    const std::u32string s = toU32(text);
    return std::any_of(s.begin(), s.end(), [](char32_t c) {
        return isHan(c) || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    });
}

std::vector<LineFacts> readFacts(const std::vector<PageLine>& lines) {
    std::vector<LineFacts> facts(lines.size());
    std::string openHotline;  // a hotline label whose numbers may continue on the next lines
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& text = lines[i].text;
        LineFacts& f = facts[i];
        const size_t han = countHan(text);
        f.chrome = isChromeLine(text);
        f.clock = isClockLine(text);
        f.articleEnd = isArticleEndLine(text);
        // A trail may name a place that reads like a clock ("今日子洲"): it is looked for on clock lines too.
        if (han <= kMetaLineMaxHan) f.crumbs = findBreadcrumb(text, lines[i].breadcrumb);
        if (han <= kMetaLineMaxHan && !f.clock) {
            for (const DateMatch& date : findDates(text)) {
                if (date.labelled && !f.labelledTime) f.labelledTime = date.time;
                if (!f.bareTime) f.bareTime = date.time;
            }
            f.source = findSource(text);
            f.metaFields = isMetaFieldLine(text);
            if (f.bareTime && lines[i].codePoints <= kBareDateLineMaxCodePoints) f.unlabelledSource = findUnlabelledSource(text);
        }
        if (han > kSiteLineMaxHan) {
            openHotline.clear();
            continue;
        }
        if (const auto numbers = numbersOnly(text); numbers && !openHotline.empty()) {
            for (const std::string& number : *numbers) f.hotlines.push_back({openHotline, number});
            continue;
        }
        const HotlineScan scan = findHotlines(text);
        f.hotlines = scan.hotlines;
        f.hotlineLabel = !scan.openLabel.empty() || !scan.hotlines.empty();
        openHotline = scan.openLabel;
        f.copyrightHolder = findCopyrightHolder(text);
        f.address = findAddress(text);
        f.visitorCount = findVisitorCount(text);
    }
    return facts;
}

bool isPlain(const PageLine& line, const LineFacts& f) {
    return !f.chrome && !f.clock && !f.meta() && !f.site() && !linkHeavy(line) && hasContent(line.text);
}

// Plain text has no container to say where the body is: take the run of consecutive plain lines
// with the most Han characters. Lines with metadata, footer facts or chrome end a run.
std::pair<size_t, size_t> bodyRun(const std::vector<PageLine>& lines, const std::vector<LineFacts>& facts, size_t titleLine) {
    size_t bestBegin = 0, bestEnd = 0, bestHan = 0;
    for (size_t begin = 0; begin < lines.size();) {
        size_t end = begin, han = 0;
        while (end < lines.size() && end != titleLine && isPlain(lines[end], facts[end])) han += countHan(lines[end++].text);
        if (han > bestHan) {
            bestBegin = begin;
            bestEnd = end;
            bestHan = han;
        }
        begin = end + 1;
    }
    return {bestBegin, bestEnd};
}

std::string trimSeparators(std::u32string_view s) {
    while (!s.empty() && (isLayoutSpace(s.front()) || kTitleSeparators.find(s.front()) != std::u32string_view::npos)) s.remove_prefix(1);
    while (!s.empty() && (isLayoutSpace(s.back()) || kTitleSeparators.find(s.back()) != std::u32string_view::npos)) s.remove_suffix(1);
    return toUtf8(s);
}

// "文章標題-某某消費者協會" -> "某某消費者協會": what <title> adds to the article's title.
std::string siteNameFromDocumentTitle(const std::string& documentTitle, const std::string& title) {
    const std::u32string whole = toU32(documentTitle);
    if (!title.empty()) {
        const size_t at = whole.find(toU32(title));
        if (at != std::u32string::npos) {
            std::u32string rest = whole;
            rest.erase(at, toU32(title).size());
            return trimSeparators(rest);
        }
    }
    const size_t cut = whole.find_last_of(U"_|—–－｜");
    return cut == std::u32string::npos ? std::string() : trimSeparators(std::u32string_view(whole).substr(cut + 1));
}

std::string localeOf(const std::string& language, const PageContent& page) {
    std::string lang = language;
    std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lang.starts_with("zh")) {
        const bool traditional = lang.find("hant") != std::string::npos || lang.find("tw") != std::string::npos ||
                                 lang.find("hk") != std::string::npos || lang.find("mo") != std::string::npos;
        return traditional ? "zh-Hant" : "zh-Hans";
    }
    size_t traditional = 0, simplified = 0;
    const auto count = [&](const std::string& text) {
        for (const char32_t c : toU32(text)) {
            traditional += kTraditional.find(c) != std::u32string_view::npos ? 1 : 0;
            simplified += kSimplified.find(c) != std::u32string_view::npos ? 1 : 0;
        }
    };
    count(page.title);
    for (const std::string& paragraph : page.body) count(paragraph);
    return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

// The line most likely to be the title, or npos. Evidence: a heading element, <title> or og:title
// starting with it, standing right before the publish time or right after the breadcrumb trail.
size_t findTitleLine(const std::vector<PageLine>& lines, const std::vector<LineFacts>& facts, const PageHints& hints,
                     size_t timeLine, size_t crumbLine, const std::string& siteName) {
    size_t best = std::string::npos;
    int bestScore = 1;  // a title needs two pieces of evidence, or a strong one
    for (size_t i = 0; i < lines.size(); ++i) {
        const PageLine& line = lines[i];
        const LineFacts& f = facts[i];
        if (f.chrome || f.clock || f.meta() || f.site() || linkHeavy(line)) continue;
        if (line.codePoints < kTitleMinCodePoints || line.codePoints > kTitleMaxCodePoints) continue;
        if (!siteName.empty() && line.text == siteName) continue;
        int score = line.heading ? 2 : 0;
        if (hints.documentTitle.starts_with(line.text)) score += 3;
        else if (hints.documentTitle.find(line.text) != std::string::npos) score += 1;
        if (!hints.metaTitle.empty() && hints.metaTitle.starts_with(line.text)) score += 3;
        if (timeLine != std::string::npos && i + 1 == timeLine) score += 2;
        if (crumbLine != std::string::npos && i == crumbLine + 1) score += 1;
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

bool titleCandidate(const PageLine& line, const LineFacts& f, const std::string& siteName) {
    if (f.chrome || f.clock || f.meta() || f.site() || linkHeavy(line)) return false;
    if (line.codePoints < kTitleMinCodePoints || line.codePoints > kTitleMaxCodePoints) return false;
    return siteName.empty() || line.text != siteName;
}

// A title that stands next to no date line: the longest line that <title> repeats; in a plain-text
// capture, the short line (not ending a sentence, not chrome) right before the first paragraph of
// the body, or else the nearest one before the body. npos when there is none.
size_t findUndatedTitleLine(const std::vector<PageLine>& lines, const std::vector<LineFacts>& facts,
                            const PageHints& hints, const std::string& siteName) {
    size_t best = std::string::npos;
    for (size_t i = 0; i < lines.size() && !hints.documentTitle.empty(); ++i) {
        if (!titleCandidate(lines[i], facts[i], siteName) || hints.documentTitle.find(lines[i].text) == std::string::npos) continue;
        if (best == std::string::npos || lines[i].codePoints > lines[best].codePoints) best = i;
    }
    if (best != std::string::npos || !hints.documentTitle.empty() || !hints.metaTitle.empty()) return best;
    const auto shortLine = [&](size_t i) {
        const std::u32string text = toU32(lines[i].text);
        return titleCandidate(lines[i], facts[i], siteName) && lines[i].codePoints <= kUndatedTitleMaxCodePoints &&
               !isSentenceEnd(text.back()) && text.back() != U':' && text.back() != U'：';
    };
    // Short lines run into the body in a capture (navigation, the site's name, the title): the
    // title is the last of them before the first paragraph (a long line, or one ending a sentence).
    const auto isParagraph = [&](size_t i) {
        const std::u32string text = toU32(lines[i].text);
        return lines[i].codePoints > kUndatedTitleMaxCodePoints || (!text.empty() && isSentenceEnd(text.back()));
    };
    const auto [begin, end] = bodyRun(lines, facts, std::string::npos);
    size_t paragraph = begin;
    while (paragraph < end && !isParagraph(paragraph)) ++paragraph;
    if (paragraph == end) return std::string::npos;
    for (size_t i = paragraph; i-- > 0;) {
        if (shortLine(i)) return i;
    }
    return std::string::npos;
}

// Builds the body from the lines kept: each line's texts (a table: its caption, header and cells;
// a figure: its caption, if any), their links as marks, and a block per line (a list item joins
// the list before it when both are of one list). The blocks are dropped at the end when all are
// paragraphs, as a 1.0 bundle has them.
class BodyBuilder {
public:
    explicit BodyBuilder(PageContent& page) : m_page(page) {}

    void add(const PageLine& line) {
        std::vector<core::Block>& blocks = m_page.blocks;
        const bool sameList = line.kind == LineKind::listItem && m_openList == line.list && !blocks.empty() &&
                              blocks.back().kind == core::BlockKind::list;
        if (sameList) {
            addText(line.text, line.links);
            ++blocks.back().textCount;
            return;
        }
        m_openList = line.kind == LineKind::listItem ? line.list : nullptr;
        core::Block block = blockOf(line);
        if (line.kind == LineKind::figure) m_page.figureSources.push_back(line.figure.pageSrc);
        block.firstText = m_page.body.size();
        if (line.kind == LineKind::table) {
            if (block.hasCaption) addText(line.table.caption, {});
            for (const std::string& cell : line.table.header) addText(cell, {});
            for (const auto& row : line.table.rows) for (const std::string& cell : row) addText(cell, {});
        } else if (line.kind != LineKind::figure || block.hasCaption) {
            addText(line.text, line.links);
        }
        block.textCount = m_page.body.size() - block.firstText;
        blocks.push_back(std::move(block));
    }

    void finish() {
        const bool allParagraphs = std::all_of(m_page.blocks.begin(), m_page.blocks.end(),
                                               [](const core::Block& b) { return b.kind == core::BlockKind::paragraph; });
        if (allParagraphs) m_page.blocks.clear();
    }

private:
    static core::Block blockOf(const PageLine& line) {
        core::Block block;
        switch (line.kind) {
            case LineKind::paragraph: break;
            case LineKind::heading: block.kind = core::BlockKind::heading; block.level = line.level; break;
            case LineKind::listItem: block.kind = core::BlockKind::list; block.ordered = line.ordered; break;
            case LineKind::figure:
                block.kind = core::BlockKind::figure;
                block.src = line.figure.src;
                block.alt = line.figure.alt;
                block.width = line.figure.width;
                block.height = line.figure.height;
                block.hasCaption = !line.text.empty();
                break;
            case LineKind::table:
                block.kind = core::BlockKind::table;
                block.hasCaption = line.table.hasCaption;
                block.columns = line.table.header.size();
                break;
            case LineKind::attachment:
                block.kind = core::BlockKind::attachment;
                block.href = line.href;
                block.mime = line.mime;
                break;
        }
        return block;
    }

    void addText(const std::string& text, const std::vector<LineLink>& links) {
        for (const LineLink& link : links) m_page.marks.push_back({m_page.body.size(), link.begin, link.end, link.href, false});
        m_page.body.push_back(text);
    }

    PageContent& m_page;
    const void* m_openList = nullptr;
};

// The body's lines into page.body (and its blocks); which lines they were. An image has no text of
// its own to judge; an attachment's name is link text, but no navigation.
std::vector<bool> collectBody(const std::vector<PageLine>& lines, const std::vector<LineFacts>& facts, size_t titleLine,
                              size_t timeLine, PageContent& page) {
    std::vector<bool> keptInBody(lines.size(), false);
    BodyBuilder body(page);
    for (size_t i = 0; i < lines.size(); ++i) {
        const LineFacts& f = facts[i];
        if (!page.body.empty() && f.articleEnd) break;
        if (!lines[i].inBody || f.chrome || f.clock || !f.copyrightHolder.empty() || f.visitorCount) continue;
        const LineKind kind = lines[i].kind;
        const bool judged = kind != LineKind::figure && kind != LineKind::attachment;
        if (judged && (linkHeavy(lines[i]) || !hasContent(lines[i].text))) continue;
        if (page.body.empty() && (i == titleLine || i == timeLine || lines[i].text == page.title || f.meta())) continue;
        body.add(lines[i]);
        keptInBody[i] = true;
    }
    body.finish();
    return keptInBody;
}

}  // namespace

PageContent assemblePage(std::vector<PageLine> lines, const PageHints& hints, const ExtractOptions& options) {
    for (PageLine& line : lines) line.codePoints = countCodePoints(line.text);
    const std::vector<LineFacts> facts = readFacts(lines);
    PageContent page;
    page.url = hints.url;

    // Publish time: <meta> first (it is meant for machines), then a labelled date, then
    // <time datetime>, then a bare date on a short line. Its line helps find the title.
    std::optional<LocalTime> time;
    if (const auto dates = findDates(hints.metaPublished); !dates.empty()) time = dates.front().time;
    size_t timeLine = std::string::npos;
    for (size_t i = 0; i < lines.size() && timeLine == std::string::npos; ++i) {
        if (facts[i].labelledTime) timeLine = i;
    }
    if (!time && timeLine != std::string::npos) time = facts[timeLine].labelledTime;
    if (const auto dates = findDates(hints.timeElement); !time && !dates.empty()) time = dates.front().time;
    for (size_t i = 0; i < lines.size() && timeLine == std::string::npos; ++i) {
        const bool shortLine = lines[i].codePoints <= kBareDateLineMaxCodePoints || !facts[i].source.empty();
        if (facts[i].bareTime && shortLine && !facts[i].chrome && !lines[i].inBody) timeLine = i;
    }
    if (!time && timeLine != std::string::npos) time = facts[timeLine].bareTime;
    if (time) page.published = toDateTime(*time, options.defaultOffsetMinutes);

    size_t crumbLine = std::string::npos;
    for (size_t i = 0; i < lines.size() && crumbLine == std::string::npos; ++i) {
        if (!facts[i].crumbs.empty()) crumbLine = i;
    }
    for (size_t i = 0; i < lines.size() && page.source.empty(); ++i) page.source = facts[i].source;
    if (page.source.empty()) page.source = hints.metaSource;
    if (page.source.empty() && timeLine != std::string::npos) page.source = facts[timeLine].unlabelledSource;
    for (size_t i = 0; i < lines.size() && page.copyrightHolder.empty(); ++i) page.copyrightHolder = facts[i].copyrightHolder;

    size_t titleLine = findTitleLine(lines, facts, hints, timeLine, crumbLine, page.copyrightHolder);
    if (titleLine == std::string::npos) titleLine = findUndatedTitleLine(lines, facts, hints, page.copyrightHolder);
    if (titleLine != std::string::npos) {
        page.title = lines[titleLine].text;
    } else if (!hints.metaTitle.empty()) {
        page.title = hints.metaTitle;
    } else {
        const std::u32string whole = toU32(hints.documentTitle);
        page.title = trimSeparators(std::u32string_view(whole).substr(0, whole.find_first_of(U"_|—–－｜")));
    }
    if (crumbLine != std::string::npos) page.categoryName = categoryFromCrumbs(facts[crumbLine].crumbs, page.title);

    // The body: the marked container's lines, or else the densest run. Leading metadata (title,
    // time, source, trail inside an <article>) is skipped; chrome and footer lines anywhere.
    if (std::none_of(lines.begin(), lines.end(), [](const PageLine& l) { return l.inBody; })) {
        const auto [begin, end] = bodyRun(lines, facts, titleLine);
        for (size_t i = begin; i < end; ++i) lines[i].inBody = true;
    }
    const std::vector<bool> keptInBody = collectBody(lines, facts, titleLine, timeLine, page);

    // The site's facts, from every line that did not become a paragraph (an article may quote a
    // hotline without it being the site's).
    for (size_t i = 0; i < lines.size(); ++i) {
        if (keptInBody[i]) continue;
        for (const core::Hotline& hotline : facts[i].hotlines) {
            const bool known = std::any_of(page.hotlines.begin(), page.hotlines.end(),
                                           [&](const core::Hotline& h) { return h.number == hotline.number; });
            if (!known) page.hotlines.push_back({stripPinyin(hotline.label), hotline.number});
        }
        if (page.address.empty()) page.address = facts[i].address;
        if (!page.visitorCount) page.visitorCount = facts[i].visitorCount;
    }
    page.siteName = stripPinyin(siteNameFromDocumentTitle(hints.documentTitle, page.title));
    if (page.siteName.empty()) page.siteName = page.copyrightHolder;
    page.locale = localeOf(hints.language, page);
    return page;
}

}  // namespace reader::tools::ingest
