// ImageLoader: stb_image on a worker thread, one OpenGL texture a frame (image_loader.h).
#include "image_loader.h"

#include <GLFW/glfw3.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>

#include "core/logger.h"
#include "https_fetch.h"
#include "native_window.h"
#include "ui/reader_app.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

namespace reader::native {

namespace {

constexpr int kMaxSide = 16384;        // pixels a side: larger sources are refused before decoding
constexpr size_t kMaxBytes = 64u << 20;  // bytes of one image file, on disk or on the network

// The file's bytes, at most kMaxBytes of them.
Fetched readFile(const std::filesystem::path& path) {
    Fetched out;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        out.error = std::string("cannot open: ") + std::strerror(errno);
        return out;
    }
    std::error_code error;
    if (std::filesystem::file_size(path, error) > kMaxBytes && !error) {
        out.error = "over " + std::to_string(kMaxBytes) + " bytes";
        return out;
    }
    out.bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    return out;
}

// The bytes of a base64 data: URI (checked by the loader: core::isImageDataUri), as
// `reader-tool standalone` writes them.
Fetched decodeDataUri(std::string_view uri) {
    Fetched out;
    const size_t comma = uri.find(',');
    uint32_t bits = 0;
    int count = 0;
    for (const char c : uri.substr(comma == std::string_view::npos ? uri.size() : comma + 1)) {
        int value = -1;
        if (c >= 'A' && c <= 'Z') value = c - 'A';
        else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
        else if (c >= '0' && c <= '9') value = c - '0' + 52;
        else if (c == '+') value = 62;
        else if (c == '/') value = 63;
        if (value < 0) continue;  // '=' padding
        bits = (bits << 6) | static_cast<uint32_t>(value);
        if (++count == 4) {
            out.bytes.push_back(static_cast<unsigned char>(bits >> 16));
            out.bytes.push_back(static_cast<unsigned char>(bits >> 8));
            out.bytes.push_back(static_cast<unsigned char>(bits));
            bits = 0;
            count = 0;
        }
    }
    if (count >= 2) out.bytes.push_back(static_cast<unsigned char>(bits >> (6 * count - 8)));
    if (count == 3) out.bytes.push_back(static_cast<unsigned char>(bits >> 2));
    return out;
}

// The bytes of a URL: a data: URI decoded, an https: one fetched.
Fetched readUrl(const std::string& url) {
    if (url.rfind("data:", 0) == 0) return decodeDataUri(url);
    return fetchUrl(url, FetchRules{.maxBytes = kMaxBytes});
}

std::string undecodable() {
    return std::string("not an image, or damaged: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable");
}

}  // namespace

ImageLoader::ImageLoader()
    : m_fileWorker([this](std::stop_token stop) { run(std::move(stop), m_files); }),
      m_networkWorker([this](std::stop_token stop) { run(std::move(stop), m_network); }) {
    initFetching();
}

ImageLoader::~ImageLoader() {
    m_fileWorker.request_stop();
    m_networkWorker.request_stop();
    m_files.wake.notify_all();
    m_network.wake.notify_all();
}

void ImageLoader::request(const core::ImageKey& key, std::filesystem::path file, std::string src) {
    add(m_files, Job{key, std::move(file), std::move(src)});
}

void ImageLoader::requestUrl(const core::ImageKey& key, std::string url) {
    add(m_network, Job{key, {}, std::move(url)});
}

void ImageLoader::add(Queue& queue, Job job) {
    {
        const std::lock_guard lock(m_mutex);
        queue.jobs.push_back(std::move(job));
    }
    queue.wake.notify_one();
}

void ImageLoader::run(std::stop_token stop, Queue& queue) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            if (!queue.wake.wait(lock, stop, [&queue] { return !queue.jobs.empty(); })) return;
            job = std::move(queue.jobs.front());
            queue.jobs.pop_front();
        }
        Decoded decoded = decode(job);
        {
            const std::lock_guard lock(m_mutex);
            m_done.push_back(std::move(decoded));
        }
        NativeWindow::wake();
    }
}

// The image's pixels at the key's size: its bytes read (from the file or the network), refused
// undecoded when its header says it is too large, then decoded and resized.
ImageLoader::Decoded ImageLoader::decode(const Job& job) {
    Decoded out{job.key, {}, {}};
    const Fetched read = job.file.empty() ? readUrl(job.src) : readFile(job.file);
    if (!read.ok()) {
        out.error = read.error;
        return out;
    }
    const int length = static_cast<int>(read.bytes.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(read.bytes.data(), length, &width, &height, &channels)) {
        out.error = undecodable();
        return out;
    }
    if (width > kMaxSide || height > kMaxSide) {
        out.error = std::to_string(width) + "×" + std::to_string(height) + " pixels is over " + std::to_string(kMaxSide) + " a side";
        return out;
    }
    unsigned char* pixels = stbi_load_from_memory(read.bytes.data(), length, &width, &height, &channels, 4);
    if (!pixels) {
        out.error = undecodable();
        return out;
    }
    const int outWidth = static_cast<int>(job.key.width), outHeight = static_cast<int>(job.key.height);
    out.rgba.resize(static_cast<size_t>(outWidth) * static_cast<size_t>(outHeight) * 4);
    if (!stbir_resize_uint8(pixels, width, height, 0, out.rgba.data(), outWidth, outHeight, 0, 4)) {
        out.rgba.clear();
        out.error = "could not be resized";
    }
    stbi_image_free(pixels);
    return out;
}

bool ImageLoader::uploadOne(ui::ReaderApp& app) {
    Decoded decoded;
    bool more = false;
    {
        const std::lock_guard lock(m_mutex);
        if (m_done.empty()) return false;
        decoded = std::move(m_done.front());
        m_done.pop_front();
        more = !m_done.empty();
    }
    if (decoded.rgba.empty()) {
        app.imageFailed(decoded.key, decoded.error);
        return more;
    }
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, static_cast<GLsizei>(decoded.key.width), static_cast<GLsizei>(decoded.key.height), 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, decoded.rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);  // imgui_impl_opengl3 binds what it draws, every command
    app.imageArrived(decoded.key, texture);
    return more;
}

void ImageLoader::release(uint64_t texture) {
    const GLuint name = static_cast<GLuint>(texture);
    glDeleteTextures(1, &name);
}

}  // namespace reader::native
