// reader-tool: the reader's command-line companion, for bundle authors and for the build.
// Each subcommand is one function (commands.h) and one row of kCommands; the usage text is made
// from that table.
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "reader_version.h"

namespace reader::tools {

namespace {

constexpr int kSynopsisWidth = 28;  // characters, so the summaries line up

struct Command {
    std::string_view name;
    std::string_view arguments;  // as shown in the usage text
    std::string_view summary;
    int (*run)(Args args);
};

constexpr std::array kCommands = {
    Command{"validate", "BUNDLE", "check a bundle against format v1; print \"ok\" or the first error", runValidate},
    Command{"breaks", "< LINES", "read lines of hex code points on stdin; print their UAX #14 breaks as LineBreakTest.txt does", runBreaks},
    Command{"ingest", "[OPTIONS] PAGE...", "turn saved news pages (HTML in UTF-8/GBK/Big5, or text) into a bundle; options: --into BUNDLE --out FILE --assets DIR --category-id ID --url URL --tz +08:00", runIngest},
    Command{"lines", "--width W [--mode M]", "lay out each line of stdin with fixed metrics; print its lines (web and native must agree)", runLines},
    Command{"ruby", "[--strip]", "read text on stdin; print each pinyin annotation as BASE<TAB>READING, or with --strip the text without them", runRuby},
    Command{"synth", "--articles N --seed S [--out F]", "write a synthetic bundle of N articles like the sample, the same for the same seed", runSynth},
    Command{"split", "BUNDLE OUTDIR [--shard-articles K] [--index-shard-bytes B]", "write the split form: OUTDIR/index.json without bodies, bodies in OUTDIR/shards/, the search index in OUTDIR/search/", runSplit},
    Command{"split-search", "BUNDLE SPLITDIR [QUERY...] [--json]", "search the split form's index cold, query by query: shards and bytes fetched, ids compared with the whole-bundle search", runSplitSearch},
    Command{"convert", "--to simplified|traditional [--table S2T.txt] [--time]", "the text on stdin in the other Chinese script, as the reader shows it (phrase level, OpenCC's dictionaries)", runConvert},
    Command{"standalone", "BUNDLE OUT.html [--web DIR]", "write one HTML file that reads BUNDLE from file:// with no network: the web build in DIR (default build/web) and the bundle's images inlined", runStandalone},
    Command{"search", "[OPTIONS] BUNDLE [QUERY...]", "search a bundle as the reader does: results with snippets, timings, index size; options: --order newest|relevance --limit N --bench (latency percentiles)", runSearch},
};

}  // namespace

core::Result<std::string> readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error{.message = std::strerror(errno)};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return core::Error{.message = std::strerror(errno)};
    return std::move(text).str();
}

core::Result<void> writeFile(const std::string& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return core::Error{.message = std::strerror(errno)};
    return {};
}

core::Result<void> writeStdout(std::string_view text) {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!std::cout.flush()) return core::Error{.message = std::strerror(errno)};
    return {};
}

int usage(std::string_view problem) {
    std::cerr << "reader-tool: " << problem << "\n\nusage: reader-tool COMMAND [ARGUMENTS]\n       reader-tool --version\n\ncommands:\n";
    for (const Command& command : kCommands) {
        const std::string synopsis = std::string(command.name) + " " + std::string(command.arguments);
        std::cerr << "  " << std::left << std::setw(kSynopsisWidth) << synopsis << " " << command.summary << "\n";
    }
    return kExitUsage;
}

}  // namespace reader::tools

int main(int argc, char** argv) {
    using namespace reader::tools;
    if (argc < 2) return usage("no command given");
    const std::string_view name = argv[1];
    if (name == "--version") {
        std::cout << "reader-tool " << reader::kVersion << "\n";
        return 0;
    }
    for (const Command& command : kCommands) {
        if (command.name == name) return command.run(Args(argv + 2, static_cast<size_t>(argc - 2)));
    }
    return usage("unknown command \"" + std::string(name) + "\"");
}
