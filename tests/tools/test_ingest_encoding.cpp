// ingest: a page's charset from its byte-order mark, its <meta>, or its bytes; converted by iconv.
#include "ingest/encoding.h"

#include <doctest/doctest.h>

#include "ingest_fixtures.h"

using namespace reader::tools::ingest;
using ingest_test::fixture;

namespace {

std::string without(std::string bytes, const std::string& part) {
    const size_t at = bytes.find(part);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks ", part);
    return bytes.erase(at, part.size());
}

}  // namespace

TEST_CASE("encoding: <meta charset> and http-equiv are both read, as ASCII, case-insensitively") {
    CHECK(declaredCharset("<html><head><meta charset=gb2312><title>") == "gb2312");
    CHECK(declaredCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Big5\">") == "big5");
    CHECK(declaredCharset("<meta charset = 'UTF-8' />") == "utf-8");
    CHECK(declaredCharset("<p>charset=gbk</p>") == "");
    CHECK(declaredCharset(std::string(5000, ' ') + "<meta charset=gbk>") == "");  // past the first 4 KB
}

TEST_CASE("encoding: labels map to the charsets browsers use for them") {
    CHECK(iconvName("gb2312") == "GB18030");
    CHECK(iconvName("GBK") == "GB18030");
    CHECK(iconvName("big5") == "BIG5-HKSCS");
    CHECK(iconvName("utf8") == "UTF-8");
    CHECK(iconvName("iso-8859-1") == "WINDOWS-1252");
    CHECK(iconvName("shift_jis") == "SHIFT_JIS");
}

TEST_CASE("encoding: the fixtures decode from their declarations") {
    const DecodedText gbk = decodePage(fixture("gbk_table.html"));
    CHECK(gbk.charset == "GB18030");
    CHECK(gbk.detectedFrom == "<meta> charset");
    CHECK(gbk.invalidSequences == 0);
    CHECK(gbk.utf8.find("当前位置：") != std::string::npos);

    const DecodedText big5 = decodePage(fixture("big5_div.html"));
    CHECK(big5.charset == "BIG5-HKSCS");
    CHECK(big5.detectedFrom == "<meta> charset");
    CHECK(big5.invalidSequences == 0);
    CHECK(big5.utf8.find("預付卡消費風險提示") != std::string::npos);

    const DecodedText utf8 = decodePage(fixture("modern_utf8.html"));
    CHECK(utf8.charset == "UTF-8");
    CHECK(utf8.utf8 == fixture("modern_utf8.html"));
}

TEST_CASE("encoding: without a declaration the bytes tell GB18030 from Big5") {
    const DecodedText gb18030 = decodePage(fixture("gb18030_nometa.html"));
    CHECK(gb18030.charset == "GB18030");
    CHECK(gb18030.detectedFrom == "bytes");
    CHECK(gb18030.invalidSequences == 0);
    CHECK(gb18030.utf8.find("吉祥物“𠮷𠮷”") != std::string::npos);  // four-byte GB18030 sequences

    const DecodedText gbk = decodePage(without(fixture("gbk_table.html"), "<meta charset=gb2312>"));
    CHECK(gbk.charset == "GB18030");
    CHECK(gbk.detectedFrom == "bytes");
    CHECK(gbk.utf8.find("消费维权年度报告") != std::string::npos);

    const DecodedText big5 = decodePage(
        without(fixture("big5_div.html"), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">"));
    CHECK(big5.charset == "BIG5-HKSCS");
    CHECK(big5.detectedFrom == "bytes");
    CHECK(big5.utf8.find("購買預付卡前應查看經營者資質") != std::string::npos);
}

TEST_CASE("encoding: a declaration the bytes do not fit loses to the bytes") {
    std::string bytes = fixture("gbk_table.html");
    bytes.replace(bytes.find("gb2312"), 6, "utf-8");
    const DecodedText decoded = decodePage(bytes);
    CHECK(decoded.charset == "GB18030");
    CHECK(decoded.detectedFrom == "bytes; the <meta> charset utf-8 did not fit");
    CHECK(decoded.utf8.find("消协动态") != std::string::npos);
}

TEST_CASE("encoding: a stray byte in a UTF-8 page stays UTF-8, the byte replaced and counted") {
    const std::string bytes = "<meta charset=utf-8><p>內蒙古自治區消費者權益保護服務中心\xFF發布時間</p>";
    const DecodedText decoded = decodePage(bytes);
    CHECK(decoded.charset == "UTF-8");
    CHECK(decoded.invalidSequences == 1);
    CHECK(decoded.utf8 == "<meta charset=utf-8><p>內蒙古自治區消費者權益保護服務中心\xEF\xBF\xBD發布時間</p>");
}

TEST_CASE("encoding: a byte-order mark wins and is removed") {
    const DecodedText utf8 = decodePage("\xEF\xBB\xBF<meta charset=gbk><p>中文</p>");
    CHECK(utf8.charset == "UTF-8");
    CHECK(utf8.detectedFrom == "byte-order mark");
    CHECK(utf8.utf8 == "<meta charset=gbk><p>中文</p>");

    const DecodedText utf16 = decodePage(std::string("\xFF\xFE\x2D\x4E\x87\x65", 6));
    CHECK(utf16.charset == "UTF-16LE");
    CHECK(utf16.utf8 == "中文");
}
