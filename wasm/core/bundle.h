// The bundle model: what a loaded bundle holds, already validated.
// Built only by BundleLoader; everything downstream (UI, search, layout) reads it and never sees JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace reader::core {

// A wall-clock time as the publisher wrote it, with its UTC offset, so it can be shown in the
// site's own time zone ("2023-08-17 22:10:37") and still be ordered against other offsets.
struct DateTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    int offsetMinutes = 0;     // east of UTC, e.g. +08:00 -> 480
    int64_t epochSeconds = 0;  // UTC seconds since 1970-01-01, for ordering
};

struct Hotline {
    std::string label;   // e.g. 投訴電話
    std::string number;  // e.g. 0471-6920007, shown and dialled as written
};

struct Site {
    std::string name;
    std::string locale;  // BCP 47, e.g. zh-Hant
    std::string copyrightHolder;
    std::string address;
    std::optional<uint64_t> visitorCount;
    std::vector<Hotline> hotlines;
};

struct Category {
    std::string id;
    std::string name;
    std::string parentId;  // empty for a top-level category
};

struct Article {
    std::string id;
    std::string categoryId;
    std::string title;
    DateTime published;
    std::string source;
    // Paragraphs, verbatim (inline pinyin kept; structured ruby as RubyParser reads it). Empty until
    // its shard arrives for an article of a split bundle's index (see `shard`).
    std::vector<std::string> body;
    std::string shard;  // split form: the shard file holding the body, relative to the index; else empty
    bool bodyPending = false;  // split form: the shard has not been loaded yet
};

struct FormatVersion {
    std::string name;
    int major = 0;
    int minor = 0;
};

// One row of the category tree as a reader shows it: the category, and how deep it sits (0 for a
// top-level category).
struct CategoryRow {
    size_t category;  // index into Bundle::categories
    size_t depth;
};

struct Bundle {
    FormatVersion format;
    Site site;
    std::vector<Category> categories;
    std::vector<Article> articles;  // in bundle order

    // Lookups built by the loader (indices into the vectors above).
    std::unordered_map<std::string, size_t> categoryIndex;
    std::unordered_map<std::string, size_t> articleIndex;

    // The category tree, built once per bundle by indexCategories() (the loader calls it), so that
    // no walk of the tree scans every category per node: each category's children and the
    // top-level categories, in bundle order; the tree's rows in the order a reader lists them
    // (depth first, children in bundle order under their parent).
    static constexpr size_t kNoParent = SIZE_MAX;
    std::vector<size_t> categoryParent;                 // per category: its parent's index, or kNoParent
    std::vector<std::vector<size_t>> categoryChildren;  // per category
    std::vector<size_t> topCategories;
    std::vector<CategoryRow> categoryRows;

    const Category* findCategory(const std::string& id) const;
    const Article* findArticle(const std::string& id) const;

    // Builds the tree above from `categories` and `categoryIndex`. The parents must exist and form
    // no cycle (the loader checks both first); a category whose parent is unknown is taken as
    // top-level, and one on a cycle is left out of categoryRows.
    void indexCategories();
};

}  // namespace reader::core
