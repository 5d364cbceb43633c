// Search result excerpts (core/search_excerpt): about 40 characters around the hit, cut after a
// clause's punctuation when one is near, never starting with punctuation, readings shown in inline
// mode only, the hit's bytes right in every case.
#include "core/search_excerpt.h"

#include <doctest/doctest.h>

#include <string>

using reader::core::Excerpt;
using reader::core::RubyMode;
using reader::core::searchExcerpt;

namespace {

std::string hitOf(const Excerpt& e) { return e.text.substr(e.hitBegin, e.hitEnd - e.hitBegin); }

// The code point index of `needle` in `text` (no annotations in these texts).
size_t offsetOf(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = 0; pos < text.find(needle); ++pos) n += (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("excerpt: a short field is whole") {
    const Excerpt e = searchExcerpt("會議在呼和浩特召開。", 5, 2, RubyMode::Above);
    CHECK(e.text == "會議在呼和浩特召開。");
    CHECK(hitOf(e) == "浩特");
    CHECK_FALSE(e.clippedBefore);
    CHECK_FALSE(e.clippedAfter);
}

TEST_CASE("excerpt: cut after a clause's punctuation on both sides") {
    const std::string text =
        "8月10日下午，2023年第一次自治區知識産權戰略實施工作廳際聯席會議在呼和浩特召開。會議深入學習貫徹習近平總書記關于全面加強知識産權保護的重要指示，"
        "總結工作，研究部署下一步重點任務。";
    const Excerpt e = searchExcerpt(text, offsetOf(text, "聯席會議"), 4, RubyMode::Above);
    CHECK(hitOf(e) == "聯席會議");
    CHECK(e.text == "2023年第一次自治區知識産權戰略實施工作廳際聯席會議在呼和浩特召開。");
    CHECK(e.clippedBefore);
    CHECK(e.clippedAfter);
}

TEST_CASE("excerpt: without punctuation near, a hard cut; never a start on punctuation") {
    const std::string plain(300, 'a');
    const Excerpt hard = searchExcerpt(plain, 150, 3, RubyMode::Above);
    CHECK(hard.text.size() == 43);  // 40 of context and the hit
    CHECK(hitOf(hard) == "aaa");
    CHECK(hard.hitBegin == 13);
    const std::string text = std::string(100, 'a') + "，，b" + std::string(100, 'c');
    const Excerpt e = searchExcerpt(text, 102, 1, RubyMode::Above);
    CHECK(e.text.rfind("b", 0) == 0);  // after the commas, at the hit
    CHECK(hitOf(e) == "b");
}

TEST_CASE("excerpt: readings shown in inline mode only, the hit on the base characters") {
    const std::string field = "2023年(nián)第一(yī)次自(zì)治區會議";
    const Excerpt hidden = searchExcerpt(field, 8, 3, RubyMode::Above);  // 自治區
    CHECK(hidden.text == "2023年第一次自治區會議");
    CHECK(hitOf(hidden) == "自治區");
    const Excerpt shown = searchExcerpt(field, 8, 3, RubyMode::Inline);
    CHECK(shown.text == "2023年(nián)第一(yī)次自(zì)治區會議");
    CHECK(hitOf(shown) == "自(zì)治區");
}

TEST_CASE("excerpt: offsets past the end of a long field give its end, never a read outside it") {
    std::string field;
    for (int i = 0; i < 20; ++i) field += "消費者權益保護工作會議，";
    const Excerpt e = searchExcerpt(field, 10000, 2, RubyMode::Above);
    CHECK(e.hitBegin == e.text.size());
    CHECK(e.hitEnd == e.text.size());
    CHECK(e.clippedBefore);
    CHECK_FALSE(e.clippedAfter);
    const Excerpt withReadings = searchExcerpt("年(nián)" + field, 10000, 2, RubyMode::Inline);
    CHECK(withReadings.hitBegin == withReadings.text.size());
}
