// convert --to simplified|traditional [--table S2T.txt] [--time]: the text on stdin in the other
// script, as the reader shows it (core/script_converter.h), on stdout. Simplified uses the table
// compiled in; Traditional reads s2t.txt (default: beside reader-tool, where the build writes it).
// --time reports on stderr how long the conversion took (the table's loading apart).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>

#include "commands.h"
#include "core/script_converter.h"

namespace reader::tools {

namespace {

std::string besideThisProgram(const char* name) {
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string(name) : (exe.parent_path() / name).string();
}

}  // namespace

int runConvert(Args args) {
    std::string to, table = besideThisProgram("s2t.txt");
    bool time = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--to" && i + 1 < args.size()) to = args[++i];
        else if (arg == "--table" && i + 1 < args.size()) table = args[++i];
        else if (arg == "--time") time = true;
        else return usage("convert takes --to simplified|traditional [--table S2T.txt] [--time]");
    }
    if (to != "simplified" && to != "traditional") return usage("convert --to takes simplified or traditional");
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    std::optional<core::ScriptConverter> loaded;
    if (to == "traditional") {
        const core::Result<std::string> tableText = readFile(table.c_str());
        if (!tableText) {
            std::cerr << "reader-tool: " << table << ": " << tableText.error().message << "\n";
            return kExitBadInput;
        }
        loaded = core::ScriptConverter::toTraditional(*tableText);
    }
    const core::ScriptConverter& converter = loaded ? *loaded : core::ScriptConverter::toSimplified();
    converter.convert("預熱");  // the built-in table is read on first use: not part of the timing
    const auto start = std::chrono::steady_clock::now();
    const std::string out = converter.convert(text);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << out;
    std::cout.flush();
    if (time) std::fprintf(stderr, "converted %zu bytes in %.3f ms (%zu table entries)\n", text.size(), ms, converter.entries());
    return std::cout ? kExitOk : kExitBadInput;
}

}  // namespace reader::tools
