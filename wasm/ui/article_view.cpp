// One article: title, meta line (發布時間, 來源, 字體 大/中/小, 拼音 modes), then the body
// paragraphs, which the reader can select and copy.
//
// Index: [SECTION] Layout  [SECTION] Meta line  [SECTION] Selection  [SECTION] Drawing
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/calendar.h"
#include "core/pinyin_tone.h"
#include "core/reading_time.h"
#include "core/ruby_parser.h"
#include "core/search_index.h"
#include "core/utf8.h"
#include "text_drawing.h"
#include "views.h"

namespace reader::ui {

namespace {

constexpr float kParagraphGapEm = 0.6f;   // space between paragraphs, multiple of the body size
constexpr float kTitleLineHeight = 1.45f;
constexpr float kSwitchGap = 8.0f;        // between the options of a switch, logical pixels

// Moves each line so that it is centred in `width`.
void centreLines(core::ParagraphLayout& layout, float width) {
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        core::LineBox& line = layout.lines[l];
        const float shift = std::round((width - line.width) * 0.5f);
        for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) layout.glyphs[g].x += shift;
        for (core::RubyMark& ruby : layout.rubies) {
            if (ruby.line == l) ruby.x += shift;
        }
        line.width += shift;
    }
}

// A phrase for double-click: the run between punctuation marks or spaces.
bool endsPhrase(char32_t cp) {
    static constexpr std::u32string_view kMarks = U"，。、；：？！「」『』（）《》〈〉【】“”‘’…—,.;:?!()[]\"' \t\u3000";
    return kMarks.find(cp) != std::u32string_view::npos;
}

}  // namespace

float bodyFontSize(const core::Settings& settings) {
    return std::round(typography().body[static_cast<int>(settings.fontSize)] * settings.zoom);
}

// [SECTION] Layout

ParagraphStyle ArticleView::bodyStyle(const ViewContext& ctx) const {
    ParagraphStyle style;
    style.font = ctx.bodyFont();
    style.options.width = ctx.width;
    style.options.fontSize = bodyFontSize(ctx.settings);
    style.options.lineHeight = ctx.settings.lineHeight;
    style.options.letterSpacing = ctx.settings.letterSpacing;
    style.options.firstLineIndent = 2.0f;
    style.options.rubyMode = ctx.settings.rubyMode;
    style.options.justify = ctx.settings.justify;  // inter-character justification, as Chinese prose is set
    style.options.reserveRubyBand = true;
    style.color = ctx.theme.text;
    style.rubyColor = ctx.theme.ruby;
    style.toneColors = toneColorsFor(ctx.settings.toneColors);
    return style;
}

void ArticleView::relayoutIfNeeded(ViewContext& ctx, const core::Article& article) {
    const ParagraphStyle body = bodyStyle(ctx);
    if (m_articleId == article.id && m_bundle == ctx.bundle && m_width == ctx.width &&
        m_fontSize == body.options.fontSize && m_rubyMode == body.options.rubyMode && m_converter == ctx.converter &&
        m_lineHeight == body.options.lineHeight && m_letterSpacing == body.options.letterSpacing && m_justify == body.options.justify &&
        m_layoutFont == body.font) {
        return;
    }
    if (m_articleId != article.id || m_bundle != ctx.bundle) {
        m_anchor = m_focus = {};
    } else {
        keepTopParagraph();  // the same article laid out anew: the paragraph at the top stays there
    }
    ParagraphStyle title = body;
    title.options.fontSize = std::round(body.options.fontSize * typography().titleScale);
    title.options.lineHeight = kTitleLineHeight;
    title.options.firstLineIndent = 0.0f;
    title.options.justify = false;
    m_title = layoutText(ctx.shown(article.title), title);
    centreLines(m_title, ctx.width);
    m_paragraphs.clear();
    for (const std::string& paragraph : article.body) m_paragraphs.push_back(layoutText(ctx.shown(paragraph), body));
    m_articleId = article.id;
    m_bundle = ctx.bundle;
    m_width = ctx.width;
    m_fontSize = body.options.fontSize;
    m_rubyMode = body.options.rubyMode;
    m_converter = ctx.converter;
    m_layoutFont = body.font;
    m_readingMinutes = core::readingMinutes(article);
    m_lineHeight = body.options.lineHeight;
    m_letterSpacing = body.options.letterSpacing;
    m_justify = body.options.justify;
}

