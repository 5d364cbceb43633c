// Gumbo helpers shared by the HTML readers (gumbo_tree.h).
#include "gumbo_tree.h"

#include <algorithm>

#include "text_util.h"

namespace reader::tools::ingest {

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

}  // namespace reader::tools::ingest
