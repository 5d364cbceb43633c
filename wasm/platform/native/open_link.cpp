// Opening a checked link with xdg-open, spawned without a shell (open_link.h).
#include "open_link.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>

#include "core/logger.h"

extern char** environ;

namespace reader::native {

void openLink(const std::string& url) {
    // No shell: the URL is one argument, whatever it holds. xdg-open returns at once.
    char program[] = "xdg-open";
    std::string argument = url;
    char* argv[] = {program, argument.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, program, nullptr, nullptr, argv, environ) != 0) {
        core::logf(core::LogLevel::Warn, "cannot open %s: no xdg-open", url.c_str());
        return;
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

}  // namespace reader::native
