// The bundle model's lookups by id (bundle.h).
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

}  // namespace reader::core
