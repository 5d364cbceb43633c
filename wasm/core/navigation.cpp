// Navigator, view specs, URL fragments and the article lists of a category (navigation.h).
#include "navigation.h"

#include <algorithm>
#include <charconv>
#include <cctype>

namespace reader::core {

void Navigator::goHome() { moveTo({}); }

void Navigator::openCategory(const std::string& categoryId) { moveTo({View::List, categoryId, "", ""}); }

void Navigator::openArticle(const std::string& articleId) { moveTo({View::Article, "", articleId, ""}); }

void Navigator::search(const std::string& query) {
    // Typing refines one search: the history keeps the place before it, not every keystroke.
    if (m_current.view == View::Search) {
        m_current.query = query;
        m_forward.clear();
        return;
    }
    moveTo({View::Search, "", "", query});
}

void Navigator::filterSearch(const std::string& categoryId, int year, int month) {
    const std::string query = m_current.view == View::Search ? m_current.query : std::string();
    moveTo({View::Search, categoryId, "", query, year, year > 0 ? month : 0});
}

bool Navigator::back() {
    if (m_history.empty()) return false;
    m_forward.push_back(std::move(m_current));
    m_current = std::move(m_history.back());
    m_history.pop_back();
    return true;
}

bool Navigator::forward() {
    if (m_forward.empty()) return false;
    m_history.push_back(std::move(m_current));
    m_current = std::move(m_forward.back());
    m_forward.pop_back();
    return true;
}

void Navigator::moveTo(Place place) {
    if (place == m_current) return;
    m_history.push_back(std::move(m_current));
    m_current = std::move(place);
    m_forward.clear();
}

namespace {

bool exists(const Bundle& bundle, const Place& place) {
    if (place.view == View::Article) return bundle.findArticle(place.articleId) != nullptr;
    return place.categoryId.empty() || bundle.findCategory(place.categoryId) != nullptr;
}

}  // namespace

void Navigator::rebase(const Bundle& bundle) {
    std::erase_if(m_history, [&](const Place& place) { return !exists(bundle, place); });
    std::erase_if(m_forward, [&](const Place& place) { return !exists(bundle, place); });
    if (!exists(bundle, m_current)) m_current = Place{};
    // Dropping entries can leave the same place twice in a row; back() should always move.
    auto same = std::unique(m_history.begin(), m_history.end());
    m_history.erase(same, m_history.end());
    if (!m_history.empty() && m_history.back() == m_current) m_history.pop_back();
}

std::optional<Place> placeFromSpec(std::string_view spec) {
    const auto after = [&](std::string_view prefix) { return std::string(spec.substr(prefix.size())); };
    if (spec == "list") return Place{};
    if (spec.starts_with("category:") && spec.size() > 9) return Place{View::List, after("category:"), "", ""};
    if (spec.starts_with("article:") && spec.size() > 8) return Place{View::Article, "", after("article:"), ""};
    if (spec.starts_with("search:") && spec.size() > 7) return Place{View::Search, "", "", after("search:")};
    return std::nullopt;
}

namespace {

// Percent-encoding for fragments: unreserved ASCII stays, every other byte is %XX.
std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
    return out;
}

std::optional<std::string> percentDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) ? (c <= '9' ? c - '0' : (c | 32) - 'a' + 10) : -1; };
        if (i + 2 >= text.size()) return std::nullopt;
        const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

// "?category=…&year=…&month=…" for the filters set, in that order; empty without any.
std::string filterParameters(const Place& place) {
    std::string out;
    const auto add = [&](const char* name, const std::string& value) { out += (out.empty() ? "?" : "&") + std::string(name) + "=" + value; };
    if (!place.categoryId.empty()) add("category", percentEncode(place.categoryId));
    if (place.year > 0) add("year", std::to_string(place.year));
    if (place.year > 0 && place.month > 0) add("month", std::to_string(place.month));
    return out;
}

