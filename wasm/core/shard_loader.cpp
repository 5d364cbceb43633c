#include "shard_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "ruby_parser.h"

namespace reader::core {

namespace {

using Json = nlohmann::ordered_json;  // keeps the articles in file order

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

const char* kindName(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: return "object";
        case Json::value_t::array: return "array";
        case Json::value_t::string: return "string";
        case Json::value_t::boolean: return "boolean";
        case Json::value_t::null: return "null";
        default: return "number";
    }
}

// RFC 6901: "~" -> "~0", "/" -> "~1".
std::string pointerToken(const std::string& key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

// "1.1" -> major 1; -1 unless "MAJOR.MINOR" in decimal digits.
int majorVersion(const std::string& version) {
    const size_t dot = version.find('.');
    const auto digits = [](std::string_view part) {
        return !part.empty() && part.size() <= 9 && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dot == std::string::npos || !digits(std::string_view(version).substr(0, dot)) ||
        !digits(std::string_view(version).substr(dot + 1)))
        return -1;
    return std::stoi(version.substr(0, dot));
}

Error at(std::string pointer, std::string message) { return Error{std::move(pointer), 0, 0, std::move(message)}; }

// One `body` paragraph, as the bundle loader reads it: a string, or an array of runs (strings and
// {"text", "ruby"} objects, the structured ruby of format 1.1).
Result<void> readParagraph(const Json& paragraph, const std::string& pointer, std::string& out) {
    if (paragraph.is_string()) {
        out = paragraph.get<std::string>();
        if (const Result<void> checked = checkParagraph(out); !checked) return at(pointer, checked.error().message);
        return {};
    }
    if (!paragraph.is_array()) return at(pointer, std::string("expected a string or an array of runs, got ") + kindName(paragraph));
    for (size_t index = 0; index < paragraph.size(); ++index) {
        const Json& run = paragraph[index];
        const std::string runPointer = pointer + "/" + std::to_string(index);
        if (run.is_string()) {
            std::string text = run.get<std::string>();
            if (const Result<void> checked = checkParagraph(text); !checked) return at(runPointer, checked.error().message);
            out += text;
            continue;
        }
        if (!run.is_object()) return at(runPointer, std::string("expected a string or a {\"text\", \"ruby\"} object, got ") + kindName(run));
        std::string parts[2];
        const char* names[2] = {"text", "ruby"};
        for (int i = 0; i < 2; ++i) {
            const auto field = run.find(names[i]);
            if (field == run.end()) return at(runPointer, std::string("missing required field \"") + names[i] + "\"");
            const std::string fieldPointer = runPointer + "/" + names[i];
            if (!field->is_string()) return at(fieldPointer, std::string("expected a non-empty string, got ") + kindName(*field));
            parts[i] = field->get<std::string>();
            if (parts[i].empty()) return at(fieldPointer, "expected a non-empty string, got \"\"");
            if (const Result<void> checked = checkShownText(parts[i]); !checked)
                return at(fieldPointer, checked.error().message);
        }
        appendStructuredRuby(out, parts[0], parts[1]);
    }
    return {};
}

Result<std::vector<ShardArticle>> readShard(const Json& root) {
    if (!root.is_object()) return at("", std::string("expected a JSON object at the top level, got ") + kindName(root));
    const auto format = root.find("format");
    if (format == root.end()) return at("", "missing field \"format\"");
    if (!format->is_object()) return at("/format", std::string("expected an object, got ") + kindName(*format));
    const auto name = format->find("name");
    if (name == format->end()) return at("/format", "missing field \"name\"");
    if (!name->is_string() || name->get_ref<const std::string&>() != ShardLoader::kFormatName)
        return at("/format/name", std::string("expected \"") + ShardLoader::kFormatName + "\", got " + name->dump());
    const auto version = format->find("version");
    if (version == format->end()) return at("/format", "missing field \"version\"");
    if (!version->is_string() || majorVersion(version->get_ref<const std::string&>()) < 0)
        return at("/format/version", "expected \"MAJOR.MINOR\" such as \"1.1\", got " + version->dump());
    if (majorVersion(version->get_ref<const std::string&>()) != ShardLoader::kSupportedMajor)
        return at("/format/version", "expected major version " + std::to_string(ShardLoader::kSupportedMajor) +
                                         ", got " + version->dump());
    const auto articles = root.find("articles");
    if (articles == root.end()) return at("", "missing field \"articles\"");
    if (!articles->is_object()) return at("/articles", std::string("expected an object, got ") + kindName(*articles));

    std::vector<ShardArticle> out;

    for (const auto& [id, body] : articles->items()) {
        const std::string pointer = "/articles/" + pointerToken(id);
        if (!isId(id)) return at(pointer, "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + Json(id).dump());
        if (!body.is_array()) return at(pointer, std::string("expected an array of strings, got ") + kindName(body));
        ShardArticle& article = out.emplace_back();
        article.id = id;
        for (size_t index = 0; index < body.size(); ++index) {
            const Result<void> read =
                readParagraph(body[index], pointer + "/" + std::to_string(index), article.body.emplace_back());
            if (!read) return read.error();
        }
    }
    return out;
}

}  // namespace

Result<std::vector<ShardArticle>> ShardLoader::load(std::string_view text) {
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    const Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) return jsonSyntaxError(text);
    return readShard(root);
}

}  // namespace reader::core
