// synth --articles N --seed S [--out FILE]: a synthetic bundle (format v1) shaped like the sample
// bundle, for benchmarks and tests of large bundles. The same N and S give the same bytes on every
// machine: the random numbers are splitmix64's, drawn in a fixed order, and no std::*_distribution
// (whose output differs between standard libraries) is used. Never draw twice in one expression:
// C++ leaves the order of the draws to the compiler.
//
// What makes it realistic (the sample, data/sample-bundle.json, has 18 articles of 450 characters,
// 1.5 KB of JSON each on average, paragraphs of about 100 characters, one annotation per 33):
// - a tree of 10 categories, articles spread over them unevenly;
// - publish times spread over 2016-01-01 .. 2026-01-31 at +08:00, 08:00-21:59;
// - 1-7 paragraphs (mostly 3), median 104 characters (10% under 66, 10% over 155, the longest about
//   850), titles of 11-39: 445 characters and 1.5 KB of JSON an article (seed 1, 1000 articles);
// - text in the sample's register: its clauses (kClauses, taken from the sample with annotations
//   removed) chained into sentences, and sentence templates with places, organisations, goods,
//   dates and figures; traditional characters with the sample's habitual simplified ones (内, 号,
//   态), some characters simplified at random, and one article in ten wholly simplified;
// - inline pinyin on the characters the sample annotates, with the sample's readings (年(nián),
//   工(gōng)): none in a third of the articles, on nearly every such character in the others, as
//   the seed article does; one annotation per 31 characters overall.
// 100,000 articles: 160 MB, 1.4 s.
//
// Index
//   [SECTION] Random numbers
//   [SECTION] Vocabulary
//   [SECTION] Text
//   [SECTION] Articles
//   [SECTION] JSON
//   [SECTION] Command
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "core/calendar.h"
#include "core/text_fold.h"
#include "core/utf8.h"

namespace reader::tools {

namespace {

// [SECTION] Random numbers

// splitmix64 (Steele, Lea, Flood 2014): one 64-bit state, a fixed sequence for a seed.
class Random {
public:
    explicit Random(uint64_t seed) : m_state(seed) {}

