// convert --to simplified|traditional [--table S2T.txt] [--time]: the text on stdin in the other
// script, as the reader shows it (core/script_converter.h), on stdout. Both read t2s.txt; Traditional
// reads s2t.txt too (default: beside reader-tool, where the build writes them).
// --time reports on stderr how long the conversion took (the table's loading apart).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
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

// The table at `path`: plain (t2s) without `toSimplified`, else s2t made to take mixed text. Says
// why on stderr when it cannot be read.
std::optional<core::ScriptConverter> loadTable(const std::string& path, const core::ScriptConverter* toSimplified) {
    core::Result<std::string> table = readFile(path.c_str());
    if (!table) {
        std::cerr << "reader-tool: " << path << ": " << table.error().message << "\n";
        return std::nullopt;
    }
    if (!toSimplified) return core::ScriptConverter::fromTable(std::move(*table));
    return core::ScriptConverter::toTraditional(std::move(*table), *toSimplified);
}

}  // namespace

int runConvert(Args args) {
    std::string to, s2tTable = besideThisProgram("s2t.txt"), t2sTable = besideThisProgram("t2s.txt");
    bool time = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--to" && i + 1 < args.size()) to = args[++i];
        else if (arg == "--table" && i + 1 < args.size()) s2tTable = args[++i];
        else if (arg == "--t2s-table" && i + 1 < args.size()) t2sTable = args[++i];
        else if (arg == "--time") time = true;
        else return usage("convert takes --to simplified|traditional [--table S2T.txt] [--t2s-table T2S.txt] [--time]");
    }
    if (to != "simplified" && to != "traditional") return usage("convert --to takes simplified or traditional");
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    const std::optional<core::ScriptConverter> toSimplified = loadTable(t2sTable, nullptr);
    if (!toSimplified) return kExitBadInput;
    std::optional<core::ScriptConverter> toTraditional;
    if (to == "traditional" && !(toTraditional = loadTable(s2tTable, &*toSimplified))) return kExitBadInput;
    const core::ScriptConverter& converter = toTraditional ? *toTraditional : *toSimplified;
    const auto start = std::chrono::steady_clock::now();
    const std::string out = converter.convert(text);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << out;
    std::cout.flush();
    if (time) std::fprintf(stderr, "converted %zu bytes in %.3f ms (%zu table entries)\n", text.size(), ms, converter.entries());
    return std::cout ? kExitOk : kExitBadInput;
}

}  // namespace reader::tools
