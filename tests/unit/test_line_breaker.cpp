// LineBreaker: UAX #14 (libunibreak) with the Chinese rules on top. Each case shows the text with '|'
// at every break opportunity, to read the rules at a glance.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/line_breaker.h"
#include "core/utf8.h"

using reader::core::LineBreaker;
namespace utf8 = reader::core::utf8;

namespace {

std::string mark(const std::vector<utf8::CodePoint>& cps, const std::vector<bool>& allowed) {
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (allowed[i]) out += '|';
        utf8::append(out, cps[i].value);
    }
    return out;
}

std::string marked(const std::string& text) {
    const auto cps = utf8::decode(text);
    return mark(cps, LineBreaker::opportunities(cps));
}

std::string markedGlued(const std::string& text, const std::vector<LineBreaker::Range>& glued) {
    const auto cps = utf8::decode(text);
    return mark(cps, LineBreaker::opportunities(cps, &glued));
}

std::string markedStandard(const std::string& text) {
    const auto cps = utf8::decode(text);
    return mark(cps, LineBreaker::standardOpportunities(cps));
}

// Each mark X between two Han characters: "甲X乙" must break as "甲X|乙" (closing) or "甲|X乙" (opening).
void checkClosing(std::u32string_view marks) {
    for (const char32_t cp : marks) {
        std::string mid;
        utf8::append(mid, cp);
        CAPTURE(mid);
        CHECK(marked("甲" + mid + "乙") == "甲" + mid + "|乙");
    }
}

void checkOpening(std::u32string_view marks) {
    for (const char32_t cp : marks) {
        std::string mid;
        utf8::append(mid, cp);
        CAPTURE(mid);
        CHECK(marked("甲" + mid + "乙") == "甲|" + mid + "乙");
    }
}

}  // namespace

TEST_CASE("line breaker: Han characters break between each other") {
    CHECK(marked("會議召開") == "會|議|召|開");
    CHECK(marked("") == "");
    CHECK(marked("會") == "會");
}

TEST_CASE("line breaker: never before closing punctuation") {
    CHECK(marked("指出，會議。") == "指|出，|會|議。");
    CHECK(marked("「全力」和") == "「全|力」|和");
    CHECK(marked("工作、安排；") == "工|作、|安|排；");
    CHECK(marked("好嗎？是！") == "好|嗎？|是！");
}

TEST_CASE("line breaker: never before a full-width comma, stop or enumeration comma (UAX #14 CL)") {
    checkClosing(U"，。、．｡､");
}

TEST_CASE("line breaker: never before a closing bracket or quotation mark (CL)") {
    checkClosing(U"）］｝〕〉》」』】〗〙〛〞〟｣’”");
}

TEST_CASE("line breaker: never before a colon or semicolon (NS) or a question or exclamation mark (EX)") {
    checkClosing(U"：；？！");
}

TEST_CASE("line breaker: never before an ellipsis (IN)") {
    checkClosing(U"…‥⋯");
    CHECK(marked("等等……還有") == "等|等……|還|有");
    CHECK(marked("等等⋯⋯") == "等|等⋯⋯");
}

TEST_CASE("line breaker: never before a middle dot, although UAX #14 allows it before ·") {
    checkClosing(U"·‧・･");
    CHECK(marked("馬丁·路德") == "馬|丁·|路|德");
}

TEST_CASE("line breaker: never before a percent sign, degree or per mille (PO)") {
    checkClosing(U"％°℃‰");
    CHECK(marked("增長50%以上") == "增|長|50%|以|上");
}

TEST_CASE("line breaker: never before small-form punctuation, nor ﹑ which UAX #14 calls ideographic") {
    checkClosing(U"﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞");
}

TEST_CASE("line breaker: never before a wave dash, as in a range") {
    checkClosing(U"～〜");
    CHECK(marked("3～5天") == "3～|5|天");
}

TEST_CASE("line breaker: never before half-width closing punctuation") {
    checkClosing(U")]},.:;?!%");
}

TEST_CASE("line breaker: closing punctuation stays put after a space too (UAX #14 LB18 would break)") {
    CHECK(marked("甲 ；乙") == "甲 ；|乙");
    CHECK(marked("甲 …乙") == "甲 …|乙");
    CHECK(marked("甲 ％乙") == "甲 ％|乙");
    CHECK(markedStandard("甲 ；乙") == "甲 |；|乙");
}

