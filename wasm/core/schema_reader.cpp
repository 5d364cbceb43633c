// SchemaReader: the reading shared by the bundle and shard loaders (schema_reader.h).
#include "schema_reader.h"

#include <utility>

#include "bundle_rules.h"
#include "json_text.h"
#include "utf8.h"

namespace reader::core {

namespace {

constexpr std::string_view kJsonWhitespace = " \t\n\r";

}  // namespace

Error jsonTextError(std::string_view text, std::string_view what) {
    if (const size_t bad = utf8::firstInvalid(text); bad != std::string_view::npos)
        return errorAtOffset(text, bad, "invalid UTF-8 at byte offset " + std::to_string(bad));
    if (text.find_first_not_of(kJsonWhitespace) == std::string_view::npos)
        return errorAtOffset(text, text.size(), "empty " + std::string(what) + ": expected a JSON object");
    return jsonSyntaxError(text);
}

std::optional<Error> sizeError(std::string_view text, const LoadLimits& limits, std::string_view what) {
    if (text.size() <= limits.maxBundleBytes) return std::nullopt;
    return Error{{}, 1, 1,
                 std::string(what) + " of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.maxBundleBytes)};
}

std::optional<Error> SchemaReader::finish() {
    if (!m_json.stopped()) m_json.finish();
    if (m_json.stopError()) return *m_json.stopError();
    if (m_json.duplicateKeyError()) return *m_json.duplicateKeyError();
    return std::move(m_error);
}

bool SchemaReader::expect(JsonKind kind, const char* what) {
    const JsonKind found = m_json.peek();
    if (found == kind) return true;
    if (found == JsonKind::invalid) return false;
    fail([&] { return std::string("expected ") + what + ", got " + jsonKindName(found); });
    m_json.skipValue();
    return false;
}

bool SchemaReader::readText(std::string& out, Emptiness emptiness, TextRule rule) {
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

bool SchemaReader::readId(std::string& out) {
    if (!readText(out, Emptiness::allowed, TextRule::any)) return false;
    if (isId(out)) return true;
    fail([&] { return "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + jsonQuoted(out); });
    return false;
}

}  // namespace reader::core
