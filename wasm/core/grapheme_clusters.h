// Grapheme clusters (UAX #29, libunibreak 6.1) and the cap on what one cluster may cost: a base with
// fifty thousand combining marks is one cluster, drawn at one place, and without a cap every frame
// would draw each mark and the page's text mirror would hand them all to the browser (issue #19).
// The layout and the web mirror apply the same cap, so canvas and mirror show the same text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reader::core {

// No real script needs more code points in one cluster (the longest emoji ZWJ sequences have 10;
// Zalgo text piles up dozens only to attack).
inline constexpr size_t kMaxClusterCodePoints = 32;
// What stands in for the rest of a cluster that was cut: a visible ellipsis after its first
// kMaxClusterCodePoints code points.
inline constexpr char32_t kClusterCutMark = U'\u2026';

// cuts[i] is true when a grapheme cluster ends after text[i] (so always for the last code point).
std::vector<bool> clusterEnds(std::u32string_view text);

// The text with each grapheme cluster longer than kMaxClusterCodePoints code points cut to its first
// kMaxClusterCodePoints, followed by kClusterCutMark. Any other text comes back unchanged.
std::u32string capClusters(std::u32string_view text);
// The same on UTF-8 (bytes outside cut clusters are kept as they are, valid or not).
std::string capClusters(std::string_view text);

}  // namespace reader::core
