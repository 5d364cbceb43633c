// core/links: what the reader may open outside itself (tel: URLs of hotlines, safe schemes only).
#include "core/links.h"

#include <doctest/doctest.h>

using namespace reader::core;

TEST_CASE("links: a hotline number becomes a tel: URL of its digits") {
    CHECK(telUrl("0471-6920007") == "tel:0471-6920007");
    CHECK(telUrl("12315") == "tel:12315");
    CHECK(telUrl("(0471) 692 0007") == "tel:04716920007");
    CHECK(telUrl("+86 471 6920007") == "tel:+864716920007");
    CHECK(telUrl("-+-") == "");
    CHECK(telUrl("") == "");
}

TEST_CASE("links: only tel:, mailto:, https: and http: are opened, never javascript: or data:") {
    CHECK(safeExternalUrl("tel:12315") == "tel:12315");
    CHECK(safeExternalUrl("HTTPS://example.org/a?b") == "https://example.org/a?b");
    CHECK(safeExternalUrl("mailto:a@b.cn") == "mailto:a@b.cn");
    CHECK(safeExternalUrl("javascript:alert(1)") == "");
    CHECK(safeExternalUrl(" javascript:alert(1)") == "");
    CHECK(safeExternalUrl("JaVaScRiPt:alert(1)") == "");
    CHECK(safeExternalUrl("data:text/html,<script>") == "");
    CHECK(safeExternalUrl("https://a.example/\n") == "");
    CHECK(safeExternalUrl("no scheme") == "");
}
