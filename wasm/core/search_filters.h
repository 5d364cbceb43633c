// The search view's filters (issue #17 item 2): a category (with its sub-categories) and a year or a
// month, over the articles a query found or over the whole archive when there is no query, and the
// counts each choice would give, Pagefind's way: a facet's counts are taken with the other facets
// applied and its own left out, so that every choice shown leads to that many articles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bundle.h"

namespace reader::core {

struct SearchFilters {
    std::string categoryId;  // empty: every category
    int year = 0;            // 0: every year
    int month = 0;           // 1-12 within `year`; 0: every month
    bool any() const { return !categoryId.empty() || year > 0; }
};

struct FacetCounts {
    std::vector<size_t> categories;  // by index into Bundle::categories: its articles and its descendants'
    std::vector<std::pair<int, size_t>> years;   // newest year first, only years with articles
    std::vector<std::pair<int, size_t>> months;  // of the chosen year, 1-12 in order, only months with articles
};

// Whether an article passes the filters (its category is the chosen one or below it).
bool passesFilters(const Bundle& bundle, const Article& article, const SearchFilters& filters);

// What counting needs of each article of a bundle, taken once: its category's index, its year and
// month; and the categories deepest first. Counting then touches flat arrays only (at 100k matching
// articles, a hash lookup of each one's category id cost tens of milliseconds).
class FacetTable {
public:
    explicit FacetTable(const Bundle& bundle);
    const Bundle* bundle() const { return m_bundle; }
    // The counts of each choice for `articles` (indices into Bundle::articles).
    FacetCounts count(const std::vector<size_t>& articles, const SearchFilters& filters) const;

private:
    std::vector<bool> categoriesUnder(const std::string& categoryId) const;  // the chosen one and its descendants

    const Bundle* m_bundle;
    std::vector<uint32_t> m_category;  // per article: its category's index, or UINT32_MAX
    std::vector<int> m_year;           // per article
    std::vector<uint8_t> m_month;      // per article, 1-12
    std::vector<size_t> m_deepestFirst;  // category indices, each after all of its descendants
    int m_firstYear = 0, m_lastYear = -1;
};

// The same, with a table made for this call.
FacetCounts countFacets(const Bundle& bundle, const std::vector<size_t>& articles, const SearchFilters& filters);

}  // namespace reader::core
