// Writes RGBA pixels (top row first) as a PNG file.
#pragma once

#include <string>
#include <vector>

namespace reader::native {

bool writePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace reader::native
