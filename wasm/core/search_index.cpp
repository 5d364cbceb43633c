// SearchIndex: searching the index and what comes of it (search_index.h has the design; the index is
// built in search_index_builder.cpp, and the walks over its lists are search_matching.cpp's).
//
// Index of this file
//   [SECTION] Searching
//   [SECTION] Snippets and hits in one article
#include "search_index.h"

#include <algorithm>
#include <optional>

#include "ruby_parser.h"
#include "search_matching.h"
#include "search_postings.h"
#include "text_fold.h"
#include "utf8.h"

namespace reader::core {

using postings::BigramCursor;
using postings::kOverflow;
using postings::PostingCursor;

double SearchIndex::score(size_t titleHits, size_t bodyHits) {
    constexpr double kTitleMatched = 1e12;  // above any count of hits: an article holds at most 4 MiB of text
    return (titleHits > 0 ? kTitleMatched : 0.0) + static_cast<double>(titleHits) + static_cast<double>(bodyHits);
}

SearchHit SearchIndex::hitAt(size_t rank, uint32_t position, size_t length) const {
    const auto first = m_fieldStart.begin() + m_articleFirstField[rank];
    const auto last = m_fieldStart.begin() + m_articleFirstField[rank + 1];
    const size_t field = static_cast<size_t>(std::upper_bound(first, last, position) - m_fieldStart.begin() - 1);
    const size_t titleField = m_articleFirstField[rank];
    return SearchHit{m_order[rank], field == titleField ? SearchHit::kTitle : field - titleField - 1,
                     position - m_fieldStart[field], length};
}

// [SECTION] Searching

// The bigram's own list, else its first code point's overflow list (sorted last in its group), else
// null: the bigram is nowhere in the text.
std::optional<BigramCursor> SearchIndex::findBigram(char32_t first, char32_t second) const {
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), first);
    if (firstAt == m_firstChars.end() || *firstAt != first) return std::nullopt;
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    const auto begin = m_secondChars.begin() + m_firstCharTerms[group];
    const auto end = m_secondChars.begin() + m_firstCharTerms[group + 1];
    const auto term = std::lower_bound(begin, end, second);
    if (term != end && *term == second) {
        return BigramCursor(m_postings.data() + m_termOffset[static_cast<size_t>(term - m_secondChars.begin())], false, second);
    }
    if (end[-1] != kOverflow) return std::nullopt;
    BigramCursor cursor(m_postings.data() + m_termOffset[static_cast<size_t>(end - 1 - m_secondChars.begin())], true, second);
    if (cursor.done()) return std::nullopt;
    return cursor;
}

std::vector<SearchResult> SearchIndex::search(std::string_view query, SearchOrder order, size_t limit) const {
    const std::u32string folded = search::foldQuery(query);
    if (folded.empty() || folded.size() > m_longestField || limit == 0) return {};
    std::vector<search::Candidate> found =
        folded.size() == 1 ? searchOneChar(folded[0], order, limit) : searchBigrams(folded, order, limit);
    return search::toResults(found, m_order, [&](uint32_t rank, uint32_t at) { return hitAt(rank, at, folded.size()); });
}

// Every article a query matches, newest first, without their hits (the filters' counts). One match
// is enough: each list skips the rest of an article once it has matched there.
std::vector<size_t> SearchIndex::articlesWith(std::string_view query) const {
    const std::u32string folded = search::foldQuery(query);
    if (folded.empty() || folded.size() > m_longestField) return {};
    std::vector<bool> matched(m_order.size(), false);
    const auto mark = [&](uint32_t& rank, uint32_t position) {  // the article at `position`; where it ends
        rank = search::articleAt(m_articleStart, rank, position);
        matched[rank] = true;
        return m_articleStart[rank + 1];
    };
    if (folded.size() == 1) {
        markCharMatches(folded[0], matched);
    } else if (std::optional<search::BigramMatches> matches = bigramMatches(folded)) {
        uint32_t rank = 0, position = 0;
        while (matches->next(position)) matches->skipTo(mark(rank, position));
    }
    std::vector<size_t> articles;
    for (uint32_t rank = 0; rank < matched.size(); ++rank) {
        if (matched[rank]) articles.push_back(m_order[rank]);
    }
    return articles;
}

// The article spans for search::collect: a title ends where the article's second field starts, a
// field where the next starts (the last where the next article does).
auto SearchIndex::spans() const {
    const auto titleEnd = [this](uint32_t rank) { return m_fieldStart[m_articleFirstField[rank] + 1]; };
    const auto fieldEnd = [this](uint32_t rank, uint32_t position) {
        const auto last = m_fieldStart.begin() + m_articleFirstField[rank + 1];
        const auto next = std::upper_bound(m_fieldStart.begin() + m_articleFirstField[rank], last, position);
        return next == last ? m_articleStart[rank + 1] : *next;
    };
    return search::ArticleSpans<decltype(titleEnd), decltype(fieldEnd)>{m_articleStart, titleEnd, fieldEnd};
}

