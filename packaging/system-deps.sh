#!/bin/sh
# The system libraries Qt needs on Linux (see QT-NOTES). `--check` says what is missing; `--install` apt-gets it.
set -eu

OFFSCREEN_PACKAGES="libgl1 libegl1 libfontconfig1 fonts-dejavu-core libglib2.0-0 libxkbcommon0 libdbus-1-3"
# A real window (xcb) additionally needs these; tests and headless rendering do not.
WINDOW_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 \
libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0"

missing_libraries() {
    [ "$(uname -s)" = "Linux" ] || return 0
    command -v ldconfig >/dev/null 2>&1 || [ -x /sbin/ldconfig ] || return 0
    libs=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p) )
    for pair in libGL.so.1:libgl1 libEGL.so.1:libegl1 libfontconfig.so.1:libfontconfig1 \
                libglib-2.0.so.0:libglib2.0-0 libxkbcommon.so.0:libxkbcommon0 libdbus-1.so.3:libdbus-1-3; do
        lib=${pair%%:*}; pkg=${pair#*:}
        echo "$libs" | grep -q "$lib" || printf '%s ' "$pkg"
    done
    if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
        printf '%s ' fonts-dejavu-core
    fi
}

case "${1:---check}" in
    --check)
        missing=$(missing_libraries)
        if [ -n "$missing" ]; then
            echo "Sensemaking Canvas needs system libraries that are missing: $missing" >&2
            echo "Install them with:  sudo apt-get install -y --no-install-recommends $missing" >&2
            echo "(or run: sudo sh packaging/system-deps.sh --install)" >&2
            exit 1
        fi
        ;;
    --install)
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $OFFSCREEN_PACKAGES fontconfig ${WITH_WINDOW:+$WINDOW_PACKAGES}
        ;;
    *)
        echo "usage: $0 [--check | --install]" >&2
        exit 2
        ;;
esac
