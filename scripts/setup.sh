#!/usr/bin/env bash
# Installs everything nuanxin needs on Debian 12, run as root; quick when all is there.
# - Debian packages (apt), only the missing ones;
# - Dear ImGui 1.86 sources from Debian's source package, unpacked into .deps/ (git-ignored),
#   because libimgui-dev ships no imgui*.cpp and the browser build must compile them with em++;
# - libsodium 1.0.18 sources (Debian's source package, its patches applied) into .deps/, because
#   the browser must read and write the same sealed store files as libsodium-dev does natively
#   (cmake/NuanxinSodium.cmake compiles them with emcc);
# - .deps/include: links to the header-only libraries, so em++ never sees /usr/include itself;
# - the npm packages of the browser tests (playwright-core drives Debian's Chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mkdir -p "$deps"

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils dpkg-dev
  emscripten nodejs
  libimgui-dev libglfw3-dev libgl-dev
  libcereal-dev rapidjson-dev libboost-dev libboost-test-dev liblemon-dev
  fonts-wqy-microhei fonttools
  chromium xvfb xauth libgl1-mesa-dri imagemagick xdotool
  clang-14 libclang-rt-14-dev
  libsodium-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's source packages need a deb-src entry (bookworm main); added once.
ensure_deb_src() {
  local src_list=/etc/apt/sources.list.d/nuanxin-deb-src.sources
  if ! grep -rqs "^Types:.*deb-src" /etc/apt/sources.list.d/ && ! grep -qs "^deb-src" /etc/apt/sources.list; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' >"$src_list"
    apt-get update -qq
  fi
}

# ImGui sources: the orig tarball of Debian's source package (imgui 1.86+ds).
imgui="$deps/imgui-1.86"
if [ ! -f "$imgui/imgui.cpp" ]; then
  ensure_deb_src
  dl="$deps/imgui-src"
  mkdir -p "$dl"
  (cd "$dl" && apt-get -o APT::Sandbox::User=root source --download-only -qq imgui=1.86+ds-1 >/dev/null)
  tarball=$(ls "$dl"/imgui_1.86+ds.orig.tar.* | head -n 1)
  rm -rf "$imgui.tmp" && mkdir -p "$imgui.tmp"
  tar -xf "$tarball" -C "$imgui.tmp" --strip-components=1
  rm -rf "$imgui" && mv "$imgui.tmp" "$imgui"
  echo "setup: ImGui sources in $imgui"
fi

# libsodium sources: Debian's source package of the libsodium-dev installed above, unpacked by
# dpkg-source so that Debian's patches (security fixes) are applied as in the native library.
sodium="$deps/libsodium-1.0.18"
if [ ! -f "$sodium/src/libsodium/Makefile.am" ]; then
  ensure_deb_src
  dl="$deps/libsodium-src"
  mkdir -p "$dl"
  version=$(dpkg-query -W -f='${Version}' libsodium-dev)
  (cd "$dl" && apt-get -o APT::Sandbox::User=root source --download-only -qq "libsodium=$version" >/dev/null)
  # apt-get checked the files against the signed archive index; the .dsc's own signature needs a
  # keyring that is not installed, so dpkg-source is told not to look for it.
  rm -rf "$dl/unpacked"
  (cd "$dl" && dpkg-source --no-check -x "libsodium_${version#*:}.dsc" unpacked >/dev/null)
  rm -rf "$sodium" && mv "$dl/unpacked" "$sodium"
  echo "setup: libsodium sources in $sodium"
fi

# Header-only libraries for em++ (never -I/usr/include: it would pull in glibc's headers).
mkdir -p "$deps/include"
for lib in cereal rapidjson boost lemon; do
  ln -sfn "/usr/include/$lib" "$deps/include/$lib"
done

# npm packages of the browser tests, from the committed lock file.
if [ -f "$root/tests/browser/package-lock.json" ] && [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  (cd "$root/tests/browser" && npm ci --silent --no-audit --no-fund)
fi
