// Logger: a small leveled log of what the reader does: what it loaded, how long each phase took
// (fetch, parse, index, first frame) and what failed. Off by default; each platform chooses the
// level (`reader --log debug`, `?log=debug`) and where lines go (stderr, the browser's console).
//
// One process-wide logger: the reader has one app per process (per module instance on the web),
// and passing a logger through every layer would cost more than it says.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

namespace reader::core {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

const char* logLevelName(LogLevel level);  // debug, info, warn, error, off
bool parseLogLevel(std::string_view name, LogLevel& out);

// Receives each line that passes the level, without a trailing newline.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

class Logger {
public:
    static void setLevel(LogLevel level);
    static LogLevel level();
    static bool enabled(LogLevel level);
    // The default sink writes "reader: info: ..." lines to stderr.
    static void setSink(LogSink sink);
    static void write(LogLevel level, std::string_view message);
};

// printf-style; the message is only formatted when its level is enabled.
void logf(LogLevel level, const char* format, ...) __attribute__((format(printf, 2, 3)));

// Wall time since construction, for phase timings.
class Stopwatch {
public:
    double ms() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

}  // namespace reader::core
