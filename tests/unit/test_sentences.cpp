// core/sentences: a paragraph's sentences for reading aloud, each with its code point and byte range.
#include "core/sentences.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

using namespace reader::core;

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
