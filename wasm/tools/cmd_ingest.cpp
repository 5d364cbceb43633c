// ingest [--into BUNDLE] [--out FILE] [--assets DIR] [--category-id ID] [--url URL] [--tz ±HH:MM] FILE...:
// saved news pages (HTML in UTF-8, GBK/GB18030 or Big5, or plain-text captures) -> bundle articles,
// with their headings, figures, lists, tables, links and attachments (format 1.2). --assets DIR:
// the images of saved pages are copied into DIR, which must lie inside the bundle's folder.
// Writes the whole bundle (checked by loading it) to FILE or stdout; reports on stderr, per page,
// what was found and what was not. Exit 1 when a page could not be read or gave no article.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "core/bundle_loader.h"
#include "core/calendar.h"
#include "ingest/bundle_merge.h"
#include "ingest/bundle_writer.h"
#include "core/bundle_rules.h"
#include "ingest/date_scan.h"
#include "ingest/page_assets.h"
#include "ingest/page_reader.h"

namespace reader::tools {

namespace {

using namespace ingest;

constexpr const char* kNoSiteName = "(unnamed site)";  // format v1 needs a name; the pages gave none
constexpr const char* kNoLocale = "zh";

struct IngestArgs {
    std::string into, out, url, assets;
    MergeOptions merge;
    ExtractOptions extract;
    std::vector<const char*> files;
};

bool isValidId(std::string_view id) {
    return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
}

// The options, or what is wrong with them (for the usage text).
core::Result<IngestArgs> parseArgs(Args args) {
    IngestArgs parsed;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (!arg.starts_with("--")) {
            parsed.files.push_back(args[i]);
            continue;
        }
        if (i + 1 >= args.size()) {
            return core::Error{.message = "ingest: " + std::string(arg) + " needs a value"};
        }
        const std::string value = args[++i];
        if (arg == "--into") parsed.into = value;
        else if (arg == "--out") parsed.out = value;
        else if (arg == "--url") parsed.url = value;
        else if (arg == "--assets") parsed.assets = value;
        else if (arg == "--category-id") parsed.merge.categoryId = value;
        else if (arg == "--tz") {
            const std::optional<int> offset = parseOffset(value);
            if (!offset) {
                return core::Error{.message = "ingest: --tz wants an offset like +08:00, got \"" + value + "\""};
            }
            parsed.extract.defaultOffsetMinutes = *offset;
        } else {
            return core::Error{.message = "ingest: unknown option " + std::string(arg)};
        }
    }
    if (parsed.files.empty()) {
        return core::Error{.message = "ingest takes [--into BUNDLE] [--out FILE] [--assets DIR] [--category-id ID] [--url URL] [--tz +08:00] FILE..."};
    }
    if (!parsed.url.empty() && parsed.files.size() != 1) {
        return core::Error{.message = "ingest: --url names the address of a single page; give one FILE with it"};
    }
    if (!parsed.merge.categoryId.empty() && !isValidId(parsed.merge.categoryId)) {
        return core::Error{.message = "ingest: --category-id \"" + parsed.merge.categoryId + "\" is not an id ([A-Za-z0-9._-], 1-128)"};
    }
    parsed.extract.pageUrl = parsed.url;
    return parsed;
}

// --assets DIR as a folder of images the bundle names by relative paths: DIR inside the folder of
// --out (or of the working directory when the bundle goes to stdout).
core::Result<std::optional<AssetFolder>> assetFolder(const IngestArgs& args) {
    if (args.assets.empty()) return std::optional<AssetFolder>();
    namespace fs = std::filesystem;
    const fs::path bundleDir = fs::absolute(args.out.empty() ? fs::path(".") : fs::path(args.out).parent_path()).lexically_normal();
    const fs::path dir = fs::absolute(args.assets).lexically_normal();
    const std::string prefix = dir.lexically_relative(bundleDir).generic_string();
    if (prefix.empty() || prefix == "." || !core::isShardPath(prefix)) {
        return core::Error{.message = "ingest: --assets \"" + args.assets +
                                      "\" must be a folder inside the bundle's folder, named with A-Z a-z 0-9 . _ -"};
    }
    return std::optional<AssetFolder>(AssetFolder{dir, prefix + "/"});
}

void reportFigures(const FigureReport& report) {
    if (report.kept > 0) std::cerr << "  figures: " << report.kept << " (" << report.copied << " copied into --assets)\n";
    for (const std::string& why : report.leftOut) std::cerr << "  figure left out: " << why << "\n";
}

// The file's modification time (when the capture was saved) at the pages' offset: the publish time
// of a page that states none. nullopt when the file system cannot say.
std::optional<core::DateTime> modificationTime(const char* path, int offsetMinutes) {
    std::error_code error;
    const auto written = std::filesystem::last_write_time(path, error);
    if (error) return std::nullopt;
    const auto since1970 = std::chrono::file_clock::to_sys(written).time_since_epoch();
    const int64_t utc = std::chrono::duration_cast<std::chrono::seconds>(since1970).count();
    const int64_t local = utc + offsetMinutes * 60;
    const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int64_t seconds = local - days * 86400;
    const core::CivilDate date = core::civilFromDays(days);
    return toDateTime({date.year, date.month, date.day, static_cast<int>(seconds / 3600),
                       static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60), offsetMinutes},
                      offsetMinutes);
}

