// validate BUNDLE: "ok" on stdout, or the first error, located in the file, on stderr.
#include <iostream>

#include "commands.h"
#include "core/bundle_loader.h"

namespace reader::tools {

int runValidate(Args args) {
    if (args.size() != 1) return usage("validate takes BUNDLE");
    const char* path = args[0];
    const core::Result<std::string> text = readFile(path);
    if (!text) {
        std::cerr << path << ": cannot read: " << text.error().message << "\n";
        return kExitBadInput;
    }
    const core::Result<core::Bundle> result = core::BundleLoader::load(*text);
    if (!result) {
        std::cerr << result.error().describeIn(path) << "\n";
        return kExitBadInput;
    }
    std::cout << "ok\n";
    return kExitOk;
}

}  // namespace reader::tools
