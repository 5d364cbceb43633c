// Navigator: where the reader is (home, a category's list, an article) and how it got there.
// It holds ids, not pointers, so a reloaded bundle keeps the view when the ids still exist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"

namespace reader::core {

enum class View { List, Article };

struct Place {
    View view = View::List;
    std::string categoryId;  // empty on the home list
    std::string articleId;   // set only in View::Article
    bool operator==(const Place&) const = default;
};

class Navigator {
public:
    const Place& current() const { return m_current; }
    bool canGoBack() const { return !m_history.empty(); }

    // Each move pushes the current place onto the history, unless it goes nowhere new.
    void goHome();
    void openCategory(const std::string& categoryId);
    void openArticle(const std::string& articleId);
    void go(const Place& place) { moveTo(place); }
    bool back();

    // A new bundle: keeps the place when it still exists there, else goes home; history entries
    // that no longer exist are dropped.
    void rebase(const Bundle& bundle);

private:
    void moveTo(Place place);

    Place m_current;
    std::vector<Place> m_history;
};

// "list", "category:<id>" or "article:<id>" (the notation of `reader --view`), or nullopt.
std::optional<Place> placeFromSpec(std::string_view spec);

// Articles of a category and of its descendants (all articles for an empty id), newest first;
// equal times keep bundle order.
std::vector<const Article*> articlesIn(const Bundle& bundle, const std::string& categoryId);

// The category and its ancestors, outermost first (empty when the id is unknown).
std::vector<const Category*> categoryPath(const Bundle& bundle, const std::string& categoryId);

}  // namespace reader::core
