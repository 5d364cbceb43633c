// Rules that read one line of a news page: the labelled fields ("來源:", "當前位置:", "投訴電話:",
// "地址:", "版權所有", "您是本網站第N位訪客") and the chrome around an article ("字體 [ 大 中 小 ]",
// "分享到", "今天是"). The HTML and plain-text extractors cut pages into lines differently and then
// both use these. Site fields come back without inline pinyin; article fields verbatim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"

namespace reader::tools::ingest {

// "來源:内蒙古自(zì)治區市(shì)場監督管理局 字體 [ 小 ]" -> "内蒙古自(zì)治區市(shì)場監督管理局";
// empty when the line names no source (also "來源: 本文被閱讀次數:35": a label, not a name).
std::string findSource(std::string_view line);
// The one name on a date line without a source label ("中國網 2017-03-05 13:47:31",
// "2021-03-16 10:20 | 人民網"): a short Han word with no digit, colon or label in it. Empty
// when there is none or more than one.
std::string findUnlabelledSource(std::string_view line);
// A line of labelled meta fields rather than text: "來源:… 作者:… 編輯:…", "作者：張三",
// "2021-03-16 07:10 瀏覽人次:".
bool isMetaFieldLine(std::string_view line);

// "當前位置:首頁 > 消協動态" -> {"首頁", "消協動态"}. Without a "位置:" label when the line came
// from an element marked as a breadcrumb trail (hinted) and has two crumbs or more, or when it is
// a short trail of two crumbs or more (also apart by '/') that starts at the home page ("首页",
// "每經網首頁") or ends at the article ("正文"): "首页/ 今日子洲/ 正文".
// Empty when the line is no trail.
std::vector<std::string> findBreadcrumb(std::string_view line, bool hinted);
// The category a trail names: its last crumb, leaving out the home page, the article itself
// (its title or a prefix of it) and words like "正文". Empty when none is left.
std::string categoryFromCrumbs(const std::vector<std::string>& crumbs, std::string_view title);

// The hotlines a line names ("投訴電話:12315、0471-6920007"). openLabel is set when the line ends
// inside a hotline's number list (or right after its label): the next lines may continue it.
struct HotlineScan {
    std::vector<core::Hotline> hotlines;
    std::string openLabel;  // the label numbers on following lines belong to, or empty
};
HotlineScan findHotlines(std::string_view line);
// A line made only of phone numbers ("12315", "0471-6920007 0471-6920008"), or nullopt.
std::optional<std::vector<std::string>> numbersOnly(std::string_view line);

std::string findCopyrightHolder(std::string_view line);
std::string findAddress(std::string_view line);
std::optional<uint64_t> findVisitorCount(std::string_view line);

// Page furniture rather than content: font-size switches, share and print links, "today is" clocks,
// previous/next links, editor credits ("(責編:…)"), tags and related links ("關鍵詞:", "相關推薦").
bool isChromeLine(std::string_view line);
// A line after which the page shows other things than the article ("相關推薦", "媒體焦點", "關鍵詞:").
bool isArticleEndLine(std::string_view line);
// A line showing the current date (a clock the page draws), whose date is not the publish time.
bool isClockLine(std::string_view line);

}  // namespace reader::tools::ingest
