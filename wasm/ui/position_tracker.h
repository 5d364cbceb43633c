// PositionTracker: where the reader left each article. An article opened again goes back there once
// its body is laid out; an open article's position is recorded as it scrolls and saved through the
// ports at most once a second, and when the reader leaves it.
#pragma once

#include <string>

#include "core/bundle.h"
#include "core/logger.h"
#include "core/navigation.h"
#include "core/reading_positions.h"
#include "ports.h"

namespace reader::ui {

class PositionTracker {
public:
    // Reads the saved positions; the ports must outlive this (ReaderApp owns both).
    explicit PositionTracker(const Ports& ports);

    const core::ReadingPositions& positions() const { return m_positions; }
    // Inside the content window, after the view is drawn. `place`: where the reader is now;
    // `lastDrawn`: the place the previous frame drew; `article`: the bundle's article at `place`, if any.
    void track(const core::Place& place, const core::Place& lastDrawn, const core::Article* article);
    // Saves positions not saved yet.
    void save();

private:
    const Ports& m_ports;
    core::ReadingPositions m_positions;
    std::string m_restoreArticle;  // an article just opened, whose saved position is restored once laid out
    bool m_dirty = false;
    core::Stopwatch m_sinceSaved;
};

}  // namespace reader::ui
