// BundleLoader: bundle text -> Bundle in one pass over the text, with no DOM.
//   read:    JsonReader (json_reader.h), a pull parser, walks the text once: JSON syntax, UTF-8,
//            nesting depth, string length and duplicate keys. BundleReader drives it with the schema
//            of format v1 (its value rules: bundle_rules.h, date_scanner.h; what it shares with the
//            shard loader, bodies included: schema_reader.h) and builds the Bundle
//            directly, each string copied once, from the text into its place. A limit stops the
//            pass at once. Any other error is recorded and the pass goes on, so a file that is also
//            broken further on is told as broken; what could no longer give the error to tell is
//            then only checked, not kept.
//   text:    when the pass met a syntax error, the reason is looked for as before, in order:
//            invalid UTF-8 (so a position can be told in characters), empty text, then the syntax
//            error as nlohmann words it (a second pass, with its SAX parser). Success pays for none.
//   choose:  a duplicate key comes before schema errors; of those, the first in the order of
//            data/README.md's tables wins (format, site, categories, articles; fields in table
//            order; items in array order), whatever the order of the keys in the file.
//
// Index
//   [SECTION] Bundle reader
//   [SECTION] BundleLoader
#include "bundle_loader.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "bundle_rules.h"
#include "date_scanner.h"
#include "json_reader.h"
#include "json_text.h"
#include "schema_reader.h"

namespace reader::core {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Bundle reader
//-------------------------------------------------------------------------------------------------

constexpr FieldSpec kRootFields[] = {{"format", true}, {"site", true}, {"categories", true}, {"articles", true}, {"searchIndex", false}};
enum RootField : size_t { kFormat, kSite, kCategories, kArticles, kSearchIndex };
constexpr FieldSpec kFormatFields[] = {{"name", true}, {"version", true}};
enum FormatField : size_t { kFormatName, kFormatVersion };
constexpr FieldSpec kSiteFields[] = {{"name", true},     {"locale", true},       {"copyrightHolder", false},
                                     {"address", false}, {"visitorCount", false}, {"hotlines", false}};
enum SiteField : size_t {
    kSiteName, kSiteLocale, kSiteCopyrightHolder, kSiteAddress, kSiteVisitorCount, kSiteHotlines
};
constexpr FieldSpec kHotlineFields[] = {{"label", true}, {"number", true}};
enum HotlineField : size_t { kHotlineLabel, kHotlineNumber };
constexpr FieldSpec kCategoryFields[] = {{"id", true}, {"name", true}, {"parent", false}};
enum CategoryField : size_t { kCategoryId, kCategoryName, kCategoryParent };
// `body` or, in the index file of a split bundle, `shard`: exactly one of them (checked apart).
constexpr FieldSpec kArticleFields[] = {{"id", true},        {"category", true}, {"title", true},
                                        {"published", true}, {"source", false},  {"body", false},
                                        {"shard", false}};
enum ArticleField : size_t {
    kArticleId, kArticleCategory, kArticleTitle, kArticlePublished, kArticleSource, kArticleBody, kArticleShard
};
// Builds a Bundle from the JsonReader's values, checking format v1 on the way. Every value is
// read or skipped, whatever its errors, so that the reader always reaches the end of the text.
class BundleReader : public SchemaReader {
public:
    using SchemaReader::SchemaReader;

    // The bundle, or the error to tell (see the top of this file). A syntax error is told by the caller.
    Result<Bundle> read() {
        readTopLevel();
        if (!m_json.stopped()) m_json.finish();
        if (!m_json.stopped()) checkDeferredCategoryRefs();
        if (std::optional<Error> error = finish()) return std::move(*error);
        m_bundle.indexCategories();
        return std::move(m_bundle);
    }

private:
    // [Top level] Format first: a newer bundle is refused for its version, not for whatever the
    // newer format changed.
    void readTopLevel() {
        if (!expect(JsonKind::object, "a JSON object at the top level")) return;
        readObject(kRootFields, [&](size_t field) {
            switch (field) {
                case kFormat: readFormat(); break;
                case kSite: readSite(); break;
                case kCategories: readCategories(); break;
                case kSearchIndex: readShardPath(m_bundle.searchIndex); break;
                default: readArticles(); break;
            }
        });
    }

