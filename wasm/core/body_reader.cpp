// SchemaReader's reading of an article's `body` (schema_reader.h), for bundles and shards alike:
// paragraphs (a string, or runs: plain text, structured ruby, links, strong), and the blocks of
// format 1.2 (heading, figure, list, table, quote, attachment, video; data/README.md, "Blocks").
// A block's texts are read into a PendingBlock, in whatever order the file has its fields, and join
// the body in reading order (caption, header, rows...) once the whole block has passed its checks.
//
// Index
//   [SECTION] Paragraphs and runs
//   [SECTION] Blocks
//   [SECTION] Checks and joining the body
#include "schema_reader.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "bundle_rules.h"
#include "json_text.h"
#include "links.h"
#include "ruby_parser.h"

namespace reader::core {

namespace {

constexpr FieldSpec kRunFields[] = {{"text", true}, {"ruby", false}, {"href", false}, {"strong", false}};
enum RunField : size_t { kRunText, kRunReading, kRunHref, kRunStrong };

// One table for every block type: a field that does not belong to the block's type is still
// checked (data/README.md says so), and errors are told in this order.
constexpr FieldSpec kBlockFields[] = {
    {"type", true},     {"level", false},   {"text", false}, {"src", false},   {"width", false},
    {"height", false},  {"alt", false},     {"caption", false}, {"credit", false}, {"ordered", false},
    {"items", false},   {"header", false},  {"rows", false}, {"href", false},  {"name", false},
    {"mime", false},    {"bytes", false},   {"poster", false}, {"title", false}};
enum BlockField : size_t {
    kType, kLevel, kText, kSrc, kWidth, kHeight, kAlt, kCaption, kCredit, kOrdered,
    kItems, kHeader, kRows, kHref, kName, kMime, kBytes, kPoster, kTitle, kBlockFieldCount
};
static_assert(std::size(kBlockFields) == kBlockFieldCount);

constexpr std::string_view kBlockTypes[] = {"paragraph", "heading", "figure", "list", "table", "quote", "attachment", "video"};

constexpr uint64_t kMaxImageSide = 20'000;  // pixels, of a figure's width and height

// The fields each block type requires, besides `type`.
uint32_t requiredFields(BlockKind kind) {
    const auto bit = [](BlockField field) { return uint32_t{1} << field; };
    switch (kind) {
        case BlockKind::heading: return bit(kLevel) | bit(kText);
        case BlockKind::figure: return bit(kSrc) | bit(kWidth) | bit(kHeight) | bit(kAlt);
        case BlockKind::list: return bit(kItems);
        case BlockKind::table: return bit(kHeader) | bit(kRows);
        case BlockKind::quote: return bit(kText);
        case BlockKind::attachment: return bit(kHref) | bit(kName) | bit(kMime) | bit(kBytes);
        case BlockKind::video: return bit(kHref) | bit(kTitle);
        case BlockKind::paragraph: break;
    }
    return 0;
}

}  // namespace

struct SchemaReader::PendingBlock {
    Block block;
    bool typeRead = false;
    uint32_t seen = 0;  // fields read without error, by rank
    PendingText text, caption, credit, name, title;
    std::vector<PendingText> items, header;
    std::vector<std::vector<PendingText>> rows;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Paragraphs and runs
//-------------------------------------------------------------------------------------------------

void SchemaReader::readBody(std::vector<std::string>& texts, std::vector<Block>& blocks, std::vector<InlineMark>& marks) {
    if (!expect(JsonKind::array, "an array")) return;
    BodyOut body{texts, blocks, marks};
    readArray(m_limits.maxParagraphs, "paragraph", [&](size_t) {
        if (m_json.peek() == JsonKind::object) {
            readBlock(body);
            return;
        }
        PendingText paragraph;
        readParagraph(paragraph);
        if (texts.size() >= m_limits.maxArticleTexts) {
            fail([&] { return "text count exceeds the limit of " + std::to_string(m_limits.maxArticleTexts); });
            return;
        }
        if (!blocks.empty()) blocks.push_back(Block{.firstText = texts.size(), .textCount = 1});
        commitText(paragraph, body);
    });
}

// A paragraph's text: a string, or an array of runs.
void SchemaReader::readParagraph(PendingText& out) {
    if (m_json.peek() == JsonKind::array) readRuns(out);
    else if (m_json.peek() == JsonKind::string) readText(out.text, Emptiness::allowed, TextRule::paragraph);
    else expect(JsonKind::string, "a string or an array of runs");
}

// Runs: strings of plain text and {"text", "ruby"/"href"/"strong"} objects, joined into one string
// (structured ruby as RubyParser reads it: appendStructuredRuby); a link or strong run leaves a mark.
void SchemaReader::readRuns(PendingText& out) {
    std::string text, reading, href;
    readArray(m_limits.maxStringBytes, "run", [&](size_t) {
        const JsonKind kind = m_json.peek();
        if (kind == JsonKind::string) {
            if (readText(text, Emptiness::allowed, TextRule::paragraph)) out.text += text;
            return;
        }
        if (!expect(JsonKind::object, "a string or a {\"text\", \"ruby\"} object")) return;
        bool ok = true, strong = false, styled = false;
        text.clear();
        reading.clear();
        href.clear();
        readObject(kRunFields, [&](size_t field) {
            if (field == kRunStrong) {
                styled = true;
                if (expect(JsonKind::boolean, "true or false")) m_json.readBoolean(strong);
                return;
            }
            if (field == kRunHref) {
                styled = true;
                if (!readText(href, Emptiness::refused, TextRule::line)) return;
                if (safeExternalUrl(href).empty())
                    fail([&] { return "expected a link with scheme https, http, mailto or tel, got " + jsonQuoted(href); });
                else href = safeExternalUrl(href);
                return;
            }
            std::string& value = field == kRunText ? text : reading;
            if (field == kRunReading) styled = true;
            ok = readText(value, Emptiness::refused, TextRule::line) && ok;
        });
        if (m_json.stopped()) return;
        if (!styled) fail([] { return std::string("missing required field \"ruby\""); }, kRunReading);
        if (!ok || text.empty()) return;
        const size_t begin = out.text.size();
        if (reading.empty()) out.text += text;
        else appendStructuredRuby(out.text, text, reading);
        if (!href.empty() || strong) out.marks.push_back(InlineMark{0, begin, out.text.size(), href, strong});
    });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Blocks
//-------------------------------------------------------------------------------------------------

void SchemaReader::readBlock(BodyOut& body) {
    PendingBlock block;
    readObject(kBlockFields, [&](size_t field) { readBlockField(block, field); });
    if (m_json.stopped() || !block.typeRead || !checkBlock(block)) return;
    if (body.blocks.empty()) {  // the paragraphs so far become blocks of their own
        for (size_t i = 0; i < body.texts.size(); ++i) body.blocks.push_back(Block{.firstText = i, .textCount = 1});
    }
    commitBlock(block, body);
}

void SchemaReader::readBlockField(PendingBlock& pending, size_t field) {
    Block& block = pending.block;
    uint64_t number = 0;
    bool ok = false;
    switch (field) {
        case kType: {
            std::string type;
            if (!readText(type, Emptiness::allowed, TextRule::any)) break;
            for (size_t k = 1; k < std::size(kBlockTypes); ++k) {
                if (type == kBlockTypes[k]) block.kind = static_cast<BlockKind>(k), pending.typeRead = ok = true;
            }
            if (!ok) fail([&] { return "expected a block type (heading, figure, list, table, quote, attachment, video), got " + jsonQuoted(type); });
            break;
        }
        case kLevel: if ((ok = readInteger(number, 2, 4))) block.level = static_cast<int>(number); break;
        case kText: readParagraph(pending.text); ok = true; break;
        case kSrc:
        case kPoster: {
            std::string& path = field == kSrc ? block.src : block.poster;
            if (!readText(path, Emptiness::refused, TextRule::any)) break;
            ok = isAssetPath(path);
            if (!ok) fail([&] { return "expected a relative path inside the bundle's folder, an https: URL or a base64 data: URI of a PNG, JPEG, WebP or GIF image, got " + jsonQuoted(path); });
            break;
        }
        case kWidth: if ((ok = readInteger(number, 1, kMaxImageSide))) block.width = static_cast<uint32_t>(number); break;
        case kHeight: if ((ok = readInteger(number, 1, kMaxImageSide))) block.height = static_cast<uint32_t>(number); break;
        case kAlt: ok = readText(block.alt, Emptiness::allowed, TextRule::line); break;
        case kCaption: readParagraph(pending.caption); ok = true; break;
        case kCredit: ok = readText(pending.credit.text, Emptiness::refused, TextRule::line); break;
        case kOrdered: if ((ok = expect(JsonKind::boolean, "true or false"))) m_json.readBoolean(block.ordered); break;
        case kItems: ok = true; readTextList(pending.items, m_limits.maxListItems, "item"); break;
        case kHeader: ok = true; readTextList(pending.header, m_limits.maxTableColumns, "cell"); break;
        case kRows: ok = true; readTableRows(pending); break;
        case kHref: {
            if (!readText(block.href, Emptiness::refused, TextRule::any)) break;
            const std::string safe = safeExternalUrl(block.href);
            ok = !safe.empty() || isShardPath(block.href);
            if (!safe.empty()) block.href = safe;
            if (!ok) fail([&] { return "expected a relative path inside the bundle's folder or a link with scheme https, http, mailto or tel, got " + jsonQuoted(block.href); });
            break;
        }
        case kName: ok = readText(pending.name.text, Emptiness::refused, TextRule::line); break;
        case kMime:
            if (!readText(block.mime, Emptiness::allowed, TextRule::any)) break;
            ok = isMediaType(block.mime);
            if (!ok) fail([&] { return "expected a media type such as \"application/pdf\", got " + jsonQuoted(block.mime); });
            break;
        case kBytes: if ((ok = readInteger(number, 0, UINT64_MAX))) block.bytes = number; break;
        default: ok = readText(pending.title.text, Emptiness::refused, TextRule::line); break;
    }
    if (ok) pending.seen |= uint32_t{1} << field;
}

// A list's items or a table row's cells: each a string or runs, at least one.
void SchemaReader::readTextList(std::vector<PendingText>& out, size_t limit, const char* what) {
    if (!expect(JsonKind::array, "an array")) return;
    const bool complete = readArray(limit, what, [&](size_t) { readParagraph(out.emplace_back()); });
    if (complete && out.empty()) fail([&] { return std::string("expected at least one ") + what + ", got none"; });
}

void SchemaReader::readTableRows(PendingBlock& pending) {
    if (!expect(JsonKind::array, "an array")) return;
    readArray(m_limits.maxTableRows, "row", [&](size_t) { readTextList(pending.rows.emplace_back(), m_limits.maxTableColumns, "cell"); });
}

// A number from `lowest` to `highest`, or records why not.
bool SchemaReader::readInteger(uint64_t& out, uint64_t lowest, uint64_t highest) {
    const std::string wanted = highest == UINT64_MAX ? std::string("a non-negative integer")
                                                     : "an integer from " + std::to_string(lowest) + " to " + std::to_string(highest);
    const JsonKind kind = m_json.peek();
    if (kind == JsonKind::invalid) return false;
    if (kind != JsonKind::number) {
        fail([&] { return "expected " + wanted + ", got " + jsonKindName(kind); });
        m_json.skipValue();
        return false;
    }
    std::string_view literal;
    if (!m_json.readNumber(literal)) return false;
    const std::optional<uint64_t> count = jsonCount(literal);
    if (count && *count >= lowest && *count <= highest) {
        out = *count;
        return true;
    }
    fail([&] { return "expected " + wanted + ", got " + jsonNumberForMessage(literal); });
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Checks and joining the body
//-------------------------------------------------------------------------------------------------

// The fields the type requires, and a table's rows as wide as its header. True when it may join.
bool SchemaReader::checkBlock(const PendingBlock& pending) {
    const uint32_t required = requiredFields(pending.block.kind);
    bool ok = true;
    for (size_t rank = 1; rank < kBlockFieldCount; ++rank) {
        if (!(required & (uint32_t{1} << rank)) || (pending.seen & (uint32_t{1} << rank))) continue;
        ok = false;
        fail([&] { return "missing required field \"" + std::string(kBlockFields[rank].name) + "\""; }, rank);
    }
    if (pending.block.kind != BlockKind::table || !ok) return ok;
    const std::string pointer = m_json.pointer();
    for (size_t r = 0; r < pending.rows.size(); ++r) {
        if (pending.rows[r].size() == pending.header.size()) continue;
        std::vector<size_t> order = m_json.ranks();
        order.insert(order.end(), {kRows, r, kAfterItems});
        failAt(std::move(order), [&] { return pointer + "/rows/" + std::to_string(r); }, [&] {
            return "expected " + std::to_string(pending.header.size()) + " cells as the header has, got " +
                   std::to_string(pending.rows[r].size());
        });
        return false;
    }
    return true;
}

void SchemaReader::commitBlock(PendingBlock& pending, BodyOut& body) {
    Block block = std::move(pending.block);
    std::vector<PendingText*> texts;
    const auto add = [&](PendingText& text) { texts.push_back(&text); };
    const bool caption = pending.seen & (uint32_t{1} << kCaption);
    switch (block.kind) {
        case BlockKind::figure:
            block.hasCaption = caption;
            block.hasCredit = pending.seen & (uint32_t{1} << kCredit);
            if (block.hasCaption) add(pending.caption);
            if (block.hasCredit) add(pending.credit);
            break;
        case BlockKind::list: for (PendingText& item : pending.items) add(item); break;
        case BlockKind::table:
            block.hasCaption = caption;
            block.columns = pending.header.size();
            if (caption) add(pending.caption);
            for (PendingText& cell : pending.header) add(cell);
            for (std::vector<PendingText>& row : pending.rows) for (PendingText& cell : row) add(cell);
            break;
        case BlockKind::attachment: add(pending.name); break;
        case BlockKind::video: add(pending.title); break;
        default: add(pending.text); break;  // heading, quote
    }
    if (body.texts.size() + texts.size() > m_limits.maxArticleTexts) {
        fail([&] { return "text count exceeds the limit of " + std::to_string(m_limits.maxArticleTexts); });
        return;
    }
    block.firstText = body.texts.size();
    block.textCount = texts.size();
    body.blocks.push_back(std::move(block));
    for (PendingText* text : texts) commitText(*text, body);
}

// One text joins the body, its marks with it (as many as the limit lets in). The byte and
// bundle-wide limits bound the memory a load and an opened article can take (data/README.md,
// "Memory"), whatever the shape of the texts.
void SchemaReader::commitText(PendingText& text, BodyOut& body) {
    body.bytes += text.text.size();
    if (body.bytes > m_limits.maxArticleTextBytes) {
        fail([&] { return "body text of " + std::to_string(body.bytes) + " bytes exceeds the limit of " + std::to_string(m_limits.maxArticleTextBytes); });
        return;
    }
    if (++m_texts > m_limits.maxBundleTexts) {
        fail([&] { return "text count of the file exceeds the limit of " + std::to_string(m_limits.maxBundleTexts); });
        return;
    }
    for (InlineMark& mark : text.marks) {
        if (body.marks.size() >= m_limits.maxInlineMarks) {
            fail([&] { return "link and strong run count exceeds the limit of " + std::to_string(m_limits.maxInlineMarks); });
            break;
        }
        mark.text = body.texts.size();
        body.marks.push_back(std::move(mark));
    }
    body.texts.push_back(std::move(text.text));
}

}  // namespace reader::core
