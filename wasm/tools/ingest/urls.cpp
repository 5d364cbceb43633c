// Addresses in saved pages (urls.h).
#include "urls.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace reader::tools::ingest {

namespace {

// "/a/b/../c/./d" -> "/a/c/d" (RFC 3986, 5.2.4, remove_dot_segments).
std::string removeDotSegments(std::string_view path) {
    std::vector<std::string_view> kept;
    size_t begin = path.starts_with('/') ? 1 : 0;
    bool trailingSlash = false;
    while (begin <= path.size()) {
        size_t end = path.find('/', begin);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = path.substr(begin, end - begin);
        trailingSlash = segment == "." || segment == "..";
        if (segment == "..") {
            if (!kept.empty()) kept.pop_back();
        } else if (segment != ".") {
            kept.push_back(segment);
        }
        begin = end + 1;
    }
    std::string out;
    for (const std::string_view segment : kept) out += "/" + std::string(segment);
    if (trailingSlash || out.empty()) out += "/";
    return out;
}

// Where the path starts in an absolute URL: after "scheme://authority". npos when there is none.
size_t pathStart(std::string_view url) {
    const size_t colon = url.find("://");
    if (colon == std::string_view::npos || !hasScheme(url)) return std::string_view::npos;
    const size_t path = url.find_first_of("/?#", colon + 3);
    return path == std::string_view::npos ? url.size() : path;
}

}  // namespace

bool hasScheme(std::string_view ref) {
    const size_t colon = ref.find(':');
    if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(ref[0]))) return false;
    return std::all_of(ref.begin(), ref.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

std::string resolveUrl(std::string_view base, std::string_view ref) {
    if (hasScheme(ref)) return std::string(ref);
    const size_t path = pathStart(base);
    if (path == std::string_view::npos) return std::string(ref);
    const std::string_view scheme = base.substr(0, base.find(':') + 1);
    if (ref.starts_with("//")) return std::string(scheme) + std::string(ref);
    const std::string_view origin = base.substr(0, path);
    const size_t queryOrFragment = base.find_first_of("?#", path);
    const std::string_view basePath = base.substr(path, queryOrFragment == std::string_view::npos ? std::string_view::npos : queryOrFragment - path);
    if (ref.empty()) return std::string(base.substr(0, base.find('#')));
    if (ref.starts_with('#')) return std::string(base.substr(0, base.find('#'))) + std::string(ref);
    if (ref.starts_with('?')) return std::string(origin) + std::string(basePath.empty() ? "/" : basePath) + std::string(ref);
    const size_t refEnd = ref.find_first_of("?#");
    const std::string_view refPath = ref.substr(0, refEnd);
    const std::string_view refRest = refEnd == std::string_view::npos ? std::string_view() : ref.substr(refEnd);
    std::string merged;
    if (refPath.starts_with('/')) {
        merged = std::string(refPath);
    } else {
        const size_t slash = basePath.rfind('/');
        merged = (slash == std::string_view::npos ? std::string("/") : std::string(basePath.substr(0, slash + 1))) + std::string(refPath);
    }
    return std::string(origin) + removeDotSegments(merged) + std::string(refRest);
}

std::string attachmentMime(std::string_view url) {
    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".pdf", "application/pdf"},
        {".doc", "application/msword"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".xls", "application/vnd.ms-excel"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {".zip", "application/zip"},
        {".rar", "application/vnd.rar"},
    };
    std::string path(url.substr(0, url.find_first_of("?#")));
    std::transform(path.begin(), path.end(), path.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& [extension, type] : kTypes) {
        if (path.ends_with(extension)) return std::string(type);
    }
    return {};
}

std::string fileNameOf(std::string_view url) {
    const std::string_view path = url.substr(0, url.find_first_of("?#"));
    const size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace reader::tools::ingest