    void readFormat() {
        if (!expect(JsonKind::object, "an object")) return;
        FormatVersion& format = m_bundle.format;
        readObject(kFormatFields, [&](size_t field) {
            if (field == kFormatName) {
                if (!readText(format.name, Emptiness::allowed, TextRule::any)) return;
                if (format.name == BundleLoader::kFormatName) return;
                const std::string expected = jsonQuoted(BundleLoader::kFormatName);
                fail([&] { return "expected " + expected + ", got " + jsonQuoted(format.name); });
                return;
            }
            std::string version;
            if (readText(version, Emptiness::allowed, TextRule::any)) checkVersion(version, format);
        });
    }

    void checkVersion(const std::string& version, FormatVersion& out) {
        if (!parseVersion(version, out.major, out.minor)) {
            fail([&] { return "expected \"MAJOR.MINOR\" such as \"1.0\", got " + jsonQuoted(version); });
            return;
        }
        const std::string supported = std::to_string(BundleLoader::kSupportedMajor);
        if (out.major > BundleLoader::kSupportedMajor) {
            fail([&] {
                return "this bundle is format version " + version + ", newer than this reader supports (" + supported +
                       ".x); update the reader";
            });
        } else if (out.major < BundleLoader::kSupportedMajor) {
            fail([&] { return "expected major version " + supported + ", got " + jsonQuoted(version); });
        }
    }

    // [Site]
    void readSite() {
        if (!expect(JsonKind::object, "an object")) return;
        Site& site = m_bundle.site;
        readObject(kSiteFields, [&](size_t field) {
            switch (field) {
                case kSiteName: readText(site.name, Emptiness::refused, TextRule::line); break;
                case kSiteLocale:
                    if (readText(site.locale, Emptiness::allowed, TextRule::any) && !isLanguageTag(site.locale)) {
                        fail([&] {
                            return "expected a BCP 47 language tag such as \"zh-Hant\", got " + jsonQuoted(site.locale);
                        });
                    }
                    break;
                case kSiteCopyrightHolder: readText(site.copyrightHolder, Emptiness::allowed, TextRule::line); break;
                case kSiteAddress: readText(site.address, Emptiness::allowed, TextRule::line); break;
                case kSiteVisitorCount: readVisitorCount(site); break;
                default: readHotlines(site); break;
            }
        });
    }

    void readVisitorCount(Site& site) {
        const JsonKind kind = m_json.peek();
        if (kind == JsonKind::invalid) return;
        if (kind != JsonKind::number) {
            fail([&] { return std::string("expected a non-negative integer, got ") + jsonKindName(kind); });
            m_json.skipValue();
            return;
        }
        std::string_view literal;
        if (!m_json.readNumber(literal)) return;
        if (const std::optional<uint64_t> count = jsonCount(literal)) site.visitorCount = *count;
        else fail([&] { return "expected a non-negative integer, got " + jsonNumberForMessage(literal); });
    }

    void readHotlines(Site& site) {
        if (!expect(JsonKind::array, "an array")) return;
        readArray(m_limits.maxHotlines, "hotline", [&](size_t) {
            Hotline& hotline = site.hotlines.emplace_back();
            if (!expect(JsonKind::object, "an object")) return;
            readObject(kHotlineFields, [&](size_t field) {
                if (field == kHotlineLabel) {
                    readText(hotline.label, Emptiness::allowed, TextRule::line);
                    return;
                }
                if (!readText(hotline.number, Emptiness::allowed, TextRule::any)) return;
                if (isPhoneNumber(hotline.number)) return;
                fail([&] {
                    return "expected a phone number of digits, spaces and + - ( ), got " + jsonQuoted(hotline.number);
                });
            });
        });
    }

    // [Categories] Whether parents exist, and form no cycle, is checked once all are read.
    void readCategories() {
        if (!expect(JsonKind::array, "an array")) return;
        const bool complete = readArray(m_limits.maxCategories, "category", [&](size_t index) {
            Category& category = m_bundle.categories.emplace_back();
            if (readCategory(category)) {
                // (Not a structured binding: clang 14, Emscripten's, cannot capture those in a lambda.)
                const auto inserted = m_bundle.categoryIndex.try_emplace(category.id, index);
                if (!inserted.second) {
                    const auto it = inserted.first;
                    fail([&] { return "duplicate category id " + firstUse(it->first, it->second); },
                         std::size(kCategoryFields), "/id");
                }
            }
        });
        if (!complete) return;
        m_categoriesRead = true;
        if (mayFailAt({kCategories, kAfterItems})) checkCategoryTree();
    }

