// lines --width W [--mode above|hidden|inline]: each line of stdin laid out as a paragraph with
// fixed metrics (core/fixed_metrics.h), printed as "TEXT<TAB>WIDTH" per layout line and an empty
// line after each paragraph. The web build prints the same for the same input (a test compares).
#include <cstdlib>
#include <iostream>
#include <string>

#include "commands.h"
#include "core/fixed_metrics.h"
#include "core/settings.h"

namespace reader::tools {

int runLines(Args args) {
    float width = 0.0f;
    core::RubyMode mode = core::RubyMode::Above;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--width" && i + 1 < args.size()) {
            width = std::strtof(args[++i], nullptr);
        } else if (arg == "--mode" && i + 1 < args.size()) {
            if (!core::parseRubyMode(args[++i], mode)) return usage("--mode takes above, hidden or inline");
        } else {
            return usage("lines takes --width W [--mode above|hidden|inline]");
        }
    }
    if (width <= 0.0f) return usage("lines needs --width W (logical pixels, > 0)");
    for (std::string line; std::getline(std::cin, line);) std::cout << core::describeLines(line, width, mode) << '\n';
    return kExitOk;
}

}  // namespace reader::tools
