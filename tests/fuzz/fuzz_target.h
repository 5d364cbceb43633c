// A fuzz target: fuzzOne takes any bytes, returns 0, and aborts through FUZZ_CHECK when an
// invariant of the code under test does not hold (a crash or a sanitizer report ends it too).
// Each target file is linked twice: into the libFuzzer binary fuzz_<name> (libfuzzer_main.cpp,
// fuzz preset) and into the replay test fuzz/<name> (replay_test.cpp, every build). See
// docs/fuzzing.md; tests/fuzz/targets.cmake lists the targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace reader::fuzz {

int fuzzOne(const uint8_t* data, size_t size);

[[noreturn]] inline void invariantFailed(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, condition);
    std::abort();
}

// Option bytes taken from the front of an input (0 once it is used up); the rest is the text.
class FuzzInput {
public:
    FuzzInput(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}

    uint8_t byte() {
        if (m_size == 0) return 0;
        --m_size;
        return *m_data++;
    }
    std::string_view rest() const { return {reinterpret_cast<const char*>(m_data), m_size}; }

private:
    const uint8_t* m_data;
    size_t m_size;
};

}  // namespace reader::fuzz

#define FUZZ_CHECK(condition) \
    ((condition) ? void(0) : ::reader::fuzz::invariantFailed(#condition, __FILE__, __LINE__))
