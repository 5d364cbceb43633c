// Filters and their counts (search_filters.h).
#include "search_filters.h"

#include <algorithm>
#include <map>

namespace reader::core {

namespace {

// Whether category index `at` is `wanted` or below it (the loader bounds the depth and refuses cycles).
bool isUnder(const Bundle& bundle, size_t at, size_t wanted) {
    for (size_t depth = 0; at != Bundle::kNoParent && depth <= bundle.categories.size(); ++depth, at = bundle.categoryParent[at]) {
        if (at == wanted) return true;
    }
    return false;
}

size_t categoryOf(const Bundle& bundle, const Article& article) {
    const auto found = bundle.categoryIndex.find(article.categoryId);
    return found == bundle.categoryIndex.end() ? Bundle::kNoParent : found->second;
}

bool passesCategory(const Bundle& bundle, const Article& article, const SearchFilters& filters) {
    if (filters.categoryId.empty()) return true;
    const auto wanted = bundle.categoryIndex.find(filters.categoryId);
    return wanted != bundle.categoryIndex.end() && isUnder(bundle, categoryOf(bundle, article), wanted->second);
}

bool passesDate(const Article& article, const SearchFilters& filters) {
    if (filters.year > 0 && article.published.year != filters.year) return false;
    return filters.year == 0 || filters.month == 0 || article.published.month == filters.month;
}

}  // namespace

bool passesFilters(const Bundle& bundle, const Article& article, const SearchFilters& filters) {
    return passesCategory(bundle, article, filters) && passesDate(article, filters);
}

FacetCounts countFacets(const Bundle& bundle, const std::vector<size_t>& articles, const SearchFilters& filters) {
    FacetCounts counts;
    counts.categories.assign(bundle.categories.size(), 0);
    std::map<int, size_t, std::greater<>> years;
    std::vector<size_t> months(13, 0);
    for (const size_t index : articles) {
        const Article& article = bundle.articles[index];
        const bool category = passesCategory(bundle, article, filters), date = passesDate(article, filters);
        if (date) {  // the categories' counts: with the date filter, without the category one
            size_t at = categoryOf(bundle, article);
            for (size_t depth = 0; at != Bundle::kNoParent && depth <= bundle.categories.size(); ++depth, at = bundle.categoryParent[at]) {
                ++counts.categories[at];
            }
        }
        if (category) {  // the years' and months' counts: with the category filter, without the date one
            ++years[article.published.year];
            if (article.published.year == filters.year) ++months[static_cast<size_t>(std::clamp(article.published.month, 0, 12))];
        }
    }
    counts.years.assign(years.begin(), years.end());
    for (int month = 1; month <= 12; ++month) {
        if (months[static_cast<size_t>(month)] > 0) counts.months.emplace_back(month, months[static_cast<size_t>(month)]);
    }
    return counts;
}

}  // namespace reader::core
