#include "navigation.h"

#include <algorithm>

namespace reader::core {

void Navigator::goHome() { moveTo({View::List, "", ""}); }

void Navigator::openCategory(const std::string& categoryId) { moveTo({View::List, categoryId, ""}); }

void Navigator::openArticle(const std::string& articleId) { moveTo({View::Article, "", articleId}); }

bool Navigator::back() {
    if (m_history.empty()) return false;
    m_current = std::move(m_history.back());
    m_history.pop_back();
    return true;
}

void Navigator::moveTo(Place place) {
    if (place == m_current) return;
    m_history.push_back(std::move(m_current));
    m_current = std::move(place);
}

namespace {

bool exists(const Bundle& bundle, const Place& place) {
    if (place.view == View::Article) return bundle.findArticle(place.articleId) != nullptr;
    return place.categoryId.empty() || bundle.findCategory(place.categoryId) != nullptr;
}

}  // namespace

void Navigator::rebase(const Bundle& bundle) {
    std::erase_if(m_history, [&](const Place& place) { return !exists(bundle, place); });
    if (!exists(bundle, m_current)) m_current = Place{};
    // Dropping entries can leave the same place twice in a row; back() should always move.
    auto same = std::unique(m_history.begin(), m_history.end());
    m_history.erase(same, m_history.end());
    if (!m_history.empty() && m_history.back() == m_current) m_history.pop_back();
}

std::optional<Place> placeFromSpec(std::string_view spec) {
    const auto after = [&](std::string_view prefix) { return std::string(spec.substr(prefix.size())); };
    if (spec == "list") return Place{};
    if (spec.starts_with("category:") && spec.size() > 9) return Place{View::List, after("category:"), ""};
    if (spec.starts_with("article:") && spec.size() > 8) return Place{View::Article, "", after("article:")};
    return std::nullopt;
}

std::vector<const Category*> categoryPath(const Bundle& bundle, const std::string& categoryId) {
    std::vector<const Category*> path;
    // The loader refuses cycles; the bound only guards against a model built by other means.
    for (const Category* c = bundle.findCategory(categoryId); c && path.size() <= bundle.categories.size();
         c = c->parentId.empty() ? nullptr : bundle.findCategory(c->parentId)) {
        path.push_back(c);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<const Article*> articlesIn(const Bundle& bundle, const std::string& categoryId) {
    const auto inCategory = [&](const Article& article) {
        if (categoryId.empty()) return true;
        for (const Category* c : categoryPath(bundle, article.categoryId)) {
            if (c->id == categoryId) return true;
        }
        return false;
    };
    std::vector<const Article*> out;
    for (const Article& article : bundle.articles) {
        if (inCategory(article)) out.push_back(&article);
    }
    std::stable_sort(out.begin(), out.end(), [](const Article* a, const Article* b) {
        return a->published.epochSeconds > b->published.epochSeconds;
    });
    return out;
}

}  // namespace reader::core