// Before a new layout of the open article: which paragraph is at the top of the window, and how
// far into it (a fraction of its height), from where the last frame drew them.
void ArticleView::keepTopParagraph() {
    m_topAnchor.reset();
    const float windowTop = ImGui::GetWindowPos().y;
    for (size_t i = m_origins.size(); i-- > 0;) {
        const float top = m_origins[i].y - windowTop + m_drawnScrollY;
        if (top > m_drawnScrollY || i >= m_paragraphs.size()) continue;
        const float height = std::max(1.0f, m_paragraphs[i].height);
        m_topAnchor = TopAnchor{i, std::min(1.0f, (m_drawnScrollY - top) / height)};
        return;
    }
}

// After drawing the new layout: scroll so that the anchored paragraph is where it was.
void ArticleView::restoreTopParagraph() {
    if (!m_topAnchor) return;
    if (m_topAnchor->paragraph < m_origins.size()) {
        const float top = m_origins[m_topAnchor->paragraph].y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
        ImGui::SetScrollY(top + m_topAnchor->fraction * m_paragraphs[m_topAnchor->paragraph].height);
    }
    m_topAnchor.reset();
}

// [SECTION] Meta line

namespace {

struct SwitchOption {
    std::string_view label;
    const char* key;
    bool active;
};

float switchWidth(ViewContext& ctx, std::string_view label, const std::array<SwitchOption, 3>& options) {
    const float size = typography().chrome;
    float width = textWidth(ctx.font, size, label);
    for (const SwitchOption& option : options) width += kSwitchGap + textWidth(ctx.font, size, option.label);
    return width;
}

// "字體 大 中 小": a label and three choices, the active one boxed. Returns the clicked index or -1.
int drawSwitch(ViewContext& ctx, std::string_view label, const std::array<SwitchOption, 3>& options) {
    const float size = typography().chrome;
    lineText(ctx.font, size, label, ctx.theme.muted);
    int clicked = -1;
    for (size_t i = 0; i < options.size(); ++i) {
        ImGui::SameLine(0, kSwitchGap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (options[i].active) {
            const float w = textWidth(ctx.font, size, options[i].label);
            ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 4, at.y), ImVec2(at.x + w + 4, at.y + naturalHeight(ctx.font, size)),
                                                ctx.theme.selected, 3.0f);
        }
        if (textButton(options[i].key, ctx.font, size, options[i].label,
                       options[i].active ? ctx.theme.selected : ctx.theme.link, ctx.theme.link)) {
            clicked = static_cast<int>(i);
        }
        ctx.items.addLastItem(options[i].key);
    }
    return clicked;
}

std::array<SwitchOption, 3> fontOptions(const ViewContext& ctx) {
    const auto active = [&](core::FontSize s) { return ctx.settings.fontSize == s; };
    const auto& names = ctx.strings.fontSizes;
    return {SwitchOption{names[2], "font:large", active(core::FontSize::Large)},
            SwitchOption{names[1], "font:medium", active(core::FontSize::Medium)},
            SwitchOption{names[0], "font:small", active(core::FontSize::Small)}};
}

std::array<SwitchOption, 3> rubyOptions(const ViewContext& ctx) {
    const auto active = [&](core::RubyMode m) { return ctx.settings.rubyMode == m; };
    const auto& names = ctx.strings.rubyModes;
    return {SwitchOption{names[0], "ruby:above", active(core::RubyMode::Above)},
            SwitchOption{names[1], "ruby:hidden", active(core::RubyMode::Hidden)},
            SwitchOption{names[2], "ruby:inline", active(core::RubyMode::Inline)}};
}

