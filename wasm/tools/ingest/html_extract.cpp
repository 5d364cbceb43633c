// HTML pages -> lines for PageAssembler.
//
// The walk cuts the document into segments at block boundaries and <br>, as a browser lays it out,
// collapsing whitespace as HTML does. Then:
//  - the body container is the element with the most Chinese text in its paragraph-like children
//    (text density, not site-specific ids): each segment's Han characters, link text excluded,
//    are credited to its block, or to the block's parent when the block is a single paragraph
//    (<p>, a one-line <div>), so a <div class="content"> of <p>s and a <td> of &nbsp;-indented,
//    <br>-separated text both win as a whole;
//  - segments of one block split by a single <br> are joined again when the block indents its
//    paragraphs (&nbsp;&nbsp; or ideographic spaces) and the next part has no indent: the <br>
//    then only wrapped a line.
//
// Index:
//   [SECTION] Hints from markup
//   [SECTION] Segments
//   [SECTION] Body container
//   [SECTION] Lines
#include "html_extract.h"

#include <algorithm>
#include <memory>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "core/links.h"
#include "gumbo_tree.h"
#include "html_blocks.h"
#include "line_rules.h"
#include "page_assembler.h"
#include "text_util.h"
#include "urls.h"

namespace reader::tools::ingest {

namespace {

// Breadcrumb trails, by the words class and id names use for them across CMSs (weizhi = 位置,
// dqwz = 當前位置).
constexpr std::string_view kCrumbHints[] = {"crumb", "position", "location", "weizhi", "dqwz"};
constexpr size_t kCrumbMaxCodePoints = 200;  // a longer "position" element is layout, not a trail

//-------------------------------------------------------------------------------------------------
// [SECTION] Hints from markup
//-------------------------------------------------------------------------------------------------

void readHintsOf(const GumboNode* node, PageHints& hints, std::string& canonical, std::string& ogUrl) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML && hints.language.empty()) hints.language = attribute(node, "lang");
    if (tag == GUMBO_TAG_TITLE && hints.documentTitle.empty()) hints.documentTitle = collapsed(textOf(node));
    if (tag == GUMBO_TAG_BASE && hints.baseHref.empty()) hints.baseHref = collapsed(attribute(node, "href"));
    if (tag == GUMBO_TAG_TIME && hints.timeElement.empty()) hints.timeElement = attribute(node, "datetime");
    if (tag == GUMBO_TAG_LINK && canonical.empty() && lowercase(attribute(node, "rel")) == "canonical") {
        canonical = collapsed(attribute(node, "href"));
    }
    if (tag != GUMBO_TAG_META) return;
    const std::string name = lowercase(attribute(node, "name") + attribute(node, "property") + attribute(node, "itemprop"));
    const std::string content = collapsed(attribute(node, "content"));
    static const std::unordered_set<std::string> kPublished = {
        "pubdate", "publishdate", "publish_date", "publishtime", "article:published_time",
        "og:release_date", "datepublished", "firstpublishedtime", "dc.date.issued"};
    if (kPublished.contains(name) && hints.metaPublished.empty()) hints.metaPublished = content;
    if ((name == "contentsource" || name == "source") && hints.metaSource.empty()) hints.metaSource = content;
    if (name == "og:title" && hints.metaTitle.empty()) hints.metaTitle = content;
    if (name == "og:url" && ogUrl.empty()) ogUrl = content;
}

