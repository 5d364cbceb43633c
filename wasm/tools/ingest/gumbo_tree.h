// Gumbo helpers shared by the HTML readers (html_extract.cpp, html_blocks.cpp): the parsed
// document's owner, a walk that needs no recursion, attributes, class/id hints, and which elements
// are inline, dropped or chrome.
#pragma once

#include <gumbo.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace reader::tools::ingest {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboDocument = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

inline bool isElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT; }

inline std::span<GumboNode* const> children(const GumboNode* node) {
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

std::string attribute(const GumboNode* node, const char* name);
std::string lowercase(std::string text);
// class and id together, lowercased: what generic hints ("share", "crumb", "title") look at.
std::string classAndId(const GumboNode* node);
bool hasHint(const GumboNode* node, std::span<const std::string_view> hints);
bool isInlineTag(GumboTag tag);
// Never text of the page: code, styles, form controls, embedded objects, hidden elements, share
// widgets.
bool isDropped(const GumboNode* node);
// Header, footer, menus and sidebars: scanned for the trail and the site's facts, never the body.
bool isChromeRegion(GumboTag tag);
// The nearest ancestor that is a block (inline ancestors such as <font> are transparent).
const GumboNode* parentBlock(const GumboNode* node);
bool isInside(const GumboNode* node, const GumboNode* ancestor);
// The text directly inside an element (all a <title> holds).
std::string textOf(const GumboNode* node);
// Runs of ASCII whitespace as one space, layout space trimmed at both ends.
std::string collapsed(std::string_view text);

}  // namespace reader::tools::ingest
