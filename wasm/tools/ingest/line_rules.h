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
// empty when the line names no source.
std::string findSource(std::string_view line);

// "當前位置:首頁 > 消協動态" -> {"首頁", "消協動态"}. Without a "位置:" label only when the line
// came from an element marked as a breadcrumb trail (hinted), and with two crumbs or more.
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
// previous/next links, editor credits.
bool isChromeLine(std::string_view line);
// A line showing the current date (a clock the page draws), whose date is not the publish time.
bool isClockLine(std::string_view line);

}  // namespace reader::tools::ingest
