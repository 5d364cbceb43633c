// SchemaReader: what every reader of bundle text (core/bundle_loader, core/shard_loader) shares on
// top of the JsonReader: errors chosen in the order of data/README.md's tables, objects read by a
// table of fields, arrays read under a count limit, strings checked by the value rules
// (bundle_rules.h), and an article's `body` read one way for bundles and shards alike.
// Every value is read or skipped, whatever its errors, so that the reader reaches the end of the
// text; once no error inside a value could still be the one told, the value is only skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle_loader.h"
#include "error.h"
#include "json_reader.h"

namespace reader::core {

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

// Why text that is no JSON is no `what` ("bundle", "shard"), the first reason first: bytes,
// emptiness, syntax. The JsonReader takes RFC 8259 JSON in RFC 3629 UTF-8 exactly as nlohmann
// does, so nlohmann finds the same error and words it as the tests expect.
Error jsonTextError(std::string_view text, std::string_view what);

// "bundle of 300000000 bytes exceeds the limit of 268435456" when `text` is larger than the limit.
std::optional<Error> sizeError(std::string_view text, const LoadLimits& limits, std::string_view what);

class SchemaReader {
public:
    SchemaReader(std::string_view text, const LoadLimits& limits)
        : m_json(text, JsonLimits{limits.maxDepth, limits.maxStringBytes}), m_limits(limits) {}
    SchemaReader(const JsonSource& source, const LoadLimits& limits)
        : m_json(source, JsonLimits{limits.maxDepth, limits.maxStringBytes}), m_limits(limits) {}

    bool syntaxFailed() const { return m_json.syntaxFailed(); }

protected:
    static constexpr size_t kAfterItems = SIZE_MAX;  // rank of a check made once an array is read

    // After the top-level value: the error to tell, if any (a syntax error is told by the caller).
    std::optional<Error> finish();

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
    // none can, the value is only skipped: after an error the result stops growing, so a file of a
    // million broken articles costs no more memory than its text.
    bool mayFailAt(const std::vector<size_t>& order) const {
        return !m_json.duplicateKeyError() && (!m_error || !(m_errorOrder < order));
    }
    bool mayFailHere() const { return (!m_error && !m_json.duplicateKeyError()) || mayFailAt(m_json.ranks()); }

    // [Structure] True when the value here is of `kind`; otherwise records "expected <what>, got
    // <kind>" and skips it.
    bool expect(JsonKind kind, const char* what);

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
                rank = 0;
                while (rank < N && fields[rank].name != key) ++rank;
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
    bool readText(std::string& out, Emptiness emptiness, TextRule rule);
    bool readId(std::string& out);

    // An article's `body` (body_reader.cpp): paragraphs, strings or (format 1.1) arrays of runs
    // holding structured ruby, links and strong runs (1.2), and (1.2) blocks whose texts join the
    // paragraphs in reading order (bundle.h, Block); at most LoadLimits::maxParagraphs entries.
    void readBody(std::vector<std::string>& texts, std::vector<Block>& blocks, std::vector<InlineMark>& marks);

    JsonReader m_json;
    const LoadLimits& m_limits;

private:
    // A text of a block before it joins the body: its marks' `text` is set then.
    struct PendingText {
        std::string text;
        std::vector<InlineMark> marks;
    };
    struct PendingBlock;
    struct BodyOut {
        std::vector<std::string>& texts;
        std::vector<Block>& blocks;
        std::vector<InlineMark>& marks;
        size_t bytes = 0;  // of the texts so far
    };

    void readParagraph(PendingText& out);
    void readRuns(PendingText& out);
    void readBlock(BodyOut& body);
    void readBlockField(PendingBlock& block, size_t field);
    void readTextList(std::vector<PendingText>& out, size_t limit, const char* what);
    void readTableRows(PendingBlock& block);
    bool readInteger(uint64_t& out, uint64_t lowest, uint64_t highest);
    bool checkBlock(const PendingBlock& block);
    void commitBlock(PendingBlock& block, BodyOut& body);
    void commitText(PendingText& text, BodyOut& body);

    std::optional<Error> m_error;
    std::vector<size_t> m_errorOrder;
    size_t m_texts = 0;  // texts of every body read so far (LoadLimits::maxBundleTexts)
};

}  // namespace reader::core
