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
//   [SECTION] Gumbo helpers
//   [SECTION] Hints from markup
//   [SECTION] Segments
//   [SECTION] Body container
//   [SECTION] Lines
#include "html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "line_rules.h"
#include "page_assembler.h"
#include "text_util.h"

namespace reader::tools::ingest {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Gumbo helpers
//-------------------------------------------------------------------------------------------------

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboDocument = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Breadcrumb trails, by the words class and id names use for them across CMSs (weizhi = 位置,
// dqwz = 當前位置).
constexpr std::string_view kCrumbHints[] = {"crumb", "position", "location", "weizhi", "dqwz"};
constexpr size_t kCrumbMaxCodePoints = 200;  // a longer "position" element is layout, not a trail

bool isElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT; }

std::span<GumboNode* const> children(const GumboNode* node) {
    if (node->type != GUMBO_NODE_DOCUMENT && !isElement(node)) return {};
    const GumboVector& v = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    return {reinterpret_cast<GumboNode* const*>(v.data), v.length};
}

// Visits root's subtree in document order without recursion: pages nest elements thousands deep
// (unclosed <font>s), deeper than the call stack goes. enter(node) says whether to go into the
// node's children; leave(node) runs after them, for each node entered.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
    struct Frame {
        const GumboNode* node;
        size_t nextChild;
    };
    std::vector<Frame> stack;
    if (enter(root)) stack.push_back({root, 0});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const std::span<GumboNode* const> kids = children(top.node);
        if (top.nextChild == kids.size()) {
            leave(top.node);
            stack.pop_back();
            continue;
        }
        const GumboNode* child = kids[top.nextChild++];
        if (enter(child)) stack.push_back({child, 0});
    }
}

std::string attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string(attr->value) : std::string();
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// class and id together, lowercased: what generic hints ("share", "crumb", "title") look at.
std::string classAndId(const GumboNode* node) { return lowercase(attribute(node, "class") + " " + attribute(node, "id")); }

bool hasHint(const GumboNode* node, std::span<const std::string_view> hints) {
    const std::string names = classAndId(node);
    return std::any_of(hints.begin(), hints.end(), [&](std::string_view h) { return names.find(h) != std::string::npos; });
}

bool isInlineTag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
        case GUMBO_TAG_BIG: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN:
        case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_KBD:
        case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR: case GUMBO_TAG_Q: case GUMBO_TAG_RB:
        case GUMBO_TAG_RP: case GUMBO_TAG_RT: case GUMBO_TAG_RTC: case GUMBO_TAG_RUBY: case GUMBO_TAG_S:
        case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE:
        case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT:
        case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
        case GUMBO_TAG_UNKNOWN:  // e.g. Word's <o:p> inside paragraphs
            return true;
        default:
            return false;
    }
}

// Never text of the page: code, styles, form controls, embedded objects, hidden elements, share
// widgets.
bool isDropped(const GumboNode* node) {
    switch (node->v.element.tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD: case GUMBO_TAG_RP:
            return true;
        default:
            break;
    }
    std::string style = lowercase(attribute(node, "style"));
    std::erase(style, ' ');
    if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos) return true;
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
    constexpr std::string_view kShareHints[] = {"share"};
    return hasHint(node, kShareHints);
}

// Header, footer, menus and sidebars: scanned for the trail and the site's facts, never the body.
bool isChromeRegion(GumboTag tag) {
    return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE;
}

// The nearest ancestor that is a block (inline ancestors such as <font> are transparent).
const GumboNode* parentBlock(const GumboNode* node) {
    for (const GumboNode* p = node->parent; p; p = p->parent) {
        if (isElement(p) && !isInlineTag(p->v.element.tag)) return p;
    }
    return nullptr;
}

bool isInside(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* p = node; p; p = p->parent) {
        if (p == ancestor) return true;
    }
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Hints from markup
//-------------------------------------------------------------------------------------------------