// The articles holding `cp`: its bigram lists one at a time, largest first (no merge: the order of
// matches does not matter here). A list walks its own articles, or, once fewer articles are left
// unmatched than it has positions, is asked about those alone: after the first lists of a common
// character (费: 99% of the articles) each further list costs the few articles left, not its own.
void SearchIndex::markCharMatches(char32_t cp, std::vector<bool>& matched) const {
    std::vector<PostingCursor> lists = charLists(cp);
    std::sort(lists.begin(), lists.end(), [](const PostingCursor& a, const PostingCursor& b) { return a.count() > b.count(); });
    size_t matchedCount = 0;
    std::vector<uint32_t> unmatched;  // ranks, while probing
    bool probing = false;
    for (PostingCursor& list : lists) {
        if (matchedCount == matched.size()) return;
        if (!probing && matched.size() - matchedCount < list.count()) {
            probing = true;
            unmatched.clear();
            for (uint32_t rank = 0; rank < matched.size(); ++rank) {
                if (!matched[rank]) unmatched.push_back(rank);
            }
        }
        if (probing) {
            std::erase_if(unmatched, [&](uint32_t rank) {
                list.seekTo(m_articleStart[rank]);
                if (list.done() || list.position() >= m_articleStart[rank + 1]) return false;
                matched[rank] = true;
                ++matchedCount;
                return true;
            });
            continue;
        }
        for (uint32_t rank = 0; !list.done();) {
            rank = search::articleAt(m_articleStart, rank, list.position());
            if (!matched[rank]) {
                matched[rank] = true;
                ++matchedCount;
            }
            list.seekTo(m_articleStart[rank + 1]);
        }
    }
}

std::vector<PostingCursor> SearchIndex::charLists(char32_t cp) const {
    std::vector<PostingCursor> lists;
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), cp);
    if (firstAt == m_firstChars.end() || *firstAt != cp) return lists;
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    for (uint32_t term = m_firstCharTerms[group]; term < m_firstCharTerms[group + 1]; ++term) {
        lists.emplace_back(m_postings.data() + m_termOffset[term], m_secondChars[term] == kOverflow);
    }
    return lists;
}

std::optional<search::BigramMatches> SearchIndex::bigramMatches(const std::u32string& query) const {
    std::vector<search::BigramMatches::Part> all;  // every bigram of the query
    for (uint32_t offset = 0; offset + 1 < query.size(); ++offset) {
        std::optional<BigramCursor> list = findBigram(query[offset], query[offset + 1]);
        if (!list) return std::nullopt;
        all.push_back({*list, offset});
    }
    return search::BigramMatches(std::move(all));
}

std::vector<search::Candidate> SearchIndex::searchOneChar(char32_t cp, SearchOrder order, size_t limit) const {
    std::vector<PostingCursor> lists = charLists(cp);
    if (lists.empty()) return {};
    search::CharMatches matches(std::move(lists));
    return search::collect(matches, spans(), 1, order, limit);
}

std::vector<search::Candidate> SearchIndex::searchBigrams(const std::u32string& query, SearchOrder order,
                                                          size_t limit) const {
    std::optional<search::BigramMatches> matches = bigramMatches(query);
    if (!matches) return {};
    return search::collect(*matches, spans(), static_cast<uint32_t>(query.size()), order, limit);
}

// [SECTION] Snippets and hits in one article

SearchIndex::Snippet SearchIndex::snippet(const Bundle& bundle, const SearchResult& result, size_t maxChars) {
    if (result.hits.empty() || result.hits.front().article >= bundle.articles.size()) return {};
    const SearchHit& hit = result.hits.front();
    const Article& article = bundle.articles[hit.article];
    if (hit.paragraph != SearchHit::kTitle && hit.paragraph >= article.body.size()) return {};
    const std::string text = RubyParser::strip(hit.paragraph == SearchHit::kTitle ? article.title : article.body[hit.paragraph]);
    const std::vector<utf8::CodePoint> codePoints = utf8::decode(text);
    const size_t count = codePoints.size();
    const size_t hitBegin = std::min(hit.offset, count);
    const size_t hitEnd = std::min(hit.offset + hit.length, count);
    const size_t room = maxChars > hitEnd - hitBegin ? maxChars - (hitEnd - hitBegin) : 0;
    const size_t after = std::min(count - hitEnd, room - std::min(hitBegin, room / 3));
    const size_t before = std::min(hitBegin, room - after);  // room not used after the hit goes before it
    const auto byteAt = [&](size_t index) { return index < count ? codePoints[index].byteOffset : text.size(); };
    const size_t begin = byteAt(hitBegin - before);
    Snippet out;
    out.text = text.substr(begin, byteAt(hitEnd + after) - begin);
    out.hitBegin = byteAt(hitBegin) - begin;
    out.hitEnd = byteAt(hitEnd) - begin;
    out.clippedBefore = hitBegin - before > 0;
    out.clippedAfter = hitEnd + after < count;
    return out;
}

std::vector<SearchHit> SearchIndex::findInArticle(const Bundle& bundle, size_t article, std::string_view query) {
    const std::u32string folded = search::foldQuery(query);
    std::vector<SearchHit> hits;
    if (folded.empty() || article >= bundle.articles.size()) return hits;
    const Article& source = bundle.articles[article];
    std::u32string text;
    const auto findIn = [&](const std::string& field, size_t paragraph) {
        text.clear();
        appendFoldedForSearch(field, text);
        for (size_t at = text.find(folded); at != std::u32string::npos; at = text.find(folded, at + folded.size())) {
            hits.push_back({article, paragraph, at, folded.size()});
        }
    };
    findIn(source.title, SearchHit::kTitle);
    for (size_t paragraph = 0; paragraph < source.body.size(); ++paragraph) findIn(source.body[paragraph], paragraph);
    return hits;
}

size_t SearchIndex::memoryBytes() const {
    const auto bytes = [](const auto& vector) { return vector.capacity() * sizeof(vector[0]); };
    return sizeof(*this) + bytes(m_order) + bytes(m_articleFirstField) + bytes(m_articleStart) +
           bytes(m_fieldStart) + bytes(m_firstChars) + bytes(m_firstCharTerms) + bytes(m_secondChars) +
           bytes(m_termOffset) + bytes(m_postings);
}

}  // namespace reader::core
