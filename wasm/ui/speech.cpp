// Reading aloud: sentences split as displayed, and the button's requests carried out through the ports.
#include "speech.h"

#include <cstdint>
#include <utility>

#include "core/ruby_parser.h"
#include "core/sentences.h"

namespace reader::ui {

Speech::Speech(const Ports& ports) : m_ports(ports) { m_state.available = static_cast<bool>(m_ports.speak); }

void Speech::at(size_t sentence) {
    if (m_state.status == SpeechState::Status::Idle || sentence >= m_state.sentences.size()) return;
    m_state.current = sentence;
}

void Speech::ended() {
    m_state.status = SpeechState::Status::Idle;
    m_state.current.reset();
}

// The article's sentences as the reader sees them (no pinyin, in the chosen script), spoken in the
// language of that script.
void Speech::start(const core::Article& article, const core::ScriptConverter* converter, const std::string& language, float rate) {
    if (article.bodyPending) return;
    m_state.sentences.clear();
    const auto add = [&](size_t paragraph, const std::string& source) {
        const std::string text = core::inScript(converter, core::RubyParser::strip(source));
        for (const core::SentenceRange& r : core::splitSentences(text)) {
            m_state.sentences.push_back({paragraph, r.begin, r.end, text.substr(r.byteBegin, r.byteEnd - r.byteBegin)});
        }
    };
    add(SIZE_MAX, article.title);
    for (const core::Block& block : core::bodyBlocks(article)) {
        // A table's grid is not read: its cells one after another make no sentences. Its caption is.
        const bool table = block.kind == core::BlockKind::table;
        const size_t count = table ? (block.hasCaption ? 1 : 0) : block.textCount;
        for (size_t i = block.firstText; i < block.firstText + count && i < article.body.size(); ++i) add(i, article.body[i]);
    }
    std::vector<std::string> texts;
    for (const SpeechState::Sentence& s : m_state.sentences) texts.push_back(s.text);
    // A voice for the script shown: Traditional as read in Taiwan, Simplified as in the mainland.
    const std::string lang = language.starts_with("zh-Hans") || language == "zh" || language.starts_with("zh-CN") ? "zh-CN"
                             : language.starts_with("zh") ? "zh-TW" : language;
    m_state.articleId = article.id;
    m_state.status = SpeechState::Status::Speaking;
    m_state.current.reset();
    m_ports.speak(lang, texts, rate);
}

void Speech::carryOut(SpeechRequest request, const core::Place& place, const core::Article* article,
                      const core::ScriptConverter* converter, const std::string& language, float rate) {
    using Status = SpeechState::Status;
    if (!m_state.available) return;
    const bool elsewhere = place.view != core::View::Article || place.articleId != m_state.articleId;
    if (m_state.status != Status::Idle && (request == SpeechRequest::Stop || elsewhere)) {
        if (m_ports.stopSpeech) m_ports.stopSpeech();
        ended();
    }
    if (request == SpeechRequest::Start && article) start(*article, converter, language, rate);
    if (request == SpeechRequest::Pause && m_state.status == Status::Speaking && m_ports.pauseSpeech) {
        m_ports.pauseSpeech(true);
        m_state.status = Status::Paused;
    }
    if (request == SpeechRequest::Resume && m_state.status == Status::Paused && m_ports.pauseSpeech) {
        m_ports.pauseSpeech(false);
        m_state.status = Status::Speaking;
    }
}

}  // namespace reader::ui
