// ingest: each fixture page (tests/fixtures/ingest/, see its README) gives the expected article and
// site facts, whatever its encoding and layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/date_scan.h"
#include "ingest/page_reader.h"
#include "ingest_fixtures.h"

using namespace reader::tools::ingest;
using ingest_test::fixture;

namespace {

ReadPage read(const std::string& name, ExtractOptions options = {}) { return readPage(fixture(name), options); }

std::string published(const PageContent& page) { return page.published ? formatIso(*page.published) : "(none)"; }

// No paragraph holds any of these (chrome, navigation, script text).
void checkBodyLacks(const PageContent& page, std::initializer_list<std::string_view> words) {
    for (const std::string& paragraph : page.body) {
        for (const std::string_view word : words) {
            CHECK_MESSAGE(paragraph.find(word) == std::string::npos, "\"", word, "\" in paragraph: ", paragraph);
        }
    }
}

}  // namespace

TEST_CASE("pages: a GBK table layout with <font> runs, &nbsp; indents and a wrapped <br>") {
    const ReadPage page = read("gbk_table.html");
    CHECK(page.html);
    CHECK(page.decoded.charset == "GB18030");
    const PageContent& c = page.content;
    CHECK(c.title == "2024年消费维权年度报告发布");
    CHECK(published(c) == "2024-03-15T09:30:00+08:00");
    CHECK(c.source == "内蒙古自治区消费者协会");
    CHECK(c.categoryName == "消协动态");
    REQUIRE(c.body.size() == 3);  // the &nbsp;-only <p> is gone
    CHECK(c.body[0] ==
          "3月15日上午，自治区消费者协会在呼和浩特发布《2023年(nián)消费维权年度报告》。"
          "报告显示，全年共受理消费者投诉12,856件，为消费者挽回经济损失1,024万元。");
    CHECK(c.body[1] ==
          "从投诉类别看，商品类投诉占41.2%，服务类投诉占58.8%。其中，预付式消费、网络购物和汽车售后服务位列投诉量前三位。");
    CHECK(c.body[2] == "协会提醒广大消费者，理性消费、保留凭证，遇到纠纷可拨打12315投诉热线。");
    checkBodyLacks(c, {"今天是", "字体", "打印", "首页", "最新动态", "版权所有"});
    CHECK(c.url.empty());
    REQUIRE(c.hotlines.size() == 2);
    CHECK(c.hotlines[0].label == "投诉电话");
    CHECK(c.hotlines[0].number == "12315");
    CHECK(c.hotlines[1].number == "0471-6920007");
    CHECK(c.copyrightHolder == "内蒙古自治区消费者协会");
    CHECK(c.address == "呼和浩特市新城区兴安南路9号");
    CHECK(c.visitorCount == 123456u);
    CHECK(c.siteName == "内蒙古自治区消费者协会");  // <title> less the article's title
    CHECK(c.locale == "zh-Hans");
}

TEST_CASE("pages: a Big5 page of nested divs, a trail without a label, a date without a time") {
    const ReadPage page = read("big5_div.html");
    CHECK(page.decoded.charset == "BIG5-HKSCS");
    const PageContent& c = page.content;
    CHECK(c.title == "預付卡消費風險提示");
    CHECK(published(c) == "2023-08-17T00:00:00+08:00");
    CHECK(c.source == "消費者保護服務中心");
    CHECK(c.categoryName == "消費警示");
    REQUIRE(c.body.size() == 3);
    CHECK(c.body[0] == "近期，本中心接獲多宗有關預付卡的投訴，涉及美容美髮、健身及教育培訓等行業。");
    checkBodyLacks(c, {"首頁", "發佈日期", "瀏覽次數", "版權所有"});
    REQUIRE(c.hotlines.size() == 1);
    CHECK(c.hotlines[0].label == "服務熱線");
    CHECK(c.hotlines[0].number == "1950");
    CHECK(c.copyrightHolder == "消費者保護服務中心");
    CHECK(c.address.empty());
    CHECK_FALSE(c.visitorCount);
    CHECK(c.siteName == "消費者保護服務中心");
    CHECK(c.locale == "zh-Hant");
}

