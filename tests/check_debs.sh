#!/bin/sh
# The Debian packages, built by scripts/debs and installed on this machine:
#  - each file is owned by the package meant for it (dpkg -S), and
#    libitss1 holds nothing but the shared library;
#  - the installed itss carries no RPATH/RUNPATH;
#  - the README's quick start builds with `cc $(pkg-config --cflags --libs
#    itss)` alone and runs against /usr/lib/<triplet>/libitss.so.1;
#  - /usr/bin/itss prints its version and rates examples/assessment.json;
#  - the man page is found by man;
#  - /usr/bin/python3 imports itss from dist-packages and it loads the
#    system's libitss.so.1.
# The packages are purged again at the end, whatever happened.
# Needs root: otherwise says why and exits 77 (skipped). Also skips when a
# libitss package is already installed, which purging would remove.
# usage: tests/check_debs.sh [OUTDIR]   (OUTDIR for scripts/debs, default build/debs)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-build/debs}
case $out in /*) ;; *) out=$root/$out ;; esac
pkgs="libitss1 libitss-dev libitss-doc itss-tools python3-itss"

if [ "$(id -u)" -ne 0 ]; then
    echo "skipped: installing the packages needs root"
    exit 77
fi
installed() { # installed PKG: dpkg has it installed (or half installed)
    dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -qv 'not-installed\|config-files'
}
for p in $pkgs; do
    if installed "$p"; then
        echo "skipped: $p is already installed, and this check would purge it"
        exit 77
    fi
done

scripts/debs "$out"

tmp=$(mktemp -d)
purge() {
    ok=1
    # shellcheck disable=SC2086 # one word per package
    dpkg --purge $pkgs > "$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log"; ok=0; }
    for p in $pkgs; do
        if installed "$p"; then
            echo "FAIL: $p is still installed after the purge"
            ok=0
        fi
    done
    rm -rf "$tmp"
    [ $ok -eq 1 ] || exit 1
}
trap purge EXIT
trap 'exit 1' INT TERM HUP
fail() { echo "FAIL: $*"; exit 1; }

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
debs=""
for p in $pkgs; do
    f=""
    for d in "$out/${p}_${version}_"*.deb; do [ -f "$d" ] && f=$d; done
    [ -n "$f" ] || fail "scripts/debs made no $p package of version $version in $out"
    debs="$debs $f"
done
# dpkg waits for no lock: try again while another installation holds it
tries=0
# shellcheck disable=SC2086 # one word per file
until dpkg -i $debs > "$tmp/install.log" 2>&1; do
    tries=$((tries + 1))
    if ! grep -q 'lock' "$tmp/install.log" || [ $tries -ge 30 ]; then
        cat "$tmp/install.log"
        fail "dpkg -i of the packages failed"
    fi
    sleep 4
done

# which package owns which file
owner() { # owner PATH PACKAGE
    o=$(dpkg -S "$1" 2>/dev/null | sed -n 's/\(:[a-z0-9]*\)\{0,1\}: .*//p' | head -1)
    [ "$o" = "$2" ] || fail "$1 should come from $2 but comes from '${o:-no package}'"
}
owner "/usr/lib/$ma/libitss.so.1" libitss1
owner "/usr/lib/$ma/libitss.so.$version" libitss1
owner /usr/include/itss/itss.h libitss-dev
owner /usr/include/itss/maturity.h libitss-dev
owner "/usr/lib/$ma/libitss.so" libitss-dev
owner "/usr/lib/$ma/pkgconfig/itss.pc" libitss-dev
owner /usr/bin/itss itss-tools
owner /usr/share/man/man1/itss.1.gz itss-tools
owner /usr/share/doc/libitss/maturity.md libitss-doc
owner /usr/share/doc/libitss/json-formats.md libitss-doc
owner /usr/share/libitss/schema/assessment.schema.json libitss-doc
owner /usr/lib/python3/dist-packages/itss/__init__.py python3-itss
owner /usr/lib/python3/dist-packages/itss/_installed.py python3-itss
# a runtime library package holds the library and its own doc directory only
extra=$(dpkg -L libitss1 | grep -v "^/usr/lib/$ma/libitss\.so\.1" | grep -v '^/usr/share/doc/libitss1' |
    grep -vx '/\.\|/usr\|/usr/lib\|/usr/lib/'"$ma"'\|/usr/share\|/usr/share/doc' || true)