    uint64_t next() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // 0 .. n-1 (n > 0): the high 32 bits of a draw, scaled by n (Lemire's multiply-shift; its bias is
    // below n / 2^32, nothing for the small n used here).
    uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
    uint32_t between(uint32_t low, uint32_t high) { return low + below(high - low + 1); }  // inclusive
    bool percent(uint32_t p) { return below(100) < p; }
    template <class T, size_t N>
    const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

private:
    uint64_t m_state;
};

// [SECTION] Vocabulary

template <class... T>
constexpr auto list(T... items) { return std::array<std::string_view, sizeof...(T)>{items...}; }

// Clauses of the sample's paragraphs (between punctuation, annotations removed, 4-22 characters,
// without digits, Latin letters or brackets), in the order they appear there.
constexpr auto kClauses = list(
    "認真落實黨中央", "國務院和自治區黨委", "政府關于強化知識産權保護的決策部署", "自治區副主席奇巴圖主持會議并講話", "自治區市場監管局黨組書記",
    "局長吳振清就有關工作作了通報并提出具體要求", "自治區政府辦公廳副主任盧穎石出席會議", "會議指出", "自治區黨委",
    "政府高度重視知識産權保護工作", "堅持以習近平新時代中國特色社會主義思想爲指導", "貫徹落實黨中央", "國務院決策部署",
    "全面落實知識産權保護屬地責任", "定期召開專題會議部署工作", "在自治區黨委", "政府領導下", "全區知識産權全鏈條保護不斷強化",
    "各項工作機制運行順暢", "部門間合作更加高效", "知識産權保護工作在前一年基礎上取得了新進展", "會議強調", "對标對表先進省份經驗做法",
    "采取有力措施補短闆強弱項", "想方設法把工作趕上來", "一是高度重視檢查考核工作", "要提高政治站位", "落實主體責任",
    "對照考核任務清單明确具體任務", "理清責任分工和工作要求", "将工作落實到具體處室", "具體責任人", "确保事不漏項", "項不漏人",
    "二是推動檢查考核晉位升級", "要堅守已有成果", "對一些好的經驗做法和工作成果要繼續保持鞏固", "不斷提升", "要補短闆強弱項", "對工作中存在的問題",
    "抓緊研究", "提出解決對策", "限時整改完善", "要提煉亮點工作", "善于從近年來的工作成績中總結", "提煉出亮點工作", "力争工作取得突破",
    "要堅持改革創新", "切實轉變思想觀念", "改進工作作風", "學習借鑒先進省份經驗做法", "大膽闖大膽試大膽幹", "以實幹出成果",
    "三是精心準備檢查考核資料", "要緊盯考核任務清單", "進一步梳理細化工作條目", "認真收集整理每一份資料", "仔細核對分析每一組數據",
    "确保證明支撐材料有針對性和說服力", "四是強化檢查考核調度指導", "自治區市場監管局要切實履行牽頭抓總責任", "統籌協調做好檢查考核日常工作",
    "并盡快組織一次相關政策指标解讀和培訓工作", "各部門各單位要切實扛起責任", "全力支持", "協助配合抓好工作落實", "定期通報工作推進落實情況",
    "好的通報表揚", "差的督促整改", "召集人由自治區副主席奇巴圖同志擔任", "各成員單位有關負責同志爲聯席會議成員",
    "聯席會議辦公室設在自治區市場監管局", "會議要求", "各部門各單位要轉觀念", "迅速進入檢查考核備戰狀态", "繼續保持吃苦耐勞", "一往無前的奮戰精神",
    "實打實幹抓落實", "集中力量做好檢查考核各項工作", "拿出實實在在的成果交卷", "圓滿完成自治區黨委", "政府交給的任務",
    "全力争取檢查考核工作取得良好成績", "會議期間", "自治區黨委宣傳部", "高級人民法院作了工作情況彙報", "活動現場設置咨詢台",
    "投訴受理台和商品比較試驗展示區", "自治區消協提醒廣大消費者", "培訓邀請自治區高級人民法院", "内蒙古大學法學院的專家授課",
    "消費投訴受理與調解技巧", "預付式消費糾紛處理等内容進行系統講解", "並結合典型案例開展現場模拟調解", "自治區消協有關負責同志表示",
    "基層是消費維權的第一道防線", "各級消協要以此次培訓爲契機", "不斷提升投訴處理的規範化", "專業化水平", "推動消費糾紛在基層一線就地化解",
    "自治區消協陸續接到多起涉及健身房", "美容美發", "教育培訓等行業預付卡的投訴", "主要反映經營者關門跑路", "拒不退款",
    "擅自變更服務内容等問題", "自治區消協發布本期消費提示", "提醒消費者理性辦卡", "一看經營資質", "查驗營業執照和相關許可證件", "二看合同條款",
    "重點關注退費規則", "有效期限和違約責任", "三看充值金額", "一留是指留存憑證", "消費者應妥善保管合同", "付款記錄和宣傳單頁", "一旦發生糾紛",
    "自治區消協召開新聞通氣會", "從調解方式看", "線下調解主要集中在家用電器", "汽車及零部件", "預付式消費等領域", "涉及商品房交付",
    "老年人保健品消費", "網絡直播帶貨等熱點問題", "自治區消協表示", "讓消費糾紛化解更加高效便捷", "全區大部分地區氣溫持續走低",
    "暖風機等取暖電器進入銷售和使用旺季", "自治區消費者權益保護服務中心提醒消費者", "選購和使用取暖電器要注意安全", "查看銘牌上的額定功率", "電壓等參數",
    "使用時不要将電暖器靠近窗簾", "被褥等易燃物品", "不要在同一插座上同時連接多個大功率電器", "使用燃煤", "燃氣取暖的家庭",
    "要定期檢查煙道和排氣管", "保持室内通風", "謹防中毒", "除涉及國家秘密", "商業秘密和個人隱私的以外", "将按季度公示被投訴經營者名稱", "投訴數量",
    "處理結果等信息", "自治區市場監管局有關負責人表示", "有利于引導消費者理性選擇", "經營者對公示信息有異議的", "經核實确有錯誤的",
    "應當及時予以更正", "做好投訴數據歸集和審核工作", "确保公示信息真實", "針對預付式消費", "自動續費", "經營者采取自動展期",
    "自動續費等方式提供服務的", "應當在消費者接受服務前和自動展期", "自動續費等日期前", "以顯著方式提請消費者注意",
    "經營者不得在消費者不知情的情況下", "依法查處侵害消費者權益的違法行爲", "總結上半年工作", "部署下半年重點任務", "會議通報", "從投訴領域看",
    "商品類投訴主要集中在家用電器", "服裝鞋帽和食品", "服務類投訴主要集中在預付式消費", "網絡購物和教育培訓", "下半年要聚焦新能源汽車", "直播帶貨",
    "老年人消費等熱點領域", "加強消費調查和比較試驗", "進一步提升消費維權效能", "要健全與法院", "人民調解組織的銜接機制", "讓消費糾紛就地化解",
    "快速化解", "入冬前夕", "超市和電商平台購買羽絨服", "委托具備資質的第三方檢測機構開展質量抽檢", "檢測結果顯示",
    "不合格項目主要涉及含絨量", "涉嫌以次充好", "中心已将抽檢結果通報自治區市場監管局", "並約談相關經營者", "要求對不合格産品下架整改",
    "中心提醒消費者", "購買羽絨服時要查看吊牌上的含絨量", "保留購物憑證", "各電商平台和直播間紛紛推出預售", "跨店津貼等促銷活動", "要理性消費",
    "按需購買", "不盲目跟風囤貨", "一要看清規則", "預售商品的定金一般不退", "付尾款前要仔細核對價格", "二要選擇正規平台", "不要通過微信",
    "三要保存證據", "對直播間的商品介紹", "聊天記錄及時截圖或錄屏", "除消費者定作的", "鮮活易腐的等商品外", "消費者權益受到侵害時",
    "一些不法商家在社區", "吸引老年人參加所謂的養生課堂", "随後高價推銷保健食品和理療器械",
    "相關産品多數只是普通食品或第一類醫療器械", "涉嫌虛假宣傳", "中心提醒", "保健食品不是藥物", "不能代替藥物治療疾病", "子女要多關心家中老人",
    "調查發現", "消費者對外賣配送時效的滿意度較高", "自治區消協已将調查中發現的問題反饋給相關平台", "要求限期整改", "並建議平台完善費用公示",
    "評價展示和投訴處理機制", "切實保障消費者的知情權和選擇權", "對報告内容有疑問的", "分析今年以來網購投訴特點",
    "研究建立投訴信息共享和聯合處置機制", "雙方相關處室", "主要涉及直播帶貨虛假宣傳", "商品質量與描述不符", "售後客服推諉等問題", "會議确定",
    "雙方将每季度召開一次聯席會議", "對投訴量大", "整改不力的平台内經營者實行聯合約談", "消協對查處結果跟蹤回訪並及時向社會公開",
    "參會電商平台代表表示", "将進一步優化售後服務流程", "秋季開學在即", "電子産品和校外培訓等消費需求明顯增加", "理性選擇", "謹慎簽約",
    "避免不必要的損失", "報名校外培訓時", "要查驗機構的辦學許可證", "並要求機構出具正式發票", "選購學生平闆", "點讀機等電子産品時", "如遇糾紛",
    "面向農牧民普及消費維權知識", "啓動儀式上", "工作人員用蒙漢雙語講解識别假冒僞劣農資", "獸藥和飼料的方法",
    "並爲牧民調解了一起因飼料質量問題引發的糾紛", "自治區消協有關負責人介紹", "牧區地域遼闊", "居住分散", "農牧民維權意識相對薄弱",
    "購買到質量不合格的農機具", "太陽能設備等商品後往往投訴無門", "今後将依托蘇木鄉鎮消費維權服務站和流動服務車", "推動消費教育常态化", "入冬以來",
    "自治區消協陸續收到涉及新能源汽車的咨詢和投訴", "主要集中在低溫環境下續航里程大幅縮水", "充電時間延長", "車輛故障維修難等方面", "受電池特性影響",
    "消費者購車時不要只看宣傳數字", "應詢問低溫實測數據", "並在合同中明确電池質保期限和範圍", "冬季用車建議提前預熱電池", "合理使用空調",
    "長途出行前規劃好充電站點", "對于經營者虛假宣傳續航里程的行爲", "消費者可以依法要求賠償", "從投訴性質看", "售後服務和合同問題位居前三", "預付式消費",
    "網絡購物和汽車及零部件投訴量增幅較大", "自治區消協将圍繞年度主題", "持續推進消費維權服務站建設"
);

constexpr auto kPlaces = list(
    "呼和浩特市", "包頭市", "烏海市", "赤峰市", "通遼市", "鄂爾多斯市", "呼倫貝爾市", "巴彥淖爾市", "烏蘭察布市",
    "興安盟", "錫林郭勒盟", "阿拉善盟", "滿洲里市", "二連浩特市", "新城區", "回民區", "玉泉區", "賽罕區",
    "土默特左旗", "托克托縣", "和林格爾縣", "武川縣", "阿巴嘎旗", "正藍旗", "額爾古納市", "扎蘭屯市", "霍林郭勒市",
    "烏拉特前旗", "準格爾旗", "達拉特旗", "科爾沁區", "紅山區", "海拉爾區", "臨河區", "集寧區", "烏蘭浩特市");
constexpr auto kOrganisations = list(
    "自治區消協", "自治區消費者協會", "自治區市場監管局", "内蒙古自治區消費者權益保護服務中心", "自治區市場監督管理局",
    "中心", "自治區消協秘書處", "自治區消協投訴部");
constexpr auto kGoods = list(
    "預付卡", "保健食品", "羽絨服", "電動自行車", "新能源汽車", "家用電器", "取暖電器", "兒童玩具", "校外培訓",
    "外賣平台", "網絡直播", "二手車", "商品房", "智能手機", "寬帶服務", "快遞服務", "旅遊服務", "美容美發",
    "健身服務", "老年保健品", "農資", "獸藥", "飼料", "燃氣熱水器", "食用油", "乳製品", "牛羊肉", "電熱毯",
    "空氣淨化器", "學生文具", "網約車", "共享充電寶", "裝修服務", "家政服務", "醫療美容", "在線教育", "網絡遊戲",
    "月餅", "奶茶", "瓶裝水", "兒童手錶", "電動汽車充電樁", "羊絨衫", "馬奶酒", "牛肉乾");
constexpr auto kTopics = list(
    "消費維權", "知識産權保護", "投訴處理", "消費教育", "放心消費創建", "預付式消費監管", "網絡購物投訴處置",
    "消費糾紛調解", "食品安全", "産品質量監督", "價格監管", "廣告監管", "消費環境建設", "誠信經營");
constexpr auto kCampaigns = list(
    "3·15", "放心消費在内蒙古", "消費維權進牧區", "消費維權進校園", "消費維權進社區", "誠信經營示範店",
    "提振消費信心", "共促消費公平", "綠色消費");
constexpr auto kWhere = list("牧區", "校園", "社區", "企業", "鄉村", "商場", "嘎查", "蘇木");
constexpr auto kPeople = list(
    "王明", "李華", "張偉", "劉洋", "陳靜", "楊帆", "趙磊", "巴特爾", "其木格", "烏日娜", "蘇和", "阿拉坦", "那仁",
    "高娃", "孫志強", "周麗");
constexpr auto kSources = list(
    "内蒙古自治區消費者協會", "自治區消協", "内蒙古自(zì)治區市(shì)場監督管理局", "内蒙古日報", "錫林郭勒日報",
    "北方新報", "内蒙古自(zì)治區消費者權益保護服務中心", "正北方網", "呼和浩特日報");
constexpr auto kTraps = list("營銷陷阱", "虛假宣傳", "低價誘惑", "「免費體驗」套路", "霸王條款", "捆綁銷售",
                             "誘導充值", "退款難");
constexpr auto kAdvice = list("理性下單 謹防套路", "看清條款再簽約", "保留憑證 依法維權", "按需購買 不盲目跟風",
                              "認准正規渠道", "警惕低價陷阱", "查驗資質再付款");
constexpr auto kChecks = list("查看産品標識和合格證", "查驗經營者的營業執照", "仔細閱讀合同條款", "索要正式發票",
                              "查看包裝上的生産日期和保質期", "查看3C認證标志", "核對實際價格與頁面價格");
constexpr auto kSeasons = list("冬季", "夏季", "春節", "開學季", "「雙11」", "中秋", "國慶", "暑期");
constexpr auto kLaws = list(
    "中華人民共和國消費者權益保護法實施條例", "内蒙古自治區消費者權益保護條例", "禁止網絡不正當競爭行爲規定",
    "明碼標價和禁止價格欺詐規定", "網絡交易監督管理辦法", "内蒙古自治區消費投訴信息公示辦法（試行）",
    "單用途商業預付卡管理規定", "侵害消費者權益行爲處罰辦法");
constexpr auto kHotlines = list("12315", "0471-6920007", "12315或0471-6920007");

// Characters the sample annotates, with its readings.
struct Reading {
    char32_t character;
    std::string_view pinyin;
};
constexpr std::array kReadings = {
    Reading{U'年', "nián"}, Reading{U'一', "yī"}, Reading{U'自', "zì"}, Reading{U'工', "gōng"},
    Reading{U'通', "tōng"}, Reading{U'下', "xià"}, Reading{U'上', "shàng"}, Reading{U'市', "shì"},
    Reading{U'月', "yuè"}, Reading{U'就', "jiù"}, Reading{U'高', "gāo"}, Reading{U'件', "jiàn"},
    Reading{U'志', "zhì"}, Reading{U'民', "mín"}, Reading{U'事', "shì"}, Reading{U'到', "dào"},
    Reading{U'照', "zhào"}, Reading{U'相', "xiàng"}, Reading{U'路', "lù"}, Reading{U'站', "zhàn"},
    Reading{U'吃', "chī"},
};

struct CategoryInfo {
    std::string_view id;
    std::string_view name;
    std::string_view parent;
    uint32_t weight;  // share of the articles, in percent
};
constexpr std::array kCategories = {
    CategoryInfo{"xiaoxie-dongtai", "消協動态", "", 24},
    CategoryInfo{"mengshi-dongtai", "盟市動態", "xiaoxie-dongtai", 16},
    CategoryInfo{"weiquan-tishi", "維權提示", "", 5},
    CategoryInfo{"xiaofei-jingshi", "消費警示", "weiquan-tishi", 12},
    CategoryInfo{"xiaofei-tishi", "消費提示", "weiquan-tishi", 12},
    CategoryInfo{"zhengce-fagui", "政策法規", "", 8},
    CategoryInfo{"xiaofei-diaocha", "消費調查", "", 5},
    CategoryInfo{"bijiao-shiyan", "比較試驗", "xiaofei-diaocha", 6},
    CategoryInfo{"tousu-gongshi", "投訴公示", "", 6},
    CategoryInfo{"xiaofei-jiaoyu", "消費教育", "", 6},
};

// Title patterns by category (index into kCategories); {slots} as in expand().
struct TitlePattern {
    size_t category;
    std::string_view pattern;
};
constexpr std::array kTitlePatterns = {
    TitlePattern{0, "{org}召開{year}年{topic}工作會議"},
    TitlePattern{0, "{org}舉辦{year}年基層{topic}業務培訓班"},
    TitlePattern{0, "{org}開展「{campaign}」主題宣傳活動"},
    TitlePattern{0, "自治區消協與自治區市場監管局召開{topic}聯席會議"},
    TitlePattern{0, "{year}年「3·15」國際消費者權益日主題活動在{place}舉辦"},
    TitlePattern{1, "{place}消協開展{goods}消費維權宣傳"},
    TitlePattern{1, "{place}消協成功調解一起{goods}消費糾紛"},
    TitlePattern{1, "{place}召開{year}年{topic}工作推進會"},
    TitlePattern{1, "{place}新建{small}個基層消費維權服務站"},
    TitlePattern{2, "維權提示：{goods}消費糾紛如何處理"},
    TitlePattern{2, "消協提示：辦理{goods}要「三看一留」"},
    TitlePattern{3, "消費警示：警惕以「免費體驗」爲名的{goods}{trap}"},
    TitlePattern{3, "{season}使用{goods}的消費警示"},
    TitlePattern{3, "消費警示：{goods}消費謹防{trap}"},
    TitlePattern{4, "{season}消費提示：{advice}"},
    TitlePattern{4, "{goods}消費提示：{advice}"},
    TitlePattern{5, "《{law}》{month}月{day}日起施行"},
    TitlePattern{5, "{org}印發《{law}》"},
    TitlePattern{5, "《{law}》解讀"},
    TitlePattern{6, "{org}發布{year}年{goods}消費體驗調查報告"},
    TitlePattern{6, "{place}{goods}消費狀況調查結果發布"},
    TitlePattern{7, "{goods}比較試驗結果發布 {small}款樣品中{few}款不達标"},
    TitlePattern{7, "{org}發布{goods}質量抽檢結果"},
    TitlePattern{8, "{year}年第{quarter}季度消費投訴信息公示"},
    TitlePattern{8, "{year}年全區消協組織受理投訴情況分析"},
    TitlePattern{8, "{place}消協{year}年{month}月投訴情況通報"},
    TitlePattern{9, "「消費維權進{where}」宣傳教育活動在{place}啓動"},
    TitlePattern{9, "{org}走進{where}開展{goods}消費教育"},
};

// Sentences with slots, in the register of the sample's paragraphs.
constexpr auto kSentencePatterns = list(
    "{month}月{day}日，{org}在{place}召開{topic}工作會議，{clause}，{clause}。",
    "{month}月{day}日上午，{org}聯合{place}市場監管局舉辦「{campaign}」主題宣傳活動，吸引市民近{count}人次參與。",
    "今年1至{month}月，全區各級消協組織共受理消費者投訴{count}件，解決{count}件，投訴解決率{pct}%，爲消費者挽回經濟損失{money}萬元。",
    "{org}提醒消費者，購買{goods}時要{check}，保留購物憑證，發現問題可撥打{hotline}投訴。",
    "從投訴領域看，{goods}、{goods}和{goods}投訴量增幅較大。",
    "{org}在{place}、{place}等{small}個盟市購買{goods}樣品{small}批次，委托具備資質的第三方檢測機構開展質量抽檢。",
    "檢測結果顯示，{few}批次樣品不符合相關标準要求，不合格項目主要涉及標識和材質。",
    "活動現場發放宣傳資料{count}餘份，受理消費投訴{small}件，解答咨詢{count}餘人次。",
    "{org}有關負責人表示，{clause}，{clause}。",
    "{person}介紹，{clause}，{clause}，{clause}。",
    "如遇消費糾紛，可撥打投訴電話{hotline}。",
    "近期，{org}陸續接到多起涉及{goods}的投訴，主要反映經營者{trap}等問題。",
    "《{law}》明确，{clause}，{clause}。",
    "下一步，{org}将圍繞「{campaign}」年度主題，{clause}。",
    "{place}消協選送的《一起{goods}質量糾紛的調解》等{small}件案例入選。",
    "據統計，{year}年{place}共受理{goods}類投訴{count}件，同比增長{pct}%。",
    "消費者應妥善保管合同、發票和付款記錄，一旦發生糾紛，可憑相關證據撥打{hotline}投訴維權。",
    "{org}已将調查中發現的問題反饋給相關經營者，要求限期整改。");

// [SECTION] Text

struct DateParts {
    int year = 2020, month = 1, day = 1;
};

std::string number(uint32_t value) { return std::to_string(value); }

// "{slot}" -> a random value of its kind; any other text is copied.
std::string expand(std::string_view pattern, Random& random, const DateParts& date) {
    std::string out;
    for (size_t at = 0; at < pattern.size();) {
        const size_t open = pattern.find('{', at);
        if (open == std::string_view::npos) {
            out += pattern.substr(at);
            break;
        }
        out += pattern.substr(at, open - at);
        const size_t close = pattern.find('}', open);
        const std::string_view slot = pattern.substr(open + 1, close - open - 1);
        at = close + 1;
        if (slot == "place") out += random.pick(kPlaces);
        else if (slot == "org") out += random.pick(kOrganisations);
        else if (slot == "goods") out += random.pick(kGoods);
        else if (slot == "topic") out += random.pick(kTopics);
        else if (slot == "campaign") out += random.pick(kCampaigns);
        else if (slot == "where") out += random.pick(kWhere);
        else if (slot == "person") out += random.pick(kPeople);
        else if (slot == "trap") out += random.pick(kTraps);
        else if (slot == "advice") out += random.pick(kAdvice);
        else if (slot == "check") out += random.pick(kChecks);
        else if (slot == "season") out += random.pick(kSeasons);
        else if (slot == "law") out += random.pick(kLaws);
        else if (slot == "hotline") out += random.pick(kHotlines);
        else if (slot == "clause") out += random.pick(kClauses);
        else if (slot == "year") out += number(static_cast<uint32_t>(date.year));
        else if (slot == "month") out += number(static_cast<uint32_t>(date.month));
        else if (slot == "day") out += number(static_cast<uint32_t>(date.day));
        else if (slot == "quarter") out += number(random.between(1, 4));
        else if (slot == "few") out += number(random.between(1, 9));
        else if (slot == "small") out += number(random.between(10, 99));
        else if (slot == "count") out += number(random.between(100, 49999));
        else if (slot == "pct" || slot == "money") {
            const uint32_t whole = random.between(1, slot == "pct" ? 99 : 5999);  // one draw per statement:
            const uint32_t tenths = random.below(10);                            // the order is fixed
            out += number(whole) + "." + number(tenths);
        }
    }
    return out;
}

size_t codePoints(std::string_view text) {
    size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// A sentence: half the time two to four of the sample's clauses, else a pattern.
std::string sentence(Random& random, const DateParts& date) {
    if (random.percent(50)) {
        std::string out(random.pick(kClauses));
        for (uint32_t more = random.between(1, 3); more > 0; --more) {
            out += random.percent(85) ? "，" : "、";
            out += random.pick(kClauses);
        }
        return out + "。";
    }
    return expand(random.pick(kSentencePatterns), random, date);
}

// At least 40-120 characters, one paragraph in twelve 200-800 (sentences are added until it is that long).
std::string paragraph(Random& random, const DateParts& date) {
    const size_t target = random.percent(8) ? random.between(200, 800) : random.between(40, 120);
    std::string out;
    size_t length = 0;
    while (length < target) {
        const std::string next = sentence(random, date);
        length += codePoints(next);
        out += next;
    }
    return out;
}

// How an article's text is written: simplified characters, pinyin annotations.
struct Style {
    bool simplified = false;          // the whole article folded to simplified
    uint32_t simplifyPercent = 0;     // else: chance that a character is written simplified
    uint32_t annotatePercent = 0;     // chance that a character of kReadings gets its reading
};

bool isHan(char32_t cp) { return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF); }

// Applies the style: characters simplified (by search's own folding, which maps to OpenCC's
// simplified forms), readings added after the characters the sample annotates.
std::string styled(std::string_view text, const Style& style, Random& random) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = core::utf8::next(text, pos);
        if (isHan(cp) && (style.simplified || (style.simplifyPercent > 0 && random.percent(style.simplifyPercent))))
            cp = core::foldChar(cp);
        core::utf8::append(out, cp);
        if (style.annotatePercent == 0 || !isHan(cp)) continue;
        for (const Reading& reading : kReadings) {
            if (reading.character == cp) {
                if (random.percent(style.annotatePercent)) {
                    out += '(';
                    out += reading.pinyin;
                    out += ')';
                }
                break;
            }
        }
    }
    return out;
}

