// The syllables of Standard Mandarin in Hanyu Pinyin, and the test of a toneless reading (pinyin_syllables.h).
#include "pinyin_syllables.h"

#include <algorithm>
#include <array>

namespace reader::core::pinyin {

namespace {

// Every toneless syllable of the standard Hanyu Pinyin table, one row per initial, including the
// rare ones a dictionary lists (dia 嗲, den 扽, kei 剋, nou 耨, nun 黁, rua 挼, zhei 這, shei 誰,
// chua 欻, eng 鞥, lo 咯, yo 喲, ei 欸). Left out: ê 欸, which needs a letter no annotation in
// practice uses, and the consonant interjections m, n, ng, hm, hng, which collide with units and
// symbols in parentheses: (m), (n), (N2).
constexpr std::array kTable = std::to_array<std::string_view>({
    // no initial
    "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er",
    "yi", "ya", "yo", "ye", "yao", "you", "yan", "yin", "yang", "ying", "yong",
    "wu", "wa", "wo", "wai", "wei", "wan", "wen", "wang", "weng",
    "yu", "yue", "yuan", "yun",
    // b p m f
    "ba", "bo", "bai", "bei", "bao", "ban", "ben", "bang", "beng",
    "bi", "bie", "biao", "bian", "bin", "bing", "bu",
    "pa", "po", "pai", "pei", "pao", "pou", "pan", "pen", "pang", "peng",
    "pi", "pie", "piao", "pian", "pin", "ping", "pu",
    "ma", "mo", "me", "mai", "mei", "mao", "mou", "man", "men", "mang", "meng",
    "mi", "mie", "miao", "miu", "mian", "min", "ming", "mu",
    "fa", "fo", "fei", "fou", "fan", "fen", "fang", "feng", "fu",
    // d t n l
    "da", "de", "dai", "dei", "dao", "dou", "dan", "den", "dang", "deng", "dong",
    "di", "dia", "die", "diao", "diu", "dian", "ding", "du", "duo", "dui", "duan", "dun",
    "ta", "te", "tai", "tao", "tou", "tan", "tang", "teng", "tong",
    "ti", "tie", "tiao", "tian", "ting", "tu", "tuo", "tui", "tuan", "tun",
    "na", "ne", "nai", "nei", "nao", "nou", "nan", "nen", "nang", "neng", "nong",
    "ni", "nie", "niao", "niu", "nian", "nin", "niang", "ning", "nu", "nuo", "nuan", "nun",
    "nü", "nüe",
    "la", "lo", "le", "lai", "lei", "lao", "lou", "lan", "lang", "leng", "long",
    "li", "lia", "lie", "liao", "liu", "lian", "lin", "liang", "ling", "lu", "luo", "luan", "lun",
    "lü", "lüe",
    // g k h
    "ga", "ge", "gai", "gei", "gao", "gou", "gan", "gen", "gang", "geng", "gong",
    "gu", "gua", "guo", "guai", "gui", "guan", "gun", "guang",
    "ka", "ke", "kai", "kei", "kao", "kou", "kan", "ken", "kang", "keng", "kong",
    "ku", "kua", "kuo", "kuai", "kui", "kuan", "kun", "kuang",
    "ha", "he", "hai", "hei", "hao", "hou", "han", "hen", "hang", "heng", "hong",
    "hu", "hua", "huo", "huai", "hui", "huan", "hun", "huang",
    // j q x
    "ji", "jia", "jie", "jiao", "jiu", "jian", "jin", "jiang", "jing", "jiong",
    "ju", "jue", "juan", "jun",
    "qi", "qia", "qie", "qiao", "qiu", "qian", "qin", "qiang", "qing", "qiong",
    "qu", "que", "quan", "qun",
    "xi", "xia", "xie", "xiao", "xiu", "xian", "xin", "xiang", "xing", "xiong",
    "xu", "xue", "xuan", "xun",
    // zh ch sh r
    "zha", "zhe", "zhi", "zhai", "zhei", "zhao", "zhou", "zhan", "zhen", "zhang", "zheng", "zhong",
    "zhu", "zhua", "zhuo", "zhuai", "zhui", "zhuan", "zhun", "zhuang",
    "cha", "che", "chi", "chai", "chao", "chou", "chan", "chen", "chang", "cheng", "chong",
    "chu", "chua", "chuo", "chuai", "chui", "chuan", "chun", "chuang",
    "sha", "she", "shi", "shai", "shei", "shao", "shou", "shan", "shen", "shang", "sheng",
    "shu", "shua", "shuo", "shuai", "shui", "shuan", "shun", "shuang",
    "re", "ri", "rao", "rou", "ran", "ren", "rang", "reng", "rong",
    "ru", "rua", "ruo", "rui", "ruan", "run",
    // z c s
    "za", "ze", "zi", "zai", "zei", "zao", "zou", "zan", "zen", "zang", "zeng", "zong",
    "zu", "zuo", "zui", "zuan", "zun",
    "ca", "ce", "ci", "cai", "cao", "cou", "can", "cen", "cang", "ceng", "cong",
    "cu", "cuo", "cui", "cuan", "cun",
    "sa", "se", "si", "sai", "sao", "sou", "san", "sen", "sang", "seng", "song",
    "su", "suo", "sui", "suan", "sun",
});

// Sorted once, on first use, for binary search. (Not at compile time: the libc++ of Emscripten 3.1.6
// has neither constexpr std::sort nor the std::ranges algorithms.)
const std::array<std::string_view, kTable.size()>& sorted() {
    static const auto table = [] {
        auto copy = kTable;
        std::sort(copy.begin(), copy.end());
        return copy;
    }();
    return table;
}

}  // namespace

bool isSyllable(std::string_view syllable) { return std::binary_search(sorted().begin(), sorted().end(), syllable); }

std::span<const std::string_view> syllables() { return sorted(); }

}  // namespace reader::core::pinyin
