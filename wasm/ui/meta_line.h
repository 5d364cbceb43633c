// The article's meta line under its title: 發布時間, 來源, reading time, then the reader's switches
// (字體 大/中/小, 拼音 上方/隱藏/行內), the 設定 button and 朗讀. Centred; on a narrow column its items
// wrap onto further centred rows.
#pragma once

#include <cstddef>

#include "settings_panel.h"
#include "view_context.h"

namespace reader::ui {

// Switch clicks change ctx.settings; the read-aloud button comes back as a speech request.
// `readingMinutes`: the estimate, worked out once per layout (it reads the whole body).
ViewResult drawMetaLine(ViewContext& ctx, const core::Article& article, size_t readingMinutes, SettingsPanel& panel);

}  // namespace reader::ui
