// libFuzzer's entry point for a fuzz target (linked with -fsanitize=fuzzer, which brings main()).
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return reader::fuzz::fuzzOne(data, size);
}
