#!/bin/sh
# The exported symbols of the shared library are exactly those listed in
# tests/exports.txt (sorted), all with the itss_ prefix, and the SONAME is
# libitss.so.<soversion>. Adding a symbol means adding it to the list;
# removing or changing one needs a SONAME bump (docs/api-conventions.md).
# The list must also equal the functions the public headers declare with
# ITSS_API, so that nothing is declared but missing, or exported but
# undeclared.
# usage: check_exports.sh LIBRARY EXPORTS_TXT SOVERSION INCLUDE_DIR
set -eu
lib=$1 list=$2 sover=$3 incdir=$4
actual=$(nm -D --defined-only "$lib" | awk '{print $3}' | LC_ALL=C sort)
expected=$(LC_ALL=C sort "$list")
status=0
compare() { # compare WHAT LIST-TEXT OTHER-TEXT: print a diff, set status
    if [ "$2" != "$3" ]; then
        echo "$1 (< $list, > actual):"
        tmp=$(mktemp)
        printf '%s\n' "$2" > "$tmp"
        printf '%s\n' "$3" | diff "$tmp" - || true
        rm -f "$tmp"
        status=1
    fi
}
compare "exported symbols differ from the list" "$expected" "$actual"
bad=$(printf '%s\n' "$actual" | grep -v '^itss_' || true)
if [ -n "$bad" ]; then
    echo "symbols without the itss_ prefix are exported: $bad"
    status=1
fi
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ "$soname" != "libitss.so.$sover" ]; then
    echo "SONAME is '$soname', expected 'libitss.so.$sover'"
    status=1
fi
declared=$(cat "$incdir"/itss/*.h | perl -0777 -pe 's{/\*.*?\*/}{}gs; s{^\s*#.*$}{}mg' |
    tr '\n' ' ' | grep -o 'ITSS_API[^;]*;' |
    sed 's/^[^(]*[^a-z0-9_]\(itss_[a-z0-9_]*\) *(.*/\1/' | LC_ALL=C sort)
compare "functions declared with ITSS_API in the headers differ from the list" "$expected" "$declared"
n=$(printf '%s\n' "$actual" | wc -l)
[ $status -eq 0 ] && echo "ok: $n exported symbols, SONAME $soname"
exit $status
