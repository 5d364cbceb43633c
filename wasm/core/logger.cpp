// Logger: the leveled log, its level names and printf-style logf (logger.h).
#include "logger.h"

#include <cstdarg>
#include <cstdio>
#include <string>
#include <utility>

namespace reader::core {

namespace {

struct LoggerState {
    LogLevel level = LogLevel::Off;
    LogSink sink;
};

LoggerState& state() {
    static LoggerState s;
    return s;
}

constexpr const char* kNames[] = {"debug", "info", "warn", "error", "off"};

}  // namespace

const char* logLevelName(LogLevel level) { return kNames[static_cast<int>(level)]; }

bool parseLogLevel(std::string_view name, LogLevel& out) {
    for (int i = 0; i <= static_cast<int>(LogLevel::Off); ++i) {
        if (name == kNames[i]) {
            out = static_cast<LogLevel>(i);
            return true;
        }
    }
    return false;
}

void Logger::setLevel(LogLevel level) { state().level = level; }

LogLevel Logger::level() { return state().level; }

bool Logger::enabled(LogLevel level) { return level != LogLevel::Off && level >= state().level; }

void Logger::setSink(LogSink sink) { state().sink = std::move(sink); }

void Logger::write(LogLevel level, std::string_view message) {
    if (!enabled(level)) return;
    if (state().sink) {
        state().sink(level, message);
        return;
    }
    std::fprintf(stderr, "reader: %s: %.*s\n", logLevelName(level), static_cast<int>(message.size()), message.data());
}

void logf(LogLevel level, const char* format, ...) {
    if (!Logger::enabled(level)) return;
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    const int length = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string text(length > 0 ? static_cast<size_t>(length) : 0, '\0');
    if (length > 0) std::vsnprintf(text.data(), text.size() + 1, format, args);
    va_end(args);
    Logger::write(level, text);
}

}  // namespace reader::core