TEST_CASE("line breaker: never after opening punctuation") {
    CHECK(marked("和《條例》") == "和|《條|例》");
    checkOpening(U"（［｛〔〈《「『【〖〘〚〝‘“﹙﹛﹝｢([{");
    CHECK(marked("「 好」") == "「 好」");
}

TEST_CASE("line breaker: closing then opening punctuation may break between them") {
    CHECK(marked("」「") == "」|「");
    CHECK(marked("。（") == "。|（");
}

TEST_CASE("line breaker: digits, phone numbers and Latin words stay whole") {
    CHECK(marked("撥打0471-6920007投訴") == "撥|打|0471-6920007|投|訴");
    CHECK(marked("2023年") == "2023|年");
    CHECK(marked("3.14和12:30") == "3.14|和|12:30");
    CHECK(marked("the hotline") == "the |hotline");
}

TEST_CASE("line breaker: numbers with separators, signs and currency stay whole") {
    CHECK(marked("共1,000,000元") == "共|1,000,000|元");
    CHECK(marked("第3屆") == "第|3|屆");
    CHECK(marked("價格$100和￥200") == "價|格|$100|和|￥200");
    CHECK(marked("-5度") == "-5|度");
}

TEST_CASE("line breaker: full-width digits and letters stay whole like ASCII ones") {
    CHECK(marked("２０２３年") == "２０２３|年");
    CHECK(marked("撥打０４７１－６９２０００７投訴") == "撥|打|０４７１－６９２０００７|投|訴");
    CHECK(marked("３．１４") == "３．１４");
    CHECK(marked("ＡＢＣ公司") == "ＡＢＣ|公|司");
    CHECK(markedStandard("２０２３年") == "２|０|２|３|年");
}

TEST_CASE("line breaker: phone numbers: no break after the hyphen before digits (HY × NU)") {
    CHECK(marked("12345-6789") == "12345-6789");
    CHECK(markedStandard("0471-6920007") == "0471-6920007");
    CHECK(marked("電話(0471)6920007") == "電|話|(0471)6920007");
    CHECK(marked("電話：0471-6920007、6920008") == "電|話：|0471-6920007、|6920008");
}

TEST_CASE("line breaker: numbers joined by a middle dot, bullet, slash, hyphen or stop never split") {
    for (const std::string joiner : {"·", "•", "/", "-", ".", "‧", "・"}) {
        CAPTURE(joiner);
        CHECK(marked("消費者權益日3" + joiner + "15晚會") == "消|費|者|權|益|日|3" + joiner + "15|晚|會");
    }
    CHECK(marked("３·１５") == "３·１５");
    CHECK(marked("第3·甲") == "第|3·|甲");  // not between digits: · only never starts a line
}

TEST_CASE("line breaker: numbers follow LB25 as UAX #14's Example 7 regular expression") {
    // Inside a number nothing breaks: prefix, opening bracket or hyphen, digits with separators,
    // closing bracket, postfix.
    CHECK(markedStandard("$(1,234.50)%") == "$(1,234.50)%");
    CHECK(markedStandard("$-5") == "$-5");
    CHECK(markedStandard("12/31/2023") == "12/31/2023");
    // LB25's pairs mean nothing outside a number.
    CHECK(markedStandard("a.2") == "a.|2");
    CHECK(markedStandard("/0") == "/|0");
    CHECK(markedStandard(",0") == ",|0");
    CHECK(markedStandard("}%") == "}|%");
    CHECK(markedStandard("$(") == "$|(");
    CHECK(markedStandard("%(") == "%|(");
    CHECK(marked("見a.2款") == "見|a.|2|款");
}

TEST_CASE("line breaker: an emoji modifier stays on an unassigned pictographic code point (LB30b)") {
    CHECK(markedStandard("\U0001F02C\U0001F3FF") == "\U0001F02C\U0001F3FF");
    CHECK(markedStandard("\U0001F02B\U0001F3FF") == "\U0001F02B|\U0001F3FF");  // an assigned one: ID ÷ EM
}

