// search BUNDLE [QUERY...] [--order newest|relevance] [--limit N] [--bench]: the reader's search
// (core/search_index.h) from the command line. Prints how long loading the bundle and building the
// index took and how much memory the index holds, then for each query its results: id, score, hit
// count and a snippet with the hit in 【】. --bench runs a fixed query set (kBenchQueries: what
// people type, keystroke by keystroke, common and rare words, traditional and simplified, digits)
// 20 times in both orders and prints the latency percentiles, in CPU time of the thread (see
// threadMilliseconds); docs/search.md quotes it.
#include <algorithm>
#include <chrono>
#include <charconv>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "core/bundle_loader.h"
#include "core/search_index.h"

namespace reader::tools {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread, in ms: unlike the wall clock, it does not count time when other processes
// had the CPU, so latencies measured on a busy machine stay meaningful.
double threadMilliseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

constexpr std::string_view kBenchQueries[] = {
    "消", "消費", "消費者", "消費者權益", "投訴", "投诉电话", "預付卡", "预付卡", "動態", "动态", "羽絨服",
    "呼和浩特", "錫林郭勒盟", "12315", "0471-6920007", "ODR", "odr企業", "自治區消協", "自治区市场监管局",
    "新能源汽車續航", "知識産權", "糾紛", "纠纷调解", "網絡購物", "質量抽檢", "年", "工作", "保健食品",
    "馬奶酒", "霸王條款", "的", "不存在的詞語"};

void printResults(const core::Bundle& bundle, const core::SearchIndex& index, std::string_view query,
                  core::SearchOrder order, size_t limit) {
    const Clock::time_point start = Clock::now();
    const std::vector<core::SearchResult> results = index.search(query, order, limit);
    const double took = millisecondsSince(start);
    std::cout << "\n\"" << query << "\": " << results.size() << " results in " << std::fixed << std::setprecision(3)
              << took << " ms\n";
    for (const core::SearchResult& result : results) {
        const core::SearchIndex::Snippet snippet = index.snippet(bundle, result, 40);
        std::cout << "  " << bundle.articles[result.article].id << "  score " << std::setprecision(2) << result.score
                  << "  hits " << result.hitCount << "  " << (snippet.clippedBefore ? "…" : "")
                  << snippet.text.substr(0, snippet.hitBegin) << "【"
                  << snippet.text.substr(snippet.hitBegin, snippet.hitEnd - snippet.hitBegin) << "】"
                  << snippet.text.substr(snippet.hitEnd) << (snippet.clippedAfter ? "…" : "") << "\n";
    }
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())))];
}

void bench(const core::SearchIndex& index, size_t limit) {
    constexpr int kRounds = 20;
    constexpr size_t kQueries = std::size(kBenchQueries);
    for (const core::SearchOrder order : {core::SearchOrder::Newest, core::SearchOrder::Relevance}) {
        std::vector<double> all;
        std::vector<std::vector<double>> byQuery(kQueries);
        size_t results = 0;
        for (int round = 0; round < kRounds; ++round) {
            for (size_t q = 0; q < kQueries; ++q) {
                const double start = threadMilliseconds();
                results += index.search(kBenchQueries[q], order, limit).size();
                all.push_back(threadMilliseconds() - start);
                byQuery[q].push_back(all.back());
            }
        }
        std::vector<std::pair<double, std::string_view>> medians;
        for (size_t q = 0; q < kQueries; ++q) medians.emplace_back(percentile(byQuery[q], 0.5), kBenchQueries[q]);
        std::sort(medians.rbegin(), medians.rend());
        std::cout << (order == core::SearchOrder::Newest ? "newest   " : "relevance") << "  " << kQueries << " queries x "
                  << kRounds << ": p50 " << std::fixed << std::setprecision(3) << percentile(all, 0.5) << " ms, p95 "
                  << percentile(all, 0.95) << " ms, max " << percentile(all, 1.0) << " ms; " << results / kRounds
                  << " results a round; slowest (median):";
        for (size_t i = 0; i < 4; ++i) std::cout << " \"" << medians[i].second << "\" " << medians[i].first << " ms";
        std::cout << "\n";
    }
}

}  // namespace

int runSearch(Args args) {
    std::vector<std::string_view> positional;
    core::SearchOrder order = core::SearchOrder::Relevance;
    std::optional<size_t> limit;  // default: 10 results shown, 200 in --bench (the reader's default)
    bool benchmark = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--bench") {
            benchmark = true;
        } else if (arg == "--order" && i + 1 < args.size()) {
            const std::string_view value = args[++i];
            if (value != "newest" && value != "relevance") return usage("search: --order is newest or relevance");
            order = value == "newest" ? core::SearchOrder::Newest : core::SearchOrder::Relevance;
        } else if (arg == "--limit" && i + 1 < args.size()) {
            const std::string_view value = args[++i];
            size_t number = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
            limit = number;
            if (error != std::errc() || end != value.data() + value.size())
                return usage("search: --limit takes a whole number, not \"" + std::string(value) + "\"");
        } else if (arg.starts_with("--")) {
            return usage("search: unknown option " + std::string(arg));
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.empty()) return usage("search needs a BUNDLE");
    const char* path = positional[0].data();  // an argv string: NUL-terminated

    Clock::time_point start = Clock::now();
    const core::Result<std::string> text = readFile(path);
    if (!text) {
        std::cerr << "reader-tool: cannot read " << path << ": " << text.error().message << "\n";
        return kExitBadInput;
    }
    const core::Result<core::Bundle> loaded = core::BundleLoader::load(*text);
    if (!loaded) {
        std::cerr << loaded.error().describeIn(path) << "\n";
        return kExitBadInput;
    }
    const double loadMs = millisecondsSince(start);
    start = Clock::now();
    const double buildCpuStart = threadMilliseconds();
    core::SearchIndex index;
    index.build(*loaded);
    const double buildMs = millisecondsSince(start);
    const double buildCpuMs = threadMilliseconds() - buildCpuStart;
    std::cout << path << ": " << loaded->articles.size() << " articles, " << text->size() << " bytes; loaded in "
              << std::fixed << std::setprecision(0) << loadMs << " ms, indexed in " << buildMs << " ms (CPU "
              << buildCpuMs << " ms); index "
              << index.memoryBytes() << " bytes (" << std::setprecision(2)
              << static_cast<double>(index.memoryBytes()) / static_cast<double>(text->size()) << " x the bundle)\n";

    if (benchmark) bench(index, limit.value_or(200));
    for (size_t i = 1; i < positional.size(); ++i) printResults(*loaded, index, positional[i], order, limit.value_or(10));
    return kExitOk;
}

}  // namespace reader::tools
