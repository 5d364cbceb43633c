// standalone BUNDLE OUT.html [--web DIR]: one HTML file that reads BUNDLE with no server and no
// network, opened from file:// (docs/offline.md). It inlines, from the web build in DIR (default
// build/web):
//   page.css                          in a <style>
//   reader.js and every module it imports, and they import (mount.js, its parts, bundle_fetch.js,
//   mirror.js, reader-module.js, ...: the import statements say which)
//                                     in one module script, dependencies first: each module becomes
//                                     a function scope whose exports the later ones' imports are
//                                     bound to (an inline module cannot import files from file://)
//   reader-module.wasm                base64 in a data block, given to mount() as `wasmBinary`
//   t2s.txt                           text in a data block, given to mount() as `scriptTables`, so
//                                     that the page can show the Simplified script
//   BUNDLE                            JSON in a data block (checked against format v1 first), with
//                                     every '<' written \u003c: untrusted text cannot end the block;
//                                     the images its figures and video posters name beside it
//                                     (PNG, JPEG, WebP, GIF, by their bytes) as data: URIs in it
// The page carries its own Content-Security-Policy: nothing but its one inline script (by SHA-256)
// and style, WebAssembly compilation, images from data: and blob: URLs (and fetches of data: URLs,
// which reach no network), and no other fetch at all. The fallback font is not inlined: a
// browser with no CJK font draws boxes, as docs/offline.md says.
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>


#include "commands.h"
#include "core/bundle_loader.h"
#include "core/bundle_rules.h"

