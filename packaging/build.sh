#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Set-up, build and run for a Debian 12 machine (see README):
#   packaging/build.sh run [APP ARGS...]   install what is missing, build, launch ShardScope on the demo cluster
#   packaging/build.sh test                install what is missing, build, run the whole test suite
# Environment: BUILD_DIR (default build), JOBS (default: number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
[ "$mode" = run ] || [ "$mode" = test ] || { echo "usage: $0 run|test" >&2; exit 2; }
shift

# Build and run dependencies, one Debian package each (the README says why each is there).
packages=(
    cmake ninja-build g++ pkg-config file dpkg-dev clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-qpa-plugins libqt6sql6-sqlite libqt6opengl6-dev libgl-dev libxkbcommon-dev libvulkan-dev
    qtkeychain-qt6-dev libpq-dev libpg-query-dev libsimdjson-dev
    fonts-dejavu-core
)
if [ "$mode" = test ]; then
    packages+=(libbenchmark-dev postgresql-15 postgresql-contrib xvfb xauth dbus dbus-x11 gnome-keyring clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
if [ "$mode" = test ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHARDSCOPE_WERROR=ON \
        -DSHARDSCOPE_BUILD_TESTS=ON -DSHARDSCOPE_BUILD_BENCHMARKS=ON >/dev/null
else
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHARDSCOPE_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --parallel "$jobs"

if [ "$mode" = run ]; then
    exec "$build/app/gui/shardscope" "$@"
fi
ctest --test-dir "$build" --output-on-failure --parallel "$jobs"
