#include <doctest/doctest.h>

#include <string>

#include "core/line_breaker.h"
#include "core/utf8.h"

using reader::core::LineBreaker;
namespace utf8 = reader::core::utf8;

// The text with '|' at every break opportunity, to read rules at a glance.
static std::string marked(const std::string& text) {
    const auto cps = utf8::decode(text);
    const auto allowed = LineBreaker::opportunities(cps);
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (allowed[i]) out += '|';
        utf8::append(out, cps[i].value);
    }
    return out;
}

TEST_CASE("line breaker: Han characters break between each other") {
    CHECK(marked("會議召開") == "會|議|召|開");
}

TEST_CASE("line breaker: never before closing punctuation") {
    CHECK(marked("指出，會議。") == "指|出，|會|議。");
    CHECK(marked("「全力」和") == "「全|力」|和");
    CHECK(marked("工作、安排；") == "工|作、|安|排；");
    CHECK(marked("好嗎？是！") == "好|嗎？|是！");
}

TEST_CASE("line breaker: never after opening punctuation") {
    CHECK(marked("和《條例》") == "和|《條|例》");
}

TEST_CASE("line breaker: digits, phone numbers and Latin words stay whole") {
    CHECK(marked("撥打0471-6920007投訴") == "撥|打|0471-6920007|投|訴");
    CHECK(marked("2023年") == "2023|年");
    CHECK(marked("3.14和12:30") == "3.14|和|12:30");
    CHECK(marked("the hotline") == "the |hotline");
}

TEST_CASE("line breaker: a pinyin annotation stays with its character") {
    CHECK(marked("年(nián)第一(yī)次") == "年(nián)|第|一(yī)|次");
}

TEST_CASE("line breaker: a real note in parentheses may start a line") {
    CHECK(marked("報訊(記者)") == "報|訊|(記|者)");
}

TEST_CASE("line breaker: an em dash pair is not split") {
    CHECK(marked("前——後") == "前|——|後");
}