    // True when the id was read (so the category can be indexed by it).
    bool readCategory(Category& out) {
        if (!expect(JsonKind::object, "an object")) return false;
        bool idRead = false;
        readObject(kCategoryFields, [&](size_t field) {
            switch (field) {
                case kCategoryId: idRead = readId(out.id); break;
                case kCategoryName: readText(out.name, Emptiness::refused, TextRule::line); break;
                default:
                    if (readText(out.parentId, Emptiness::allowed, TextRule::any) && out.parentId.empty())
                        fail([] { return std::string("no category has id \"\""); });
                    break;
            }
        });
        return idRead && !m_json.stopped();
    }

    // "\"x\" (first at /categories/0)": an id met again, and the item of the array being read that has it.
    std::string firstUse(const std::string& id, size_t index) const {
        return jsonQuoted(id) + " (first at " + m_json.containerPointer() + "/" + std::to_string(index) + ")";
    }

    // Every parent exists, no category is its own ancestor, and none sits deeper than the limit.
    // Each category is visited once: a walk up from it stops at a category already cleared (whose
    // depth is known), and meeting one of its own steps again means a cycle.
    void checkCategoryTree() {
        constexpr size_t kNoParent = std::numeric_limits<size_t>::max();
        const std::vector<Category>& categories = m_bundle.categories;
        const std::string listPointer = m_json.pointer();
        const auto failAtParent = [&](size_t index, std::string message) {
            failAt({kCategories, kAfterItems}, [&] { return listPointer + "/" + std::to_string(index) + "/parent"; },
                   [&] { return std::move(message); });
        };
        std::vector<size_t> parentOf(categories.size(), kNoParent);
        for (size_t i = 0; i < categories.size(); ++i) {
            const std::string& parentId = categories[i].parentId;
            if (parentId.empty()) continue;
            const auto it = m_bundle.categoryIndex.find(parentId);
            if (it == m_bundle.categoryIndex.end())
                return failAtParent(i, "no category has id " + jsonQuoted(parentId));
            parentOf[i] = it->second;
        }
        enum class Mark : unsigned char { unvisited, onWalk, cleared };
        std::vector<Mark> marks(categories.size(), Mark::unvisited);
        std::vector<size_t> depth(categories.size(), 0);  // levels: a top-level category is at 1
        std::vector<size_t> walk;
        for (size_t start = 0; start < categories.size(); ++start) {
            size_t at = start;
            walk.clear();
            while (at != kNoParent && marks[at] == Mark::unvisited) {
                marks[at] = Mark::onWalk;
                walk.push_back(at);
                at = parentOf[at];
            }
            if (at != kNoParent && marks[at] == Mark::onWalk)
                return failAtParent(at, "category " + jsonQuoted(categories[at].id) + " is its own ancestor");
            size_t level = at == kNoParent ? 0 : depth[at];
            for (auto step = walk.rbegin(); step != walk.rend(); ++step) {
                marks[*step] = Mark::cleared;
                depth[*step] = ++level;
            }
        }
        const auto tooDeep = std::find_if(depth.begin(), depth.end(), [&](size_t d) { return d > m_limits.maxCategoryDepth; });
        if (tooDeep == depth.end()) return;
        failAtParent(static_cast<size_t>(tooDeep - depth.begin()),
                     "category depth of " + std::to_string(*tooDeep) + " levels exceeds the limit of " +
                         std::to_string(m_limits.maxCategoryDepth));
    }

    // [Articles] An article's category is checked at once when the categories came first in the
    // text (as they usually do), else once the whole text is read.
    void readArticles() {
        if (!expect(JsonKind::array, "an array")) return;
        readArray(m_limits.maxArticles, "article", [&](size_t index) {
            Article& article = m_bundle.articles.emplace_back();
            if (!readArticle(article, index)) return;
            const auto inserted = m_bundle.articleIndex.try_emplace(article.id, index);
            if (!inserted.second) {
                const auto it = inserted.first;
                fail([&] { return "duplicate article id " + firstUse(it->first, it->second); },
                     std::size(kArticleFields), "/id");
            }
        });
    }

