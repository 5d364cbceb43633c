// FileWatcher: tells when one file changes, for the desktop reader's live reload.
//  [x] inotify on the file's folder (editors often save by writing a new file and renaming it over
//      the old one, which a watch on the file itself would lose)
//  [x] polling size and modification time every 250 ms where inotify is not available (or asked for)
//  [x] a change is reported once the file has been quiet for 30 ms (a save can take several writes)
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace reader::native {

class FileWatcher {
public:
    enum class Mode { Auto, Poll };
    // `onChange` runs on the watcher's own thread.
    FileWatcher(std::string path, Mode mode, std::function<void()> onChange);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // "inotify" or "polling"
    const char* method() const { return m_inotify >= 0 ? "inotify" : "polling"; }

private:
    void watchWithInotify();
    void watchByPolling();

    std::string m_path;
    std::string m_name;  // the file's name in its folder
    std::function<void()> m_onChange;
    int m_inotify = -1;
    int m_stopPipe[2] = {-1, -1};
    std::thread m_thread;
};

}  // namespace reader::native