// " (2 headings, 1 figure, 1 table)": the blocks other than paragraphs, by kind.
std::string blockCounts(const std::vector<core::Block>& blocks) {
    constexpr const char* kNames[] = {"paragraph", "heading", "figure", "list", "table", "quote", "attachment", "video"};
    size_t counts[std::size(kNames)] = {};
    for (const core::Block& block : blocks) ++counts[static_cast<size_t>(block.kind)];
    std::string out;
    for (size_t k = 1; k < std::size(kNames); ++k) {
        if (counts[k] == 0) continue;
        out += (out.empty() ? " (" : ", ") + std::to_string(counts[k]) + " " + kNames[k] + (counts[k] > 1 ? "s" : "");
    }
    return out.empty() ? out : out + ")";
}

void reportField(const char* name, const std::string& value, std::vector<std::string>& missing) {
    if (value.empty()) missing.push_back(name);
    else std::cerr << "  " << name << ": " << value << "\n";
}

// One block per page on stderr; returns false when the page gave no article.
bool reportPage(const char* path, const ReadPage& page, const MergeResult& result, const core::Bundle& bundle,
                const std::vector<std::string>& siteFilled) {
    const PageContent& c = page.content;
    std::cerr << path << ": " << (page.html ? "HTML" : "text") << ", " << page.decoded.charset << " (from "
              << page.decoded.detectedFrom << ")";
    if (page.decoded.invalidSequences > 0) std::cerr << ", " << page.decoded.invalidSequences << " undecodable bytes";
    std::cerr << "\n";
    std::vector<std::string> missing;
    reportField("title", c.title, missing);
    reportField("published", c.published ? formatIso(*c.published) : std::string(), missing);
    reportField("source", c.source, missing);
    reportField("category", c.categoryName, missing);
    if (c.body.empty()) missing.push_back("body");
    else if (c.blocks.empty()) std::cerr << "  body: " << c.body.size() << " paragraphs\n";
    else std::cerr << "  body: " << c.body.size() << " texts in " << c.blocks.size() << " blocks" << blockCounts(c.blocks) << "\n";
    if (!c.url.empty()) std::cerr << "  url: " << c.url << "\n";  // else the id comes from title and time
    std::string hotlines;
    for (const core::Hotline& h : c.hotlines) hotlines += (hotlines.empty() ? "" : ", ") + h.label + " " + h.number;
    reportField("hotlines", hotlines, missing);
    reportField("copyright", c.copyrightHolder, missing);
    reportField("address", c.address, missing);
    reportField("visitors", c.visitorCount ? std::to_string(*c.visitorCount) : std::string(), missing);
    if (!missing.empty()) {
        std::cerr << "  missing:";
        for (size_t i = 0; i < missing.size(); ++i) std::cerr << (i ? ", " : " ") << missing[i];
        std::cerr << "\n";
    }
    if (!siteFilled.empty()) {
        std::cerr << "  site fields filled:";
        for (size_t i = 0; i < siteFilled.size(); ++i) std::cerr << (i ? ", " : " ") << siteFilled[i];
        std::cerr << "\n";
    }
    switch (result.status) {
        case MergeResult::Status::added: {
            if (result.undated) {
                std::cerr << "  warning: the page states no publish time; dated by the file's modification time, "
                          << formatIso(bundle.findArticle(result.articleId)->published) << "\n";
            }
            const core::Category* category = bundle.findCategory(result.categoryId);
            std::cerr << "  added: " << result.articleId << " in " << result.categoryId << " (" << category->name
                      << (result.categoryCreated ? ", new category" : "")
                      << (result.uncategorized ? ", the page names no category" : "") << ")\n";
            return true;
        }
        case MergeResult::Status::alreadyPresent:
            std::cerr << "  already present: " << result.articleId << "\n";
            return true;
        case MergeResult::Status::notAdded:
            std::cerr << "  not added: " << result.reason << "\n";
            return false;
    }
    return false;
}

}  // namespace

