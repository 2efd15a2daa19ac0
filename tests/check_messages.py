#!/usr/bin/env python3
"""The catalog of the library's messages (lib/msg/*.inc) against lib/.

Every printf format from which lib/ writes an error message has exactly one
ITSS_MSG entry; every entry's Chinese template uses each conversion of its
format exactly once ({N}, {N:m}, {N:p}) and holds Chinese; every {N:p}
parameter's phrases that the library can pass exist as ITSS_PHRASE entries
when they are literal in the source (a format-name list of a _render, a
JSON type name).

The producers of messages are found, not listed: every function of lib/
declared with a `const char *fmt, ...` parameter, except the writers of
output (WRITERS below), and every variadic macro that hands __VA_ARGS__ to
one. For each call the argument at the format's place must be string
literals (adjacent ones joined; both arms of `c ? "a" : "b"`); a call whose
format is not a literal is reported, so that no message escapes the check.
Messages formatted with snprintf into a buffer that becomes a message are
listed in SNPRINTF_MESSAGES, and each listed buffer must still be found.

A format that is nothing but "%s" passes another message through and needs
no entry, nor does "%s%s" (a worksheet place before a message); "%s: %s"
is the "<function>: " form of the argument messages, which the engine
handles itself.

usage: check_messages.py SOURCE_ROOT        (exit 1 on any problem)
       check_messages.py --self-test
"""
import pathlib
import re
import sys

CONV = re.compile(r"%(?:%|[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp])")
PLACEHOLDER = re.compile(r"\{(\d+)(?::([mp]))?\}")
# printf-like functions that write output, not messages
WRITERS = {"itss__buf_printf", "itss__buf_vprintf", "itss__html_escf", "itss__html_cellf",
           "itss__table_cellf"}
# (file, buffer): snprintf into buffer makes a message
SNPRINTF_MESSAGES = [
    ("lib/json/jsyntax.c", "note"),
    ("lib/json/maturity_json.c", "msg"),
    ("lib/quality_render.c", "buf"),
]
# formats that need no entry: another message passed on ("%s"), a
# worksheet place put before a message ("%s%s", lib/sheet/place.c: the
# entries of sheet.inc name the places) and the "<function>: " of the
# argument messages ("%s: %s", which the engine handles itself)
PASS_THROUGH = {"%s", "%s%s", "%s: %s"}
# Where the phrases passed to a {N:p} come from: (file, function, how)
# with how "return" (the literals it returns) or (callee, argument index)
# (the literal arguments of its calls inside the function; "*" for calls
# anywhere in the file). The JSON literals true, false and null stay as
# they are.
PHRASE_SOURCES = [
    ("lib/json/jread.c", "itss__jtype", "return"),
    ("lib/json/jread.c", "*", ("wrong_type", 2)),
    ("lib/json/jsyntax.c", "expected", "return"),
    ("lib/json/jsyntax.c", "describe", ("snprintf", 2)),
    ("lib/json/jsyntax.c", "*", ("bad_byte", 3)),
    ("lib/maturity_compare.c", "*", ("strcmp", None)),
]
JSON_WORDS = {"true", "false", "null", ""}


def literal_end(t, i):
    """The index after the string or character literal that starts at t[i]."""
    k = i + 1
    while k < len(t) and t[k] != t[i]:
        k += 2 if t[k] == "\\" else 1
    return k + 1


def strip_comments(t):
    """Blank out comments (keeping newlines and string literals) and join
    lines continued with a backslash."""
    t = t.replace("\\\n", "")
    out, i, n = [], 0, len(t)
    while i < n:
        c = t[i]
        if c in "\"'":
            j = literal_end(t, i)
            out.append(t[i:j])
            i = j
        elif t.startswith("/*", i):
            j = t.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", t[i:j]))
            i = j
        elif t.startswith("//", i):
            j = t.find("\n", i)
            j = n if j < 0 else j
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_args(t, i):
    """The arguments of the call whose '(' is just before t[i]: a list of
    texts, and the index after the closing ')'."""
    args, depth, start, j, n = [], 0, i, i, len(t)
    while j < n:
        c = t[j]
        if c in "\"'":
            j = literal_end(t, j)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append(t[start:j])
                return args, j + 1
            depth -= 1
        elif c == "," and depth == 0:
            args.append(t[start:j])
            start = j + 1
        j += 1
    return None, n


