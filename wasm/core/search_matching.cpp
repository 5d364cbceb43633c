// How a query becomes results (search_matching.h): folding, the list walks and the choice of the
// answer, shared by SearchIndex and SplitIndex.
#include "search_matching.h"

#include "text_fold.h"

namespace reader::core::search {

using postings::kEndOfField;
using postings::PostingCursor;

std::u32string foldQuery(std::string_view query) {
    std::u32string folded = foldForSearch(query);
    const auto isSpace = [](char32_t cp) { return cp == U' ' || cp == U'\t'; };
    const auto begin = std::find_if_not(folded.begin(), folded.end(), isSpace);
    const auto end = std::find_if_not(folded.rbegin(), folded.rend(), isSpace).base();
    if (begin >= end) return {};
    std::u32string trimmed(begin, end);
    if (trimmed.find(kEndOfField) != std::u32string::npos) return {};  // U+0000 marks the end of a field
    return trimmed;
}

// [SECTION] One code point: lists merged

CharMatches::CharMatches(std::vector<PostingCursor> lists) : m_lists(std::move(lists)) {
    for (uint32_t i = 0; i < m_lists.size(); ++i) {
        if (!m_lists[i].done()) m_heap.push_back(i);
    }
    std::make_heap(m_heap.begin(), m_heap.end(), [this](uint32_t a, uint32_t b) { return later(a, b); });
}

bool CharMatches::next(uint32_t& position) {
    if (m_heap.empty()) return false;
    PostingCursor& list = m_lists[m_heap.front()];
    position = list.position();
    list.advance();
    if (list.done()) {
        m_heap.front() = m_heap.back();
        m_heap.pop_back();
    }
    siftDown();
    return true;
}

// The top moved on: one pass down the heap instead of a pop and a push.
void CharMatches::siftDown() {
    const size_t size = m_heap.size();
    for (size_t at = 0;;) {
        size_t earliest = at;
        for (size_t child = 2 * at + 1; child <= 2 * at + 2 && child < size; ++child) {
            if (later(m_heap[earliest], m_heap[child])) earliest = child;
        }
        if (earliest == at) return;
        std::swap(m_heap[at], m_heap[earliest]);
        at = earliest;
    }
}

// [SECTION] Longer queries: bigram lists lined up

BigramMatches::BigramMatches(std::vector<Part> all) {
    const uint32_t length = all.empty() ? 0 : all.back().offset + 2;
    const auto rarest = std::min_element(all.begin(), all.end(), [](const Part& a, const Part& b) {
        return a.list.count() < b.list.count();
    });
    for (const Part& part : all) {
        if (part.offset % 2 == 0 || part.offset + 2 == length || &part == &*rarest) m_parts.push_back(part);
    }
    std::sort(m_parts.begin(), m_parts.end(), [](const Part& a, const Part& b) { return a.list.count() < b.list.count(); });
}

bool BigramMatches::next(uint32_t& position) {
    if (m_parts.empty()) return false;
    Part& leader = m_parts.front();
    for (;;) {
        leader.list.seekTo(m_start + leader.offset);
        if (leader.list.done()) return false;
        if (leader.list.position() < leader.offset) {  // too early in the text to be a match
            leader.list.advance();
            continue;
        }
        m_start = leader.list.position() - leader.offset;
        bool lined = true;
        for (size_t i = 1; i < m_parts.size() && lined; ++i) {
            Part& part = m_parts[i];
            part.list.seekTo(m_start + part.offset);
            if (part.list.done()) return false;
            if (part.list.position() != m_start + part.offset) {
                m_start = part.list.position() - part.offset;
                lined = false;
            }
        }
        if (lined) {
            position = m_start++;
            return true;
        }
    }
}

// [SECTION] Choosing the answer

size_t articlesNeeded(SearchOrder order, size_t limit) {
    return order == SearchOrder::Newest ? limit : std::max(limit, SearchIndex::kRelevanceWindow);
}

std::vector<Candidate> takeBest(std::vector<Candidate> kept, SearchOrder order, size_t limit) {
    if (order == SearchOrder::Relevance) {
        const auto better = [](const Candidate& a, const Candidate& b) {
            return a.score > b.score || (a.score == b.score && a.rank < b.rank);
        };
        const size_t count = std::min(limit, kept.size());
        std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(count), kept.end(), better);
        kept.resize(count);
    }
    return kept;
}

// The rank of the article holding `position`, searching forward from rank `from` (galloping, as
// positions mostly move forward a little). `starts` ends with the end of the last article.
uint32_t articleAt(const std::vector<uint32_t>& starts, uint32_t from, uint32_t position) {
    const uint32_t last = static_cast<uint32_t>(starts.size() - 2);
    if (starts[from + 1] > position) return from;
    uint32_t step = 1, low = from + 1;
    while (low + step <= last && starts[low + step] <= position) {
        low += step;
        step *= 2;
    }
    const uint32_t high = std::min(low + step, last + 1);  // starts[high] > position, or high = last + 1
    return static_cast<uint32_t>(std::upper_bound(starts.begin() + low, starts.begin() + high, position) -
                                 starts.begin() - 1);
}

}  // namespace reader::core::search
