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

// Format 1.2: a body entry is a paragraph or a block. Every text a block shows (a heading, a list
// item, a table cell, a caption, an attachment's name) is one entry of Article::body, in reading
// order, so that whatever walks an article's texts by index (search, its hits, read-aloud, the
// selection, reading positions) sees all of them; a block says which of those texts are its own.
enum class BlockKind : uint8_t { paragraph, heading, figure, list, table, quote, attachment, video };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    size_t firstText = 0;  // its texts are Article::body[firstText, firstText + textCount)
    size_t textCount = 0;
    int level = 0;             // heading: 2-4 (the article's title is level 1)
    bool ordered = false;      // list: numbered
    size_t columns = 0;        // table: cells per row, the header's and every row's
    bool hasCaption = false;   // figure, table: the first text is the caption
    bool hasCredit = false;    // figure: the last text is the credit
    uint32_t width = 0;        // figure: pixels of the source image, 1-20000
    uint32_t height = 0;
    std::string src;           // figure: a path relative to the bundle's folder, or an https: URL
    std::string alt;           // figure: what the image shows, for whoever cannot see it
    std::string href;          // attachment, video: what opens (a safe link or a relative path)
    std::string mime;          // attachment: its media type, e.g. application/pdf
    std::string poster;        // video: its poster image, as `src`; may be empty
    uint64_t bytes = 0;        // attachment: its size
};

// A link or strong emphasis over bytes [begin, end) of one body text as stored (its inline
// pinyin and structured ruby included).
struct InlineMark {
    size_t text = 0;  // index into Article::body
    size_t begin = 0;
    size_t end = 0;
    std::string href;     // a link (https, http, mailto, tel), or empty
    bool strong = false;
};

struct Article {
    std::string id;
    std::string categoryId;
    std::string title;
    DateTime published;
    std::string source;
    // Paragraphs, verbatim (inline pinyin kept; structured ruby as RubyParser reads it). Empty until
    // its shard arrives for an article of a split bundle's index (see `shard`).
    // Format 1.2: every text a block shows is here too, in reading order (see Block).
    std::vector<std::string> body;
    std::vector<Block> blocks;       // empty when every body text is a paragraph (every 1.0 and 1.1 bundle)
    std::vector<InlineMark> marks;   // in text order
    std::string shard;  // split form: the shard file holding the body, relative to the index; else empty
    bool bodyPending = false;  // split form: the shard has not been loaded yet
};

// The article's body as blocks: Article::blocks, or one paragraph per body text when it has none.
std::vector<Block> bodyBlocks(const Article& article);

// What a body text is in its article, for saying where search matched (UiStrings::textRoles).
enum class TextRole : uint8_t { paragraph, heading, caption, credit, listItem, table, quote, attachment };
// Body text `text`'s role (a video's title is an attachment's: a file the article links to).
TextRole textRole(const Article& article, size_t text);

// Every text of an article, in reading order, each once: the title, then each body text
// (paragraphs, headings, list items, table cells, captions, credits, quotes, attachment names,
// video titles). What search indexes; `field` 0 is the title, 1 + i is body text i.
template <class OnText>
void forEachArticleText(const Article& article, const OnText& onText) {
    onText(article.title, size_t{0});
    for (size_t i = 0; i < article.body.size(); ++i) onText(article.body[i], i + 1);
}

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
    std::string searchIndex;        // a split bundle's search index manifest (relative path), or empty

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
