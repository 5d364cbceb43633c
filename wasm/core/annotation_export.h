// Annotations as a reader takes them away (issue #17): Markdown to read and paste (each article's
// title, date and a deep link, then its highlights as quotes with their notes, newest first) and
// CSV for spreadsheets (RFC 4180; one row per annotation). JSON, the third form, is the store's
// own (AnnotationStore::toJson): the only one that imports back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annotations.h"
#include "bundle.h"

namespace reader::core {

// `annotations` as AnnotationStore::of gives them; `linkBase` is what a fragment (#/article/<id>)
// is appended to for a deep link: the page's address without its fragment.
std::string annotationsMarkdown(const std::vector<const Annotation*>& annotations, const Bundle& bundle, std::string_view linkBase);
std::string annotationsCsv(const std::vector<const Annotation*>& annotations, const Bundle& bundle, std::string_view linkBase);

// "Copy quote with link": 「the quote」, then the article's title and its deep link.
std::string quoteWithLink(std::string_view quote, const Article& article, std::string_view linkBase);

}  // namespace reader::core
