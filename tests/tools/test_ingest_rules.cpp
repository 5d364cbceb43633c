// ingest: the line rules (dates, labels, site facts, chrome) on lines as such pages write them.
#include <doctest/doctest.h>

#include "ingest/date_scan.h"
#include "ingest/line_rules.h"
#include "ingest/text_util.h"

using namespace reader::tools::ingest;

namespace {

std::string iso(const LocalTime& time) { return formatIso(toDateTime(time, 8 * 60)); }

}  // namespace

TEST_CASE("rules: publish times in the forms pages print them") {
    const auto seed = findDates("發布時間:2023-08-17 22:10:37 來源:内蒙古自(zì)治區市(shì)場監督管理局");
    REQUIRE(seed.size() == 1);
    CHECK(seed[0].labelled);
    CHECK(iso(seed[0].time) == "2023-08-17T22:10:37+08:00");

    const auto chinese = findDates("发布日期：2023年8月7日 9时05分");
    REQUIRE(chinese.size() == 1);
    CHECK(chinese[0].labelled);
    CHECK(iso(chinese[0].time) == "2023-08-07T09:05:00+08:00");

    const auto slashes = findDates("2023/08/17 22:10");
    REQUIRE(slashes.size() == 1);
    CHECK_FALSE(slashes[0].labelled);
    CHECK(iso(slashes[0].time) == "2023-08-17T22:10:00+08:00");

    const auto withOffset = findDates("2023-08-17T22:10:37+0900");
    REQUIRE(withOffset.size() == 1);
    CHECK(iso(withOffset[0].time) == "2023-08-17T22:10:37+09:00");
}

TEST_CASE("rules: no date where there is none") {
    CHECK(findDates("2023-02-30").empty());  // no such day
    CHECK(findDates("12023-08-17").empty());
    CHECK(findDates("2023年(nián)第一(yī)次自(zì)治區知識産權戰略實施工(gōng)作廳際聯席會議召開").empty());
    CHECK(isClockLine("今天是：2026年11月25日 星期三"));
    CHECK_FALSE(isClockLine("發布時間:2023-08-17 22:10:37"));
}

TEST_CASE("rules: --tz offsets") {
    CHECK(parseOffset("+08:00") == 480);
    CHECK(parseOffset("-05:30") == -330);
    CHECK(parseOffset("08:00") == std::nullopt);
    CHECK(parseOffset("+24:00") == std::nullopt);
}

TEST_CASE("rules: the source ends at a space or the next label") {
    CHECK(findSource("發布時間:2023-08-17 22:10:37 來源:内蒙古自(zì)治區市(shì)場監督管理局 字體\u00a0[\u00a0 小(xiǎo)\u00a0]") ==
          "内蒙古自(zì)治區市(shì)場監督管理局");
    CHECK(findSource("来源：新华网　作者：张三") == "新华网");
    CHECK(findSource("文章来源: 人民网 2023-01-01") == "人民网");
    CHECK(findSource("信息来源：市消协浏览次数：12") == "市消协");
    CHECK(findSource("会议召开") == "");
}

TEST_CASE("rules: breadcrumb trails and the category they name") {
    const auto seed = findBreadcrumb("當前位置:首頁\u00a0>\u00a0消協動态", false);
    CHECK(seed == std::vector<std::string>{"首頁", "消協動态"});
    CHECK(categoryFromCrumbs(seed, "") == "消協動态");

    const auto withArticle = findBreadcrumb("您现在的位置：首页 >> 通知公告 >> 正文", false);
    CHECK(categoryFromCrumbs(withArticle, "") == "通知公告");
    const auto withTitle = findBreadcrumb("您的位置：首页 > 消协动态 > 2023年第一次自治区知识产权…", false);
    CHECK(categoryFromCrumbs(withTitle, "2023年第一次自治区知识产权战略实施工作厅际联席会议召开") == "消协动态");
    CHECK(categoryFromCrumbs(findBreadcrumb("当前位置：首页", false), "") == "");

    CHECK(findBreadcrumb("新闻 > 国内", false).empty());         // no label, no hint, no home page, no article
    CHECK(findBreadcrumb("3/15 > 2/15", false).empty());
    CHECK(findBreadcrumb("首页 > 新闻", false) == std::vector<std::string>{"首页", "新闻"});  // from the home page
    CHECK(findBreadcrumb("首页/ 今日子洲/ 正文", false) == std::vector<std::string>{"首页", "今日子洲", "正文"});
    const auto siteHome = findBreadcrumb("每經網首頁 > 專題直播 > 正文", false);
    CHECK(siteHome == std::vector<std::string>{"每經網首頁", "專題直播", "正文"});
    CHECK(categoryFromCrumbs(siteHome, "") == "專題直播");
    CHECK(findBreadcrumb("消费/维权/投诉", false).empty());      // slashes in a phrase: no home page, no article
    CHECK(findBreadcrumb("地址：人民路1号", true).empty());      // hinted, but one phrase is no trail
    CHECK(findBreadcrumb("首页 > 新闻", true) == std::vector<std::string>{"首页", "新闻"});
    CHECK(findBreadcrumb("会议所在的位置很好", false).empty());  // "位置" without a colon
}

