// Reading aloud: the open article's sentences as displayed (annotations stripped, in the chosen
// script), the one being read marked. The meta line's button returns a request (ViewResult); the
// app hands it to Speech after the frame, which carries it out through the ports.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/navigation.h"
#include "core/script_converter.h"
#include "ports.h"

namespace reader::ui {

// What the read-aloud button asks for.
enum class SpeechRequest { None, Start, Pause, Resume, Stop };

// What the views and the page see of the reading.
struct SpeechState {
    enum class Status { Idle, Speaking, Paused };
    struct Sentence {
        size_t paragraph;  // index into the body, or SIZE_MAX for the title
        size_t begin;      // code points of the paragraph's stripped text
        size_t end;
        std::string text;
    };
    bool available = false;  // the platform can speak
    Status status = Status::Idle;
    std::string articleId;
    std::vector<Sentence> sentences;
    std::optional<size_t> current;  // the sentence being read
};

class Speech {
public:
    // The ports must outlive this (ReaderApp owns both).
    explicit Speech(const Ports& ports);

    const SpeechState& state() const { return m_state; }
    // The platform's answers: the sentence that started, and the end of the reading.
    void at(size_t sentence);
    void ended();

    // After the frame: what the button asked for; leaving the article stops the reading. `article`:
    // the bundle's article at `place`, if any; the text is spoken as shown (`converter`) in a voice
    // for `language`, the text's language (ReaderApp::contentLanguage).
    void carryOut(SpeechRequest request, const core::Place& place, const core::Article* article,
                  const core::ScriptConverter* converter, const std::string& language, float rate);

private:
    void start(const core::Article& article, const core::ScriptConverter* converter, const std::string& language, float rate);

    const Ports& m_ports;
    SpeechState m_state;
};

}  // namespace reader::ui
