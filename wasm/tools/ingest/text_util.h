// Code-point helpers for the ingest rules: Han detection, layout whitespace, trimming, pinyin.
// The rules scan text as UTF-32 so that positions and lengths count characters, not bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reader::tools::ingest {

std::u32string toU32(std::string_view utf8);
std::string toUtf8(std::u32string_view text);

// CJK ideographs (unified, extension A and beyond, compatibility).
bool isHan(char32_t c);
// Whitespace pages use for layout: ASCII whitespace, NBSP (&nbsp;) and the ideographic space.
bool isLayoutSpace(char32_t c);
// Characters that end a sentence in Chinese or Latin text (a closing quote after one counts too).
bool isSentenceEnd(char32_t c);

size_t countHan(std::string_view text);
size_t countCodePoints(std::string_view text);

std::u32string trimLayoutSpace(std::u32string_view text);
std::string trimLayoutSpace(std::string_view text);

// Removes inline pinyin such as "自(zì)" -> "自": a parenthesised group of Latin letters (tone marks
// allowed) right after a Han character. For site fields, which the format wants without pinyin;
// article text keeps it.
std::string stripPinyin(std::string_view text);

// NBSP and ideographic spaces become ASCII spaces: labels and values are then found the same way
// whatever spacing the page used.
std::u32string plainSpaces(std::u32string_view text);

}  // namespace reader::tools::ingest
