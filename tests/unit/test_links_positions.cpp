// core/links (what the reader may open outside itself) and core/reading_positions.
#include <doctest/doctest.h>

#include "core/links.h"
#include "core/reading_positions.h"

using namespace reader::core;

TEST_CASE("links: a hotline number becomes a tel: URL of its digits") {
    CHECK(telUrl("0471-6920007") == "tel:0471-6920007");
    CHECK(telUrl("12315") == "tel:12315");
    CHECK(telUrl("(0471) 692 0007") == "tel:04716920007");
    CHECK(telUrl("+86 471 6920007") == "tel:+864716920007");
    CHECK(telUrl("-+-") == "");
    CHECK(telUrl("") == "");
}

TEST_CASE("links: only tel:, mailto:, https: and http: are opened, never javascript: or data:") {
    CHECK(safeExternalUrl("tel:12315") == "tel:12315");
    CHECK(safeExternalUrl("HTTPS://example.org/a?b") == "https://example.org/a?b");
    CHECK(safeExternalUrl("mailto:a@b.cn") == "mailto:a@b.cn");
    CHECK(safeExternalUrl("javascript:alert(1)") == "");
    CHECK(safeExternalUrl(" javascript:alert(1)") == "");
    CHECK(safeExternalUrl("JaVaScRiPt:alert(1)") == "");
    CHECK(safeExternalUrl("data:text/html,<script>") == "");
    CHECK(safeExternalUrl("https://a.example/\n") == "");
    CHECK(safeExternalUrl("no scheme") == "");
}

TEST_CASE("reading positions: round trip, most recent kept, bad lines skipped") {
    ReadingPositions positions;
    positions.set("a", 0.25f);
    positions.set("b", 1.5f);  // clamped
    positions.set("a", 0.5f);  // moves to the end
    CHECK(positions.serialize() == "1.0000\tb\n0.5000\ta\n");
    ReadingPositions read;
    read.parse(positions.serialize() + "x\tc\n0.3\n-1\td\n0.7\te\tf\n");
    CHECK(read.get("a") == doctest::Approx(0.5));
    CHECK(read.get("b") == doctest::Approx(1.0));
    CHECK_FALSE(read.get("c").has_value());
    CHECK_FALSE(read.get("d").has_value());
    CHECK(read.size() == 2);  // "e\tf" is an id with a tab: refused by set()
    for (int i = 0; i < 600; ++i) read.set("id" + std::to_string(i), 0.1f);
    CHECK(read.size() == ReadingPositions::kMaxArticles);
    CHECK_FALSE(read.get("a").has_value());  // the oldest went
    CHECK(read.get("id599").has_value());
}

#include "core/sentences.h"
#include "core/utf8.h"

namespace {

std::vector<std::string> sentencesOf(std::string_view text) {
    std::u32string cps;
    for (size_t pos = 0; pos < text.size();) cps.push_back(reader::core::utf8::next(text, pos));
    std::vector<std::string> out;
    for (const SentenceRange& r : splitSentences(text)) {
        std::string s;
        for (size_t i = r.begin; i < r.end; ++i) reader::core::utf8::append(s, cps[i]);
        CHECK(text.substr(r.byteBegin, r.byteEnd - r.byteBegin) == s);  // the byte range names the same text
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("sentences: split after 。！？；… with the closing marks that follow, spaces trimmed") {
    CHECK(sentencesOf("會議召開。會議指出：「要加強保護！」其後散會") ==
          std::vector<std::string>{"會議召開。", "會議指出：「要加強保護！」", "其後散會"});
    CHECK(sentencesOf("真的嗎？？ 是的……好。") == std::vector<std::string>{"真的嗎？？", "是的……", "好。"});
    CHECK(sentencesOf("Call 12315! Then wait.") == std::vector<std::string>{"Call 12315!", "Then wait."});
    CHECK(sentencesOf("v1.2!x") == std::vector<std::string>{"v1.2!x"});
    CHECK(sentencesOf("").empty());
    CHECK(sentencesOf("   ").empty());
}