// The meta line, centred; on a narrow column its parts wrap onto further centred rows.
// `readingMinutes`: the estimate, worked out once per layout (it reads the whole body).
void drawMetaLine(ViewContext& ctx, const core::Article& article, size_t readingMinutes) {
    const float size = typography().chrome;
    const float gap = 20.0f;
    // One line has no room for readings above: the source shows clean unless inline is chosen.
    const core::RubyMode shown = ctx.settings.rubyMode == core::RubyMode::Inline ? core::RubyMode::Inline : core::RubyMode::Hidden;
    std::vector<std::string> texts{std::string(ctx.strings.published) + core::formatPublished(article.published)};
    if (!article.source.empty()) {
        texts.push_back(std::string(ctx.strings.source) + core::displayedText(core::RubyParser::parse(ctx.shown(article.source)), shown));
    }
    if (!article.bodyPending) {
        texts.push_back(std::string(ctx.strings.readingTimeBefore) + std::to_string(readingMinutes) +
                        std::string(ctx.strings.readingTimeAfter));
    }
    std::vector<float> widths;
    for (const std::string& text : texts) widths.push_back(textWidth(ctx.font, size, text));
    const auto fonts = fontOptions(ctx);
    const auto rubies = rubyOptions(ctx);
    widths.push_back(switchWidth(ctx, ctx.strings.fontSize, fonts));
    widths.push_back(switchWidth(ctx, ctx.strings.ruby, rubies));
    widths.push_back(settingsButtonWidth(ctx));
    const bool speech = ctx.speech && ctx.speech->available && !article.bodyPending;
    const std::string_view speechLabel = !speech ? std::string_view()
                                         : ctx.speech->status == SpeechState::Status::Speaking ? ctx.strings.pauseReading
                                         : ctx.speech->status == SpeechState::Status::Paused   ? ctx.strings.resumeReading
                                                                                               : ctx.strings.readAloud;
    if (speech) widths.push_back(textWidth(ctx.font, size, speechLabel));

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float rowStep = naturalHeight(ctx.font, size) + 8.0f;
    float y = origin.y;
    for (size_t first = 0; first < widths.size();) {
        size_t last = first;
        float rowWidth = widths[first];
        while (last + 1 < widths.size() && rowWidth + gap + widths[last + 1] <= ctx.width) rowWidth += gap + widths[++last];
        float x = origin.x + std::max(0.0f, std::round((ctx.width - rowWidth) * 0.5f));
        for (size_t i = first; i <= last; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (i < texts.size()) {
                lineText(ctx.font, size, texts[i], ctx.theme.muted);
            } else if (i == texts.size()) {
                const int pick = drawSwitch(ctx, ctx.strings.fontSize, fonts);
                static constexpr core::FontSize kSizes[] = {core::FontSize::Large, core::FontSize::Medium, core::FontSize::Small};
                if (pick >= 0) {
                    ctx.settings.fontSize = kSizes[pick];
                    ctx.settings.zoom = 1.0f;  // a preset is an absolute size
                }
            } else if (i == texts.size() + 2) {
                drawSettingsButton(ctx);
            } else if (i == texts.size() + 3) {
                // 朗讀 / 暫停朗讀 / 繼續朗讀
                if (textButton("read-aloud", ctx.font, size, speechLabel, ctx.theme.link, ctx.theme.link)) {
                    using Status = SpeechState::Status;
                    using Request = SpeechState::Request;
                    const Status status = ctx.speech->status;
                    ctx.speech->request = status == Status::Speaking ? Request::Pause : status == Status::Paused ? Request::Resume : Request::Start;
                }
                ctx.items.addLastItem("read-aloud");
            } else {
                const int pick = drawSwitch(ctx, ctx.strings.ruby, rubies);
                static constexpr core::RubyMode kModes[] = {core::RubyMode::Above, core::RubyMode::Hidden, core::RubyMode::Inline};
                if (pick >= 0) {
                    ctx.settings.rubyMode = kModes[pick];
                    ctx.settings.rubyOnDemand = false;
                }
            }
            x += widths[i] + gap;
        }
        y += rowStep;
        first = last + 1;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(ctx.width, 0));
}

}  // namespace

