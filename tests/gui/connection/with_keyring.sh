#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a test inside the private D-Bus session started by dbus-run-session, with a throw-away gnome-keyring
# unlocked (and created) in a temporary data directory, so the real keychain path is exercised headless.
set -e
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" HOME="$scratch/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'shardscope-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SHARDSCOPE_TEST_KEYRING=1
"$@"
