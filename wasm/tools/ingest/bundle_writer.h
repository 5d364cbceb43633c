// Bundle -> format v1 JSON text (1.2 blocks, links and strong runs included): UTF-8, two-space indent, fields in the order data/README.md
// documents them, optional fields left out when empty. BundleLoader::load reads it back into an
// equal Bundle. Unknown fields of a loaded bundle are not kept (the model does not hold them).
#pragma once

#include <string>

#include "core/bundle.h"

namespace reader::tools::ingest {

std::string writeBundle(const core::Bundle& bundle);

}  // namespace reader::tools::ingest