namespace reader::tools {

namespace {

constexpr const char* kDefaultWebDir = "build/web";

// [SECTION] SHA-256 (FIPS 180-4), for the script's hash in the page's Content-Security-Policy.
std::array<uint8_t, 32> sha256(std::string_view data) {
    static constexpr std::array<uint32_t, 64> k = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string message(data);
    const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
    message += static_cast<char>(0x80);
    while (message.size() % 64 != 56) message += '\0';
    for (int shift = 56; shift >= 0; shift -= 8) message += static_cast<char>((bits >> shift) & 0xff);
    const auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    for (size_t block = 0; block < message.size(); block += 64) {
        std::array<uint32_t, 64> w{};
        for (size_t i = 0; i < 16; ++i) {
            for (size_t b = 0; b < 4; ++b) w[i] = (w[i] << 8) | static_cast<uint8_t>(message[block + i * 4 + b]);
        }
        for (size_t i = 16; i < 64; ++i) {
            const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<uint32_t, 8> v = h;
        for (size_t i = 0; i < 64; ++i) {
            const uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
            const uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const uint32_t t2 = s0 + maj;
            v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (size_t i = 0; i < 8; ++i) h[i] += v[i];
    }
    std::array<uint8_t, 32> digest{};
    for (size_t i = 0; i < 32; ++i) digest[i] = static_cast<uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    return digest;
}

std::string base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

// [SECTION] Inlining text into HTML.

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// Script text that cannot close its element early: "</script" and "<!--" (which would let a later
// "<script" change how the element ends) are written with a backslash. Inside a JS string, template
// or regular expression that means the same characters; module code has them nowhere else.
std::string scriptSafe(std::string js) {
    static const std::regex closer("</(script)", std::regex::icase);
    js = std::regex_replace(js, closer, "<\\/$1");
    replaceAll(js, "<!--", "<\\!--");
    return js;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// [SECTION] ES modules into one script.

// One module's text turned into an expression: an arrow function's scope that binds its imports
// from modules before it and returns its exports, `{default: ..., name: ..., ...}`. Only the forms
// the shell uses are understood; any other import or export statement is an error, so that a
// change to the shell breaks this tool's test rather than the standalone page.
struct ModuleText {
    std::string file;  // "reader.js"
    std::string text;
};

// The statements understood, one per line: `import x from './f.js'`, `import {a, b as c} from
// './f.js'`, `export default x`, `export function|class|const|let|var x`, `export {a, b as c}`.
const std::regex kImportDefault(R"(^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+['"]\./([^'"]+)['"];?\s*$)");
const std::regex kImportNamed(R"(^\s*import\s*\{([^}]*)\}\s*from\s+['"]\./([^'"]+)['"];?\s*$)");
const std::regex kExportDefault(R"(^\s*export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$)");
const std::regex kExportDeclaration(R"(^(\s*)export\s+((?:async\s+)?function\*?\s+|class\s+|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*))");
const std::regex kExportList(R"(^\s*export\s*\{([^}]*)\}\s*;?\s*$)");
// Any other import or export statement (not a name that starts with "import", as importText does).
const std::regex kOtherImportExport(R"(^\s*(import\s*[{*'"]|import\s+[\w$]|export\b))");

std::string moduleVariable(const std::string& file) {
    std::string name = "module_";
    for (const char c : file) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

// "a, b as c" -> "a, c: b": the exported names of an export list, as object literal entries.
std::string exportEntries(std::string names) {
    static const std::regex renamed(R"(([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*))");
    return std::regex_replace(names, renamed, "$2: $1");
}

core::Result<std::string> scopeModule(const ModuleText& module) {
    std::vector<std::string> bindings;  // "const x = module_2.default;"
    std::vector<std::string> exports;   // "default: x", "name"
    std::string body;
    std::istringstream lines(module.text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        std::smatch m;
        if (std::regex_match(line, m, kImportDefault)) {
            bindings.push_back("const " + m[1].str() + " = " + moduleVariable(m[2].str()) + ".default;");
            body += "\n";  // keeps line numbers
        } else if (std::regex_match(line, m, kImportNamed)) {
            std::string names = m[1].str();
            replaceAll(names, " as ", ": ");
            bindings.push_back("const {" + names + "} = " + moduleVariable(m[2].str()) + ";");
            body += "\n";
        } else if (std::regex_match(line, m, kExportDefault)) {
            exports.push_back("default: " + m[1].str());
            body += "\n";
        } else if (std::regex_search(line, m, kExportDeclaration)) {
            exports.push_back(m[3].str());
            body += m[1].str() + m[2].str() + m[3].str() + m.suffix().str() + "\n";
        } else if (std::regex_match(line, m, kExportList)) {
            exports.push_back(exportEntries(m[1].str()));
            body += "\n";
        } else if (std::regex_search(line, kOtherImportExport)) {
            return core::Error{.message = module.file + ":" + std::to_string(number) +
                                          ": an import or export this tool cannot inline: " + line};
        } else {
            body += line + "\n";
        }
    }
    std::string out = "const " + moduleVariable(module.file) + " = (() => {\n";
    for (const std::string& binding : bindings) out += binding + "\n";
    out += body;
    out += "return {";
    for (size_t i = 0; i < exports.size(); ++i) out += (i ? ", " : "") + exports[i];
    out += "};\n})();\n";
    return out;
}

// The files a module imports ('./x.js' -> "x.js"), in the order of its import statements.
std::vector<std::string> importedFiles(const std::string& text) {
    std::vector<std::string> files;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_match(line, m, kImportDefault) || std::regex_match(line, m, kImportNamed)) files.push_back(m[2].str());
    }
    return files;
}

// The module graph from `entry`, read from webDir: every module after the ones it imports, each
// once. Errors (a file that cannot be read, an import cycle, which function scopes cannot express)
// are printed; the result is then nullopt.
class ModuleGraph {
public:
    explicit ModuleGraph(std::string webDir) : m_webDir(std::move(webDir)) {}

    std::optional<std::vector<ModuleText>> from(const std::string& entry) {
        if (!visit(entry)) return std::nullopt;
        return std::move(m_ordered);
    }

private:
    bool visit(const std::string& file) {
        if (m_done.contains(file)) return true;
        if (const auto at = std::find(m_path.begin(), m_path.end(), file); at != m_path.end()) {
            std::string cycle;
            for (auto it = at; it != m_path.end(); ++it) cycle += *it + " -> ";
            std::cerr << m_webDir << "/" << file << ": an import cycle this tool cannot inline: " << cycle << file << "\n";
            return false;
        }
        const std::string path = m_webDir + "/" + file;
        core::Result<std::string> text = readFile(path.c_str());
        if (!text) {
            std::cerr << path << ": cannot read: " << text.error().message << " (build the web reader first, or pass --web DIR)\n";
            return false;
        }
        m_path.push_back(file);
        for (const std::string& imported : importedFiles(*text)) {
            if (!visit(imported)) return false;
        }
        m_path.pop_back();
        m_done.insert(file);
        m_ordered.push_back({file, std::move(*text)});
        return true;
    }

    std::string m_webDir;
    std::vector<std::string> m_path;  // the imports being followed, outermost first
    std::set<std::string> m_done;
    std::vector<ModuleText> m_ordered;
};

// The page's one module script: the modules in order, each in its own scope, then the call that
// mounts the reader on the data blocks. nullopt after printing what went wrong.
std::optional<std::string> pageScript(const std::string& webDir, const std::vector<ModuleText>& modules) {
    std::string script = "// The article reader, standalone: reader-tool standalone (docs/offline.md).\n";
    for (const ModuleText& module : modules) {
        const core::Result<std::string> scoped = scopeModule(module);
        if (!scoped) {
            std::cerr << webDir << "/" << scoped.error().message << "\n";
            return std::nullopt;
        }
        script += "// " + module.file + "\n" + *scoped;
    }
    script +=
        "// The page: the bundle and the module's wasm come from the data blocks above, nothing is fetched.\n"
        "{\n"
        "  const text = (id) => document.getElementById(id).textContent;\n"
        "  const base64 = text('reader-wasm');\n"
        "  const binary = atob(base64);\n"
        "  const wasmBinary = new Uint8Array(binary.length);\n"
        "  for (let i = 0; i < binary.length; i++) wasmBinary[i] = binary.charCodeAt(i);\n"
        "  window.reader = module_reader_js.mount(document.getElementById('reader'), {\n"
        "    bundle: new TextEncoder().encode(text('reader-bundle')),\n"
        "    wasmBinary,\n"
        "    scriptTables: {'t2s.txt': new TextEncoder().encode(text('reader-t2s'))},\n"
        "  });\n"
        "}\n";
    return scriptSafe(std::move(script));
}

// [SECTION] The page.

// What the page shows of the bundle: its text as the file has it, with no '<' left anywhere (JSON
// has '<' only inside strings, where \u003c means the same), its site's name as the title and its
// locale. The text is passed through, not parsed and written again: a number that a JavaScript
// number or a double cannot hold (a visitor count of 2^64 - 1, 9007199254740993) reaches the reader
// as the file has it.
struct PageBundle {
    std::string json;
    std::set<std::string> imageFiles;  // figures' src and videos' posters that are files beside the bundle
    std::string title = "文章閱讀器";
    std::string lang = "zh-Hant";
};

// The bundle, checked against format v1 first; nullopt after printing where it is wrong.
std::optional<PageBundle> readBundle(const char* bundlePath) {
    core::Result<std::string> bundle = readFile(bundlePath);
    if (!bundle) {
        std::cerr << bundlePath << ": cannot read: " << bundle.error().message << "\n";
        return std::nullopt;
    }
    const core::Result<core::Bundle> loaded = core::BundleLoader::load(*bundle);
    if (!loaded) {
        std::cerr << loaded.error().describeIn(bundlePath) << "\n";
        return std::nullopt;
    }
    PageBundle page;
    page.json = std::move(*bundle);
    replaceAll(page.json, "<", "\\u003c");
    if (!loaded->site.name.empty()) page.title = loaded->site.name;
    if (!loaded->site.locale.empty()) page.lang = loaded->site.locale;
    for (const core::Article& article : loaded->articles) {
        for (const core::Block& block : article.blocks) {
            for (const std::string* path : {&block.src, &block.poster}) {
                if (core::isShardPath(*path)) page.imageFiles.insert(*path);
            }
        }
    }
    return page;
}

// [SECTION] Images inlined as data: URIs.

// The image type of the bytes, by their magic numbers; nullptr for anything else (an SVG, HTML).
const char* imageMediaType(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return "image/gif";
    if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
    return nullptr;
}

// Whether the string literal at `at` in the JSON text is the value of a "src" or "poster" key: only
// those become data: URIs (an attachment's href naming the same file stays a path).
bool isImageField(std::string_view json, size_t at) {
    const auto skipBack = [&](size_t& i) {
        while (i > 0 && std::isspace(static_cast<unsigned char>(json[i - 1]))) --i;
    };
    size_t i = at;
    skipBack(i);
    if (i == 0 || json[i - 1] != ':') return false;
    --i;
    skipBack(i);
    const std::string_view before = json.substr(0, i);
    return before.ends_with("\"src\"") || before.ends_with("\"poster\"");
}

// Each image file the bundle names, read from beside it and written into the bundle's text as a
// data: URI. A file that is missing, is no image of the four types, or would make a string longer
// than a bundle may hold is left as a path (the page then shows the figure's alt text), with a
// warning. Returns how many were inlined and how many bytes the bundle grew by.
std::pair<size_t, size_t> inlineImages(PageBundle& bundle, const std::filesystem::path& bundleDir) {
    const size_t before = bundle.json.size();
    size_t inlined = 0;
    for (const std::string& path : bundle.imageFiles) {
        const std::string file = (bundleDir / path).string();
        const core::Result<std::string> bytes = readFile(file.c_str());
        const char* type = bytes ? imageMediaType(*bytes) : nullptr;
        const std::string uri = type ? "data:" + std::string(type) + ";base64," + base64(*bytes) : std::string();
        if (!bytes || !type || uri.size() > core::LoadLimits{}.maxStringBytes) {
            std::cerr << file << ": not inlined, the page shows its alt text: "
                      << (!bytes ? bytes.error().message : !type ? std::string("not a PNG, JPEG, WebP or GIF image")
                                                                 : "over the " + std::to_string(core::LoadLimits{}.maxStringBytes) +
                                                                       "-byte limit of a bundle's string once in base64")
                      << "\n";
            continue;
        }
        const std::string literal = "\"" + path + "\"";
        bool used = false;
        for (size_t at = bundle.json.find(literal); at != std::string::npos; at = bundle.json.find(literal, at + 1)) {
            if (!isImageField(bundle.json, at)) continue;
            bundle.json.replace(at + 1, path.size(), uri);
            used = true;
        }
        inlined += used ? 1 : 0;
    }
    return {inlined, bundle.json.size() - before};
}

std::string sha256Base64(std::string_view text) {
    return base64(std::string_view(reinterpret_cast<const char*>(sha256(text).data()), 32));
}

std::string pageHtml(const PageBundle& bundle, const std::string& css, const std::string& wasm, const std::string& t2s,
                     const std::string& script) {
    std::string html;
    html += "<!doctype html>\n<html lang=\"" + htmlEscape(bundle.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-" + sha256Base64(script) +
            "' 'wasm-unsafe-eval'; style-src 'sha256-" + sha256Base64(css) +
            "'; img-src data: blob:; connect-src data:\">\n";
    html += "<title>" + htmlEscape(bundle.title) + "</title>\n";
    html += "<style>" + css + "</style>\n</head>\n<body>\n";
    html += "<main id=\"reader\" class=\"reader-host\"></main>\n";
    html += "<noscript>This reader needs JavaScript and WebAssembly.</noscript>\n";
    html += "<script type=\"application/json\" id=\"reader-bundle\">" + bundle.json + "</script>\n";
    html += "<script type=\"application/octet-stream\" id=\"reader-wasm\">" + base64(wasm) + "</script>\n";
    html += "<script type=\"text/plain\" id=\"reader-t2s\">" + t2s + "</script>\n";
    html += "<script type=\"module\">" + script + "</script>\n</body>\n</html>\n";
    return html;
}

}  // namespace

int runStandalone(Args args) {
    std::vector<const char*> positional;
    std::string webDir = kDefaultWebDir;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--web") {
            if (i + 1 >= args.size()) return usage("standalone: --web needs a folder");
            webDir = args[++i];
        } else if (arg.starts_with("--")) {
            return usage("standalone: unknown option " + std::string(arg));
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 2) return usage("standalone takes BUNDLE OUT.html [--web DIR]");
    const char* outPath = positional[1];

    std::optional<PageBundle> bundle = readBundle(positional[0]);
    if (!bundle) return kExitBadInput;
    // The web build's files.
    const auto webFile = [&](const char* name) -> core::Result<std::string> {
        const std::string path = webDir + "/" + name;
        core::Result<std::string> text = readFile(path.c_str());
        if (!text) std::cerr << path << ": cannot read: " << text.error().message << " (build the web reader first, or pass --web DIR)\n";
        return text;
    };
    const core::Result<std::string> css = webFile("page.css");
    const core::Result<std::string> wasm = webFile("reader-module.wasm");
    const core::Result<std::string> t2s = webFile("t2s.txt");
    if (!css || !wasm || !t2s) return kExitBadInput;
    if (t2s->find('<') != std::string::npos) {  // it could end its data block
        std::cerr << webDir << "/t2s.txt: contains \"<\"\n";
        return kExitBadInput;
    }
    if (std::regex_search(*css, std::regex("</style", std::regex::icase))) {
        std::cerr << webDir << "/page.css: contains \"</style\"\n";
        return kExitBadInput;
    }
    const std::optional<std::vector<ModuleText>> modules = ModuleGraph(webDir).from("reader.js");
    if (!modules) return kExitBadInput;
    const std::optional<std::string> script = pageScript(webDir, *modules);
    if (!script) return kExitBadInput;

    // The images last: every error above is told without warnings about them.
    const auto [images, imageBytes] = inlineImages(*bundle, std::filesystem::path(positional[0]).parent_path());
    if (const core::Result<core::Bundle> check = core::BundleLoader::load(bundle->json); !check) {  // what the page will read
        std::cerr << "standalone: the bundle with its images inlined would not load: " << check.error().describe() << "\n";
        return kExitBadInput;
    }
    const std::string html = pageHtml(*bundle, *css, *wasm, *t2s, *script);
    std::ofstream out(outPath, std::ios::binary);
    out << html;
    out.close();
    if (!out) {
        std::cerr << outPath << ": cannot write: " << std::strerror(errno) << "\n";
        return kExitBadInput;
    }
    std::cout << outPath << ": " << html.size() << " bytes (wasm " << wasm->size() << ", bundle " << bundle->json.size()
              << ", script " << script->size() << ", " << modules->size() << " modules)\n";
    std::cout << "images: " << images << " inlined, " << imageBytes << " bytes added\n";
    return kExitOk;
}

}  // namespace reader::tools
