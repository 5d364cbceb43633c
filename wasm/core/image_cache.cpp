// ImageCache: figures wanted near the viewport, textures kept under a byte budget, least recently
// wanted evicted first (image_cache.h).
#include "image_cache.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "logger.h"

namespace reader::core {

uint64_t textureBytes(uint32_t width, uint32_t height) { return static_cast<uint64_t>(width) * height * 4; }

bool nearViewport(float top, float bottom, float viewTop, float viewBottom) {
    const float screen = viewBottom - viewTop;
    return bottom > viewTop - screen && top < viewBottom + screen;
}

void fitImageSize(uint32_t sourceWidth, uint32_t sourceHeight, uint32_t maxSide, uint64_t maxBytes, uint32_t& width, uint32_t& height) {
    double scale = 1.0;
    const double side = std::max(sourceWidth, sourceHeight);
    if (side > maxSide) scale = maxSide / side;
    const double bytes = static_cast<double>(textureBytes(sourceWidth, sourceHeight)) * scale * scale;
    if (bytes > static_cast<double>(maxBytes)) scale *= std::sqrt(static_cast<double>(maxBytes) / bytes);
    width = std::max<uint32_t>(1, static_cast<uint32_t>(std::floor(sourceWidth * scale)));
    height = std::max<uint32_t>(1, static_cast<uint32_t>(std::floor(sourceHeight * scale)));
}

ImageState ImageCache::want(const ImageKey& key, std::string_view src, uint64_t& texture) {
    Entry& entry = m_entries[key];
    const bool wantedBefore = entry.lastWanted != 0 && entry.lastWanted < m_frame;
    entry.lastWanted = m_frame;
    // Asked for from the second frame that wants it on: a layout's first frame may still change
    // the figure's size (a scrollbar appears), and a fetch at a size nobody draws is wasted.
    if (entry.state == ImageState::absent && wantedBefore) {
        entry.state = ImageState::pending;
        entry.src = src;
        m_requests.push_back({key, std::string(src)});
    }
    texture = entry.state == ImageState::ready ? entry.texture : 0;
    return entry.state;
}

ImageState ImageCache::state(const ImageKey& key) const {
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? ImageState::absent : it->second.state;
}

void ImageCache::arrived(const ImageKey& key, uint64_t texture) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.state != ImageState::pending) {
        m_released.push_back(texture);
        return;
    }
    const uint64_t bytes = textureBytes(key.width, key.height);
    if (bytes > m_budget) {
        m_released.push_back(texture);
        failed(key, "larger than the texture budget");
        return;
    }
    evictFor(bytes, key);
    it->second.state = ImageState::ready;
    it->second.texture = texture;
    m_bytes += bytes;
}

void ImageCache::failed(const ImageKey& key, std::string message) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    it->second.state = ImageState::failed;
    it->second.message = std::move(message);
    logf(LogLevel::Warn, "image %s: %s (its alt text is shown)", it->second.src.c_str(), it->second.message.c_str());
}

const std::string& ImageCache::failure(const ImageKey& key) const {
    static const std::string none;
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? none : it->second.message;
}

uint64_t ImageCache::anyTexture(const std::string& articleId, size_t figure) const {
    for (auto it = m_entries.lower_bound(ImageKey{articleId, figure, 0, 0}); it != m_entries.end(); ++it) {
        if (it->first.articleId != articleId || it->first.figure != figure) break;
        if (it->second.state == ImageState::ready) return it->second.texture;
    }
    return 0;
}

// Ready textures go, least recently wanted first, until `bytes` more fit in the budget. Their
// entries are forgotten: the figure is asked for again when it is wanted again.
void ImageCache::evictFor(uint64_t bytes, const ImageKey& keep) {
    while (m_bytes + bytes > m_budget) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->second.state != ImageState::ready || it->first == keep) continue;
            if (oldest == m_entries.end() || it->second.lastWanted < oldest->second.lastWanted) oldest = it;
        }
        if (oldest == m_entries.end()) return;
        logf(LogLevel::Debug, "image %s #%zu (%ux%u) evicted: %llu bytes kept", oldest->first.articleId.c_str(), oldest->first.figure,
             oldest->first.width, oldest->first.height, static_cast<unsigned long long>(m_bytes));
        m_released.push_back(oldest->second.texture);
        m_bytes -= textureBytes(oldest->first.width, oldest->first.height);
        m_entries.erase(oldest);
    }
}

std::vector<ImageRequest> ImageCache::takeRequests() { return std::exchange(m_requests, {}); }

std::vector<uint64_t> ImageCache::takeReleased() { return std::exchange(m_released, {}); }

void ImageCache::clear() {
    for (const auto& [key, entry] : m_entries) {
        if (entry.state == ImageState::ready) m_released.push_back(entry.texture);
    }
    m_entries.clear();
    m_requests.clear();
    m_bytes = 0;
}

size_t ImageCache::pending() const {
    return static_cast<size_t>(std::count_if(m_entries.begin(), m_entries.end(), [](const auto& e) { return e.second.state == ImageState::pending; }));
}

size_t ImageCache::textures() const {
    return static_cast<size_t>(std::count_if(m_entries.begin(), m_entries.end(), [](const auto& e) { return e.second.state == ImageState::ready; }));
}

}  // namespace reader::core
