// Settings and options are written by name ("dark", "simplified"): one table of names per enum,
// indexed by the enumerators' values (0, 1, 2 ... in declaration order), and these two helpers.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace reader::core {

template <class Enum, size_t N>
const char* nameOf(Enum value, const std::array<const char*, N>& names) {
    return names[static_cast<size_t>(value)];
}

// Sets `out` to the enumerator named `name`; false (and `out` unchanged) for an unknown name.
template <class Enum, size_t N>
bool parseName(std::string_view name, const std::array<const char*, N>& names, Enum& out) {
    for (size_t i = 0; i < N; ++i) {
        if (name != names[i]) continue;
        out = static_cast<Enum>(i);
        return true;
    }
    return false;
}

}  // namespace reader::core
