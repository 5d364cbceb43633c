// Navigator: where the reader is (home, a category's list, an article) and how it got there.
// It holds ids, not pointers, so a reloaded bundle keeps the view when the ids still exist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"

namespace reader::core {

enum class View { List, Article, Search };

struct Place {
    View view = View::List;
    std::string categoryId;  // empty on the home list; in View::Search, the category filter (empty: all)
    std::string articleId;   // set only in View::Article
    std::string query;       // set only in View::Search (empty with filters: the archive, filtered)
    int year = 0;            // View::Search's date filter: a year (0: all), and a month 1-12 in it (0: all)
    int month = 0;
    bool operator==(const Place&) const = default;
};

class Navigator {
public:
    const Place& current() const { return m_current; }
    bool canGoBack() const { return !m_history.empty(); }
    bool canGoForward() const { return !m_forward.empty(); }
    const std::vector<Place>& history() const { return m_history; }

    // Each move pushes the current place onto the history, unless it goes nowhere new.
    void goHome();
    void openCategory(const std::string& categoryId);
    void openArticle(const std::string& articleId);
    void search(const std::string& query);
    // The search's filters (search_filters.h), with the current query if searching: a new place,
    // so Back undoes a filter.
    void filterSearch(const std::string& categoryId, int year, int month);
    void go(const Place& place) { moveTo(place); }
    bool back();
    bool forward();

    // A new bundle: keeps the place when it still exists there, else goes home; history entries
    // that no longer exist are dropped.
    void rebase(const Bundle& bundle);

private:
    void moveTo(Place place);

    Place m_current;
    std::vector<Place> m_history;
    std::vector<Place> m_forward;  // places left by back(), most recent last
};

// "list", "category:<id>", "article:<id>" or "search:<query>" (the notation of `reader --view`).
std::optional<Place> placeFromSpec(std::string_view spec);

// The URL fragment for a place: "#/", "#/category/<id>", "#/article/<id>", "#/search/<query>"
// (the query percent-encoded as UTF-8), the search's filters after it as parameters,
// "#/search/<query>?category=<id>&year=2024&month=3" (the query may be empty: "#/search/?year=2024"),
// and back. Unknown fragments give nullopt; unknown or malformed parameters are ignored.
std::string fragmentFor(const Place& place);
std::optional<Place> placeFromFragment(std::string_view fragment);

// Articles of a category and of its descendants (all articles for an empty id), newest first;
// equal times keep bundle order.
std::vector<const Article*> articlesIn(const Bundle& bundle, const std::string& categoryId);

// The category and its ancestors, outermost first (empty when the id is unknown).
std::vector<const Category*> categoryPath(const Bundle& bundle, const std::string& categoryId);

}  // namespace reader::core
