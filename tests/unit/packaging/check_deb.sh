#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check_deb.sh BUILD_DIR VERSION APP_ID: runs CPack's DEB generator on the build tree into a temporary directory
# and checks the package's control fields and file list.
set -euo pipefail
build=$1 version=$2 app_id=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# gzip is enough here and much faster than xz on debug-info binaries.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$tmp" -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || fail "no .deb produced"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = shardscope ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
[ -n "$depends" ] || fail "Depends is empty (SHLIBDEPS did not run?)"
grep -q 'libqt6' <<<"$depends" || fail "Depends lacks libqt6: $depends"

files=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in ./usr/bin/shardscope ./usr/bin/shardscope-cli \
         "./usr/share/applications/$app_id.desktop" \
         "./usr/share/metainfo/$app_id.metainfo.xml" \
         "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
    grep -qxF "$f" <<<"$files" || fail "missing $f"
done
echo "OK: $(basename "$deb"): $depends"
