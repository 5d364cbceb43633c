// Comparing captures with a small tolerance (golden images, replay against direct capture).
//
// A pixel differs when one of its channels differs by more than kChannelTolerance (of 255): that
// absorbs rounding in anti-aliasing and blending, which may change with the Mesa version. Two
// images match when at most kMaxDifferingFraction of their pixels differ: less than one changed
// character of body text. On this machine captures are identical byte for byte.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reader::test {

inline constexpr int kChannelTolerance = 8;
inline constexpr double kMaxDifferingFraction = 0.0001;  // 0.01 %

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
    static std::optional<Image> load(const std::string& path);
};

struct Difference {
    bool sameSize = false;
    size_t differing = 0;  // pixels beyond kChannelTolerance
    size_t pixels = 0;
    int largest = 0;       // the largest channel difference seen
    bool matches() const { return sameSize && static_cast<double>(differing) <= kMaxDifferingFraction * static_cast<double>(pixels); }
    std::string describe() const;
};

Difference compare(const Image& expected, const Image& actual);
// Writes `actual` faded, with the differing pixels in red, for people to look at.
bool writeDifference(const std::string& path, const Image& expected, const Image& actual);

}  // namespace reader::test
