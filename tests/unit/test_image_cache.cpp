// core/image_cache: which figures are fetched (near the viewport), textures kept under the budget,
// the least recently wanted evicted first and asked for again, failures remembered.
#include "core/image_cache.h"

#include <doctest/doctest.h>

#include <vector>

using namespace reader::core;

namespace {

ImageKey key(size_t figure, uint32_t side = 100) { return ImageKey{"a1", figure, side, side}; }

// Wanted in this frame and the next: asked for.
ImageState ask(ImageCache& cache, const ImageKey& k, const char* src = "x.png") {
    uint64_t texture = 0;
    cache.want(k, src, texture);
    cache.nextFrame();
    return cache.want(k, src, texture);
}

}  // namespace

TEST_CASE("image cache: a figure within one screen of the viewport is near, two screens away is not") {
    // Viewport 1000..1800 (a screen of 800).
    CHECK(nearViewport(1200, 1400, 1000, 1800));  // on screen
    CHECK(nearViewport(2500, 2700, 1000, 1800));  // starts less than a screen below
    CHECK(nearViewport(100, 300, 1000, 1800));    // ends less than a screen above
    CHECK_FALSE(nearViewport(2700, 2900, 1000, 1800));
    CHECK_FALSE(nearViewport(-200, 150, 1000, 1800));
}

TEST_CASE("image cache: an image wanted in two frames is requested once, and its texture is given once it arrived") {
    ImageCache cache;
    uint64_t texture = 99;
    CHECK(cache.want(key(2), "img/a.png", texture) == ImageState::absent);  // one frame: maybe a passing size
    CHECK(texture == 0);
    CHECK(cache.takeRequests().empty());
    cache.nextFrame();
    CHECK(cache.want(key(2), "img/a.png", texture) == ImageState::pending);
    cache.nextFrame();
    CHECK(cache.want(key(2), "img/a.png", texture) == ImageState::pending);
    const std::vector<ImageRequest> requests = cache.takeRequests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0] == ImageRequest{key(2), "img/a.png"});
    cache.arrived(key(2), 7);
    CHECK(cache.want(key(2), "img/a.png", texture) == ImageState::ready);
    CHECK(texture == 7);
    CHECK(cache.bytes() == 100 * 100 * 4);
    CHECK(cache.takeRequests().empty());
}

TEST_CASE("image cache: over the budget the least recently wanted texture goes, and is asked for again when wanted") {
    ImageCache cache(3 * textureBytes(100, 100));
    uint64_t texture = 0;
    for (size_t f = 0; f < 3; ++f) {
        ask(cache, key(f));
        cache.arrived(key(f), 10 + f);
        cache.nextFrame();
    }
    cache.want(key(0), "x.png", texture);  // figure 0 drawn again: figure 1 is now the oldest
    cache.nextFrame();
    cache.want(key(3), "x.png", texture);
    cache.want(key(0), "x.png", texture);
    cache.nextFrame();
    cache.want(key(3), "x.png", texture);
    cache.arrived(key(3), 13);
    CHECK(cache.takeReleased() == std::vector<uint64_t>{11});
    CHECK(cache.bytes() == 3 * textureBytes(100, 100));
    CHECK(cache.textures() == 3);
    cache.takeRequests();
    CHECK(ask(cache, key(1)) == ImageState::pending);
    CHECK(cache.takeRequests().size() == 1);
}

TEST_CASE("image cache: a texture larger than the whole budget is refused and released") {
    ImageCache cache(textureBytes(100, 100));
    ask(cache, key(0, 200), "big.png");
    cache.arrived(key(0, 200), 5);
    CHECK(cache.state(key(0, 200)) == ImageState::failed);
    CHECK(cache.failure(key(0, 200)) == "larger than the texture budget");
    CHECK(cache.takeReleased() == std::vector<uint64_t>{5});
    CHECK(cache.bytes() == 0);
}

TEST_CASE("image cache: a failed image is never asked for again; clear() releases every texture") {
    ImageCache cache;
    uint64_t texture = 0;
    cache.want(key(0), "broken.png", texture);
    cache.want(key(1), "ok.png", texture);
    cache.nextFrame();
    cache.want(key(0), "broken.png", texture);
    cache.want(key(1), "ok.png", texture);
    cache.takeRequests();
    cache.failed(key(0), "HTTP 404");
    cache.arrived(key(1), 4);
    CHECK(cache.want(key(0), "broken.png", texture) == ImageState::failed);
    CHECK(cache.failure(key(0)) == "HTTP 404");
    CHECK(cache.takeRequests().empty());
    cache.clear();
    CHECK(cache.takeReleased() == std::vector<uint64_t>{4});
    CHECK(cache.bytes() == 0);
    cache.arrived(key(1), 8);  // answered for the old bundle: released at once
    CHECK(cache.takeReleased() == std::vector<uint64_t>{8});
}

TEST_CASE("image cache: the zoom view's size keeps the aspect within a side and a byte limit") {
    uint32_t w = 0, h = 0;
    fitImageSize(8000, 4000, 4096, 1ull << 40, w, h);
    CHECK(w == 4096);
    CHECK(h == 2048);
    fitImageSize(800, 600, 4096, 1ull << 40, w, h);  // never enlarged
    CHECK(w == 800);
    CHECK(h == 600);
    fitImageSize(4000, 4000, 4096, textureBytes(1000, 1000), w, h);
    CHECK(w == 1000);
    CHECK(h == 1000);
}

TEST_CASE("image cache: any size of a figure stands in while the zoom view's larger one comes") {
    ImageCache cache;
    ask(cache, key(4, 100));
    cache.arrived(key(4, 100), 21);
    ask(cache, key(4, 900));
    CHECK(cache.anyTexture("a1", 4) == 21);
    CHECK(cache.anyTexture("a1", 5) == 0);
    CHECK(cache.anyTexture("a2", 4) == 0);
}
