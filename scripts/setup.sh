#!/usr/bin/env bash
# Installs what the project needs, from Debian's packages and npm only, and fetches third-party
# sources from Debian's source packages. Idempotent and quiet when everything is there; a tool the
# machine already has is used as it is.
# Usage: scripts/setup.sh native|web|test   (test = everything)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

# Dear ImGui 1.92.2b from Debian sid's source package (see docs/building.md).
IMGUI_VERSION='1.92.2b+ds-1'
IMGUI_SHA256=e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48
# libunibreak 6.1 (UAX #14 line breaking, Unicode 15.0 data) from Debian trixie's source package.
LIBUNIBREAK_VERSION='6.1-3'
LIBUNIBREAK_SHA256=890674996168ef5ba143d80d49ab8b61594a4eb70198dcac76caf6e1bd264a41
# OpenCC 1.1.9 (its character dictionaries become search's folding table) from Debian trixie.
OPENCC_VERSION='1.1.9+ds1-1+deb13u1'
OPENCC_SHA256=2870b0af383fb47a899552713d73424ce5d5d9d7cb90e903d817eceac493c6f1

missing=()
# need CHECK PACKAGE: CHECK is a command name, or a file path when it starts with '/'.
need() {
  if [[ $1 == /* ]]; then [ -e "$1" ] && return 0; else command -v "$1" >/dev/null 2>&1 && return 0; fi
  missing+=("$2")
}

need_fetch_tools() {
  need xz xz-utils
  need /usr/share/keyrings/debian-archive-keyring.gpg debian-archive-keyring
}
need_native() {
  need g++ g++
  need cmake cmake
  need make make
  need /usr/include/nlohmann/json.hpp nlohmann-json3-dev
  need /usr/include/doctest/doctest.h doctest-dev
  need /usr/include/GLFW/glfw3.h libglfw3-dev
  need /usr/include/GL/gl.h libgl-dev
  need /usr/include/stb/stb_image_write.h libstb-dev
  need /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
  need /usr/include/gumbo.h libgumbo-dev  # reader-tool ingest: HTML parser
  need /usr/include/zlib.h zlib1g-dev  # the desktop reader writes its PNG captures with zlib
  need /usr/include/x86_64-linux-gnu/curl/curl.h libcurl4-openssl-dev  # the desktop reader's https: images
}
need_web() {
  need cmake cmake
  need make make
  need emcc emscripten
  need /usr/lib/python3/dist-packages/fontTools/subset/__init__.py python3-fonttools
  need /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
  need node nodejs
  need npm npm  # Workbox, for the service worker (scripts/sw/)
  need /usr/include/nlohmann/json.hpp nlohmann-json3-dev
}
need_test() {
  need npm npm
  need "${CHROMIUM:-/usr/bin/chromium}" chromium
  need Xvfb xvfb
  # Mesa's software OpenGL for the native window under Xvfb.
  need /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so libgl1-mesa-dri
  # Unicode's LineBreakTest.txt, for core/line_break_standard.
  need /usr/share/unicode/auxiliary/LineBreakTest.txt unicode-data
  # clang 14 with its sanitizer and libFuzzer runtimes, for the asan and fuzz presets.
  need clang++ clang
  need /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a libclang-rt-14-dev
}

need_fetch_tools
case $what in
  native) need_native ;;
  web) need_web ;;
  test) need_native; need_web; need_test ;;
  *) echo "setup: unknown target $what" >&2; exit 2 ;;
esac

if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

scripts/fetch-debian-source.sh imgui "$IMGUI_VERSION" sid "$IMGUI_SHA256" .deps/imgui
scripts/fetch-debian-source.sh libunibreak "$LIBUNIBREAK_VERSION" trixie "$LIBUNIBREAK_SHA256" .deps/libunibreak
scripts/fetch-debian-source.sh opencc "$OPENCC_VERSION" trixie "$OPENCC_SHA256" .deps/opencc

# npm ci DIR again whenever DIR's lock file's content changes (a checksum, not file dates).
npm_ci() {
  local dir=$1 label=$2
  local lock=$dir/package-lock.json stamp=$dir/node_modules/.lock-sha256
  local want
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "setup: installing $label"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
    echo "$want" > "$stamp"
  fi
}
if [ "$what" = web ] || [ "$what" = test ]; then
  npm_ci scripts/sw "the service worker's npm packages (Workbox)"
fi
if [ "$what" = test ]; then
  npm_ci tests/browser "the browser tests' npm packages"
fi