PageHints collectHints(const GumboNode* document) {
    PageHints hints;
    std::string canonical, ogUrl;
    walk(
        document,
        [&](const GumboNode* node) {
            if (node->type == GUMBO_NODE_DOCUMENT) return true;
            if (!isElement(node)) return false;
            readHintsOf(node, hints, canonical, ogUrl);
            return node->v.element.tag != GUMBO_TAG_SCRIPT && node->v.element.tag != GUMBO_TAG_STYLE;
        },
        [](const GumboNode*) {});
    hints.url = canonical.empty() ? ogUrl : canonical;
    return hints;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Segments
//-------------------------------------------------------------------------------------------------

// Text between two breaks (block boundaries or <br>), all inside one block.
struct Segment {
    std::string text;
    const GumboNode* owner = nullptr;  // the nearest block element
    int brsBefore = 0;                 // 0 after a block boundary, else how many <br> came before
    bool heading = false, breadcrumb = false, chromeRegion = false;
    size_t linkCodePoints = 0;
    // What block of format 1.2 it is (page_content.h, PageLine).
    LineKind kind = LineKind::paragraph;
    int level = 0;
    const GumboNode* list = nullptr;
    bool ordered = false;
    std::vector<LineLink> links;
    LineFigure figure;
    LineTable table;
    std::string href, mime;
    size_t characters = 0, strongCharacters = 0;  // not counting spaces: a line all in <b> may be a heading
};

struct WalkContext {
    const GumboNode* block = nullptr;
    bool link = false, heading = false, chromeRegion = false, preformatted = false, strong = false;
    int level = 0;                     // inside <h2>-<h4>
    const GumboNode* list = nullptr;   // the nearest <ul> or <ol>
    std::string href;                  // inside a link to a safe absolute URL
};

// East Asian wide characters: a line break in the source between two of them is no space
// (CSS Text 3, segment break transformation).
bool isWide(char32_t c) { return isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

bool isAsciiSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f'; }

class Segmenter {
public:
    explicit Segmenter(std::string base) : m_base(std::move(base)) {}

    std::vector<Segment> run(const GumboNode* body) {
        m_contexts = {WalkContext{body}};
        walk(
            body, [this](const GumboNode* node) { return enter(node); }, [this](const GumboNode* node) { leave(node); });
        flush(false);
        return std::move(m_segments);
    }

private:
    // Returns whether to walk into the node's children (and then leave() it).
    bool enter(const GumboNode* node) {
        const WalkContext ctx = m_contexts.back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            appendText(node->v.text.text, ctx);
            return false;
        }
        if (!isElement(node) || isDropped(node)) return false;
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_BR) {
            flush(true);
            return false;
        }
        if (emitBreadcrumb(node, ctx) || emitBlock(node, ctx)) return false;
        WalkContext inner = ctx;
        if (!isInlineTag(tag)) {
            flush(false);
            inner.block = node;
            constexpr std::string_view kTitleHints[] = {"title"};
            if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || hasHint(node, kTitleHints)) {
                inner.heading = true;
            }
            if (tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4) inner.level = 2 + (tag - GUMBO_TAG_H2);
            if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) inner.list = node;
        }
        if (tag == GUMBO_TAG_A && gumbo_get_attribute(&node->v.element.attributes, "href")) {
            inner.link = true;
            inner.href = core::safeExternalUrl(resolveUrl(m_base, collapsed(attribute(node, "href"))));
        }
        if (tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG) inner.strong = true;
        if (isChromeRegion(tag)) inner.chromeRegion = true;
        if (tag == GUMBO_TAG_PRE) inner.preformatted = true;
        // <ruby>字<rt>zì</rt></ruby> becomes the pages' own inline form, 字(zì).
        if (tag == GUMBO_TAG_RT) appendText("(", inner);
        m_contexts.push_back(inner);
        return true;
    }

    void leave(const GumboNode* node) {
        const WalkContext inner = m_contexts.back();
        m_contexts.pop_back();
        if (node->v.element.tag == GUMBO_TAG_RT) appendText(")", inner);
        if (!isInlineTag(node->v.element.tag)) flush(false);
    }

    // A data table, an image (or a <figure> holding one) or a link to a file: one segment of its own.
    bool emitBlock(const GumboNode* node, const WalkContext& ctx) {
        const GumboTag tag = node->v.element.tag;
        Segment segment;
        segment.owner = ctx.block;
        segment.chromeRegion = ctx.chromeRegion;
        if (tag == GUMBO_TAG_TABLE && isDataTable(node)) {
            segment.kind = LineKind::table;
            segment.table = readTable(node);
            segment.text = segment.table.caption;
            for (const std::string& cell : segment.table.header) segment.text += " " + cell;
            for (const auto& row : segment.table.rows) for (const std::string& cell : row) segment.text += " " + cell;
        } else if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_FIGURE) {
            const GumboNode* img = tag == GUMBO_TAG_IMG ? node : firstDescendant(node, GUMBO_TAG_IMG);
            std::optional<LineFigure> figure = img ? readImage(img, m_base) : std::nullopt;
            if (!figure) return tag == GUMBO_TAG_IMG;  // an icon is left out; a <figure> without image is walked
            segment.kind = LineKind::figure;
            segment.figure = std::move(*figure);
            if (const GumboNode* caption = tag == GUMBO_TAG_FIGURE ? firstDescendant(node, GUMBO_TAG_FIGCAPTION) : nullptr) {
                segment.text = subtreeText(caption);
            }
        } else if (tag == GUMBO_TAG_A) {
            const std::string url = core::safeExternalUrl(resolveUrl(m_base, collapsed(attribute(node, "href"))));
            segment.mime = url.starts_with("http") ? attachmentMime(url) : std::string();
            if (segment.mime.empty()) return false;
            segment.kind = LineKind::attachment;
            segment.href = url;
            segment.text = subtreeText(node);
            if (segment.text.empty()) segment.text = fileNameOf(url);
        } else {
            return false;
        }
        flush(false);
        m_segments.push_back(std::move(segment));
        return true;
    }

    static const GumboNode* firstDescendant(const GumboNode* root, GumboTag wanted) {
        const GumboNode* found = nullptr;
        walk(
            root,
            [&](const GumboNode* node) {
                if (found || !isElement(node)) return false;
                if (node != root && node->v.element.tag == wanted) found = node;
                return !found;
            },
            [](const GumboNode*) {});
        return found;
    }

    // A trail element becomes one line, its items apart by " > " (lists of links carry no
    // separator text of their own).
    bool emitBreadcrumb(const GumboNode* node, const WalkContext& ctx) {
        if (!hasHint(node, kCrumbHints)) return false;
        const std::string text = collapsed(crumbText(node));
        if (countCodePoints(text) > kCrumbMaxCodePoints || findBreadcrumb(text, true).empty()) return false;
        flush(false);
        m_current = Segment{text, node, 0, false, true, ctx.chromeRegion, 0};
        flush(false);
        return true;
    }

    static std::string crumbText(const GumboNode* root) {
        std::string out;
        const auto isItem = [](const GumboNode* node) {
            const GumboTag tag = node->v.element.tag;
            return tag == GUMBO_TAG_A || tag == GUMBO_TAG_LI || !isInlineTag(tag);
        };
        walk(
            root,
            [&](const GumboNode* node) {
                if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) out += node->v.text.text;
                if (!isElement(node) || isDropped(node)) return false;
                if (isItem(node)) out += " > ";
                return true;
            },
            [&](const GumboNode* node) {
                if (isItem(node)) out += " > ";
            });
        return out;
    }

    void appendText(std::string_view text, const WalkContext& ctx) {
        for (size_t pos = 0; pos < text.size();) {
            const char32_t c = core::utf8::next(text, pos);
            if (ctx.preformatted && c == U'\n') {
                flush(true);
                continue;
            }
            if (isAsciiSpace(c)) {
                m_pendingSpace = true;
                m_pendingNewline = m_pendingNewline || c == U'\n';
                continue;
            }
            if (m_current.text.empty()) {
                m_current.owner = ctx.block;
                m_current.heading = ctx.heading;
                m_current.chromeRegion = ctx.chromeRegion;
                m_current.level = ctx.level;
                m_current.list = ctx.list;
                m_current.ordered = ctx.list && ctx.list->v.element.tag == GUMBO_TAG_OL;
            } else if (m_pendingSpace && !(m_pendingNewline && isWide(m_last) && isWide(c))) {
                m_current.text.push_back(' ');
                m_current.linkCodePoints += ctx.link ? 1 : 0;
            }
            m_pendingSpace = m_pendingNewline = false;
            const size_t at = m_current.text.size();
            core::utf8::append(m_current.text, c);
            m_current.linkCodePoints += ctx.link ? 1 : 0;
            ++m_current.characters;
            m_current.strongCharacters += ctx.strong ? 1 : 0;
            if (!ctx.href.empty()) markLink(at, ctx.href);
            m_last = c;
        }
    }

    // The character just appended at byte `at` is link text: one link with the one before it
    // (a space between them included) when both go to the same place.
    void markLink(size_t at, const std::string& href) {
        std::vector<LineLink>& links = m_current.links;
        const bool joins = !links.empty() && links.back().href == href &&
                           (links.back().end == at || (links.back().end + 1 == at && m_current.text[at - 1] == ' '));
        if (joins) {
            links.back().end = m_current.text.size();
        } else {
            links.push_back({at, m_current.text.size(), href});
        }
    }

    void flush(bool lineBreak) {
        if (!m_current.text.empty()) {
            m_current.brsBefore = m_afterBlock ? 0 : m_brs;
            m_segments.push_back(std::move(m_current));
            m_brs = 0;
            m_afterBlock = false;
        }
        m_current = Segment{};
        m_pendingSpace = m_pendingNewline = false;
        if (lineBreak) {
            ++m_brs;
        } else {
            m_afterBlock = true;
            m_brs = 0;
        }
    }

    std::string m_base;  // what links and images resolve against
    std::vector<Segment> m_segments;
    std::vector<WalkContext> m_contexts;  // innermost last
    Segment m_current;
    char32_t m_last = 0;
    bool m_pendingSpace = false, m_pendingNewline = false;
    int m_brs = 0;
    bool m_afterBlock = true;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Body container
