// A saved page's bytes -> UTF-8. The charset comes from a byte-order mark, else from a <meta>
// declaration in the first 4 KB (read as ASCII, before any decoding), else from the bytes
// themselves: valid UTF-8 is UTF-8; otherwise GB18030 and Big5 both decode and the one giving
// fewer errors and more common Chinese characters wins. Conversion is glibc's iconv.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reader::tools::ingest {

struct DecodedText {
    std::string utf8;
    std::string charset;       // the iconv name used: "UTF-8", "GB18030", "BIG5-HKSCS", ...
    std::string detectedFrom;  // "byte-order mark", "<meta> charset", "bytes"
    size_t invalidSequences = 0;  // bytes that did not decode, each now U+FFFD
};

// The charset label a <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">
// in the first 4 KB declares, lowercased; empty when there is none.
std::string declaredCharset(std::string_view bytes);

// The iconv name for a charset label (WHATWG's aliases: gb2312 and gbk decode as their superset
// GB18030, big5 as Big5-HKSCS, latin1 as windows-1252); other labels are passed on uppercased.
std::string iconvName(std::string_view label);

// nullopt when iconv does not know the charset. Undecodable bytes become U+FFFD, counted.
std::optional<std::string> convertToUtf8(std::string_view bytes, const std::string& charset, size_t& invalid);

DecodedText decodePage(std::string_view bytes);

}  // namespace reader::tools::ingest
