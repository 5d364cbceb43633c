// Annotations between the module and the page (shell/annotations.js).
#pragma once

#include "ui/ports.h"

namespace reader::web {

// The ports that keep annotations in the page's IndexedDB, tell it of changes, download exports
// and pick a file to import (the last only when the page can).
void fillAnnotationPorts(ui::Ports& ports);

}  // namespace reader::web
