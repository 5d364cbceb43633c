// Comparing captures with a small tolerance (image_compare.h).
#include "image_compare.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace reader::test {

std::optional<Image> Image::load(const std::string& path) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (!pixels) return std::nullopt;
    Image image{width, height, std::vector<unsigned char>(pixels, pixels + static_cast<size_t>(width) * height * 4)};
    stbi_image_free(pixels);
    return image;
}

namespace {

int channelDifference(const unsigned char* a, const unsigned char* b) {
    int largest = 0;
    for (int c = 0; c < 4; ++c) largest = std::max(largest, std::abs(a[c] - b[c]));
    return largest;
}

}  // namespace

std::string Difference::describe() const {
    if (!sameSize) return "the images differ in size";
    char text[160];
    std::snprintf(text, sizeof text, "%zu of %zu pixels differ by more than %d (%.4f %%, %.4f %% allowed); largest difference %d",
                  differing, pixels, kChannelTolerance, 100.0 * static_cast<double>(differing) / static_cast<double>(pixels),
                  100.0 * kMaxDifferingFraction, largest);
    return text;
}

Difference compare(const Image& expected, const Image& actual) {
    Difference d;
    d.sameSize = expected.width == actual.width && expected.height == actual.height;
    if (!d.sameSize) return d;
    d.pixels = static_cast<size_t>(expected.width) * expected.height;
    for (size_t i = 0; i < d.pixels; ++i) {
        const int diff = channelDifference(&expected.rgba[i * 4], &actual.rgba[i * 4]);
        d.largest = std::max(d.largest, diff);
        if (diff > kChannelTolerance) ++d.differing;
    }
    return d;
}

bool writeDifference(const std::string& path, const Image& expected, const Image& actual) {
    if (expected.width != actual.width || expected.height != actual.height) return false;
    std::vector<unsigned char> out(actual.rgba.size());
    for (size_t i = 0; i < out.size() / 4; ++i) {
        const bool differs = channelDifference(&expected.rgba[i * 4], &actual.rgba[i * 4]) > kChannelTolerance;
        for (int c = 0; c < 3; ++c) {
            const int faded = 255 - (255 - actual.rgba[i * 4 + c]) / 4;
            out[i * 4 + c] = static_cast<unsigned char>(differs ? (c == 0 ? 255 : 0) : faded);
        }
        out[i * 4 + 3] = 255;
    }
    return stbi_write_png(path.c_str(), actual.width, actual.height, 4, out.data(), actual.width * 4) != 0;
}

}  // namespace reader::test
