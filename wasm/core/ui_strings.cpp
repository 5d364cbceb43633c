// The reader's own words, one table per locale, and the choice of table by locale tag (ui_strings.h).
#include "ui_strings.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace reader::core {

namespace {

const UiStrings kTraditional{
    "zh-Hant", "今天是：", "投訴電話：", "首頁", "發布時間：", "來源：", "字體",
    {"小", "中", "大"}, "拼音", {"上方", "隱藏", "行內"}, "複製", "分類", "搜尋文章", "搜尋結果", "沒有找到相關文章。", {"最新", "相關"},
    "正在建立搜尋索引…", "標題全部可搜；正文在文章打開後才能搜到。", "正在取得搜尋索引…", "您是本網站第", "位訪客", "版權所有", "地址：",
    "正在載入…", "無法載入內容", "重試", "仍顯示上次成功載入的內容。", "此分類暫無文章。", "找不到此頁面。",
    {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
    {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
    "約 ", " 分鐘讀完", "設定", "縮放", "行距", "版面寬度", "字距", "對齊", {"齊頭", "兩端對齊"},
    "主題", {"自動", "淺色", "深色", "棕褐", "灰色", "高對比"}, "文字", {"原文", "繁體", "简体"}, "恢復預設",
    "朗讀", "暫停朗讀", "繼續朗讀", "朗讀速度", "列印",
    "點選顯示", "聲調顏色", {"無", "Pleco", "MDBG"}, "字形", {"黑體", "明體"}, "目前位置",
    {"", "小標題", "圖說", "圖片來源", "清單", "表格", "引文", "附件"},
    {"上一個", "下一個", "清除標示"},
    {"分類", "年份", "月份", "全部", "按日期瀏覽"},
    "標記", "筆記", "引用連結", "完成", "刪除", "加入書籤", "已加書籤", "標注", "關閉",
    {"匯出 Markdown", "匯出 JSON", "匯出 CSV"}, "匯入", "前往", "原文已更改，找不到此段", "還沒有標記、筆記或書籤。選取文字即可標記。",
    "已匯出：", "已匯入（新增 / 讀到）：", "無法匯入："};

const UiStrings kSimplified{
    "zh-Hans", "今天是：", "投诉电话：", "首页", "发布时间：", "来源：", "字体",
    {"小", "中", "大"}, "拼音", {"上方", "隐藏", "行内"}, "复制", "分类", "搜索文章", "搜索结果", "没有找到相关文章。", {"最新", "相关"},
    "正在建立搜索索引…", "标题全部可搜；正文在文章打开后才能搜到。", "正在获取搜索索引…", "您是本网站第", "位访客", "版权所有", "地址：",
    "正在载入…", "无法载入内容", "重试", "仍显示上次成功载入的内容。", "此分类暂无文章。", "找不到此页面。",
    {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
    {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
    "约 ", " 分钟读完", "设置", "缩放", "行距", "版面宽度", "字距", "对齐", {"齐头", "两端对齐"},
    "主题", {"自动", "浅色", "深色", "棕褐", "灰色", "高对比"}, "文字", {"原文", "繁體", "简体"}, "恢复默认",
    "朗读", "暂停朗读", "继续朗读", "朗读速度", "打印",
    "点选显示", "声调颜色", {"无", "Pleco", "MDBG"}, "字形", {"黑体", "宋体"}, "当前位置",
    {"", "小标题", "图说", "图片来源", "列表", "表格", "引文", "附件"},
    {"上一个", "下一个", "清除标示"},
    {"分类", "年份", "月份", "全部", "按日期浏览"},
    "标记", "笔记", "引用链接", "完成", "删除", "加入书签", "已加书签", "标注", "关闭",
    {"导出 Markdown", "导出 JSON", "导出 CSV"}, "导入", "前往", "原文已更改，找不到此段", "还没有标记、笔记或书签。选取文字即可标记。",
    "已导出：", "已导入（新增 / 读到）：", "无法导入："};

const UiStrings kEnglish{
    "en", "Today is ", "Complaints: ", "Home", "Published: ", "Source: ", "Text size",
    {"S", "M", "L"}, "Pinyin", {"Above", "Off", "Inline"}, "Copy", "Categories", "Search articles", "Search results", "No articles found.", {"Newest", "Relevance"},
    "Building the search index…", "Titles are all searched; a body only once its article has been opened.", "Fetching the search index…", "You are visitor no. ", "", "All rights reserved", "Address: ",
    "Loading…", "Could not load the content", "Retry", "The last content that loaded is still shown.",
    "No articles in this category.", "This page does not exist.",
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    "", " min read", "Settings", "Zoom", "Line height", "Width", "Spacing", "Alignment", {"Start", "Justified"},
    "Theme", {"Auto", "Light", "Dark", "Sepia", "Gray", "High contrast"}, "Script", {"Original", "繁體", "简体"}, "Reset",
    "Read aloud", "Pause", "Resume", "Reading speed", "Print",
    "On demand", "Tone colours", {"None", "Pleco", "MDBG"}, "Typeface", {"Sans", "Serif"}, "Breadcrumb",
    {"", "Heading", "Caption", "Credit", "List", "Table", "Quote", "Attachment"},
    {"Previous", "Next", "Clear"},
    {"Category", "Year", "Month", "All", "Browse by date"},
    "Highlight", "Note", "Copy with link", "Done", "Remove", "Bookmark", "Bookmarked", "Notes", "Close",
    {"Export Markdown", "Export JSON", "Export CSV"}, "Import", "Go to", "The text changed; this passage is gone",
    "No highlights, notes or bookmarks yet. Select text to highlight it.",
    "Exported: ", "Imported (added / read): ", "Could not import: "};

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

const UiStrings& uiStringsFor(std::string_view locale) {
    const std::string tag = lowered(locale);
    const auto is = [&](std::string_view prefix) {
        return tag == prefix || (tag.size() > prefix.size() && tag.compare(0, prefix.size(), prefix) == 0 && tag[prefix.size()] == '-');
    };
    if (is("zh-hant") || is("zh-tw") || is("zh-hk") || is("zh-mo")) return kTraditional;
    if (is("zh")) return kSimplified;
    return kEnglish;
}

}  // namespace reader::core
