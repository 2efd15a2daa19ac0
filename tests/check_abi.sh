#!/bin/sh
# Compare the ABI of the built libitss.so.1 with the committed baseline
# (abi/libitss.so.1.abi, written by scripts/abi-baseline). Additions pass;
# any removed or changed function, variable or type of the public headers
# fails. A self-check first proves that the comparison reports a removed
# function, so that a broken abidiff cannot pass silently.
# usage: check_abi.sh BASELINE LIBRARY HEADERS-DIR
set -u
baseline=$1 lib=$2 headers=$3
command -v abidiff >/dev/null || { echo "abidiff not found (Debian: abigail-tools)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# verdict REPORT STATUS: 0 compatible, 1 incompatible, 2 abidiff failed
verdict() {
    if [ $(($2 & 3)) -ne 0 ]; then
        return 2
    fi
    if [ $(($2 & 8)) -ne 0 ] ||
        grep 'changes summary' "$1" | grep -Eq '(^|[^0-9])[1-9][0-9]* (Removed|Changed)'; then
        return 1
    fi
    return 0
}

# self-check: the baseline without itss_free must count as incompatible
python3 - "$baseline" "$tmp/removed.abi" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r"\n *<elf-symbol name='itss_free'[^\n]*", "", s)
s = re.sub(r"\n *<function-decl name='itss_free'.*?</function-decl>", "", s, flags=re.S)
open(sys.argv[2], "w").write(s)
PY
abidiff "$baseline" "$tmp/removed.abi" >"$tmp/self.txt" 2>&1
verdict "$tmp/self.txt" $?
if [ $? -ne 1 ]; then
    echo "self-check failed: a removed function was not reported"
    cat "$tmp/self.txt"
    exit 1
fi

abidiff --headers-dir2 "$headers" "$baseline" "$lib" >"$tmp/report.txt" 2>&1
status=$?
cat "$tmp/report.txt"
verdict "$tmp/report.txt" $status
case $? in
0) echo "ABI compatible with $baseline (abidiff status $status)" ;;
1) echo "INCOMPATIBLE ABI change against $baseline"; exit 1 ;;
*) echo "abidiff failed (status $status)"; exit 1 ;;
esac
