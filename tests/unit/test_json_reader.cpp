// core/json_reader: the pull parser every reader of bundle text shares (values, pointers, skipping,
// duplicate keys, limits, stops), JSON syntax errors as nlohmann words them, and JSON numbers.
#include "core/json_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace reader::core;

namespace {

const JsonLimits kDefaults;

// Every string of `text` with the pointer it was read at, the rest skipped.
std::vector<std::string> stringsWithPointers(std::string_view text) {
    JsonReader json(text, kDefaults);
    std::vector<std::string> out;
    REQUIRE(json.peek() == JsonKind::object);
    REQUIRE(json.enterObject());
    while (json.nextMember()) {
        if (json.peek() != JsonKind::array) {
            REQUIRE(json.skipValue());
            continue;
        }
        REQUIRE(json.enterArray());
        while (json.nextItem()) {
            if (json.peek() != JsonKind::string) {
                REQUIRE(json.skipValue());
                continue;
            }
            std::string value;
            bool control = false;
            REQUIRE(json.readString(value, control));
            out.push_back(json.pointer() + "=" + value);
        }
    }
    json.finish();
    CHECK_FALSE(json.stopped());
    return out;
}

}  // namespace

TEST_CASE("json reader: values are read where they are, with their JSON Pointer") {
    CHECK(stringsWithPointers(R"({"a": ["x", {"deep": [1, {"y": null}]}, "z\u00e9"], "n": 1.5e3, "a~/b": ["w"]})") ==
          std::vector<std::string>{"/a/0=x", "/a/2=zé", "/a~0~1b/0=w"});
    CHECK(stringsWithPointers("\xEF\xBB\xBF{}").empty());  // a byte order mark is skipped
}

TEST_CASE("json reader: kinds are named as nlohmann names them") {
    CHECK(std::string(jsonKindName(JsonKind::object)) == "object");
    CHECK(std::string(jsonKindName(JsonKind::boolean)) == "boolean");
    CHECK(std::string(jsonKindName(JsonKind::number)) == "number");
    JsonReader json(" tru", kDefaults);
    CHECK(json.peek() == JsonKind::boolean);
    CHECK_FALSE(json.skipValue());
    CHECK(json.syntaxFailed());
}

TEST_CASE("json reader: a duplicate key is kept as an error at its object, the first value kept") {
    JsonReader json(R"({"o": {"k": 1, "k": 2}})", kDefaults);
    REQUIRE(json.skipValue());
    json.finish();
    CHECK_FALSE(json.stopped());
    REQUIRE(json.duplicateKeyError().has_value());
    CHECK(json.duplicateKeyError()->describe() == "/o: duplicate key \"k\"");
}

TEST_CASE("json reader: limits stop the reader with an error where they are met") {
    JsonReader deep("[[[1]]]", JsonLimits{.maxDepth = 2});
    CHECK_FALSE(deep.skipValue());
    CHECK_FALSE(deep.syntaxFailed());
    REQUIRE(deep.stopError().has_value());
    CHECK(deep.stopError()->describe() == "line 1, column 3: nesting deeper than 2 levels");

    JsonReader longString(R"({"a": ["12345"]})", JsonLimits{.maxStringBytes = 4});
    CHECK_FALSE(longString.skipValue());
    REQUIRE(longString.stopError().has_value());
    CHECK(longString.stopError()->describe() == "/a/0: string of 5 bytes exceeds the limit of 4");

    JsonReader nul(std::string_view("{}\0x", 4), kDefaults);
    REQUIRE(nul.skipValue());
    nul.finish();
    REQUIRE(nul.stopError().has_value());
    CHECK(nul.stopError()->describe() == "line 1, column 3: unexpected NUL byte after the JSON text");
}

TEST_CASE("json reader: syntax errors are worded as nlohmann words them, at characters not bytes") {
    JsonReader json("{\"a\" 1}", kDefaults);
    CHECK_FALSE(json.skipValue());
    CHECK(json.syntaxFailed());
    CHECK(jsonSyntaxError("{\"a\" 1}").describe() ==
          "line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'");
    CHECK(jsonSyntaxError("[\"中文\",]").describe() ==
          "line 1, column 7: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
    CHECK(errorAtOffset("\xEF\xBB\xBF{\n中x", 8, "m").describe() == "line 2, column 2: m");
}

TEST_CASE("json reader: counts are non-negative integers; numbers in messages as nlohmann prints them") {
    CHECK(jsonCount("0") == 0u);
    CHECK(jsonCount("-0") == 0u);
    CHECK(jsonCount("18446744073709551615") == 18446744073709551615u);
    CHECK_FALSE(jsonCount("18446744073709551616").has_value());
    CHECK_FALSE(jsonCount("1.0").has_value());
    CHECK_FALSE(jsonCount("1e3").has_value());
    CHECK_FALSE(jsonCount("-1").has_value());
    CHECK(jsonNumberForMessage("-12") == "-12");
    CHECK(jsonNumberForMessage("1e3") == "1000.0");
    CHECK(jsonNumberForMessage("18446744073709551616") == "1.8446744073709552e+19");
    CHECK(jsonNumberForMessage(std::string(45, '9')) == std::string(40, '9') + "…");
}
