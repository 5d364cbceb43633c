// core/bundle_rules: the value rules of bundle format v1 (ids, language tags, phone numbers, versions,
// shard paths, control characters in shown text and paragraphs), messages word for word.
#include "core/bundle_rules.h"

#include <doctest/doctest.h>

#include <string>

using namespace reader::core;

TEST_CASE("bundle rules: ids, language tags and phone numbers") {
    CHECK(isId("2023-08-17_a.b"));
    CHECK(isId(std::string(128, 'x')));
    CHECK_FALSE(isId(std::string(129, 'x')));
    CHECK_FALSE(isId(""));
    CHECK_FALSE(isId("a b"));
    CHECK_FALSE(isId("消協"));
    CHECK(isLanguageTag("zh-Hant"));
    CHECK(isLanguageTag("yue-Hant-HK"));
    CHECK_FALSE(isLanguageTag("zh_TW"));
    CHECK_FALSE(isLanguageTag("Chinese"));
    CHECK_FALSE(isLanguageTag("zh-"));
    CHECK(isPhoneNumber("+86 (471) 692-0007"));
    CHECK_FALSE(isPhoneNumber("()"));
    CHECK_FALSE(isPhoneNumber("12315 ext"));
}

TEST_CASE("bundle rules: versions are MAJOR.MINOR; shard paths stay inside their folder") {
    int major = 0, minor = 0;
    CHECK(parseVersion("1.12", major, minor));
    CHECK(major == 1);
    CHECK(minor == 12);
    CHECK_FALSE(parseVersion("1", major, minor));
    CHECK_FALSE(parseVersion("1.x", major, minor));
    CHECK_FALSE(parseVersion("99999999999.0", major, minor));
    CHECK(isShardPath("shards/0007.json"));
    CHECK_FALSE(isShardPath(""));
    CHECK_FALSE(isShardPath("/shards/0007.json"));
    CHECK_FALSE(isShardPath("shards/../x.json"));
    CHECK_FALSE(isShardPath("shards//x.json"));
    CHECK_FALSE(isShardPath(std::string(1025, 'a')));
}

TEST_CASE("bundle rules: shown text holds no control character; a paragraph's tabs become spaces") {
    CHECK(checkShownText("消費 提示").ok());
    const Result<void> bell = checkShownText("ab\acd");
    REQUIRE_FALSE(bell.ok());
    CHECK(bell.error().describe() == "control character U+0007 at character 3");
    CHECK(checkShownText("年\xEF\xBF\xB9").error().message ==
          "interlinear annotation character U+FFF9 at character 2 (write ruby as a structured run)");
    CHECK(checkShownText("a\tb").error().message == "control character U+0009 at character 2");
    std::string paragraph = "第一\t段";
    CHECK(checkParagraph(paragraph).ok());
    CHECK(paragraph == "第一 段");
}
