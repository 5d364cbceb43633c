// ruby [--strip]: the pinyin annotations RubyParser finds in the text on stdin, for inspection.
// Each line is parsed as one paragraph, as the reader parses a bundle's paragraphs. Without
// arguments: one "BASE<TAB>READING" line per ruby run, in order. With --strip: the text as the
// hidden mode shows it, annotations removed, everything else (newlines included) byte for byte.
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

#include "commands.h"
#include "core/ruby_parser.h"

namespace reader::tools {

int runRuby(Args args) {
    const bool strip = args.size() == 1 && std::string_view(args[0]) == "--strip";
    if (!args.empty() && !strip) return usage("ruby takes no arguments but --strip");
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    for (size_t lineStart = 0; lineStart < text.size();) {
        const size_t newline = text.find('\n', lineStart);
        const size_t lineEnd = newline == std::string::npos ? text.size() : newline;
        const std::string_view line = std::string_view(text).substr(lineStart, lineEnd - lineStart);
        if (strip) {
            std::cout << core::RubyParser::strip(line);
            if (newline != std::string::npos) std::cout << '\n';
        } else {
            for (const core::RubyRun& run : core::RubyParser::parse(line)) {
                if (!run.reading.empty()) std::cout << run.base << '\t' << run.reading << '\n';
            }
        }
        lineStart = lineEnd + 1;
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "reader-tool: cannot write the output: " << std::strerror(errno) << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}

}  // namespace reader::tools
