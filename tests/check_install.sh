#!/bin/sh
# Install into a temporary prefix, then build the README's quick-start
# program against the installed library with pkg-config and run it; check
# that headers, library, SONAME link, .pc file, CLI and man page are there.
# usage: check_install.sh BUILD_DIR PREFIX LIBDIR README CC
set -eu
build=$1 prefix=$2 libdir=$3 readme=$4 cc=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >/dev/null
root="$tmp/root$prefix"
fail() { echo "FAIL: $*"; exit 1; }
for f in include/itss/itss.h include/itss/common.h include/itss/version.h \
         include/itss/classify.h include/itss/maturity.h include/itss/quality.h include/itss/standards.h "$libdir/libitss.so.1" "$libdir/libitss.so" \
         "$libdir/pkgconfig/itss.pc" bin/itss share/man/man1/itss.1; do
    [ -e "$root/$f" ] || fail "$f is not installed"
done
[ -L "$root/$libdir/libitss.so.1" ] || fail "libitss.so.1 is not a symlink"
export PKG_CONFIG_SYSROOT_DIR="$tmp/root" PKG_CONFIG_PATH="$root/$libdir/pkgconfig"
pkg-config --exists itss || fail "pkg-config does not find itss"
pkg-config --print-requires-private itss | grep -q jansson || fail "jansson is not a private requirement"
[ "$(pkg-config --modversion itss)" = "$(sed -n 's/^#define ITSS_VERSION_STRING "\(.*\)"/\1/p' "$root/include/itss/version.h")" ] ||
    fail "pkg-config version differs from ITSS_VERSION_STRING"
sed -n '/<!-- quickstart:begin -->/,/<!-- quickstart:end -->/p' "$readme" |
    sed -n '/^```c$/,/^```$/p' | sed '1d;$d' > "$tmp/quick.c"
[ -s "$tmp/quick.c" ] || fail "no quick-start program in $readme"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror "$tmp/quick.c" -o "$tmp/quick" $(pkg-config --cflags --libs itss) ||
    fail "the quick-start program does not build"
out=$(LD_LIBRARY_PATH="$root/$libdir" "$tmp/quick") || fail "the quick-start program failed"
printf '%s\n' "$out" | head -1 | grep -qx '040201 网络运维服务 (level 3, parent 0402)' ||
    fail "unexpected quick-start output: $out"
printf '%s\n' "$out" | sed -n 2p | grep -q '^ITSS_ENOTFOUND: class code "0407"' ||
    fail "unexpected quick-start error line: $out"
LD_LIBRARY_PATH="$root/$libdir" "$root/bin/itss" class show 040201 --format json | grep -q '"parent": "0402"' ||
    fail "the installed CLI does not work"
echo "ok: installed under $prefix, quick start builds and runs"
