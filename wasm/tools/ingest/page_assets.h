// A page's figures made loadable: images of a saved page ("save complete": page_files/x.jpg beside
// the HTML) copied into the assets folder beside the bundle, named by a hash of their bytes, their
// pixel size read from the file; images on the web kept when they are https: and sized; the rest
// left out (a caption stays, as a paragraph), each with the reason why.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "page_content.h"

namespace reader::tools::ingest {

struct AssetFolder {
    std::filesystem::path dir;  // where the images go (--assets DIR)
    std::string prefix;         // DIR as a path relative to the bundle's folder, ending in '/'
};

struct FigureReport {
    size_t kept = 0, copied = 0;
    std::vector<std::string> leftOut;  // "page_files/a.bmp: not a PNG, JPEG or GIF image"
};

// `pageDir`: the folder of the saved page, that its relative image paths start from.
FigureReport settleFigures(PageContent& page, const std::filesystem::path& pageDir, const std::optional<AssetFolder>& assets);

// A copy of an image: "<16 hex digits of FNV-1a 64 of the bytes>.png"; width and height read
// from the bytes. nullopt, with `why`, when it is not a PNG, JPEG or GIF stb_image can size, or
// is larger than the format allows.
struct StoredImage {
    std::string name;
    uint32_t width = 0, height = 0;
};
std::optional<StoredImage> storeImage(const std::string& bytes, const std::filesystem::path& dir, std::string& why);

}  // namespace reader::tools::ingest
