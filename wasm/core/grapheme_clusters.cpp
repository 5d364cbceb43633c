// Grapheme cluster ends from libunibreak, and the cap on a cluster's length (grapheme_clusters.h).
#include "grapheme_clusters.h"

#include <graphemebreak.h>

#include "utf8.h"

namespace reader::core {

namespace {

// No cluster can be longer than the cap in a text that is not: the common case asks for no breaks.
bool shortEnough(size_t codePoints) { return codePoints <= kMaxClusterCodePoints; }

// emit(i, false) for each code point kept: all of a cluster within the cap, the first
// kMaxClusterCodePoints of one over it; emit(i, true) at the last code point of a cluster cut.
template <typename Emit>
void walkCapped(std::u32string_view text, Emit emit) {
    const std::vector<bool> ends = clusterEnds(text);
    size_t inCluster = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        ++inCluster;
        if (inCluster <= kMaxClusterCodePoints) emit(i, false);
        if (ends[i]) {
            if (inCluster > kMaxClusterCodePoints) emit(i, true);
            inCluster = 0;
        }
    }
}

}  // namespace

std::vector<bool> clusterEnds(std::u32string_view text) {
    std::vector<char> breaks(text.size());
    static_assert(sizeof(char32_t) == sizeof(utf32_t));
    set_graphemebreaks_utf32(reinterpret_cast<const utf32_t*>(text.data()), text.size(), nullptr, breaks.data());
    std::vector<bool> ends(text.size());
    for (size_t i = 0; i < text.size(); ++i) ends[i] = breaks[i] == GRAPHEMEBREAK_BREAK;
    if (!text.empty()) ends.back() = true;
    return ends;
}

std::u32string capClusters(std::u32string_view text) {
    if (shortEnough(text.size())) return std::u32string(text);
    std::u32string out;
    out.reserve(text.size());
    walkCapped(text, [&](size_t i, bool cut) { out += cut ? kClusterCutMark : text[i]; });
    return out;
}

std::string capClusters(std::string_view text) {
    if (shortEnough(text.size())) return std::string(text);  // a code point is one byte at least
    std::u32string points;
    std::vector<size_t> offsets;  // byte offset of each code point, and the end
    points.reserve(text.size());
    offsets.reserve(text.size() + 1);
    for (size_t pos = 0; pos < text.size();) {
        offsets.push_back(pos);
        points += utf8::next(text, pos);
    }
    offsets.push_back(text.size());
    std::string out;
    out.reserve(text.size());
    walkCapped(points, [&](size_t i, bool cut) {
        if (cut) utf8::append(out, kClusterCutMark);
        else out.append(text.substr(offsets[i], offsets[i + 1] - offsets[i]));
    });
    return out;
}

}  // namespace reader::core
