// Links the reader opens outside itself (a hotline's number, a URL): only schemes that cannot run
// code or reach the page (tel:, mailto:, https:, http:), never javascript: or data:.
#pragma once

#include <string>
#include <string_view>

namespace reader::core {

// "tel:0471-6920007" for a number as a bundle writes it ("0471-6920007", "(0471) 692 0007",
// "+86 471 6920007"): digits, a leading +, and - kept; spaces and parentheses dropped. Empty when
// no digit is left.
std::string telUrl(std::string_view number);

// `url` when its scheme is one the reader may open (case-insensitive, then written lowercase),
// else an empty string.
std::string safeExternalUrl(std::string_view url);

}  // namespace reader::core
