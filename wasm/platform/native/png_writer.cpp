// PNG captures through stb_image_write (png_writer.h).
#include "png_writer.h"

#include <cstdlib>

#include <zlib.h>

namespace {

// zlib at its best level instead of stb's own deflate: golden images in the repository come out
// about a quarter smaller.
unsigned char* deflateBest(unsigned char* data, int length, int* outLength, int) {
    uLongf size = compressBound(static_cast<uLong>(length));
    auto* out = static_cast<unsigned char*>(std::malloc(size));
    if (!out || compress2(out, &size, data, static_cast<uLong>(length), Z_BEST_COMPRESSION) != Z_OK) {
        std::free(out);
        return nullptr;
    }
    *outLength = static_cast<int>(size);
    return out;
}

}  // namespace

#define STBIW_ZLIB_COMPRESS deflateBest
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace reader::native {

bool writePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba) {
    // The window is opaque: RGB is enough.
    std::vector<unsigned char> rgb(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0, n = rgb.size() / 3; i < n; ++i) {
        for (size_t c = 0; c < 3; ++c) rgb[i * 3 + c] = rgba[i * 4 + c];
    }
    return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

}  // namespace reader::native
