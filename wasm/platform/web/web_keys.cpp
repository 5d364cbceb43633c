// DOM key codes and modifiers into ImGui key events (web_keys.h).
#include "web_keys.h"

#include <cstring>

namespace reader::web {

namespace {

struct KeyName {
    const char* code;
    ImGuiKey key;
};

// Physical key codes (KeyboardEvent.code), so shortcuts work whatever the keyboard layout types.
constexpr KeyName kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
    {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"Slash", ImGuiKey_Slash},
    {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
};

}  // namespace

ImGuiKey imguiKeyForCode(const char* code) {
    // "KeyA".."KeyZ", "Digit0".."Digit9", "F1".."F12"
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == '\0') {
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    }
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == '\0') {
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    }
    if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
        const int n = code[2] == '\0' ? code[1] - '0' : (code[1] - '0') * 10 + (code[2] - '0');
        if (n >= 1 && n <= 12 && (code[2] == '\0' || code[3] == '\0')) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
    }
    for (const KeyName& named : kNamedKeys) {
        if (std::strcmp(code, named.code) == 0) return named.key;
    }
    return ImGuiKey_None;
}

}  // namespace reader::web
