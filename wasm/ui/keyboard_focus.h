// Keyboard focus inside the reader, on Dear ImGui's own navigation. Tab and Shift+Tab move between
// the reader's controls in the order the frame draws them (top bar, sidebar, breadcrumb, the view);
// the control with keyboard focus wears ImGui's nav cursor (2 px in the theme's link colour, drawn
// only after keyboard use); Enter and Space activate it. At the first and the last control Tab is
// the page's again (tabLeaves), so that focus moves on through the host page as it does between a
// page's own controls. The reader keeps the arrows, PageUp/PageDown and Home/End for its scrolling
// and its list selection: ImGui's directional navigation never sees them.
#pragma once

#include <string>

namespace reader::ui {

class ItemRegistry;

// Once per frame, after NewFrame and before any view: navigation by keyboard on, and the reader's
// own keys claimed from it.
void prepareKeyboardNavigation();
// Whether a control shows keyboard focus now: then Space and Enter are the control's, not the
// reader's scrolling or the list's.
bool keyboardFocusShown();
// The last item drawn takes keyboard focus, and shows it (the list's row the arrows moved to; the
// item whose text-mirror link has the page's focus).
void focusLastItem();
// Focus came to the reader from the keyboard: its first control takes it (Tab), or its last
// (Shift+Tab), as ImGui's own tabbing finds them in the next frame.
void enterFromEdge(bool backward);
// The reader lost focus: no control shows it.
void hideKeyboardFocus();
// Whether a Tab (Shift+Tab when `backward`) at this moment leaves the reader: focus is on its last
// (first) control, or it has none. Inside a popup (the settings panel) Tab stays in the popup.
bool tabLeaves(bool backward, const ItemRegistry& items);

}  // namespace reader::ui