int runIngest(Args args) {
    const core::Result<IngestArgs> parsed = parseArgs(args);
    if (!parsed) return usage(parsed.error().message);
    const core::Result<std::optional<AssetFolder>> assets = assetFolder(*parsed);
    if (!assets) return usage(assets.error().message);

    core::Bundle bundle = emptyBundle();
    if (!parsed->into.empty()) {
        const core::Result<std::string> text = readFile(parsed->into.c_str());
        if (!text) {
            std::cerr << parsed->into << ": cannot read: " << text.error().message << "\n";
            return kExitBadInput;
        }
        core::Result<core::Bundle> loaded = core::BundleLoader::load(*text);
        if (!loaded) {
            std::cerr << loaded.error().describeIn(parsed->into) << "\n";
            return kExitBadInput;
        }
        bundle = std::move(*loaded);
    }

    bool allRead = true;
    for (const char* path : parsed->files) {
        const core::Result<std::string> bytes = readFile(path);
        if (!bytes) {
            std::cerr << path << ": cannot read: " << bytes.error().message << "\n";
            allRead = false;
            continue;
        }
        ReadPage page = readPage(*bytes, parsed->extract);
        if (!parsed->url.empty()) page.content.url = parsed->url;
        const FigureReport figures = settleFigures(page.content, std::filesystem::path(path).parent_path(), *assets);
        const std::vector<std::string> filled = fillSite(bundle.site, page.content);
        MergeOptions merge = parsed->merge;
        merge.undatedTime = modificationTime(path, parsed->extract.defaultOffsetMinutes);
        const MergeResult result = mergePage(bundle, page.content, merge);
        allRead = reportPage(path, page, result, bundle, filled) && allRead;
        reportFigures(figures);
    }
    if (bundle.site.name.empty()) {
        std::cerr << "ingest: no page named the site; its name is \"" << kNoSiteName << "\"\n";
        bundle.site.name = kNoSiteName;
    }
    if (bundle.site.locale.empty()) bundle.site.locale = kNoLocale;
    // Blocks and links are format 1.2: a reader of 1.0 or 1.1 would show them as nothing.
    const bool rich = std::any_of(bundle.articles.begin(), bundle.articles.end(),
                                  [](const core::Article& a) { return !a.blocks.empty() || !a.marks.empty(); });
    if (rich && bundle.format.minor < 2) bundle.format.minor = 2;

    // What is written must be a bundle the reader accepts: load it before writing it.
    const std::string text = writeBundle(bundle);
    if (const core::Result<core::Bundle> check = core::BundleLoader::load(text); !check) {
        std::cerr << "ingest: the bundle made would not load, not written: " << check.error().describe() << "\n";
        return kExitBadInput;
    }
    const core::Result<void> written = parsed->out.empty() ? writeStdout(text) : writeFile(parsed->out, text);
    if (!written) {
        std::cerr << (parsed->out.empty() ? "stdout" : parsed->out) << ": cannot write: " << written.error().message << "\n";
        return kExitBadInput;
    }
    return allRead ? kExitOk : kExitBadInput;
}

}  // namespace reader::tools
