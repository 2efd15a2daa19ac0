#!/bin/sh
# Every public header compiles on its own, first in its translation unit,
# as strict C11 and as C++11, without warnings.
# usage: check_headers.sh CC CXX INCLUDE_DIR
set -eu
cc=$1 cxx=$2 incdir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0 n=0
for h in "$incdir"/itss/*.h; do
    name=$(basename "$h")
    printf '#include <itss/%s>\nint main(void) { return 0; }\n' "$name" > "$tmp/t.c"
    cp "$tmp/t.c" "$tmp/t.cpp"
    if ! "$cc" -std=c11 -Wall -Wextra -pedantic -Werror -I"$incdir" -c "$tmp/t.c" -o "$tmp/t.o"; then
        echo "FAIL: $name as C11"; status=1
    fi
    if ! "$cxx" -std=c++11 -Wall -Wextra -pedantic -Werror -I"$incdir" -c "$tmp/t.cpp" -o "$tmp/t.o"; then
        echo "FAIL: $name as C++11"; status=1
    fi
    n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "no headers found under $incdir/itss"; exit 1; }
[ $status -eq 0 ] && echo "ok: $n headers compile as C11 and C++11"
exit $status