// [SECTION] Search hits

namespace {

// Where each character of the annotation-free text is in the displayed text (they differ only in
// inline mode, where readings are shown); one more entry for the end.
std::vector<size_t> strippedToDisplayed(std::string_view source, core::RubyMode mode) {
    std::vector<size_t> map;
    size_t displayed = 0;
    const auto count = [](std::string_view text) {
        size_t n = 0;
        for (size_t pos = 0; pos < text.size(); ++n) core::utf8::next(text, pos);
        return n;
    };
    for (const core::RubyRun& run : core::RubyParser::parse(source)) {
        const size_t base = count(run.base);
        for (size_t i = 0; i < base; ++i) map.push_back(displayed + i);
        const bool inlineReading = !run.reading.empty() && mode == core::RubyMode::Inline;
        displayed += inlineReading ? count(run.source) : base;
    }
    map.push_back(displayed);
    return map;
}

}  // namespace

// Pinyin on demand: the reading of the annotated character under the pointer (or the finger that
// tapped it), in a tooltip just above it. The text is laid out without readings (hidden mode).
void ArticleView::showReadingUnderPointer(const ViewContext& ctx, const core::Article& article) {
    if (!ImGui::IsWindowHovered() || m_dragging) return;
    const std::optional<TextPosition> at = hitTest(ImGui::GetIO().MousePos);
    if (!at || at->paragraph >= article.body.size()) return;
    const core::ParagraphLayout& layout = m_paragraphs[at->paragraph];
    // hitTest gives a caret; the character under the pointer is the one it is in front of or after.
    const ImVec2 origin = m_origins[at->paragraph];
    const float x = ImGui::GetIO().MousePos.x - origin.x;
    const size_t character = at->caret > 0 && layout.caretX(at->caret) > x ? at->caret - 1 : at->caret;
    size_t index = 0;
    for (const core::RubyRun& run : core::RubyParser::parse(ctx.shown(article.body[at->paragraph]))) {
        size_t length = 0;
        for (size_t pos = 0; pos < run.base.size(); ++length) core::utf8::next(run.base, pos);
        if (character < index + length) {
            if (run.reading.empty()) return;
            // Centred just above the character, where the reading would sit in the "above" mode.
            const float centre = origin.x + (layout.caretX(character) + layout.caretX(character + 1)) * 0.5f;
            const float lineTop = origin.y + layout.lines[layout.lineOf(character)].y;
            ImGui::SetNextWindowPos(ImVec2(centre, lineTop), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
            ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.barBackground));
            ImGui::BeginTooltip();
            const float size = std::round(bodyFontSize(ctx.settings) * 0.8f);
            ImDrawList* drawList = ImGui::GetWindowDrawList();
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const ImU32* tones = toneColorsFor(ctx.settings.toneColors);
            const ImU32 color = tones ? tones[core::syllableTone(run.reading)] : ctx.theme.ruby;
            drawList->AddText(ctx.font, size, pos, color, run.reading.c_str());
            ImGui::Dummy(ImVec2(textWidth(ctx.font, size, run.reading), naturalHeight(ctx.font, size)));
            ImGui::EndTooltip();
            ImGui::PopStyleColor();
            return;
        }
        index += length;
    }
}

