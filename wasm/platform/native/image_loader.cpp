// ImageLoader: stb_image on a worker thread, one OpenGL texture a frame (image_loader.h).
#include "image_loader.h"

#include <GLFW/glfw3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "core/logger.h"
#include "native_window.h"
#include "ui/reader_app.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO_WARNINGS
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

namespace reader::native {

namespace {

constexpr int kMaxSide = 16384;  // pixels a side: larger sources are refused before decoding

}  // namespace

ImageLoader::ImageLoader() : m_worker([this](std::stop_token stop) { run(std::move(stop)); }) {}

ImageLoader::~ImageLoader() {
    m_worker.request_stop();
    m_wake.notify_all();
}

void ImageLoader::request(const core::ImageKey& key, std::filesystem::path file, std::string src) {
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{key, std::move(file), std::move(src)});
    }
    m_wake.notify_one();
}

void ImageLoader::run(std::stop_token stop) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait(lock, stop, [this] { return !m_jobs.empty(); })) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        Decoded decoded = decode(job);
        {
            const std::lock_guard lock(m_mutex);
            m_done.push_back(std::move(decoded));
        }
        NativeWindow::wake();
    }
}

// The file's pixels at the key's size: refused unread when too large, then decoded and resized.
ImageLoader::Decoded ImageLoader::decode(const Job& job) {
    Decoded out{job.key, {}, {}};
    int width = 0, height = 0, channels = 0;
    FILE* file = std::fopen(job.file.string().c_str(), "rb");
    if (!file) {
        out.error = std::string("cannot open: ") + std::strerror(errno);
        return out;
    }
    if (!stbi_info_from_file(file, &width, &height, &channels)) {  // leaves the file where it was
        std::fclose(file);
        out.error = std::string("not an image, or damaged: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable");
        return out;
    }
    if (width > kMaxSide || height > kMaxSide) {
        std::fclose(file);
        out.error = std::to_string(width) + "×" + std::to_string(height) + " pixels is over " + std::to_string(kMaxSide) + " a side";
        return out;
    }
    unsigned char* pixels = stbi_load_from_file(file, &width, &height, &channels, 4);
    std::fclose(file);
    if (!pixels) {
        out.error = std::string("not an image, or damaged: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable");
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
