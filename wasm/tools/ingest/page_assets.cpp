// A page's figures made loadable (page_assets.h).
#include "page_assets.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/bundle_rules.h"
#include "ids.h"
#include "urls.h"

// Only the size of an image is read, never its pixels; static, so that no other stb_image copy
// in a program linking this library clashes with it.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#include <stb/stb_image.h>

namespace reader::tools::ingest {

namespace {

constexpr uint32_t kMaxImageSide = 20'000;  // the format's limit on a figure's width and height

// "%E5%9B%BE.jpg" -> its UTF-8 bytes; "+" stays (paths, not form data).
std::string percentDecoded(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); };
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) && hex(text[i + 2])) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

const char* extensionOf(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return ".png";
    if (bytes.starts_with("\xFF\xD8\xFF")) return ".jpg";
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return ".gif";
    return nullptr;
}

std::optional<std::string> readLocal(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The figure, made loadable; or the reason it cannot be.
std::optional<std::string> settleFigure(core::Block& figure, const std::string& pageSrc, const std::filesystem::path& pageDir,
                                        const std::optional<AssetFolder>& assets, FigureReport& report) {
    const bool local = !pageSrc.empty() && !hasScheme(pageSrc) && !pageSrc.starts_with("//") && !pageSrc.starts_with('/');
    if (local && assets) {
        const std::string relative = percentDecoded(pageSrc.substr(0, pageSrc.find_first_of("?#")));
        const std::optional<std::string> bytes = readLocal(pageDir / relative);
        if (bytes) {
            std::string why;
            const std::optional<StoredImage> stored = storeImage(*bytes, assets->dir, why);
            if (!stored) return why;
            figure.src = assets->prefix + stored->name;
            figure.width = stored->width;
            figure.height = stored->height;
            ++report.copied;
            return std::nullopt;
        }
        if (!figure.src.starts_with("https://")) return std::string("no such file beside the page");
    }
    if (!figure.src.starts_with("https://") || !core::isAssetPath(figure.src)) {
        return std::string(local && !assets ? "a file of the saved page (give --assets DIR to copy it)" : "not an https: address");
    }
    if (figure.width == 0) return std::string("the page gives no width and height");
    return std::nullopt;
}

}  // namespace

std::optional<StoredImage> storeImage(const std::string& bytes, const std::filesystem::path& dir, std::string& why) {
    const char* extension = extensionOf(bytes);
    int width = 0, height = 0, channels = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    if (!extension) {
        why = "not a PNG, JPEG or GIF image";
        return std::nullopt;
    }
    if (!stbi_info_from_memory(data, static_cast<int>(bytes.size()), &width, &height, &channels)) {
        why = "a damaged image, or too large for stb_image to read";
        return std::nullopt;
    }
    if (width < 1 || height < 1 || static_cast<uint32_t>(width) > kMaxImageSide || static_cast<uint32_t>(height) > kMaxImageSide) {
        why = std::to_string(width) + " x " + std::to_string(height) + " pixels, over the format's limit of " +
              std::to_string(kMaxImageSide);
        return std::nullopt;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
    StoredImage stored{std::string(hex) + extension, static_cast<uint32_t>(width), static_cast<uint32_t>(height)};
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    const std::filesystem::path target = dir / stored.name;
    if (!std::filesystem::exists(target)) {  // the same bytes are the same file: written once
        std::ofstream out(target, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            why = "cannot write " + target.string();
            return std::nullopt;
        }
    }
    return stored;
}

FigureReport settleFigures(PageContent& page, const std::filesystem::path& pageDir, const std::optional<AssetFolder>& assets) {
    FigureReport report;
    std::vector<core::Block> blocks;
    size_t figure = 0;
    for (core::Block& block : page.blocks) {
        if (block.kind != core::BlockKind::figure) {
            blocks.push_back(std::move(block));
            continue;
        }
        const std::string pageSrc = figure < page.figureSources.size() ? page.figureSources[figure] : std::string();
        ++figure;
        const std::optional<std::string> why = settleFigure(block, pageSrc, pageDir, assets, report);
        if (!why) {
            ++report.kept;
            blocks.push_back(std::move(block));
            continue;
        }
        report.leftOut.push_back((pageSrc.empty() ? block.src : pageSrc) + ": " + *why);
        if (block.hasCaption) blocks.push_back(core::Block{.firstText = block.firstText, .textCount = 1});
    }
    const bool allParagraphs = std::all_of(blocks.begin(), blocks.end(), [](const core::Block& b) { return b.kind == core::BlockKind::paragraph; });
    page.blocks = allParagraphs ? std::vector<core::Block>() : std::move(blocks);
    page.figureSources.clear();
    return report;
}

}  // namespace reader::tools::ingest