//-------------------------------------------------------------------------------------------------

// Blocks that hold paragraphs rather than being one, even when they hold a single line.
bool isContainerTag(GumboTag tag) {
    return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
           tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_HTML;
}

const GumboNode* findBodyContainer(const std::vector<Segment>& segments) {
    std::unordered_map<const GumboNode*, size_t> linesPerBlock;
    for (const Segment& s : segments) ++linesPerBlock[s.owner];
    std::unordered_map<const GumboNode*, size_t> credit;
    const GumboNode* best = nullptr;
    size_t bestCredit = 0;
    for (const Segment& s : segments) {
        if (s.chromeRegion || s.breadcrumb || !s.owner || s.text.empty()) continue;  // an image without caption
        const size_t codePoints = countCodePoints(s.text);
        const size_t han = countHan(s.text) * (codePoints - std::min(codePoints, s.linkCodePoints)) / codePoints;
        const GumboTag tag = s.owner->v.element.tag;
        const bool paragraph = tag == GUMBO_TAG_P || (linesPerBlock[s.owner] == 1 && !isContainerTag(tag));
        const GumboNode* target = paragraph && parentBlock(s.owner) ? parentBlock(s.owner) : s.owner;
        const size_t total = credit[target] += han;
        if (total > bestCredit) {
            best = target;
            bestCredit = total;
        }
    }
    return best;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lines
//-------------------------------------------------------------------------------------------------

bool startsIndented(const std::string& text) {
    const std::u32string s = toU32(text.substr(0, 4));
    return !s.empty() && (s[0] == 0x00A0 || s[0] == 0x3000);
}

bool endsSentence(const std::string& text) {
    const std::u32string s = trimLayoutSpace(toU32(text));
    return !s.empty() && isSentenceEnd(s.back());
}

bool isAsciiAlnum(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// A paragraph all in <b>/<strong>, short and not a sentence, is a subheading (level 3: below an
// <h2>, as such pages style theirs).
constexpr size_t kBoldHeadingMaxCharacters = 30;
constexpr int kBoldHeadingLevel = 3;
// A caption under an image: at most this many code points.
constexpr size_t kCaptionMaxCodePoints = 80;

PageLine lineOf(const Segment& s, const GumboNode* container) {
    PageLine line;
    line.text = s.text;
    line.heading = s.heading;
    line.breadcrumb = s.breadcrumb;
    line.linkCodePoints = s.linkCodePoints;
    line.inBody = container && !s.chromeRegion && isInside(s.owner, container);
    line.kind = s.kind;
    line.links = s.links;
    line.figure = s.figure;
    line.table = s.table;
    line.href = s.href;
    line.mime = s.mime;
    if (s.kind != LineKind::paragraph) return line;
    const bool bold = s.characters > 0 && s.strongCharacters == s.characters &&
                      s.characters <= kBoldHeadingMaxCharacters && !endsSentence(s.text);
    if (s.level > 0 || (bold && !s.list)) {
        line.kind = LineKind::heading;
        line.level = s.level > 0 ? s.level : kBoldHeadingLevel;
    } else if (s.list) {
        line.kind = LineKind::listItem;
        line.list = s.list;
        line.ordered = s.ordered;
    }
    const std::u32string text = trimLayoutSpace(toU32(s.text));
    const bool figureWords = !text.empty() && (text[0] == U'图' || text[0] == U'圖' || text[0] == U'▲' || text[0] == U'△');
    line.captionLike = text.size() <= kCaptionMaxCodePoints && (figureWords || isCaptionBlock(s.owner));
    return line;
}

// Layout space trimmed from both ends; the links move with the text.
void trimLine(PageLine& line) {
    const std::string trimmed = trimLayoutSpace(line.text);
    const size_t lead = trimmed.empty() ? 0 : line.text.find(trimmed);
    for (LineLink& link : line.links) {
        link.begin = std::min(trimmed.size(), link.begin - std::min(link.begin, lead));
        link.end = std::min(trimmed.size(), link.end - std::min(link.end, lead));
    }
    std::erase_if(line.links, [](const LineLink& link) { return link.begin >= link.end; });
    line.text = trimmed;
}

// An image's caption is the nearest text: a caption-like line right after it.
void attachCaptions(std::vector<PageLine>& lines) {
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        PageLine& figure = lines[i];
        PageLine& next = lines[i + 1];
        if (figure.kind != LineKind::figure || !figure.text.empty() || next.kind != LineKind::paragraph ||
            !next.captionLike || next.inBody != figure.inBody) {
            continue;
        }
        figure.text = std::move(next.text);
        figure.links = std::move(next.links);
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
}

std::vector<PageLine> toLines(const std::vector<Segment>& segments, const GumboNode* container) {
    std::unordered_set<const GumboNode*> indentingBlocks;
    for (const Segment& s : segments) {
        if (startsIndented(s.text)) indentingBlocks.insert(s.owner);
    }
    std::vector<PageLine> lines;
    const GumboNode* previousOwner = nullptr;
    for (const Segment& s : segments) {
        const bool wrapped = !lines.empty() && s.brsBefore == 1 && s.owner == previousOwner &&
                             s.kind == LineKind::paragraph && lines.back().kind != LineKind::figure &&
                             lines.back().kind != LineKind::table && lines.back().kind != LineKind::attachment &&
                             indentingBlocks.contains(s.owner) && !startsIndented(s.text) &&
                             !endsSentence(lines.back().text);
        if (wrapped) {
            PageLine& line = lines.back();
            const std::u32string before = toU32(line.text);
            const std::u32string after = toU32(s.text);
            if (!before.empty() && isAsciiAlnum(before.back()) && isAsciiAlnum(after.front())) line.text += ' ';
            for (const LineLink& link : s.links) line.links.push_back({link.begin + line.text.size(), link.end + line.text.size(), link.href});
            line.text += s.text;
            line.linkCodePoints += s.linkCodePoints;
        } else {
            lines.push_back(lineOf(s, container));
        }
        previousOwner = s.owner;
    }
    for (PageLine& line : lines) trimLine(line);
    std::erase_if(lines, [](const PageLine& line) { return line.text.empty() && line.kind != LineKind::figure; });
    attachCaptions(lines);
    return lines;
}

const GumboNode* findBody(const GumboNode* document) {
    const GumboNode* body = nullptr;
    walk(
        document,
        [&](const GumboNode* node) {
            if (isElement(node) && node->v.element.tag == GUMBO_TAG_BODY && !body) body = node;
            return !body && (node->type == GUMBO_NODE_DOCUMENT || isElement(node));
        },
        [](const GumboNode*) {});
    return body;
}

}  // namespace

PageContent extractHtml(std::string_view utf8, const ExtractOptions& options) {
    // No parse-error records: each copies the stack of open elements, which on deeply nested
    // pages grows quadratically (2 GB for 8000 unclosed <div>s), and nothing here reads them.
    GumboOptions parseOptions = kGumboDefaultOptions;
    parseOptions.max_errors = 0;
    const GumboDocument document(gumbo_parse_with_options(&parseOptions, utf8.data(), utf8.size()));
    const PageHints hints = collectHints(document->document);
    const GumboNode* body = findBody(document->document);
    std::vector<PageLine> lines;
    if (body) {
        const std::string base = !options.pageUrl.empty() ? options.pageUrl : !hints.baseHref.empty() ? hints.baseHref : hints.url;
        const std::vector<Segment> segments = Segmenter(base).run(body);
        lines = toLines(segments, findBodyContainer(segments));
    }
    return assemblePage(std::move(lines), hints, options);
}

}  // namespace reader::tools::ingest
