// Writes RGBA pixels (top row first) as an RGB PNG file (alpha dropped: captures are opaque).
#pragma once

#include <string>
#include <vector>

namespace reader::native {

bool writePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace reader::native