// [SECTION] Articles

constexpr core::CivilDate kFirstDay{2016, 1, 1};
constexpr core::CivilDate kLastDay{2026, 1, 31};

struct SynthArticle {
    std::string id;
    size_t category = 0;
    std::string title;
    std::string published;
    std::string source;  // empty: none
    std::vector<std::string> body;
};

size_t pickCategory(Random& random) {
    uint32_t roll = random.below(100);
    for (size_t i = 0; i < kCategories.size(); ++i) {
        if (roll < kCategories[i].weight) return i;
        roll -= kCategories[i].weight;
    }
    return 0;
}

std::string twoDigits(int value) { return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)}; }  // 0-99

SynthArticle makeArticle(Random& random, size_t number) {
    SynthArticle article;
    article.category = pickCategory(random);

    const int64_t first = core::daysFromCivil(kFirstDay);
    const int64_t day = first + random.below(static_cast<uint32_t>(core::daysFromCivil(kLastDay) - first + 1));
    const core::CivilDate date = core::civilFromDays(day);
    const core::CivilDate event = core::civilFromDays(day - random.below(4));  // what the text reports on
    const DateParts parts{event.year, event.month, event.day};
    const std::string ymd = std::to_string(date.year) + "-" + twoDigits(date.month) + "-" + twoDigits(date.day);
    const int hour = static_cast<int>(random.between(8, 21));
    const int minute = static_cast<int>(random.below(60));
    const int second = static_cast<int>(random.below(60));
    article.published = ymd + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second) + "+08:00";
    char serial[24];
    std::snprintf(serial, sizeof serial, "%06zu", number);
    article.id = ymd + "-" + std::string(kCategories[article.category].id) + "-" + serial;

    Style style;
    style.simplified = random.percent(10);
    style.simplifyPercent = 3;
    style.annotatePercent = random.percent(35) ? 0 : 95;

    std::vector<const TitlePattern*> patterns;
    for (const TitlePattern& pattern : kTitlePatterns) {
        if (pattern.category == article.category) patterns.push_back(&pattern);
    }
    article.title = styled(expand(patterns[random.below(static_cast<uint32_t>(patterns.size()))]->pattern, random, parts),
                           style, random);
    if (random.percent(70)) article.source = random.pick(kSources);

    const uint32_t roll = random.below(100);
    const uint32_t paragraphs = roll < 5 ? 1 : roll < 30 ? 2 : roll < 70 ? 3 : roll < 85 ? 4 : random.between(5, 7);
    for (uint32_t i = 0; i < paragraphs; ++i) {
        std::string text = paragraph(random, parts);
        if (i == 0 && random.percent(15)) text = "(記者 " + std::string(random.pick(kPeople)) + ") " + text;
        article.body.push_back(styled(text, style, random));
    }
    return article;
}

