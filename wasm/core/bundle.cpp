// The bundle model: lookups by id, an article's body as blocks, and the category tree (bundle.h).
#include "bundle.h"

#include <algorithm>

namespace reader::core {

std::vector<Block> bodyBlocks(const Article& article) {
    if (!article.blocks.empty()) return article.blocks;
    std::vector<Block> blocks(article.body.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
        blocks[i].firstText = i;
        blocks[i].textCount = 1;
    }
    return blocks;
}

TextRole textRole(const Article& article, size_t text) {
    // Blocks are in text order: the last one starting at or before `text` holds it.
    const auto after = std::upper_bound(article.blocks.begin(), article.blocks.end(), text,
                                        [](size_t t, const Block& b) { return t < b.firstText; });
    if (after == article.blocks.begin()) return TextRole::paragraph;
    const Block& block = *std::prev(after);
    if (text >= block.firstText + block.textCount) return TextRole::paragraph;
    const bool first = text == block.firstText, last = text + 1 == block.firstText + block.textCount;
    switch (block.kind) {
        case BlockKind::paragraph: return TextRole::paragraph;
        case BlockKind::heading: return TextRole::heading;
        case BlockKind::figure: return block.hasCredit && last && !(block.hasCaption && first) ? TextRole::credit : TextRole::caption;
        case BlockKind::list: return TextRole::listItem;
        case BlockKind::table: return TextRole::table;
        case BlockKind::quote: return TextRole::quote;
        case BlockKind::attachment:
        case BlockKind::video: return TextRole::attachment;
    }
    return TextRole::paragraph;
}

const Category* Bundle::findCategory(const std::string& id) const {
    const auto it = categoryIndex.find(id);
    return it == categoryIndex.end() ? nullptr : &categories[it->second];
}

const Article* Bundle::findArticle(const std::string& id) const {
    const auto it = articleIndex.find(id);
    return it == articleIndex.end() ? nullptr : &articles[it->second];
}

void Bundle::indexCategories() {
    const size_t count = categories.size();
    categoryParent.assign(count, kNoParent);
    categoryChildren.assign(count, {});
    topCategories.clear();
    for (size_t i = 0; i < count; ++i) {
        const auto parent = categories[i].parentId.empty() ? categoryIndex.end() : categoryIndex.find(categories[i].parentId);
        if (parent == categoryIndex.end()) {
            topCategories.push_back(i);
            continue;
        }
        categoryParent[i] = parent->second;
        categoryChildren[parent->second].push_back(i);
    }
    // Depth first with an explicit stack (no recursion: a chain may be as deep as the categories
    // are many): each entry is a list of siblings and the next of them to emit.
    categoryRows.clear();
    categoryRows.reserve(count);
    struct Level {
        const std::vector<size_t>* siblings;
        size_t next;
    };
    std::vector<Level> stack{{&topCategories, 0}};
    while (!stack.empty()) {
        Level& level = stack.back();
        if (level.next == level.siblings->size()) {
            stack.pop_back();
            continue;
        }
        const size_t category = (*level.siblings)[level.next++];
        categoryRows.push_back({category, stack.size() - 1});
        if (!categoryChildren[category].empty()) stack.push_back({&categoryChildren[category], 0});
    }
}

}  // namespace reader::core