// The filters of a search fragment's parameters into `place`.
void readFilterParameters(std::string_view parameters, Place& place) {
    while (!parameters.empty()) {
        const size_t end = std::min(parameters.find('&'), parameters.size());
        const std::string_view pair = parameters.substr(0, end);
        parameters.remove_prefix(std::min(end + 1, parameters.size()));
        const size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view name = pair.substr(0, eq), value = pair.substr(eq + 1);
        int number = 0;
        const bool numeric = !value.empty() && value.size() <= 4 &&
                             std::from_chars(value.data(), value.data() + value.size(), number).ptr == value.data() + value.size();
        if (name == "category") place.categoryId = percentDecode(value).value_or("");
        if (name == "year" && numeric && number >= 1 && number <= 9999) place.year = number;
        if (name == "month" && numeric && number >= 1 && number <= 12) place.month = number;
    }
    if (place.year == 0) place.month = 0;
}

}  // namespace

std::string fragmentFor(const Place& place) {
    switch (place.view) {
        case View::Article: return "#/article/" + percentEncode(place.articleId);
        case View::Search: return "#/search/" + percentEncode(place.query) + filterParameters(place);
        default: return place.categoryId.empty() ? "#/" : "#/category/" + percentEncode(place.categoryId);
    }
}

std::optional<Place> placeFromFragment(std::string_view fragment) {
    if (fragment.starts_with("#")) fragment.remove_prefix(1);
    if (fragment.empty() || fragment == "/") return Place{};
    const auto tail = [&](std::string_view prefix) -> std::optional<std::string> {
        if (!fragment.starts_with(prefix) || fragment.size() == prefix.size()) return std::nullopt;
        return percentDecode(fragment.substr(prefix.size()));
    };
    if (auto id = tail("/article/")) return Place{View::Article, "", *id, ""};
    if (auto id = tail("/category/")) return Place{View::List, *id, "", ""};
    if (fragment.starts_with("/search/")) {
        std::string_view rest = fragment.substr(8);
        const size_t question = std::min(rest.find('?'), rest.size());
        const std::optional<std::string> query = percentDecode(rest.substr(0, question));
        if (!query) return std::nullopt;
        Place place{View::Search, "", "", *query};
        if (question < rest.size()) readFilterParameters(rest.substr(question + 1), place);
        return place;  // no query and no filter: the whole archive
    }
    return std::nullopt;
}

std::vector<const Category*> categoryPath(const Bundle& bundle, const std::string& categoryId) {
    std::vector<const Category*> path;
    const auto found = bundle.categoryIndex.find(categoryId);
    if (found == bundle.categoryIndex.end()) return path;
    // Up the parent index; the loader refuses cycles, and the bound guards a model built by other means.
    for (size_t at = found->second; at != Bundle::kNoParent && path.size() <= bundle.categories.size();
         at = bundle.categoryParent[at]) {
        path.push_back(&bundle.categories[at]);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<const Article*> articlesIn(const Bundle& bundle, const std::string& categoryId) {
    // The category and its descendants, marked by a walk down the child index with a stack of its
    // own (a chain may be as deep as the categories are many); then one pass over the articles.
    std::vector<bool> inTree;
    if (!categoryId.empty()) {
        const auto found = bundle.categoryIndex.find(categoryId);
        if (found == bundle.categoryIndex.end()) return {};
        inTree.assign(bundle.categories.size(), false);
        std::vector<size_t> pending{found->second};
        while (!pending.empty()) {
            const size_t at = pending.back();
            pending.pop_back();
            if (inTree[at]) continue;
            inTree[at] = true;
            const std::vector<size_t>& children = bundle.categoryChildren[at];
            pending.insert(pending.end(), children.begin(), children.end());
        }
    }
    const auto inCategory = [&](const Article& article) {
        if (categoryId.empty()) return true;
        const auto found = bundle.categoryIndex.find(article.categoryId);
        return found != bundle.categoryIndex.end() && inTree[found->second];
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