[ -z "$extra" ] || fail "libitss1 holds more than the library: $extra"
for f in $(dpkg -L libitss-doc libitss-dev itss-tools python3-itss); do
    case $f in */LICENSE) fail "$f duplicates debian/copyright" ;; esac
done

# no RPATH into /usr
! readelf -d /usr/bin/itss | grep -q 'RPATH\|RUNPATH' || fail "/usr/bin/itss carries an RPATH/RUNPATH"

# the README's quick start, with pkg-config only (what the README promises:
# its first line for 040201 and the error naming the classes under 04)
unset PKG_CONFIG_PATH PKG_CONFIG_LIBDIR
# shellcheck disable=SC2016 # a sed program
sed -n '/<!-- quickstart:begin -->/,/<!-- quickstart:end -->/p' README.md |
    sed -n '/^```c$/,/^```$/p' | sed '1d;$d' > "$tmp/quick.c"
# shellcheck disable=SC2046 # pkg-config prints words
cc -std=c11 -Wall -Wextra -Werror "$tmp/quick.c" -o "$tmp/quick" $(pkg-config --cflags --libs itss) ||
    fail "the quick start does not build with pkg-config itss"
env -i "$tmp/quick" > "$tmp/quick.out" || fail "the quick start exits non-zero"
sed -n 1p "$tmp/quick.out" | grep -qx '040201 网络运维服务 (level 3, parent 0402)' ||
    fail "the quick start printed: $(cat "$tmp/quick.out")"
sed -n 2p "$tmp/quick.out" | grep -q '^ITSS_ENOTFOUND: class code "0407" does not exist' ||
    fail "the quick start's error line: $(sed -n 2p "$tmp/quick.out")"
# (with a merged /usr the loader may name it by /lib)
used=$(ldd "$tmp/quick" | sed -n 's/^[[:space:]]*libitss\.so\.1 => \([^ ]*\) .*/\1/p')
[ -n "$used" ] && [ "$(readlink -f "$used")" = "$(readlink -f "/usr/lib/$ma/libitss.so.1")" ] ||
    fail "the quick start does not use /usr/lib/$ma/libitss.so.1: $(ldd "$tmp/quick" | grep itss)"

# the command line (examples/assessment.json is written to reach level 2)
env -i /usr/bin/itss --version | grep -qx "itss ${version%%-*} (libitss ${version%%-*})" ||
    fail "/usr/bin/itss --version: $(env -i /usr/bin/itss --version 2>&1)"
env -i /usr/bin/itss maturity rate examples/assessment.json --format json > "$tmp/rate.json" ||
    fail "/usr/bin/itss maturity rate failed"
/usr/bin/python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["level"] != 2)' \
    "$tmp/rate.json" || fail "/usr/bin/itss maturity rate did not report level 2"
env -i /usr/bin/itss maturity rate examples/assessment.json --lang en | grep -qx 'Level reached  *ITSS grade 3 (Extended)' ||
    fail "/usr/bin/itss --lang en does not speak English"

# the man page
if ! m=$(man -w itss 2>/dev/null); then
    if grep -qs 'path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
        echo "note: dpkg here leaves out manual pages; man -w itss not checked"
    else
        fail "man -w itss finds no manual page"
    fi
elif [ "$m" != /usr/share/man/man1/itss.1.gz ]; then
    fail "man -w itss finds $m, not /usr/share/man/man1/itss.1.gz"
fi

# the Python binding from dist-packages, on the system's library
(cd / && env -i /usr/bin/python3 -c '
import itss
assert itss.__file__ == "/usr/lib/python3/dist-packages/itss/__init__.py", itss.__file__
assert itss.classification.lookup("040201").name_zh == "网络运维服务"
maps = [l.split()[-1] for l in open("/proc/self/maps") if "libitss.so" in l]
print(sorted(set(maps)))') > "$tmp/py.out" 2>&1 || { cat "$tmp/py.out"; fail "python3 -c 'import itss' failed"; }
grep -qx "\['/usr/lib/$ma/libitss.so.$version'\]" "$tmp/py.out" ||
    fail "the Python binding loaded $(cat "$tmp/py.out"), not /usr/lib/$ma/libitss.so.$version"

echo "ok: the $version packages install, work from /usr and are purged again"
