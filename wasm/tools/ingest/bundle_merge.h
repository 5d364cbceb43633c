// Adding ingested pages to a bundle without losing anything already there: existing articles are
// kept as they are, a page already present (same id, or same title and publish time under another
// id) is skipped, categories are found by name before a new one is made, and site fields are
// filled only where the bundle has none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "page_content.h"

namespace reader::tools::ingest {

struct MergeOptions {
    std::string categoryId;  // --category-id: every page goes there, whatever its trail says
    // The publish time given to a page that states none (the tool uses the file's modification
    // time); without it such a page is not added.
    std::optional<core::DateTime> undatedTime;
};

struct MergeResult {
    enum class Status { added, alreadyPresent, notAdded };
    Status status = Status::notAdded;
    std::string articleId;  // the new article's id, or the one already present
    std::string categoryId;
    bool categoryCreated = false;
    bool uncategorized = false;  // the page named no category: filed under 未分類
    bool undated = false;        // the page stated no publish time: it has MergeOptions::undatedTime
    std::string reason;          // why notAdded: "no title", "no body", "no publish time"
};

// A bundle with nothing in it yet, of format 1.0.
core::Bundle emptyBundle();

MergeResult mergePage(core::Bundle& bundle, const PageContent& page, const MergeOptions& options);

// Fills the bundle's empty site fields from the page; returns the names of the fields filled
// ("name", "hotlines", ...).
std::vector<std::string> fillSite(core::Site& site, const PageContent& page);

}  // namespace reader::tools::ingest
