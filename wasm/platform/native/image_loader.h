// Figures' images on the desktop: files beside the bundle decoded by stb_image on a worker thread
// (the window never waits on a decode), resized to the size asked for, and handed to the UI
// thread, which makes one OpenGL texture a frame from them.
//  [x] PNG, JPEG, GIF (stb_image); refused before decoding when over 16384 pixels a side
//  [x] paths inside the bundle's folder only (a symbolic link out of it is refused)
//  [ ] https: images (the desktop reader fetches nothing from the network: the alt text stays)
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/image_cache.h"

namespace reader::ui {
class ReaderApp;
}

namespace reader::native {

class ImageLoader {
public:
    ImageLoader();
    ~ImageLoader();  // the worker stops after the image it is decoding
    ImageLoader(const ImageLoader&) = delete;
    ImageLoader& operator=(const ImageLoader&) = delete;

    // Decodes `file` (already resolved and checked to be inside the bundle's folder) to the key's
    // size on the worker; `src` names it in messages.
    void request(const core::ImageKey& key, std::filesystem::path file, std::string src);
    // On the UI thread with the GL context current, before a frame: the next decoded image, if
    // any, into a texture handed to the app (or its failure). True while more wait.
    bool uploadOne(ui::ReaderApp& app);
    static void release(uint64_t texture);

private:
    struct Job {
        core::ImageKey key;
        std::filesystem::path file;
        std::string src;
    };
    struct Decoded {
        core::ImageKey key;
        std::vector<unsigned char> rgba;  // width * height * 4, or empty on failure
        std::string error;
    };
    static Decoded decode(const Job& job);
    void run(std::stop_token stop);

    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<Job> m_jobs;
    std::deque<Decoded> m_done;
    std::jthread m_worker;  // last: started once the queues exist, joined before they go
};

}  // namespace reader::native