// [SECTION] JSON

void appendString(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendField(std::string& out, std::string_view name, std::string_view value) {
    appendString(out, name);
    out += ": ";
    appendString(out, value);
}

// The bundle, one category and one article per line.
std::string bundleJson(size_t articles, uint64_t seed) {
    std::string out;
    out.reserve(articles * 1400 + 4096);
    out += "{\n  \"format\": {\"name\": \"article-reader-bundle\", \"version\": \"1.0\"},\n";
    out += "  \"site\": {";
    appendField(out, "name", "内蒙古自治區消費者權益保護服務中心");
    out += ", ";
    appendField(out, "locale", "zh-Hant");
    out += ", ";
    appendField(out, "copyrightHolder", "内蒙古自治區消費者權益保護服務中心");
    out += ", \"hotlines\": [{";
    appendField(out, "label", "投訴電話");
    out += ", ";
    appendField(out, "number", "12315");
    out += "}, {";
    appendField(out, "label", "投訴電話");
    out += ", ";
    appendField(out, "number", "0471-6920007");
    out += "}]},\n  \"categories\": [\n";
    for (size_t i = 0; i < kCategories.size(); ++i) {
        out += "    {";
        appendField(out, "id", kCategories[i].id);
        out += ", ";
        appendField(out, "name", kCategories[i].name);
        if (!kCategories[i].parent.empty()) {
            out += ", ";
            appendField(out, "parent", kCategories[i].parent);
        }
        out += i + 1 < kCategories.size() ? "},\n" : "}\n";
    }
    out += "  ],\n  \"articles\": [\n";
    Random random(seed);
    for (size_t i = 0; i < articles; ++i) {
        const SynthArticle article = makeArticle(random, i + 1);
        out += "    {";
        appendField(out, "id", article.id);
        out += ", ";
        appendField(out, "category", kCategories[article.category].id);
        out += ", ";
        appendField(out, "title", article.title);
        out += ", ";
        appendField(out, "published", article.published);
        if (!article.source.empty()) {
            out += ", ";
            appendField(out, "source", article.source);
        }
        out += ", \"body\": [";
        for (size_t p = 0; p < article.body.size(); ++p) {
            if (p > 0) out += ", ";
            appendString(out, article.body[p]);
        }
        out += i + 1 < articles ? "]},\n" : "]}\n";
    }
    out += "  ]\n}\n";
    return out;
}

// A whole decimal number, or nullopt.
template <class T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

// [SECTION] Command

int runSynth(Args args) {
    constexpr size_t kMaxArticles = 1'000'000;  // the loader's default limit
    std::optional<size_t> articles;
    std::optional<uint64_t> seed;
    const char* outPath = nullptr;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (i + 1 == args.size()) return usage("synth: " + std::string(arg) + " needs a value");
        const std::string_view value = args[++i];
        if (arg == "--articles") {
            articles = parseNumber<size_t>(value);
            if (!articles || *articles > kMaxArticles)
                return usage("synth: --articles takes a whole number from 0 to 1000000, not \"" + std::string(value) + "\"");
        } else if (arg == "--seed") {
            seed = parseNumber<uint64_t>(value);
            if (!seed) return usage("synth: --seed takes a whole number from 0 to 2^64-1, not \"" + std::string(value) + "\"");
        } else if (arg == "--out") {
            outPath = args[i];
        } else {
            return usage("synth: unknown option " + std::string(arg));
        }
    }
    if (!articles || !seed) return usage("synth needs --articles N and --seed S");

    const std::string json = bundleJson(*articles, *seed);
    if (outPath == nullptr) {
        const core::Result<void> written = writeStdout(json);
        if (written) return kExitOk;
        std::cerr << "reader-tool: cannot write the bundle: " << written.error().message << "\n";
        return kExitBadInput;
    }
    if (const core::Result<void> written = writeFile(outPath, json); !written) {
        std::cerr << "reader-tool: cannot write " << outPath << ": " << written.error().message << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}

}  // namespace reader::tools