    // True when the id was read (so the article can be indexed by it).
    bool readArticle(Article& out, size_t index) {
        if (!expect(JsonKind::object, "an object")) return false;
        bool idRead = false;
        bool hasBody = false;
        bool hasShard = false;
        readObject(kArticleFields, [&](size_t field) {
            switch (field) {
                case kArticleId: idRead = readId(out.id); break;
                case kArticleCategory:
                    if (readText(out.categoryId, Emptiness::allowed, TextRule::any)) {
                        if (!m_categoriesRead) m_deferredCategoryRefs.emplace_back(index, out.categoryId);
                        else if (!m_bundle.categoryIndex.contains(out.categoryId))
                            fail([&] { return "no category has id " + jsonQuoted(out.categoryId); });
                    }
                    break;
                case kArticleTitle: readText(out.title, Emptiness::refused, TextRule::line); break;
                case kArticlePublished: readPublished(out.published); break;
                case kArticleSource: readText(out.source, Emptiness::allowed, TextRule::line); break;
                case kArticleBody: hasBody = true; readBody(out.body, out.blocks, out.marks); break;
                default: hasShard = out.bodyPending = true; readShardPath(out.shard); break;
            }
        });
        if (m_json.stopped()) return false;
        if (!hasBody && !hasShard) fail([] { return std::string("missing required field \"body\""); }, kArticleBody);
        if (hasBody && hasShard)
            fail([] { return std::string("an article has a body or a shard, not both"); }, kArticleShard, "/shard");
        return idRead;
    }

    // A shard's path, relative to the index file, that stays inside the index file's folder.
    void readShardPath(std::string& out) {
        if (!readText(out, Emptiness::refused, TextRule::any)) return;
        if (!isShardPath(out)) fail([&] { return "expected a relative path such as \"shards/0007.json\", got " + jsonQuoted(out); });
    }

    void readPublished(DateTime& out) {
        std::string text;
        if (!readText(text, Emptiness::allowed, TextRule::any)) return;
        Result<DateTime> parsed = parseDateTime(text);
        if (parsed) out = *parsed;
        else fail([&] { return parsed.error().message; });
    }

    // Articles read before their categories: their category ids, checked now.
    void checkDeferredCategoryRefs() {
        if (!m_categoriesRead) return;  // no categories: that error is recorded already
        for (const auto& ref : m_deferredCategoryRefs) {
            const size_t index = ref.first;
            const std::string& id = ref.second;
            if (m_bundle.categoryIndex.contains(id)) continue;
            failAt({kArticles, index, kArticleCategory},
                   [&] { return "/articles/" + std::to_string(index) + "/category"; },
                   [&] { return "no category has id " + jsonQuoted(id); });
            return;
        }
    }

    Bundle m_bundle;
    bool m_categoriesRead = false;
    std::vector<std::pair<size_t, std::string>> m_deferredCategoryRefs;  // article index, category id
};

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] BundleLoader
//-------------------------------------------------------------------------------------------------

Result<Bundle> BundleLoader::load(std::string_view text) { return load(text, LoadLimits()); }

Result<Bundle> BundleLoader::load(std::string_view text, const LoadLimits& limits) {
    if (std::optional<Error> tooLarge = sizeError(text, limits, "bundle")) return std::move(*tooLarge);
    BundleReader reader(text, limits);
    Result<Bundle> result = reader.read();
    if (reader.syntaxFailed()) return jsonTextError(text, "bundle");
    return result;
}

std::optional<Bundle> BundleLoader::loadStreamed(size_t bytes, const Source& source) {
    return loadStreamed(bytes, source, LoadLimits());
}

std::optional<Bundle> BundleLoader::loadStreamed(size_t bytes, const Source& source, const LoadLimits& limits) {
    if (bytes > limits.maxBundleBytes) return std::nullopt;
    BundleReader reader(source, limits);
    Result<Bundle> result = reader.read();
    if (reader.syntaxFailed() || !result) return std::nullopt;
    return std::move(*result);
}

}  // namespace reader::core