TEST_CASE("pages: a modern UTF-8 <article> with a menu, share buttons, scripts and <br> paragraphs") {
    const ReadPage page = read("modern_utf8.html");
    CHECK(page.decoded.charset == "UTF-8");
    const PageContent& c = page.content;
    CHECK(c.title == "守护“舌尖上的安全”：春季食品安全检查启动");
    CHECK(published(c) == "2024-06-01T08:00:00+08:00");  // <meta name="PubDate">
    CHECK(c.source == "示例市市场监督管理局");
    CHECK(c.categoryName == "新闻动态");
    CHECK(c.url == "https://www.example.org.cn/news/2024/0601-food-safety.html");  // canonical over og:url
    REQUIRE(c.body.size() == 4);
    CHECK(c.body[0] == "6月1日，示例市春季食品安全专项检查正式启动。检查为期一个月，覆盖全市学校食堂、农贸市场和网络订餐平台。");
    CHECK(c.body[3] == "工(gōng)作人员将在3个工作日内回复。");
    checkBodyLacks(c, {"分享", "点赞", "页面访问统计", "热门文章", "首页", "来源"});
    REQUIRE(c.hotlines.size() == 2);
    CHECK(c.hotlines[0].label == "服务热线");
    CHECK(c.hotlines[1].number == "0471-1234567");
    CHECK(c.copyrightHolder == "示例市消费者协会");
    CHECK(c.address == "示例市人民路100号");
    CHECK_FALSE(c.visitorCount);  // "第1位访客" is in a script, not on the page
    CHECK(c.siteName == "示例市消费者协会");
    CHECK(c.locale == "zh-Hans");  // <html lang="zh-CN">
}

TEST_CASE("pages: GB18030 without a declaration, ideographic-space indents, a bare date line") {
    const ReadPage page = read("gb18030_nometa.html");
    CHECK(page.decoded.charset == "GB18030");
    CHECK(page.decoded.detectedFrom == "bytes");
    const PageContent& c = page.content;
    CHECK(c.title == "吉祥物“𠮷𠮷”亮相放心消费节");
    CHECK(published(c) == "2022-05-03T14:20:00+08:00");
    CHECK(c.source == "本网讯");
    CHECK(c.categoryName.empty());
    REQUIRE(c.body.size() == 3);
    CHECK(c.body[0] == "5月3日，第三届放心消费节在市民广场开幕，吉祥物“𠮷𠮷”首次与市民见面。");
    CHECK(c.body[1] == "活动现场设置了消费维权咨询台，工作人员向市民发放宣传资料2000余份，现场受理咨询86人次。");
    checkBodyLacks(c, {"打印", "网站首页", "主办"});
    CHECK(c.hotlines.empty());
    CHECK(c.copyrightHolder.empty());
    CHECK(c.siteName.empty());
}

TEST_CASE("pages: --tz sets the offset of times the page gives without one") {
    ExtractOptions tokyo;
    tokyo.defaultOffsetMinutes = 9 * 60;
    CHECK(published(read("gb18030_nometa.html", tokyo).content) == "2022-05-03T14:20:00+09:00");
}

TEST_CASE("pages: text or HTML, by the tags in the first kilobyte") {
    CHECK(looksLikeHtml("<!DOCTYPE html><p>"));
    CHECK(looksLikeHtml("\n\n<html>"));
    CHECK_FALSE(looksLikeHtml("今天是:\n\n投訴電話:\n\n當前位置:首頁 > 消協動态"));
    CHECK_FALSE(looksLikeHtml("a < b"));
}

// [SECTION] Captures without a date line beside the title, and the patterns issue 14 lists

