// BundleLoader: bundle text -> Bundle in one pass over the text, with no DOM.
//   read:    JsonReader (json_reader.h), a pull parser, walks the text once: JSON syntax, UTF-8,
//            nesting depth, string length and duplicate keys. BundleReader drives it with the schema
//            of format v1 (its value rules: bundle_rules.h, date_scanner.h) and builds the Bundle
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
//   [SECTION] Text errors
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
#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Text errors
//-------------------------------------------------------------------------------------------------

constexpr std::string_view kJsonWhitespace = " \t\n\r";

// Why text that is no JSON is no bundle, the first reason first: bytes, emptiness, syntax. The
// JsonReader takes RFC 8259 JSON in RFC 3629 UTF-8 exactly as nlohmann does, so nlohmann finds
// the same error and words it as the tests expect.
Error textError(std::string_view text) {
    if (const size_t bad = utf8::firstInvalid(text); bad != std::string_view::npos)
        return errorAtOffset(text, bad, "invalid UTF-8 at byte offset " + std::to_string(bad));
    if (text.find_first_not_of(kJsonWhitespace) == std::string_view::npos)
        return errorAtOffset(text, text.size(), "empty bundle: expected a JSON object");
    return jsonSyntaxError(text);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Bundle reader
//-------------------------------------------------------------------------------------------------

// What a string field may hold beyond valid UTF-8.
enum class TextRule {
    any,        // checked by its own rule (ids, dates, numbers, locale) or not shown (format name)
    line,       // shown text on one line: no control character
    paragraph,  // a body paragraph: a tab becomes a space; no other control character
};

enum class Emptiness { allowed, refused };

// A field of an object of format v1. Its position in its table is its rank: errors about the
// fields of one object are told in that order, a missing field at its own rank.
struct FieldSpec {
    std::string_view name;
    bool required;
};

constexpr FieldSpec kRootFields[] = {{"format", true}, {"site", true}, {"categories", true}, {"articles", true}};
enum RootField : size_t { kFormat, kSite, kCategories, kArticles };
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
constexpr FieldSpec kRubyRunFields[] = {{"text", true}, {"ruby", true}};
enum RubyRunField : size_t { kRubyRunText, kRubyRunReading };

constexpr size_t kAfterItems = std::numeric_limits<size_t>::max();  // rank of a check made once an array is read

// Builds a Bundle from the JsonReader's values, checking format v1 on the way. Every value is
// read or skipped, whatever its errors, so that the reader always reaches the end of the text.
class BundleReader {
public:
    BundleReader(std::string_view text, const LoadLimits& limits)
        : m_json(text, JsonLimits{limits.maxDepth, limits.maxStringBytes}), m_limits(limits) {}

    // The bundle, or the error to tell (see the top of this file). A syntax error is told by the caller.
    Result<Bundle> read() {
        readTopLevel();
        if (!m_json.stopped()) m_json.finish();
        if (!m_json.stopped()) checkDeferredCategoryRefs();
        if (m_json.stopError()) return *m_json.stopError();
        if (m_json.duplicateKeyError()) return *m_json.duplicateKeyError();
        if (m_error) return std::move(*m_error);
        return std::move(m_bundle);
    }

    bool syntaxFailed() const { return m_json.syntaxFailed(); }

private:
    // [Errors] The first error in the order of the format's tables wins: each open container's
    // rank (field order or item index), then `extra` for checks of an object once it is read.
    template <class Message>
    void fail(const Message& message, std::optional<size_t> extra = std::nullopt, std::string_view suffix = {}) {
        std::vector<size_t> order = m_json.ranks();
        if (extra) order.push_back(*extra);
        failAt(std::move(order), [&] { return m_json.pointer() + std::string(suffix); }, message);
    }

    template <class Pointer, class Message>
    void failAt(std::vector<size_t> order, const Pointer& pointer, const Message& message) {
        if (m_error && !(order < m_errorOrder)) return;
        m_errorOrder = std::move(order);
        m_error = Error{pointer(), 0, 0, message()};
    }

    // Whether an error at `order` (or inside the value there) could still be the one told. Once
    // none can, the value is only skipped: after an error the Bundle stops growing, so a file of a
    // million broken articles costs no more memory than its text.
    bool mayFailAt(const std::vector<size_t>& order) const {
        return !m_json.duplicateKeyError() && (!m_error || !(m_errorOrder < order));
    }
    bool mayFailHere() const { return (!m_error && !m_json.duplicateKeyError()) || mayFailAt(m_json.ranks()); }

    // [Structure] True when the value here is of `kind`; otherwise records "expected <what>, got
    // <kind>" and skips it.
    bool expect(JsonKind kind, const char* what) {
        const JsonKind found = m_json.peek();
        if (found == kind) return true;
        if (found == JsonKind::invalid) return false;
        fail([&] { return std::string("expected ") + what + ", got " + jsonKindName(found); });
        m_json.skipValue();
        return false;
    }

    // Reads an object's members (the caller checked it is one): onField(rank) for each field in
    // `fields`, skipping unknown and duplicate keys; then tells the first missing required field.
    template <size_t N, class OnField>
    void readObject(const FieldSpec (&fields)[N], const OnField& onField) {
        if (!m_json.enterObject()) return;
        uint32_t seen = 0;
        while (m_json.nextMember()) {
            size_t rank = N;
            if (!m_json.keyIsDuplicate()) {
                const std::string_view key = m_json.key();
                const auto named = [&](const FieldSpec& field) { return field.name == key; };
                rank = static_cast<size_t>(std::find_if(fields, fields + N, named) - fields);
            }
            if (rank == N) {
                if (!m_json.skipValue()) return;
                continue;
            }
            m_json.setRank(rank);
            seen |= uint32_t{1} << rank;
            if (mayFailHere()) onField(rank);
            else m_json.skipValue();
            if (m_json.stopped()) return;
        }
        if (m_json.stopped()) return;
        for (size_t rank = 0; rank < N; ++rank) {
            if (!fields[rank].required || (seen & (uint32_t{1} << rank))) continue;
            fail([&] { return "missing required field \"" + std::string(fields[rank].name) + "\""; }, rank);
        }
    }

    // Reads an array (the caller checked it is one): onItem(index) for each item, at most `limit`
    // of them kept. True when the whole array was read.
    template <class OnItem>
    bool readArray(size_t limit, const char* what, const OnItem& onItem) {
        if (!m_json.enterArray()) return false;
        while (m_json.nextItem()) {
            if (!mayFailHere()) {
                m_json.skipValue();
            } else if (m_json.index() >= limit) {
                return m_json.stopForCount(what, limit);
            } else {
                onItem(m_json.index());
            }
            if (m_json.stopped()) return false;
        }
        return !m_json.stopped();
    }

    // A string, kept in `out` whatever its errors. True when it is a string that passes the rules.
    bool readText(std::string& out, Emptiness emptiness, TextRule rule) {
        if (!expect(JsonKind::string, "a string")) return false;
        bool control = false;
        if (!m_json.readString(out, control)) return false;
        if (emptiness == Emptiness::refused && out.empty()) {
            fail([] { return std::string("expected a non-empty string, got \"\""); });
            return false;
        }
        if (!control || rule == TextRule::any) return true;
        const Result<void> checked = rule == TextRule::paragraph ? checkParagraph(out) : checkShownText(out);
        if (checked) return true;
        fail([&] { return checked.error().message; });
        return false;
    }

    bool readId(std::string& out) {
        if (!readText(out, Emptiness::allowed, TextRule::any)) return false;
        if (isId(out)) return true;
        fail([&] { return "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + jsonQuoted(out); });
        return false;
    }

    // [Top level] Format first: a newer bundle is refused for its version, not for whatever the
    // newer format changed.
    void readTopLevel() {
        const JsonKind kind = m_json.peek();
        if (kind == JsonKind::invalid) return;
        if (kind != JsonKind::object) {
            fail([&] { return std::string("expected a JSON object at the top level, got ") + jsonKindName(kind); });
            m_json.skipValue();
            return;
        }
        readObject(kRootFields, [&](size_t field) {
            switch (field) {
                case kFormat: readFormat(); break;
                case kSite: readSite(); break;
                case kCategories: readCategories(); break;
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

    // Every parent exists and no category is its own ancestor. Each category is visited once:
    // a walk up from it stops at a category already cleared, and meeting one of its own steps
    // again means a cycle.
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
            for (const size_t step : walk) marks[step] = Mark::cleared;
        }
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
                case kArticleBody: hasBody = true; readBody(out.body); break;
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

    // Paragraphs: strings, or (format 1.1) arrays of runs holding structured ruby.
    void readBody(std::vector<std::string>& out) {
        if (!expect(JsonKind::array, "an array")) return;
        readArray(m_limits.maxParagraphs, "paragraph", [&](size_t) {
            std::string& paragraph = out.emplace_back();
            if (m_json.peek() == JsonKind::array) readRubyRuns(paragraph);
            else if (m_json.peek() == JsonKind::string) readText(paragraph, Emptiness::allowed, TextRule::paragraph);
            else expect(JsonKind::string, "a string or an array of runs");
        });
    }

    // A paragraph as runs: strings of plain text and {"text": base, "ruby": reading} objects, joined
    // into one string (structured units as RubyParser reads them: appendStructuredRuby).
    void readRubyRuns(std::string& out) {
        std::string text, reading;
        readArray(m_limits.maxStringBytes, "run", [&](size_t) {
            const JsonKind kind = m_json.peek();
            if (kind == JsonKind::string) {
                if (readText(text, Emptiness::allowed, TextRule::paragraph)) out += text;
                return;
            }
            if (!expect(JsonKind::object, "a string or a {\"text\", \"ruby\"} object")) return;
            bool ok = true;
            text.clear();
            reading.clear();
            readObject(kRubyRunFields, [&](size_t field) {
                std::string& value = field == kRubyRunText ? text : reading;
                ok = readText(value, Emptiness::refused, TextRule::line) && ok;
            });
            if (ok && !text.empty() && !reading.empty()) appendStructuredRuby(out, text, reading);
        });
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

    JsonReader m_json;
    const LoadLimits& m_limits;
    Bundle m_bundle;
    bool m_categoriesRead = false;
    std::vector<std::pair<size_t, std::string>> m_deferredCategoryRefs;  // article index, category id
    std::optional<Error> m_error;
    std::vector<size_t> m_errorOrder;
};

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] BundleLoader
//-------------------------------------------------------------------------------------------------

Result<Bundle> BundleLoader::load(std::string_view text) { return load(text, LoadLimits()); }

Result<Bundle> BundleLoader::load(std::string_view text, const LoadLimits& limits) {
    if (text.size() > limits.maxBundleBytes) {
        return Error{{}, 1, 1,
                     "bundle of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                         std::to_string(limits.maxBundleBytes)};
    }
    BundleReader reader(text, limits);
    Result<Bundle> result = reader.read();
    if (reader.syntaxFailed()) return textError(text);
    return result;
}

}  // namespace reader::core
