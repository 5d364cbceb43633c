// Fuzz target `ruby_parser`: RubyParser::parse and strip on any bytes. Checks, besides no crash,
// hang or sanitizer report:
// - the runs give back the input exactly (concatenated sources), and strip() their bases;
// - a ruby run has a base and a reading, a plain run's base is its source;
// - no two plain runs are adjacent (they are merged);
// - the same answer twice.
#include "fuzz_target.h"

#include "core/ruby_parser.h"

#include <string>

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    using reader::core::RubyParser;
    using reader::core::RubyRun;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<RubyRun> runs = RubyParser::parse(text);
    std::string sources, bases;
    bool previousPlain = false;
    for (const RubyRun& run : runs) {
        const bool plain = run.reading.empty();
        if (plain) {
            FUZZ_CHECK(run.base == run.source);
            FUZZ_CHECK(!previousPlain);
        } else {
            FUZZ_CHECK(!run.base.empty());
            // More than the base: its reading as written, in brackets or markers. Not more than base and
            // reading together: the reading is spaced by syllable ("shànniangāo" reads "shàn nian gāo").
            FUZZ_CHECK(run.source.size() > run.base.size() + 2);
        }
        previousPlain = plain;
        sources += run.source;
        bases += run.base;
    }
    FUZZ_CHECK(sources == text);
    FUZZ_CHECK(RubyParser::strip(text) == bases);
    FUZZ_CHECK(RubyParser::parse(text).size() == runs.size());
    return 0;
}
