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
    std::string categoryId;  // empty on the home list
    std::string articleId;   // set only in View::Article
    std::string query;       // set only in View::Search
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
// (the query percent-encoded as UTF-8), and back. Unknown fragments give nullopt.
std::string fragmentFor(const Place& place);
std::optional<Place> placeFromFragment(std::string_view fragment);

// Articles of a category and of its descendants (all articles for an empty id), newest first;
// equal times keep bundle order.
std::vector<const Article*> articlesIn(const Bundle& bundle, const std::string& categoryId);

// The category and its ancestors, outermost first (empty when the id is unknown).
std::vector<const Category*> categoryPath(const Bundle& bundle, const std::string& categoryId);

}  // namespace reader::core