namespace {

struct Expected {
    std::string title, published, source, category;
    std::vector<std::string> body;
};

// The page gives exactly this article: every field and every paragraph.
void checkExact(const std::string& name, const Expected& want) {
    const PageContent c = read(name).content;
    CHECK(c.title == want.title);
    CHECK(published(c) == want.published);
    CHECK(c.source == want.source);
    CHECK(c.categoryName == want.category);
    CHECK(c.body == want.body);
}

}  // namespace

TEST_CASE("captures: no date anywhere: the title is the short line before the body") {
    checkExact("text_no_date.txt",
               {"春節前夕市消委會開展預付卡消費專項檢查", "(none)", "", "",
                {"為維護春節期間消費市場秩序，市消委會聯合市場監管部門於1月20日起開展預付卡消費專項檢查。",
                 "檢查覆蓋美容美髮、健身、教育培訓等行業，共抽查經營者86家，發現問題線索12條。",
                 "市消委會提醒消費者，辦理預付卡前要查看經營者資質，保留好合同和付款憑證。"}});
}

TEST_CASE("captures: a source label followed by a read counter names no source") {
    checkExact("text_read_count_source.txt",
               {"關於招募2023年消費維權志願者的通知", "2023-02-10T09:00:00+08:00", "", "通知公告",
                {"為進一步壯大消費維權力量，市消費者協會決定面向社會招募消費維權志願者。",
                 "凡年滿十八周歲、熱心公益的市民均可報名，報名時間截至2月28日。"}});
}

TEST_CASE("captures: a trail apart by slashes without a label; a date line with a view counter stays out of the body") {
    checkExact("text_slash_crumbs.txt",
               {"子洲县开展消费者权益日宣传活动", "2021-03-16T07:10:00+08:00", "", "今日子洲",
                {"3月15日，子洲县市场监管局在县城广场开展国际消费者权益日宣传活动。",
                 "活动现场设置咨询台，发放宣传资料2000余份，受理消费者咨询86人次。"}});
}

TEST_CASE("captures: a trail from the site's home page; the name on the date line is the source; footer lines end the body") {
    checkExact("text_arrow_crumbs.txt",
               {"消費者權益日：直播間購物投訴增多", "2017-03-05T13:47:31+08:00", "中國網", "專題直播",
                {"今年以來，直播帶貨相關投訴明顯增多，主要集中在商品質量、虛假宣傳和退換貨難等方面。",
                 "專家建議，消費者在直播間購物時應保留訂單截圖和聊天記錄，以便發生糾紛時維權。"}});
}

TEST_CASE("captures: a line of credits with an empty source, and an editor's credit, stay out of the body") {
    checkExact("text_meta_credits.txt",
               {"市場監管局發布春季消費提示", "2024-03-01T10:00:00+08:00", "", "",
                {"春季是旅遊消費旺季，市場監管局提醒消費者選擇正規旅行社，簽訂書面合同。",
                 "外出就餐時，要選擇證照齊全的餐飲單位，索要並保留消費憑證。"}});
}

TEST_CASE("captures: a source apart from the date by '|'") {
    checkExact("text_pipe_source.txt",
               {"警惕免費體檢背後的保健品推銷", "2022-06-08T15:30:00+08:00", "人民網", "消費警示",
                {"近期，一些不法商家以免費體檢為名吸引老年人參加講座，隨後高價推銷保健品。",
                 "消費者協會提醒，遇到此類活動要提高警惕，不輕信所謂專家的推薦。"}});
}

TEST_CASE("captures: an HTML page without a date: the line <title> repeats after the site's name") {
    checkExact("html_title_after_site.html",
               {"夏季空調清洗消費提示", "(none)", "", "",
                {"入夏以來，空調清洗服務需求增加，部分消費者反映遭遇低價引流、現場加價等問題。",
                 "市消費者委員會提醒消費者，選擇服務前問清收費標準，服務完成後索取收費憑證。"}});
}
