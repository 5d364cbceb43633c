// The value rules of bundle format v1 (data/README.md): ids, language tags, phone numbers, format
// versions, shard paths, and what shown text and paragraphs may hold. The bundle loader checks them
// as it reads; the other readers of bundle text (core/shard_loader) check the same.
#pragma once

#include <string>
#include <string_view>

#include "error.h"

namespace reader::core {

bool isId(std::string_view text);               // 1-128 characters from A-Z a-z 0-9 . _ -
bool isLanguageTag(std::string_view tag);       // the loose BCP 47 shape: "zh-Hant", not "zh_TW"
bool isPhoneNumber(std::string_view number);    // digits, spaces and + - ( ), at least one digit
bool isShardPath(std::string_view path);        // relative, staying inside its folder: "shards/0007.json"
bool isAssetPath(std::string_view path);        // a figure's or poster's file: as a shard path, an https: URL, or an image data: URI
// "data:image/png;base64,..." (or image/jpeg, image/webp, image/gif): base64 only, no other media
// type (an SVG can carry script), as `reader-tool standalone` inlines images.
bool isImageDataUri(std::string_view uri);
bool isMediaType(std::string_view type);        // "application/pdf": type/subtype of token characters
// "MAJOR.MINOR", both decimal numbers that fit an int.
bool parseVersion(std::string_view text, int& major, int& minor);

// A check fails with what is wrong ("control character U+0007 at character 5") and no position:
// the caller knows where the text came from.
Result<void> checkShownText(std::string_view text);  // title, names, a structured run's text or ruby
Result<void> checkParagraph(std::string& text);      // a body paragraph or plain run; turns tabs into spaces

}  // namespace reader::core
