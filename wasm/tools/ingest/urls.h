// Addresses in saved pages: relative links and image sources resolved against the page's URL
// (RFC 3986, section 5.2, for the forms pages use), and which links are downloadable files.
#pragma once

#include <string>
#include <string_view>

namespace reader::tools::ingest {

// "scheme:" at the start ("https:", "mailto:", "javascript:").
bool hasScheme(std::string_view ref);

// `ref` made absolute against `base` (an absolute http(s) URL): "//host/x", "/x", "x", "../x",
// "?q", "#f". `ref` unchanged when it has a scheme, or when `base` is not an absolute URL.
std::string resolveUrl(std::string_view base, std::string_view ref);

// The media type of a link to a file a notice attaches (.pdf .doc .docx .xls .xlsx .zip .rar, by
// the path's extension, any case), or empty.
std::string attachmentMime(std::string_view url);

// The last segment of the URL's path ("通知.pdf" stays percent-encoded as written).
std::string fileNameOf(std::string_view url);

}  // namespace reader::tools::ingest
