// Running the desktop reader from tests: to the end with its output captured, or in the background
// with its stdout read line by line (live reload).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace reader::test {

struct RunResult {
    int status = -1;  // exit code, or -1 when it did not exit normally
    std::string out;
    std::string err;
};

// Runs `args` (args[0] is the program) with `env` ("NAME=value") added to the environment.
RunResult run(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
    ~BackgroundProcess();  // SIGTERM, then waits
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // The next line of stdout, or nullopt when none came within `timeout` or the process ended.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
};

}  // namespace reader::test
