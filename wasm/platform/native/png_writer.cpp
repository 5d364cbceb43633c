#include "png_writer.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace reader::native {

bool writePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba) {
    return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace reader::native