// The text directly inside an element (all a <title> holds).
std::string textOf(const GumboNode* node) {
    std::string text;
    for (const GumboNode* child : children(node)) {
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) text += child->v.text.text;
    }
    return text;
}

std::string collapsed(std::string_view text) {
    std::u32string out;
    for (const char32_t c : toU32(text)) {
        const bool space = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f';
        if (space && (out.empty() || out.back() == U' ')) continue;
        out.push_back(space ? U' ' : c);
    }
    return trimLayoutSpace(toUtf8(out));
}

void readHintsOf(const GumboNode* node, PageHints& hints, std::string& canonical, std::string& ogUrl) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML && hints.language.empty()) hints.language = attribute(node, "lang");
    if (tag == GUMBO_TAG_TITLE && hints.documentTitle.empty()) hints.documentTitle = collapsed(textOf(node));
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
};

struct WalkContext {
    const GumboNode* block = nullptr;
    bool link = false, heading = false, chromeRegion = false, preformatted = false;
};

// East Asian wide characters: a line break in the source between two of them is no space
// (CSS Text 3, segment break transformation).
bool isWide(char32_t c) { return isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

bool isAsciiSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f'; }

class Segmenter {
public:
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
        if (emitBreadcrumb(node, ctx)) return false;
        WalkContext inner = ctx;
        if (!isInlineTag(tag)) {
            flush(false);
            inner.block = node;
            constexpr std::string_view kTitleHints[] = {"title"};
            if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || hasHint(node, kTitleHints)) {
                inner.heading = true;
            }
        }
        if (tag == GUMBO_TAG_A && gumbo_get_attribute(&node->v.element.attributes, "href")) inner.link = true;
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
            } else if (m_pendingSpace && !(m_pendingNewline && isWide(m_last) && isWide(c))) {
                m_current.text.push_back(' ');
                m_current.linkCodePoints += ctx.link ? 1 : 0;
            }
            m_pendingSpace = m_pendingNewline = false;
            core::utf8::append(m_current.text, c);
            m_current.linkCodePoints += ctx.link ? 1 : 0;
            m_last = c;
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
        if (s.chromeRegion || s.breadcrumb || !s.owner) continue;
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

std::vector<PageLine> toLines(const std::vector<Segment>& segments, const GumboNode* container) {
    std::unordered_set<const GumboNode*> indentingBlocks;
    for (const Segment& s : segments) {
        if (startsIndented(s.text)) indentingBlocks.insert(s.owner);
    }
    std::vector<PageLine> lines;
    const GumboNode* previousOwner = nullptr;
    for (const Segment& s : segments) {
        const bool wrapped = !lines.empty() && s.brsBefore == 1 && s.owner == previousOwner &&
                             indentingBlocks.contains(s.owner) && !startsIndented(s.text) &&
                             !endsSentence(lines.back().text);
        if (wrapped) {
            PageLine& line = lines.back();
            const std::u32string before = toU32(line.text);
            const std::u32string after = toU32(s.text);
            if (!before.empty() && isAsciiAlnum(before.back()) && isAsciiAlnum(after.front())) line.text += ' ';
            line.text += s.text;
            line.linkCodePoints += s.linkCodePoints;
        } else {
            PageLine line;
            line.text = s.text;
            line.heading = s.heading;
            line.breadcrumb = s.breadcrumb;
            line.linkCodePoints = s.linkCodePoints;
            line.inBody = container && !s.chromeRegion && isInside(s.owner, container);
            lines.push_back(std::move(line));
        }
        previousOwner = s.owner;
    }
    for (PageLine& line : lines) line.text = trimLayoutSpace(line.text);
    std::erase_if(lines, [](const PageLine& line) { return line.text.empty(); });
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
        const std::vector<Segment> segments = Segmenter().run(body);
        lines = toLines(segments, findBodyContainer(segments));
    }
    return assemblePage(std::move(lines), hints, options);
}

}  // namespace reader::tools::ingest