// The sentence being read aloud, in displayed coordinates; brought into view when it changes.
void ArticleView::updateSpeechMark(const ViewContext& ctx, const core::Article& article) {
    const SpeechState* speech = ctx.speech;
    const bool reading = speech && speech->current && speech->articleId == article.id && *speech->current < speech->sentences.size();
    if (!reading) {
        m_speechMark.reset();
        m_speechSentence.reset();
        return;
    }
    if (m_speechSentence == speech->current && m_speechMode == ctx.settings.rubyMode) return;
    m_speechSentence = speech->current;
    m_speechMode = ctx.settings.rubyMode;
    const SpeechState::Sentence& s = speech->sentences[*speech->current];
    const bool title = s.paragraph == SIZE_MAX;
    if (!title && s.paragraph >= article.body.size()) return;
    const auto map = strippedToDisplayed(title ? article.title : article.body[s.paragraph], ctx.settings.rubyMode);
    if (s.end == 0 || s.end - 1 >= map.size()) return;
    m_speechMark = TextHit{title ? TextHit::kTitle : s.paragraph, map[s.begin], map[s.end - 1] + 1};
    m_scrollToSpeech = true;
}

void ArticleView::updateHits(const ViewContext& ctx, const core::Article& article) {
    const std::string key = std::string(ctx.highlightQuery) + '\x1f' + article.id + '\x1f' +
                            core::rubyModeName(ctx.settings.rubyMode);
    if (key == m_hitsFor) return;
    m_hitsFor = key;
    m_hits.clear();
    m_currentHit = 0;
    if (ctx.highlightQuery.empty()) return;
    const size_t index = ctx.bundle->articleIndex.find(article.id)->second;  // the article is in the bundle
    for (const core::SearchHit& hit : core::SearchIndex::findInArticle(*ctx.bundle, index, ctx.highlightQuery)) {
        const bool title = hit.paragraph == core::SearchHit::kTitle;
        const auto map = strippedToDisplayed(title ? article.title : article.body[hit.paragraph], ctx.settings.rubyMode);
        if (hit.offset + hit.length >= map.size()) continue;
        m_hits.push_back({title ? TextHit::kTitle : hit.paragraph, map[hit.offset], map[hit.offset + hit.length - 1] + 1});
    }
    m_scrollToHit = !m_hits.empty();
}

std::vector<Highlight> ArticleView::highlightsFor(const ViewContext& ctx, size_t paragraph) const {
    std::vector<Highlight> marks;
    if (m_speechMark && m_speechMark->paragraph == paragraph) marks.push_back({m_speechMark->begin, m_speechMark->end, ctx.theme.selection});
    for (size_t h = 0; h < m_hits.size(); ++h) {
        if (m_hits[h].paragraph != paragraph) continue;
        marks.push_back({m_hits[h].begin, m_hits[h].end, h == m_currentHit ? ctx.theme.searchHitCurrent : ctx.theme.searchHit});
    }
    if (paragraph == TextHit::kTitle) return marks;
    const TextPosition from = std::min(m_anchor, m_focus);
    const TextPosition to = std::max(m_anchor, m_focus);
    if (paragraph >= from.paragraph && paragraph <= to.paragraph && from != to) {
        const size_t begin = paragraph == from.paragraph ? from.caret : 0;
        const size_t end = paragraph == to.paragraph ? to.caret : m_paragraphs[paragraph].text.size();
        marks.push_back({begin, end, ctx.theme.selection});
    }
    return marks;
}

// Enter / Shift+Enter: the next / previous hit, brought into view.
void ArticleView::handleHitKeys(ViewContext&) {
    if (m_hits.empty()) return;
    const bool next = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    if (!next) return;
    m_currentHit = ImGui::GetIO().KeyShift ? (m_currentHit + m_hits.size() - 1) % m_hits.size() : (m_currentHit + 1) % m_hits.size();
    m_scrollToHit = true;
}

// [SECTION] Selection

std::optional<TextPosition> ArticleView::hitTest(ImVec2 point) const {
    if (m_paragraphs.empty()) return std::nullopt;
    // The paragraph whose top is the last one above the point (gaps belong to the paragraph above).
    size_t p = 0;
    while (p + 1 < m_origins.size() && point.y >= m_origins[p + 1].y) ++p;
    const ImVec2 origin = m_origins[p];
    return TextPosition{p, m_paragraphs[p].hitTest(point.x - origin.x, point.y - origin.y)};
}

