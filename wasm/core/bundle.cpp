// The bundle model's lookups by id and its category tree (bundle.h).
#include "bundle.h"

namespace reader::core {

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