TEST_CASE("rules: hotlines, on the label's line or on the lines after it") {
    const HotlineScan open = findHotlines("投訴電話:");
    CHECK(open.hotlines.empty());
    CHECK(open.openLabel == "投訴電話");

    const HotlineScan two = findHotlines("投诉电话：12315、0471-6920007 地址：人民路1号");
    REQUIRE(two.hotlines.size() == 2);
    CHECK(two.hotlines[0].label == "投诉电话");
    CHECK(two.hotlines[0].number == "12315");
    CHECK(two.hotlines[1].number == "0471-6920007");
    CHECK(two.openLabel == "");  // the address follows: later lines are not its numbers

    CHECK(numbersOnly("0471-6920007") == std::vector<std::string>{"0471-6920007"});
    CHECK(numbersOnly("12315\u00a0\u00a00471-6920007") == std::vector<std::string>{"12315", "0471-6920007"});
    CHECK(numbersOnly("2023年") == std::nullopt);
    CHECK(numbersOnly("12") == std::nullopt);
    CHECK(findHotlines("遇到纠纷可拨打12315投诉热线。").hotlines.empty());
}

TEST_CASE("rules: copyright holder, address and visitor counter, without pinyin") {
    CHECK(findCopyrightHolder("内蒙古自(zì)治區消費者權益保護服務中心 版權所有") == "内蒙古自治區消費者權益保護服務中心");
    CHECK(findCopyrightHolder("版权所有：某市消费者协会 | 蒙ICP备05000000号") == "某市消费者协会");
    CHECK(findCopyrightHolder("Copyright © 2020-2024 示例市消费者协会 All Rights Reserved") == "示例市消费者协会");
    CHECK(findCopyrightHolder("主办单位：某市消费者协会") == "");

    CHECK(findAddress("地址:呼和浩特市(shì)新城(chéng)區興安南(nán)路(lù)9号 舊站(zhàn)") == "呼和浩特市新城區興安南路9号 舊站");
    CHECK(findAddress("地址：呼和浩特市新城区兴安南路9号　邮编：010010") == "呼和浩特市新城区兴安南路9号");
    CHECK(findAddress("联系地址: 人民路1号 电话：0471-1234567") == "人民路1号");
    CHECK(findAddress("网站地址变更通知") == "");

    CHECK(findVisitorCount("您是本網站(zhàn)第2125453021位訪客") == 2125453021u);
    CHECK(findVisitorCount("访问量：12,345") == 12345u);
    CHECK(findVisitorCount("您是第 42 位访问者") == 42u);
    CHECK(findVisitorCount("您是第99999999999999999999999位访客") == std::nullopt);
    CHECK(findVisitorCount("浏览次数：1024") == std::nullopt);  // the article's views, not the site's visitors
}

TEST_CASE("rules: inline pinyin goes from site fields, real parentheses stay") {
    CHECK(stripPinyin("呼和浩特市(shì)新城(chéng)區") == "呼和浩特市新城區");
    CHECK(stripPinyin("女(nǚ)士") == "女士");
    CHECK(stripPinyin("條例（試行）") == "條例（試行）");
    CHECK(stripPinyin("(記者 王明)") == "(記者 王明)");
    CHECK(stripPinyin("《年度報告(2025)》") == "《年度報告(2025)》");
    CHECK(stripPinyin("Wi(fi)") == "Wi(fi)");  // after a Latin letter: not an annotation
}

TEST_CASE("rules: chrome lines") {
    CHECK(isChromeLine("字體 [ 大 中 小 ]"));
    CHECK(isChromeLine("【大 中 小】"));
    CHECK(isChromeLine("【打印本页】【关闭窗口】"));
    CHECK(isChromeLine("分享到：微信 微博"));
    CHECK(isChromeLine("今天是:"));
    CHECK_FALSE(isChromeLine("會議期間,自(zì)治區黨委宣傳部、公安廳作了工(gōng)作情況彙報。"));
}