TEST_CASE("line breaker: a URL stays whole; it may be cut before a slash only when it does not fit a line") {
    CHECK(marked("網址https://www.cc315.gov.cn/news查詢") == "網|址|https://www.cc315.gov.cn/news|查|詢");
    CHECK(marked("見www.cc315.org/a?b=1。再") == "見|www.cc315.org/a?b=1。|再");
    CHECK(marked("(http://a.cn/x)") == "(http://a.cn/x)");
    CHECK(marked("info@cc315.org") == "info@cc315.org");
    const auto cps = utf8::decode("見https://www.cc315.gov.cn/news/2023/a.html查");
    CHECK(mark(cps, LineBreaker::urlBreaks(cps)) == "見https://www.cc315.gov.cn|/news|/2023|/a.html查");
    const auto notUrl = utf8::decode("3/15 and/or xwww.a");
    CHECK(mark(notUrl, LineBreaker::urlBreaks(notUrl)) == "3/15 and/or xwww.a");
}

TEST_CASE("line breaker: Latin words stay whole, with apostrophes and accents") {
    CHECK(marked("don't stop") == "don't |stop");
    CHECK(marked("café naïve") == "café |naïve");
    CHECK(marked("e-mail") == "e-|mail");
}

TEST_CASE("line breaker: mixed Chinese and English break at the script boundary") {
    CHECK(marked("消協hotline熱線") == "消|協|hotline|熱|線");
    CHECK(marked("使用Python 3語言") == "使|用|Python |3|語|言");
    CHECK(marked("APP，和") == "APP，|和");
}

TEST_CASE("line breaker: an em dash pair is not split") {
    CHECK(marked("前——後") == "前|——|後");
    CHECK(marked("前――後") == "前|――|後");
    CHECK(marked("前⸺後") == "前|⸺|後");
}

TEST_CASE("line breaker: spaces end a line, never start one (leading spaces may make a line of their own)") {
    CHECK(marked("中文 English") == "中|文 |English");
    CHECK(marked("a  b") == "a  |b");
    CHECK(marked("第一條　總則") == "第|一|條　|總|則");
    CHECK(marked("  中文") == "  |中|文");
}

TEST_CASE("line breaker: a hard line break stays one, even before closing punctuation") {
    CHECK(marked("甲\n，乙") == "甲\n|，|乙");
}

TEST_CASE("line breaker: CJK Extension B characters are ideographs") {
    CHECK(marked("𠀀𠀁，𪚥") == "𠀀|𠀁，|𪚥");
    CHECK(marked("𠀀(ā)字") == "𠀀(ā)|字");
}

TEST_CASE("line breaker: a pinyin annotation stays with its character") {
    CHECK(marked("年(nián)第一(yī)次") == "年(nián)|第|一(yī)|次");
    CHECK(markedStandard("年(nián)") == "年|(nián)");
}

TEST_CASE("line breaker: without ruby ranges, a reading of n syllables glues n characters") {
    CHECK(marked("第一(dì yī)次") == "第一(dì yī)|次");
    CHECK(marked("一（yī）次") == "一（yī）|次");
    CHECK(marked("你(ni3)好") == "你(ni3)|好");
    CHECK(marked("自治區(zì zhì qū zhèng)") == "自治區(zì zhì qū zhèng)");
    CHECK(marked("結尾華(huá") == "結|尾|華(huá");
}

TEST_CASE("line breaker: a real note in parentheses may start a line") {
    CHECK(marked("報訊(記者)") == "報|訊|(記|者)");
    CHECK(marked("電話(0471)") == "電|話|(0471)");
}

TEST_CASE("line breaker: given ruby ranges are glued, and nothing is guessed") {
    CHECK(markedGlued("年(nián)", {{0, 7}}) == "年(nián)");
    CHECK(markedGlued("年(nián)", {}) == "年|(nián)");
    CHECK(markedGlued("熱線(hotline)", {}) == "熱|線|(hotline)");
    CHECK(markedGlued("自治區", {{0, 3}}) == "自治區");
    CHECK(markedGlued("自治區政府", {{1, 3}}) == "自|治區|政|府");
}

TEST_CASE("line breaker: ruby ranges beyond the text are clamped") {
    CHECK(markedGlued("會議召開", {{2, 100}}) == "會|議|召開");
    CHECK(markedGlued("會議", {{5, 9}, {1, 0}}) == "會|議");
}
