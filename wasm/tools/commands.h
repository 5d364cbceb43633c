// reader-tool's subcommands: one function each, in a file of its own (cmd_<name>.cpp), listed in
// the table in reader_tool.cpp. Each gets its own arguments (after its name) and returns the exit
// status: 0 done, 1 the input is bad (the reason is on stderr), 2 the command line is wrong.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace reader::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

using Args = std::span<char* const>;

// The whole file, or why not in the system's words ("No such file or directory"), with no position:
// each command says which file it could not read in its own way.
core::Result<std::string> readFile(const char* path);
// Writes the whole file (made or emptied first), or says why not, as readFile does.
core::Result<void> writeFile(const std::string& path, std::string_view text);
// Writes to stdout and flushes it, or says why not.
core::Result<void> writeStdout(std::string_view text);
// Prints "reader-tool: PROBLEM" and the usage text on stderr; returns kExitUsage.
int usage(std::string_view problem);

int runValidate(Args args);
int runIngest(Args args);
int runBreaks(Args args);
int runRuby(Args args);
int runLines(Args args);
int runSynth(Args args);
int runSearch(Args args);
int runSplit(Args args);
int runSplitSearch(Args args);
int runStandalone(Args args);
int runConvert(Args args);

}  // namespace reader::tools
