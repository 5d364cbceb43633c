// PositionTracker: reading positions restored, recorded and saved.
#include "position_tracker.h"

#include <cmath>

#include <imgui.h>

namespace reader::ui {

PositionTracker::PositionTracker(const Ports& ports) : m_ports(ports) {
    if (m_ports.loadPositions) m_positions.parse(m_ports.loadPositions());
}

void PositionTracker::track(const core::Place& place, const core::Place& lastDrawn, const core::Article* article) {
    constexpr double kSaveIntervalMs = 1000.0;
    const bool moved = place != lastDrawn;
    const bool leftArticle = moved && lastDrawn.view == core::View::Article;
    if (moved) m_restoreArticle = place.view == core::View::Article ? place.articleId : std::string();
    if (place.view != core::View::Article) article = nullptr;
    const float maxY = ImGui::GetScrollMaxY();
    if (!moved && article && !article->bodyPending && maxY > 0.0f) {
        if (m_restoreArticle == article->id) {
            if (const auto fraction = m_positions.get(article->id)) ImGui::SetScrollY(*fraction * maxY);
            m_restoreArticle.clear();
        } else {
            const float fraction = ImGui::GetScrollY() / maxY;
            const auto saved = m_positions.get(article->id);
            if ((saved && std::fabs(*saved - fraction) > 0.001f) || (!saved && fraction > 0.0f)) {
                m_positions.set(article->id, fraction);
                m_dirty = true;
            }
        }
    }
    if (leftArticle || m_sinceSaved.ms() >= kSaveIntervalMs) save();
}

void PositionTracker::save() {
    if (!m_dirty || !m_ports.savePositions) return;
    m_ports.savePositions(m_positions.serialize());
    m_dirty = false;
    m_sinceSaved = core::Stopwatch();
}

}  // namespace reader::ui
