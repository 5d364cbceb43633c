// Filters and their counts (search_filters.h).
#include "search_filters.h"

#include <algorithm>

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

FacetTable::FacetTable(const Bundle& bundle) : m_bundle(&bundle) {
    const size_t n = bundle.articles.size();
    m_category.resize(n);
    m_year.resize(n);
    m_month.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const Article& article = bundle.articles[i];
        const size_t category = categoryOf(bundle, article);
        m_category[i] = category == Bundle::kNoParent ? UINT32_MAX : static_cast<uint32_t>(category);
        m_year[i] = article.published.year;
        m_month[i] = static_cast<uint8_t>(std::clamp(article.published.month, 0, 12));
        if (i == 0 || article.published.year < m_firstYear) m_firstYear = article.published.year;
        if (i == 0 || article.published.year > m_lastYear) m_lastYear = article.published.year;
    }
    // Deepest first: by depth, descending (the loader bounds the depth and refuses cycles).
    std::vector<size_t> depth(bundle.categories.size(), 0);
    for (size_t c = 0; c < depth.size(); ++c) {
        for (size_t at = bundle.categoryParent[c]; at != Bundle::kNoParent && depth[c] <= depth.size(); at = bundle.categoryParent[at]) ++depth[c];
        m_deepestFirst.push_back(c);
    }
    std::stable_sort(m_deepestFirst.begin(), m_deepestFirst.end(), [&](size_t a, size_t b) { return depth[a] > depth[b]; });
}

std::vector<bool> FacetTable::categoriesUnder(const std::string& categoryId) const {
    std::vector<bool> under(m_bundle->categories.size(), categoryId.empty());
    if (categoryId.empty()) return under;
    const auto wanted = m_bundle->categoryIndex.find(categoryId);
    if (wanted == m_bundle->categoryIndex.end()) return under;
    for (size_t c = 0; c < under.size(); ++c) under[c] = isUnder(*m_bundle, c, wanted->second);
    return under;
}

FacetCounts FacetTable::count(const std::vector<size_t>& articles, const SearchFilters& filters) const {
    FacetCounts counts;
    const size_t categories = m_bundle->categories.size();
    const std::vector<bool> under = categoriesUnder(filters.categoryId);
    std::vector<size_t> own(categories, 0);  // articles filed right in each category
    std::vector<size_t> years(static_cast<size_t>(std::max(0, m_lastYear - m_firstYear + 1)), 0);
    std::vector<size_t> months(13, 0);
    for (const size_t a : articles) {
        const uint32_t category = m_category[a];
        const bool inCategory = filters.categoryId.empty() || (category != UINT32_MAX && under[category]);
        const bool inDate = (filters.year == 0 || m_year[a] == filters.year) && (filters.year == 0 || filters.month == 0 || m_month[a] == filters.month);
        // A facet's counts: with the other facets' filters, without its own.
        if (inDate && category != UINT32_MAX) ++own[category];
        if (inCategory) {
            ++years[static_cast<size_t>(m_year[a] - m_firstYear)];
            if (m_year[a] == filters.year) ++months[m_month[a]];
        }
    }
    // A category counts its own articles and its descendants': each adds itself to its parent, deepest first.
    counts.categories = own;
    for (const size_t c : m_deepestFirst) {
        const size_t parent = m_bundle->categoryParent[c];
        if (parent != Bundle::kNoParent) counts.categories[parent] += counts.categories[c];
    }
    for (size_t y = years.size(); y-- > 0;) {
        if (years[y] > 0) counts.years.emplace_back(m_firstYear + static_cast<int>(y), years[y]);
    }
    for (int month = 1; month <= 12; ++month) {
        if (months[static_cast<size_t>(month)] > 0) counts.months.emplace_back(month, months[static_cast<size_t>(month)]);
    }
    return counts;
}

FacetCounts countFacets(const Bundle& bundle, const std::vector<size_t>& articles, const SearchFilters& filters) {
    return FacetTable(bundle).count(articles, filters);
}

}  // namespace reader::core
