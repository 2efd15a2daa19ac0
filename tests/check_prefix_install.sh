#!/bin/sh
# A user's install, from a fresh build of the source tree into a temporary
# prefix:
#  - meson setup finds no Check (pkg-config sees only jansson) and still
#    configures, saying the tests are not built;
#  - the installed itss runs with no environment variable at all;
#  - the README's quick start builds with pkg-config against the prefix
#    (PKG_CONFIG_PATH into the multiarch libdir) and, with the rpath the
#    README shows, runs with no environment;
#  - docs and JSON Schemas are installed where the man page says, and the
#    schemas refer to each other by relative $ref only;
#  - the Python binding installed with -Dpython=enabled imports from the
#    prefix and finds the installed library without ITSS_LIBRARY.
# usage: check_prefix_install.sh SOURCE_ROOT README CC
set -eu
src=$1 readme=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
prefix=$tmp/prefix

# pkg-config limited to a directory holding jansson's .pc alone: no Check
mkdir "$tmp/pc"
janssonpc=$(pkg-config --variable=pcfiledir jansson)/jansson.pc
cp "$janssonpc" "$tmp/pc/"
# the system Python first, so that -Dpython=enabled installs for it
PATH=/usr/bin:/bin:$PATH PKG_CONFIG_LIBDIR="$tmp/pc" PKG_CONFIG_PATH="" \
    meson setup "$tmp/build" "$src" --prefix="$prefix" --buildtype=release \
    -Dpython=enabled > "$tmp/setup.log" 2>&1 ||
    { cat "$tmp/setup.log"; fail "meson setup without Check failed"; }
grep -q 'Check (pkg-config "check") not found: the test suite is not built' "$tmp/setup.log" ||
    { cat "$tmp/setup.log"; fail "setup without Check does not say the tests are left out"; }
ninja -C "$tmp/build" > "$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log"; fail "build failed"; }
meson install -C "$tmp/build" --quiet > "$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; fail "install failed"; }

# the CLI, with an empty environment
out=$(env -i "$prefix/bin/itss" --version) || fail "the installed itss does not run without environment"
echo "$out" | grep -q '^itss 1\.' || fail "unexpected version line: $out"
env -i "$prefix/bin/itss" class show 040201 --format json | grep -q '"parent": "0402"' ||
    fail "the installed itss does not work"

# docs, schemas and the man page that names them
docdir=$prefix/share/doc/libitss schemadir=$prefix/share/libitss/schema
for f in README.md CHANGELOG.md LICENSE maturity.md quality.md standards.md json-formats.md security.md; do
    [ -f "$docdir/$f" ] || fail "$docdir/$f is not installed"
done
[ -f "$schemadir/assessment.schema.json" ] || fail "the schemas are not installed in $schemadir"
man=$prefix/share/man/man1/itss.1
grep -q "$docdir/maturity.md" "$man" || fail "the man page does not name $docdir/maturity.md"
grep -q "$schemadir" "$man" || fail "the man page does not name $schemadir"
! grep -q '@[A-Z]*@' "$man" || fail "the man page has an unsubstituted @VARIABLE@"
for s in "$schemadir"/*.json; do
    if grep -o '"$ref": *"[^"]*"' "$s" | grep -v '"$ref": *"#' | grep -q '"$ref": *"[a-z]*:'; then
        fail "$s refers to another schema by an absolute URI"
    fi
    ! grep -q '"$id": *"[a-z]*:' "$s" || fail "$s has an absolute \$id"
done

# the quick start, built against the prefix with pkg-config
multiarch=$("$cc" -print-multiarch)
export PKG_CONFIG_PATH="$prefix/lib/$multiarch/pkgconfig"
unset PKG_CONFIG_LIBDIR
[ "$(pkg-config --variable=libdir itss)" = "$prefix/lib/$multiarch" ] ||
    fail "pkg-config does not find the prefix's itss.pc"
sed -n '/<!-- quickstart:begin -->/,/<!-- quickstart:end -->/p' "$readme" |
    sed -n '/^```c$/,/^```$/p' | sed '1d;$d' > "$tmp/quick.c"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror "$tmp/quick.c" -o "$tmp/quick" $(pkg-config --cflags --libs itss) \
    -Wl,-rpath,"$(pkg-config --variable=libdir itss)" || fail "the quick start does not build"
env -i "$tmp/quick" | head -1 | grep -qx '040201 网络运维服务 (level 3, parent 0402)' ||
    fail "the quick start does not run against the prefix"

# the Python binding installed with the library
site=$(find "$prefix" -type d -name itss -path '*-packages/itss' | head -1)
[ -n "$site" ] || fail "-Dpython=enabled installed no Python package"
grep -q "$prefix/lib/$multiarch/libitss.so.1" "$site/_installed.py" ||
    fail "the installed binding does not name the installed library"
env -i PYTHONPATH="$(dirname "$site")" /usr/bin/python3 -c '
import itss
assert itss.classification.lookup("040201").name_zh == "网络运维服务"
print(itss.library_path() if hasattr(itss, "library_path") else "ok")' > "$tmp/py.out" 2>&1 ||
    { cat "$tmp/py.out"; fail "the installed binding does not load its library"; }
echo "ok: prefix install without Check; itss, quick start and Python binding run with no environment"
