// ShardLoader: one body shard of a split bundle -> its articles' paragraphs (shard_loader.h). Read as
// a bundle is read (schema_reader.h): the JsonReader's one pass with no DOM, the bundle's limits
// (size, nesting, string length, counts), duplicate keys refused, each article's `body` by the very
// code that reads a bundle's, and errors worded and placed as the bundle loader's.
#include "shard_loader.h"

#include <optional>
#include <utility>

#include "bundle_rules.h"
#include "json_text.h"
#include "schema_reader.h"

namespace reader::core {

namespace {

constexpr FieldSpec kShardFields[] = {{"format", true}, {"articles", true}};
enum ShardField : size_t { kFormat, kArticles };
constexpr FieldSpec kFormatFields[] = {{"name", true}, {"version", true}};
enum FormatField : size_t { kFormatName, kFormatVersion };

class ShardReader : public SchemaReader {
public:
    using SchemaReader::SchemaReader;

    Result<std::vector<ShardArticle>> read() {
        readTopLevel();
        if (std::optional<Error> error = finish()) return std::move(*error);
        return std::move(m_articles);
    }

private:
    void readTopLevel() {
        if (!expect(JsonKind::object, "a JSON object at the top level")) return;
        readObject(kShardFields, [&](size_t field) {
            if (field == kFormat) readFormat();
            else readArticles();
        });
    }

    void readFormat() {
        if (!expect(JsonKind::object, "an object")) return;
        readObject(kFormatFields, [&](size_t field) {
            std::string text;
            if (!readText(text, Emptiness::allowed, TextRule::any)) return;
            if (field == kFormatName) {
                if (text != ShardLoader::kFormatName) {
                    const std::string expected = jsonQuoted(ShardLoader::kFormatName);
                    fail([&] { return "expected " + expected + ", got " + jsonQuoted(text); });
                }
                return;
            }
            int major = 0, minor = 0;
            if (!parseVersion(text, major, minor))
                fail([&] { return "expected \"MAJOR.MINOR\" such as \"1.1\", got " + jsonQuoted(text); });
            else if (major != ShardLoader::kSupportedMajor)
                fail([&] {
                    return "expected major version " + std::to_string(ShardLoader::kSupportedMajor) + ", got " +
                           jsonQuoted(text);
                });
        });
    }

    // `articles`: article id -> body, at most LoadLimits::maxArticles of them, in file order. Each
    // member's rank is its place in the file, so errors are told in file order.
    void readArticles() {
        if (!expect(JsonKind::object, "an object") || !m_json.enterObject()) return;
        size_t count = 0;
        while (m_json.nextMember()) {
            if (m_json.keyIsDuplicate() || !mayFailHere()) {
                if (!m_json.skipValue()) return;
                continue;
            }
            if (count == m_limits.maxArticles) {
                m_json.stopForCount("article", m_limits.maxArticles);
                return;
            }
            m_json.setRank(count++);
            ShardArticle& article = m_articles.emplace_back();
            article.id = m_json.key();
            if (!isId(article.id)) {
                fail([&] { return "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + jsonQuoted(article.id); });
                if (!m_json.skipValue()) return;
                continue;
            }
            readBody(article.body, article.blocks, article.marks);
            if (m_json.stopped()) return;
        }
    }

    std::vector<ShardArticle> m_articles;
};

}  // namespace

Result<std::vector<ShardArticle>> ShardLoader::load(std::string_view text) { return load(text, LoadLimits()); }

Result<std::vector<ShardArticle>> ShardLoader::load(std::string_view text, const LoadLimits& limits) {
    if (std::optional<Error> tooLarge = sizeError(text, limits, "shard")) return std::move(*tooLarge);
    ShardReader reader(text, limits);
    Result<std::vector<ShardArticle>> result = reader.read();
    if (reader.syntaxFailed()) return jsonTextError(text, "shard");
    return result;
}

}  // namespace reader::core
