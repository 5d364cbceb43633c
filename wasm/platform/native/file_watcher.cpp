// FileWatcher: inotify on the file's folder, or polling its modification time (file_watcher.h).
#include "file_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <filesystem>

#include "core/logger.h"

namespace reader::native {

namespace {

constexpr int kQuietMs = 30;    // a change is reported after this long without another
constexpr int kPollMs = 250;    // polling interval when inotify is not used

// What polling compares: a file that is replaced, rewritten or removed changes at least one of these.
struct FileStamp {
    bool exists = false;
    off_t size = 0;
    timespec modified{};
    ino_t inode = 0;
    bool operator==(const FileStamp& o) const {
        return exists == o.exists && size == o.size && modified.tv_sec == o.modified.tv_sec &&
               modified.tv_nsec == o.modified.tv_nsec && inode == o.inode;
    }
};

FileStamp stampOf(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) return {};
    return {true, info.st_size, info.st_mtim, info.st_ino};
}

}  // namespace

FileWatcher::FileWatcher(std::string path, Mode mode, std::function<void()> onChange)
    : m_path(std::move(path)), m_onChange(std::move(onChange)) {
    const std::filesystem::path file(m_path);
    m_name = file.filename().string();
    const std::string folder = file.has_parent_path() ? file.parent_path().string() : ".";
    if (pipe2(m_stopPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        core::logf(core::LogLevel::Error, "cannot watch %s: pipe: %s", m_path.c_str(), std::strerror(errno));
        return;
    }
    if (mode == Mode::Auto) {
        m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE;
        if (m_inotify >= 0 && inotify_add_watch(m_inotify, folder.c_str(), kEvents) < 0) {
            core::logf(core::LogLevel::Warn, "inotify cannot watch %s (%s): polling instead", folder.c_str(), std::strerror(errno));
            close(m_inotify);
            m_inotify = -1;
        }
    }
    core::logf(core::LogLevel::Info, "watching %s (%s)", m_path.c_str(), method());
    m_thread = m_inotify >= 0 ? std::thread(&FileWatcher::watchWithInotify, this) : std::thread(&FileWatcher::watchByPolling, this);
}

FileWatcher::~FileWatcher() {
    if (m_thread.joinable()) {
        const char stop = 1;
        [[maybe_unused]] const ssize_t written = write(m_stopPipe[1], &stop, 1);
        m_thread.join();
    }
    if (m_inotify >= 0) close(m_inotify);
    for (const int fd : m_stopPipe) {
        if (fd >= 0) close(fd);
    }
}

void FileWatcher::watchWithInotify() {
    bool pending = false;
    for (;;) {
        std::array<pollfd, 2> fds{pollfd{m_inotify, POLLIN, 0}, pollfd{m_stopPipe[0], POLLIN, 0}};
        const int ready = poll(fds.data(), fds.size(), pending ? kQuietMs : -1);
        if (ready < 0 && errno != EINTR) return;
        if (fds[1].revents) return;
        if (ready == 0 && pending) {  // quiet for kQuietMs since the last event: report
            pending = false;
            m_onChange();
            continue;
        }
        if (!(fds[0].revents & POLLIN)) continue;
        alignas(inotify_event) char buffer[4096];
        for (ssize_t length; (length = read(m_inotify, buffer, sizeof buffer)) > 0;) {
            for (char* at = buffer; at < buffer + length;) {
                const auto* event = reinterpret_cast<const inotify_event*>(at);
                if (event->len > 0 && m_name == event->name) pending = true;
                at += sizeof(inotify_event) + event->len;
            }
        }
    }
}

void FileWatcher::watchByPolling() {
    FileStamp last = stampOf(m_path);
    for (;;) {
        pollfd stop{m_stopPipe[0], POLLIN, 0};
        if (poll(&stop, 1, kPollMs) > 0) return;
        const FileStamp now = stampOf(m_path);
        if (now == last) continue;
        last = now;
        m_onChange();
    }
}

}  // namespace reader::native