LIT_RUN = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+')


def literal_formats(arg):
    """The formats of one argument: each run of adjacent string literals,
    when the argument is made of literals (and ?: around them); None when
    it is something else (a variable, a macro argument)."""
    a = arg.strip()
    runs = LIT_RUN.findall(a)
    if not runs:
        return None
    rest = LIT_RUN.sub("", a)
    if runs and len(runs) > 1 and "?" not in rest:
        return None
    if len(runs) == 1 and rest.strip() and "?" not in rest:
        return None
    return ["".join(re.findall(r'"((?:[^"\\]|\\.)*)"', r)) for r in runs]


def c_unescape(s):
    """The bytes a C string literal's text stands for, as UTF-8 text."""
    b, out, i = s.encode("utf-8"), bytearray(), 0
    simple = {ord("n"): 10, ord("t"): 9, ord("r"): 13, ord("\\"): 92, ord('"'): 34,
              ord("'"): 39, ord("?"): 63, ord("a"): 7, ord("b"): 8, ord("f"): 12, ord("v"): 11}
    while i < len(b):
        if b[i] != 92:
            out.append(b[i])
            i += 1
            continue
        c = b[i + 1]
        if c in simple:
            out.append(simple[c])
            i += 2
        elif c == ord("x"):
            m = re.match(rb"[0-9A-Fa-f]+", b[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif 48 <= c <= 55:
            m = re.match(rb"[0-7]{1,3}", b[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            raise ValueError(f"unknown escape in {s!r}")
    return out.decode("utf-8", "surrogateescape")


STRING_MACRO = re.compile(r'#\s*define\s+(\w+)\s+((?:"(?:[^"\\\n]|\\.)*"\s*)+)$', re.M)


def string_macros(files):
    """{NAME: '"literal"'} of the macros that stand for a string literal."""
    return {m.group(1): m.group(2).strip() for t in files.values()
            for m in STRING_MACRO.finditer(t)}


def expand(arg, macros):
    """arg with the string macros written out (not inside its literals)."""
    return re.sub(r'"(?:[^"\\]|\\.)*"|\b[A-Z_][A-Z0-9_]*\b',
                  lambda m: m.group(0) if m.group(0)[0] == '"' else macros.get(m.group(0), m.group(0)),
                  arg)


def find_producers(files):
    """{name: (format index, file or None for all files)} of the functions
    and macros that write messages."""
    prods = {}
    decl = re.compile(r"\b(?:static\s+)?int\s+\(?(\w+)\)?\s*\(([^;{)]*const char \*fmt, \.\.\.)\)")
    for path, t in files.items():
        for m in decl.finditer(t):
            name = m.group(1)
            if name in WRITERS:
                continue
            params = [p.strip() for p in m.group(2).split(",")]
            idx = params.index("const char *fmt")
            scope = path if re.match(r"static\b", m.group(0)) else None
            prods[name] = (idx, scope)
    macro = re.compile(r"#\s*define\s+(\w+)\(([^)]*)\.\.\.\)(.*)")
    changed = True
    while changed:
        changed = False
        for path, t in files.items():
            for m in macro.finditer(t):
                name, params, body = m.group(1), m.group(2), m.group(3)
                if name in prods or "__VA_ARGS__" not in body:
                    continue
                if any(re.search(r"\b%s\s*\(" % re.escape(p), body) for p in prods):
                    prods[name] = (len([p for p in params.split(",") if p.strip()]), None)
                    changed = True
    return prods


def extract(files, prods, macros=None):
    """[(format as written, location)] and a list of problems."""
    found, problems = [], []
    macros = macros if macros is not None else string_macros(files)
    names = "|".join(sorted(map(re.escape, prods), key=len, reverse=True))
    call = re.compile(r"(?<![\w.>])\(?(%s)\)?\s*\(" % names)
    for path, t in files.items():
        for m in call.finditer(t):
            name = m.group(1)
            idx, scope = prods[name]
            if scope and scope != path:
                continue
            line = t.count("\n", 0, m.start()) + 1
            args, _ = split_args(t, m.end())
            if args is None or len(args) <= idx:
                continue
            fmt_arg = expand(args[idx].strip(), macros)
            # the definition or declaration of a producer, or a macro body
            # forwarding its arguments
            if (re.match(r"(const\s+)?char\s*\*", fmt_arg) or fmt_arg == "__VA_ARGS__"
                    or fmt_arg.startswith("...")):
                continue
            fmts = literal_formats(fmt_arg)
            if fmts is None:
                problems.append(f"{path}:{line}: {name}: the format is not a literal: {fmt_arg}")
                continue
            for f in fmts:
                found.append((f, f"{path}:{line}"))
        for p, buf in SNPRINTF_MESSAGES:
            if p != path:
                continue
            hits = 0
            for m in re.finditer(r"\bsnprintf\s*\(\s*%s\s*," % re.escape(buf), t):
                args, _ = split_args(t, t.index("(", m.start()) + 1)
                fmts = literal_formats(expand(args[2], macros)) if args and len(args) > 2 else None
                line = t.count("\n", 0, m.start()) + 1
                if fmts is None:
                    problems.append(f"{path}:{line}: snprintf into {buf}: not a literal format")
                    continue
                hits += 1
                for f in fmts:
                    found.append((f, f"{path}:{line}"))
            if not hits:
                problems.append(f"{path}: no snprintf into {buf} any more: update SNPRINTF_MESSAGES")
    return found, problems


ENTRY = re.compile(r'ITSS_(MSG|PHRASE)\s*\(\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+),\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)\)')


def read_catalog(texts):
    """[(kind, english as written, chinese, file:line)] and problems."""
    entries, problems = [], []
    for path, t in texts.items():
        t = strip_comments(t)
        for m in ENTRY.finditer(t):
            en = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2)))
            zh = c_unescape("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(3))))
            entries.append((m.group(1), en, zh, f"{path}:{t.count(chr(10), 0, m.start()) + 1}"))
        left = ENTRY.sub("", t)
        if re.search(r"ITSS_(MSG|PHRASE)", left):
            problems.append(f"{path}: an entry the check cannot read")
        if re.search(r"\S", left):
            problems.append(f"{path}: text outside the entries: {left.strip()[:60]!r}")
    return entries, problems


MAX_SEGS = 48  # MSG_MAX_SEGS of lib/msg/message.c


def segments(fmt):
    """How many pieces the engine cuts a format into: each conversion, each
    run of other text, and each "%%"."""
    n, i = 0, 0
    while i < len(fmt):
        m = CONV.match(fmt, i)
        if m:
            n += 1
            i = m.end()
            continue
        j = fmt.find("%", i)
        j = len(fmt) if j < 0 else j
        if j > i:
            n += 1
        i = j if j > i else i + 1
    return n


def check_entries(entries):
    problems = []
    seen = {}
    for kind, en, zh, where in entries:
        key = (kind, en)
        if key in seen:
            problems.append(f"{where}: duplicate of {seen[key]}: {en!r}")
        seen.setdefault(key, where)
        if not re.search(r"[\u4e00-\u9fff]", zh) and kind == "MSG":
            problems.append(f"{where}: no Chinese in {zh!r}")
        if kind != "MSG":
            continue
        n = len([c for c in CONV.findall(c_unescape(en)) if c != "%%"])
        if c_unescape(en).replace("%%", "").count("%") != n:
            problems.append(f"{where}: a conversion the engine cannot read in {en!r}")
        used = [int(x) for x, _ in PLACEHOLDER.findall(zh)]
        if sorted(used) != list(range(1, n + 1)):
            problems.append(f"{where}: placeholders {used} for {n} conversions: {en!r} -> {zh!r}")
        if re.search(r"%[^%]", zh.replace("%%", "")):
            problems.append(f"{where}: a printf conversion in the Chinese: {zh!r}")
        if segments(c_unescape(en)) > MAX_SEGS:
            problems.append(f"{where}: more than {MAX_SEGS} pieces (lib/msg/message.c): {en!r}")
        if zh.endswith("。"):
            problems.append(f"{where}: a final 。 in {zh!r}")
    return problems


def function_body(t, name):
    """The text of the body of function name in t ("" when not there)."""
    m = re.search(r"\b%s\s*\([^;{]*\)\s*\{" % re.escape(name), t)
    if not m:
        return ""
    depth, i = 1, m.end()
    while i < len(t) and depth:
        if t[i] in "\"'":  # a literal: its braces do not count
            i = literal_end(t, i)
            continue
        depth += {"{": 1, "}": -1}.get(t[i], 0)
        i += 1
    return t[m.end():i - 1]


def phrases_wanted(files, sources=None):
    """[(phrase, where)] from PHRASE_SOURCES, and problems (a source that
    gives nothing: the check needs updating)."""
    lit = r'"((?:[^"\\]|\\.)*)"'
    out, problems = [], []
    for path, fn, how in sources if sources is not None else PHRASE_SOURCES:
        t = files.get(path, "")
        body = t if fn == "*" else function_body(t, fn)
        got = []
        if how == "return":
            got = re.findall(r"return\s+" + lit + r"\s*;", body)
            for pair in re.findall(r"return[^;]*\?\s*" + lit + r"\s*:\s*" + lit, body):
                got += list(pair)
        elif how[1] is None:
            # the two literals of a ?: right after a call of the callee
            for pair in re.findall(r"\b%s\s*\([^;]*?\)\s*\?\s*" % re.escape(how[0]) + lit
                                   + r"\s*:\s*" + lit, body):
                got += list(pair)
        else:
            callee, idx = how
            for m in re.finditer(r"\b%s\s*\(" % re.escape(callee), body):
                args, _ = split_args(body, m.end())
                if args and len(args) > idx:
                    got += literal_formats(args[idx]) or []
        got = [c_unescape(g) for g in got if "%" not in g]
        got = [g for g in got if g not in JSON_WORDS]
        if not got:
            problems.append(f"{path}: no phrase found in {fn} ({how}): update PHRASE_SOURCES")
        out += [(g, f"{path} ({fn})") for g in got]
    return out, problems


def check(root):
    root = pathlib.Path(root)
    files = {}
    for p in sorted((root / "lib").rglob("*.[ch]")):
        files[str(p.relative_to(root))] = strip_comments(p.read_text())
    prods = find_producers(files)
    problems = []
    for must in ("itss__err", "itss__einval", "itss__jfail", "itss__jfail_key", "ITSS_CHECK"):
        if must not in prods:
            problems.append(f"producer {must} not found: the extraction is broken")
    headers = {str(p): strip_comments(p.read_text()) for p in sorted((root / "include").rglob("*.h"))}
    macros = string_macros({**files, **headers})
    found, p = extract(files, prods, macros)
    problems += p
    incs = {str(p.relative_to(root)): p.read_text() for p in sorted((root / "lib/msg").glob("*.inc"))}
    entries, p = read_catalog(incs)
    problems += p
    problems += check_entries(entries)
    msgs = {}
    for kind, en, zh, where in entries:
        if kind == "MSG":
            msgs.setdefault(c_unescape(en), where)
    phrases = {c_unescape(en) for kind, en, zh, where in entries if kind == "PHRASE"}
    wanted = {}
    for f, where in found:
        u = c_unescape(f)
        if u in PASS_THROUGH:
            continue
        wanted.setdefault(u, []).append(where)
    for u, wheres in wanted.items():
        if u not in msgs:
            problems.append(f"missing: {u!r} [{' '.join(wheres[:3])}]")
    # entries no producer uses (a message made another way, or one gone
    # from lib/): said, not counted
    for u, where in msgs.items():
        if u not in wanted:
            print(f"note: {where}: no format of lib/ found for {u!r}")
    # the phrases of the render format lists (ITSS_CHECK_RENDER_IN's last argument)
    for path, t in files.items():
        for m in re.finditer(r"\bITSS_CHECK_RENDER_IN\s*\(", t):
            args, _ = split_args(t, m.end())
            fm = literal_formats(expand(args[-1], macros)) if args else None
            for f in fm or []:
                if c_unescape(f) not in phrases:
                    problems.append(f"{path}: phrase missing: {c_unescape(f)!r}")
    wanted_phrases, p = phrases_wanted(files)
    problems += p
    for ph, where in wanted_phrases:
        if ph not in phrases:
            problems.append(f"{where}: phrase missing: {ph!r}")
    return problems, len(entries), len(wanted), prods


SAMPLE_LIB = r'''
int itss__err(itss_error *err, int code, const char *fmt, ...) ITSS_PRINTF(3, 4);
static int bad(token *k, int u, const char *fmt, ...);
#define ITSS_CHECK(err, cond, ...) \
    do { if (!(cond)) return itss__einval((err), __func__, __VA_ARGS__); } while (0)
int itss__einval(itss_error *err, const char *fn, const char *fmt, ...);
int f(void) {
    itss__err(err, ITSS_EVALUE, "a \"%s\" "
              "b %d", x, 1);  /* itss__err(err, 1, "not this") */
    ITSS_CHECK(err, n > 0, "n is %zu", n);
    itss__err(err, 1, cond ? "yes %d" : "no %d", 2);
    return bad(k, 0, "bad %s", q);
}
#define NAME_OF "name/1"
void h(void) { itss__err(err, 1, "format is not \"" NAME_OF "\" (NAME_OF)"); }
'''


def self_test():
    files = {"lib/x.c": strip_comments(SAMPLE_LIB)}
    prods = find_producers(files)
    assert prods["itss__err"] == (2, None), prods
    assert prods["bad"] == (2, "lib/x.c"), prods
    assert prods["ITSS_CHECK"] == (2, None), prods
    found, problems = extract(files, prods)
    fmts = sorted(f for f, _ in found)
    assert fmts == sorted(['a \\"%s\\" b %d', "n is %zu", "yes %d", "no %d", "bad %s",
                         'format is not \\"name/1\\" (NAME_OF)']), fmts
    assert not problems, problems
    # a format that is not a literal is reported
    files = {"lib/y.c": strip_comments(SAMPLE_LIB + "void g(void) { itss__err(e, 1, fmtvar, 2); }")}
    found, problems = extract(files, find_producers(files))
    assert any("not a literal" in p for p in problems), problems
    # bad entries
    cat = {"lib/msg/t.inc": r'''
/* comment */
ITSS_MSG("x %s and %d", "甲{1}")
ITSS_MSG("y %s", "乙{1}{1}")
ITSS_MSG("z", "z only")
ITSS_MSG("w %d", "丁 %d {1}")
ITSS_MSG("v %s", "戊{1:m}")
ITSS_MSG("v %s", "戊{1:p}")
ITSS_PHRASE("an object", "对象")
'''}
    entries, problems = read_catalog(cat)
    assert len(entries) == 7 and not problems, (entries, problems)
    problems = check_entries(entries)
    text = "\n".join(problems)
    for want in ["placeholders [1] for 2", "placeholders [1, 1] for 1", "no Chinese",
                 "printf conversion", "duplicate"]:
        assert want in text, (want, text)
    assert len(problems) == 5, problems
    assert segments("a %s b %% c %d") == 6 and segments("%s%s") == 2, segments("a %s b %% c %d")
    problems = check_entries([("MSG", "%d" * 49, "甲" + "".join("{%d}" % k for k in range(1, 50)),
                               "t")])
    assert len(problems) == 1 and "pieces" in problems[0], problems
    _, problems = read_catalog({"t.inc": 'ITSS_MSG("x", 1)\n'})
    assert problems, "an unreadable entry must be reported"
    # phrases: returned literals (braces inside literals do not end the
    # function), call arguments, and a source that gives nothing
    src = {"lib/a.c": strip_comments(
        'static const char *kind(int k)\n{\n    if (k == 1)\n        return "an object";\n'
        '    return k ? "a \'}\' brace" : "nothing";\n}\n'
        'void f(void) { g(x, " in it"); g(y, "%s"); }\n')}
    got, problems = phrases_wanted(src, [("lib/a.c", "kind", "return"), ("lib/a.c", "*", ("g", 1)),
                                         ("lib/a.c", "gone", "return")])
    assert sorted(p for p, _ in got) == sorted(["an object", "a '}' brace", "nothing", " in it"]), got
    assert len(problems) == 1 and "gone" in problems[0], problems
    print("self-test passed")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    problems, nentries, nformats, prods = check(sys.argv[1] if len(sys.argv) > 1 else ".")
    for p in problems:
        print(p)
    print(f"{nentries} entries, {nformats} message formats in lib/, "
          f"{len(prods)} producers, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