void ArticleView::selectAll() {
    if (m_paragraphs.empty()) return;
    m_anchor = {0, 0};
    m_focus = {m_paragraphs.size() - 1, m_paragraphs.back().text.size()};
}

std::string ArticleView::selectedText() const {
    const TextPosition from = std::min(m_anchor, m_focus);
    const TextPosition to = std::max(m_anchor, m_focus);
    std::string out;
    for (size_t p = from.paragraph; p <= to.paragraph && p < m_paragraphs.size(); ++p) {
        const std::u32string& text = m_paragraphs[p].text;
        const size_t begin = p == from.paragraph ? from.caret : 0;
        const size_t end = p == to.paragraph ? to.caret : text.size();
        if (p > from.paragraph) out += '\n';
        for (size_t i = begin; i < end && i < text.size(); ++i) core::utf8::append(out, text[i]);
    }
    return out;
}

void ArticleView::handleMouse(ViewContext&) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_revealed.reset();  // the mark lasts until a click
    const bool overBody = ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() &&
                          io.MousePos.x >= m_bodyMin.x && io.MousePos.x <= m_bodyMax.x &&
                          io.MousePos.y >= m_bodyMin.y && io.MousePos.y <= m_bodyMax.y;
    if (overBody) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (overBody && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const auto hit = hitTest(io.MousePos);
        if (!hit) return;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            const std::u32string& text = m_paragraphs[hit->paragraph].text;
            size_t begin = hit->caret, end = hit->caret;
            while (begin > 0 && !endsPhrase(text[begin - 1])) --begin;
            while (end < text.size() && !endsPhrase(text[end])) ++end;
            m_anchor = {hit->paragraph, begin};
            m_focus = {hit->paragraph, end};
            return;
        }
        if (!io.KeyShift) m_anchor = *hit;
        m_focus = *hit;
        m_dragging = true;
    }
    if (m_dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (const auto hit = hitTest(io.MousePos)) m_focus = *hit;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_dragging = false;
}

void ArticleView::handleKeys() {
    if (ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_A)) selectAll();
    if (hasSelection() && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_C)) ImGui::SetClipboardText(selectedText().c_str());
}

// A small button by the end of the selection: copying without knowing the shortcut.
void ArticleView::drawCopyButton(ViewContext& ctx) {
    if (!hasSelection() || m_dragging) return;
    const TextPosition end = std::max(m_anchor, m_focus);
    const core::ParagraphLayout& layout = m_paragraphs[end.paragraph];
    const size_t line = layout.lineOf(end.caret > 0 ? end.caret - 1 : 0);
    const ImVec2 origin = m_origins[end.paragraph];
    const float x = std::min(origin.x + layout.caretX(end.caret) + 6.0f, m_bodyMax.x - 48.0f);
    const float y = origin.y + layout.lines[line].y + layout.lineAdvance;
    const ImVec2 saved = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(ctx.theme.link));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushFont(ctx.font, typography().chrome);
    if (ImGui::Button(std::string(ctx.strings.copy).append("##copy").c_str())) ImGui::SetClipboardText(selectedText().c_str());
    ctx.items.addLastItem("copy");
    ImGui::PopFont();
    ImGui::PopStyleColor(2);
    ImGui::SetCursorScreenPos(saved);
}

// [SECTION] Drawing

void ArticleView::reveal(const std::string& articleId, size_t paragraph) {
    m_revealed = paragraph;
    m_revealedIn = articleId;
    m_scrollToRevealed = true;
}

