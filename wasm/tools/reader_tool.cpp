// reader-tool: the reader's command-line companion, for bundle authors and for the build.
// Each subcommand is one function in kCommands; the usage text is made from that table.
// Exit status: 0 done, 1 the input is bad (the reason is on stderr), 2 the command line is wrong.
#include "core/bundle_loader.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;
constexpr int kSynopsisWidth = 20;  // characters, so the summaries line up

using Args = std::span<char* const>;  // the subcommand's own arguments, after its name

struct Command {
    std::string_view name;
    std::string_view arguments;  // as shown in the usage text
    std::string_view summary;
    size_t argumentCount;
    int (*run)(Args args);
};

std::optional<std::string> readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(text).str();
}

// validate BUNDLE: "ok" on stdout, or the first error, located in the file, on stderr.
int validate(Args args) {
    const char* path = args[0];
    const std::optional<std::string> text = readFile(path);
    if (!text) {
        std::cerr << path << ": cannot read: " << std::strerror(errno) << "\n";
        return kExitBadInput;
    }
    const reader::core::LoadResult result = reader::core::BundleLoader::load(*text);
    if (!result.ok()) {
        std::cerr << result.error->describeIn(path) << "\n";
        return kExitBadInput;
    }
    std::cout << "ok\n";
    return kExitOk;
}

constexpr std::array kCommands = {
    Command{"validate", "BUNDLE", "check a bundle against format v1; print \"ok\" or the first error", 1, validate},
};

int usage(std::string_view problem) {
    std::cerr << "reader-tool: " << problem << "\n\nusage: reader-tool COMMAND [ARGUMENTS]\n\ncommands:\n";
    for (const Command& command : kCommands) {
        const std::string synopsis = std::string(command.name) + " " + std::string(command.arguments);
        std::cerr << "  " << std::left << std::setw(kSynopsisWidth) << synopsis << " " << command.summary << "\n";
    }
    return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    // The subcommand's name, then exactly the arguments it takes.
    if (argc < 2) return usage("no command given");
    const std::string_view name = argv[1];
    for (const Command& command : kCommands) {
        if (command.name != name) continue;
        const Args args(argv + 2, static_cast<size_t>(argc - 2));
        if (args.size() != command.argumentCount)
            return usage(std::string(name) + " takes " + std::string(command.arguments));
        return command.run(args);
    }
    return usage("unknown command \"" + std::string(name) + "\"");
}
