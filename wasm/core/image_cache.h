// ImageCache: which figures' images the reader wants, and the textures it keeps for them under a
// fixed byte budget. Platform-free: a texture is an opaque number the platform made (a WebGL or
// OpenGL name); the cache only decides. The views ask for the figures near the viewport each frame
// (want); what is absent becomes a request the platform drains (takeRequests) and answers with
// arrived() or failed(). When a texture arrives and the kept textures would pass the budget, the
// least recently wanted are evicted and handed back for the platform to delete (takeReleased);
// a figure wanted again after that is asked for again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reader::core {

// One image at one size: figure `figure` (its block index in the body) of article `articleId`,
// decoded to `width` x `height` device pixels.
struct ImageKey {
    std::string articleId;
    size_t figure = 0;
    uint32_t width = 0;
    uint32_t height = 0;
    bool operator==(const ImageKey&) const = default;
    // By article, figure, then size (not <=>: Emscripten 3.1.6's std::string has none).
    bool operator<(const ImageKey& other) const {
        if (articleId != other.articleId) return articleId < other.articleId;
        if (figure != other.figure) return figure < other.figure;
        return width != other.width ? width < other.width : height < other.height;
    }
};

struct ImageRequest {
    ImageKey key;
    std::string src;  // the figure's src as the bundle has it (relative to the bundle, or https:)
    bool operator==(const ImageRequest&) const = default;
};

enum class ImageState { absent, pending, ready, failed };

// The GPU bytes a texture of that size holds: RGBA, 4 bytes a pixel.
uint64_t textureBytes(uint32_t width, uint32_t height);

// Whether a box from `top` to `bottom` is within about one screen of the viewport [viewTop,
// viewBottom] (all in the same coordinates): such figures are fetched before they scroll in.
bool nearViewport(float top, float bottom, float viewTop, float viewBottom);

// The largest size (aspect kept, never above the source's) whose texture fits `maxSide` pixels a
// side and `maxBytes`: what the zoom view asks for.
void fitImageSize(uint32_t sourceWidth, uint32_t sourceHeight, uint32_t maxSide, uint64_t maxBytes, uint32_t& width, uint32_t& height);

class ImageCache {
public:
    static constexpr uint64_t kDefaultBudget = 64ull * 1024 * 1024;  // bytes of texture memory
    explicit ImageCache(uint64_t budget = kDefaultBudget) : m_budget(budget) {}

    // Asked each frame for a figure near the viewport: its state, and its texture when ready (else
    // 0). An image absent and wanted in an earlier frame too is requested (a size wanted for one
    // frame only is not fetched); a failed one is never asked for again (until clear()).
    ImageState want(const ImageKey& key, std::string_view src, uint64_t& texture);
    ImageState state(const ImageKey& key) const;
    // The platform's answers. arrived() keeps the texture, evicting the least recently wanted ones
    // that do not fit beside it; a texture larger than the whole budget is refused (released, and
    // the image marked failed). A key nobody asked for (a bundle replaced meanwhile) is released.
    void arrived(const ImageKey& key, uint64_t texture);
    void failed(const ImageKey& key, std::string message);
    // Why an image failed (the platform's message), or "".
    const std::string& failure(const ImageKey& key) const;
    // Any texture of that figure here now, at whatever size (0: none): shown while another size comes.
    uint64_t anyTexture(const std::string& articleId, size_t figure) const;

    std::vector<ImageRequest> takeRequests();
    std::vector<uint64_t> takeReleased();  // textures the platform deletes now
    // Each frame: what is wanted from now on counts as more recent than anything before.
    void nextFrame() { ++m_frame; }
    // Another bundle: every texture is released, every request forgotten.
    void clear();

    uint64_t bytes() const { return m_bytes; }  // of the textures kept now
    uint64_t budget() const { return m_budget; }
    size_t textures() const;
    size_t pending() const;  // asked for, not answered yet

private:
    struct Entry {
        ImageState state = ImageState::absent;
        uint64_t texture = 0;
        uint64_t lastWanted = 0;  // frame number; 0: never
        std::string src;          // as asked for, for the log
        std::string message;      // failed: why
    };
    void evictFor(uint64_t bytes, const ImageKey& keep);

    uint64_t m_budget;
    uint64_t m_bytes = 0;
    uint64_t m_frame = 1;
    std::map<ImageKey, Entry> m_entries;
    std::vector<ImageRequest> m_requests;
    std::vector<uint64_t> m_released;
};

}  // namespace reader::core
