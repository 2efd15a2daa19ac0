#!/bin/sh
# Install the Debian packages libitss needs to build and test, if any is
# missing (sourced by scripts/demo and scripts/test; needs root for apt).
# Usage: . scripts/deps.sh, then itss_deps build|test|fuzz|debs
itss_deps() {
    pkgs="meson ninja-build pkgconf libjansson-dev gcc libc6-dev jq libxlsxwriter-dev libminizip-dev \
        libexpat1-dev libcsv-dev"
    if [ "$1" = test ]; then
        pkgs="$pkgs g++ check valgrind python3 python3-pytest python3-jsonschema golang-go \
            python3-pip python3-venv python3-dask python3-distributed abigail-tools cppcheck \
            clang-tidy clang libclang-rt-14-dev llvm chromium fonts-wqy-microhei python3-pil \
            python3-openpyxl python3-pandas"
    fi
    if [ "$1" = fuzz ]; then
        pkgs="$pkgs clang libclang-rt-14-dev llvm python3"
    fi
    if [ "$1" = debs ]; then # the Build-Depends of debian/control, and dpkg-buildpackage
        pkgs="$pkgs debhelper dh-python dpkg-dev python3 check"
    fi
    missing=""
    for p in $pkgs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing Debian packages:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: packages missing and not running as root:$missing" >&2
        return 1
    fi
    # shellcheck disable=SC2086 # one word per package
    apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
