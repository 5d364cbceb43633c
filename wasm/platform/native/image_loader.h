// Figures' images on the desktop: files beside the bundle and https: URLs, read on worker threads
// (the window never waits on a decode or the network), decoded by stb_image, resized to the size
// asked for, and handed to the UI thread, which makes one OpenGL texture a frame from them.
//  [x] PNG, JPEG, GIF (stb_image); refused before decoding when over 16384 pixels a side
//  [x] paths inside the bundle's folder only (a symbolic link out of it is refused)
//  [x] https: URLs (libcurl, https_fetch.h), on a thread of their own: a slow server holds up no
//      file beside the bundle
//  [x] data: URIs of images (base64, as `reader-tool standalone` inlines them)
//  [x] at most 64 MiB read of any image
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
    // The same for an https: URL, fetched on the network worker, or an image data: URI.
    void requestUrl(const core::ImageKey& key, std::string url);
    // On the UI thread with the GL context current, before a frame: the next decoded image, if
    // any, into a texture handed to the app (or its failure). True while more wait.
    bool uploadOne(ui::ReaderApp& app);
    static void release(uint64_t texture);

private:
    struct Job {
        core::ImageKey key;
        std::filesystem::path file;  // or, when empty, the URL `src`
        std::string src;
    };
    struct Queue {
        std::deque<Job> jobs;
        std::condition_variable_any wake;
    };
    struct Decoded {
        core::ImageKey key;
        std::vector<unsigned char> rgba;  // width * height * 4, or empty on failure
        std::string error;
    };
    static Decoded decode(const Job& job);
    void add(Queue& queue, Job job);
    void run(std::stop_token stop, Queue& queue);

    std::mutex m_mutex;
    Queue m_files, m_network;
    std::deque<Decoded> m_done;
    // Last: started once the queues exist, joined before they go.
    std::jthread m_fileWorker, m_networkWorker;
};

}  // namespace reader::native