void ArticleView::draw(ViewContext& ctx, const core::Article& article) {
    relayoutIfNeeded(ctx, article);
    const ParagraphStyle body = bodyStyle(ctx);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    ImGui::Dummy(ImVec2(0, 8));
    ParagraphStyle title = body;
    title.options.fontSize = std::round(body.options.fontSize * typography().titleScale);
    title.options.lineHeight = kTitleLineHeight;
    updateHits(ctx, article);
    updateSpeechMark(ctx, article);
    const ImVec2 titleOrigin = ImGui::GetCursorScreenPos();
    m_titleOrigin = titleOrigin;
    drawParagraph(drawList, m_title, title, titleOrigin, highlightsFor(ctx, TextHit::kTitle));
    ImGui::Dummy(ImVec2(ctx.width, m_title.height + 8));

    drawMetaLine(ctx, article, m_readingMinutes);
    drawSettingsPanel(ctx);
    const ImVec2 rule = ImGui::GetCursorScreenPos();
    drawList->AddLine(rule, ImVec2(rule.x + ctx.width, rule.y), ctx.theme.rule);
    ImGui::Dummy(ImVec2(0, 14));

    if (m_revealed && (m_revealedIn != article.id || *m_revealed >= m_paragraphs.size())) m_revealed.reset();
    m_origins.clear();
    m_bodyMin = ImGui::GetCursorScreenPos();
    const float gap = std::round(body.options.fontSize * kParagraphGapEm);
    for (size_t i = 0; i < m_paragraphs.size(); ++i) {
        const core::ParagraphLayout& layout = m_paragraphs[i];
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        m_origins.push_back(origin);
        if (ImGui::IsRectVisible(origin, ImVec2(origin.x + ctx.width, origin.y + layout.height))) {
            if (m_revealed == i) {
                const float pad = std::round(gap * 0.5f);
                drawList->AddRectFilled(ImVec2(origin.x - pad, origin.y - pad), ImVec2(origin.x + ctx.width + pad, origin.y + layout.height + pad),
                                        ctx.theme.searchHit, 4.0f);
            }
            drawParagraph(drawList, layout, body, origin, highlightsFor(ctx, i));
        }
        ImGui::Dummy(ImVec2(ctx.width, layout.height));
        ctx.items.addLastItem("paragraph:" + std::to_string(i));
        ImGui::Dummy(ImVec2(ctx.width, std::max(0.0f, gap - ImGui::GetStyle().ItemSpacing.y)));
    }
    m_bodyMax = ImVec2(m_bodyMin.x + ctx.width, ImGui::GetCursorScreenPos().y);
    handleMouse(ctx);
    handleKeys();
    handleHitKeys(ctx);
    if (m_scrollToHit && !m_hits.empty()) {
        // A third of the way down the window, so the text before the hit is seen too.
        const TextHit& hit = m_hits[m_currentHit];
        const bool inTitle = hit.paragraph == TextHit::kTitle;
        const core::ParagraphLayout& layout = inTitle ? m_title : m_paragraphs[hit.paragraph];
        const float top = (inTitle ? titleOrigin.y : m_origins[hit.paragraph].y) + layout.lines[layout.lineOf(hit.begin)].y;
        const float windowTop = ImGui::GetWindowPos().y;
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top - windowTop - ImGui::GetWindowHeight() / 3.0f));
        m_scrollToHit = false;
    }
    if (m_scrollToRevealed && m_revealed) {
        // The paragraph's top a little below the window's top, its mark's padding in view.
        const float top = m_origins[*m_revealed].y - ImGui::GetWindowPos().y - gap;
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top));
    }
    m_scrollToRevealed = false;
    if (m_scrollToSpeech && m_speechMark && m_speechMark->paragraph < m_paragraphs.size()) {
        // The sentence being read stays in the window's upper half.
        const core::ParagraphLayout& layout = m_paragraphs[m_speechMark->paragraph];
        const float top = m_origins[m_speechMark->paragraph].y + layout.lines[layout.lineOf(m_speechMark->begin)].y - ImGui::GetWindowPos().y;
        if (top < 0.0f || top > ImGui::GetWindowHeight() * 0.6f) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top - ImGui::GetWindowHeight() / 4.0f));
    }
    m_scrollToSpeech = false;
    restoreTopParagraph();
    m_drawnScrollY = ImGui::GetScrollY();
    if (ctx.settings.rubyOnDemand && ctx.settings.rubyMode == core::RubyMode::Hidden) showReadingUnderPointer(ctx, article);
    drawCopyButton(ctx);
}

}  // namespace reader::ui
