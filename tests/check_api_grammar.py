#!/usr/bin/env python3
"""The public headers follow the API grammar of docs/api-conventions.md.

usage: check_api_grammar.py INCLUDE_DIR

Reads every ITSS_API declaration of include/itss/*.h and fails on a name or
signature that breaks the grammar. Before it checks the real headers it
runs itself on declarations that each break one rule and fails if any of
them passes, so that a broken checker cannot pass silently.
"""
import pathlib
import re
import sys

# Numeric int parameters the grammar knows; any other int parameter is a
# flag in disguise (use an enum or two functions).
INT_PARAMS = {"level", "target", "number", "item", "code"}  # code: an ITSS_E* status
# Parameters that carry an enumeration: they must have their enum type.
ENUM_PARAMS = {
    "lang": {"itss_lang"}, "format": {"itss_format"},
    "kind": {"itss_rating_kind", "itss_measurement_kind"},
    "scale": {"itss_rating_scale"}, "problem": {"itss_code_problem"},
    "relation": {"itss_relation"}, "direction": {"itss_direction"}, "mode": {"itss_ahp_mode"},
}
# Results named like these are enumerations, never a plain int.
ENUM_RESULTS = ("_status", "_method", "_polarity", "_relation", "_scale", "_required", "_grade")
# The context types: when a function takes one, it is its first parameter.
CONTEXTS = ("itss_catalog", "itss_maturity_model", "itss_indicator_catalog",
            "itss_quality_model", "itss_registry")
FORBIDDEN = [
    (re.compile(r"_find(_|$)"), "'_find': a lookup by id is <type>_lookup"),
    (re.compile(r"_size$"), "'_size': a number of elements is <owner>_<elem>_count"),
    (re.compile(r"_get(_|$)"), "'_get': a getter is named after what it returns"),
    (re.compile(r"_len$|_length$|_num$"), "a number of elements is <owner>_<elem>_count"),
    (re.compile(r"_reverse$|_rev$"), "a direction is an itss_direction argument"),
]


def strip(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r"^\s*#.*$", " ", text, flags=re.M)


def declarations(text):
    """(return type, name, [(type, param name)]) of each ITSS_API function."""
    out = []
    for m in re.finditer(r"ITSS_API\s+([^;(]*?)\b(itss_\w+)\s*\(([^)]*)\)\s*;", strip(text)):
        ret = " ".join(m.group(1).split())
        params = []
        raw = " ".join(m.group(3).split())
        if raw and raw != "void":
            for p in raw.split(","):
                p = p.strip()
                pm = re.match(r"(.*?)(\w+)$", p)
                params.append((" ".join(pm.group(1).split()), pm.group(2)))
        out.append((ret, m.group(2), params))
    return out


def base(t):
    """'const itss_catalog *const *' -> 'itss_catalog'"""
    return re.sub(r"\bconst\b|\*", " ", t).split()[0] if t.strip() else ""


def problems(decls):
    names = {d[1] for d in decls}
    found = []

    def bad(name, why):
        found.append("%s: %s" % (name, why))

    for ret, name, params in decls:
        if not re.fullmatch(r"itss_[a-z0-9_]+", name):
            bad(name, "names are itss_ and lower case")
        for rx, why in FORBIDDEN:
            if rx.search(name):
                bad(name, why)
        types = [t for t, _ in params]
        pnames = [p for _, p in params]
        last_err = params and params[-1] == ("itss_error *", "err")
        # functions that can fail
        if last_err and ret != "int":
            bad(name, "a function that takes itss_error *err returns int")
        if "itss_error *" in types and not last_err:
            bad(name, "itss_error *err is the last parameter")
        if ret == "int" and not last_err and not name.endswith(
                ("_level", "_number", "_ordinal", "_target", "_is_catch_all",
                 "_applies_to", "_domain_level")):
            bad(name, "an int result is a status (with err last) or a known number")
        # counts and indexed access
        if name.endswith("_count"):
            if ret != "size_t":
                bad(name, "a _count returns size_t")
            if len(params) != 1:
                bad(name, "a _count takes only its object")
        if name.endswith("_at"):
            if len(params) != 2 or types[1] != "size_t":
                bad(name, "an _at takes (object, size_t i)")
            if name[:-3] + "_count" not in names:
                bad(name, "an _at has a matching _count")
            if not ret.endswith("*"):
                bad(name, "an _at returns a borrowed pointer")
        # lookups
        if name.endswith("_builtin_lookup"):
            typ = name[:-len("_builtin_lookup")]
            if ret != "int" or len(params) != 3 or not last_err or types[0] != "const char *":
                bad(name, "a _builtin_lookup is (const char *id, &out, err) -> int")
            elif types[1] != "const %s **" % typ:
                bad(name, "a _builtin_lookup's out is const %s **, not %s" % (typ, types[1]))
        elif name.endswith("_lookup"):
            typ = name[:-len("_lookup")]
            if ret != "int":
                bad(name, "a _lookup returns int")
            if len(params) != 4 or not last_err:
                bad(name, "a _lookup is (ctx, key, &out, err)")
            elif types[2] != "const %s **" % typ:
                bad(name, "a _lookup's out is const %s **, not %s" % (typ, types[2]))
        # constructors and built-ins
        if name.endswith(("_load", "_load_file", "_new", "_extend", "_extend_file", "_read",
                          "_read_file", "_check")):
            if ret != "int" or len(params) < 2 or not params[-2][0].endswith("**") \
                    or params[-2][1] != "out" or not last_err:
                bad(name, "a constructor is (..., T **out, itss_error *err) -> int")
        if name.endswith("_check") and (len(params) < 2
                                        or params[-2][0] != "itss_problem_list **"):
            bad(name, "a _check gives an itss_problem_list **out")
        if name.endswith("_builtin"):
            if params or not ret.startswith("const itss_") or not ret.endswith("*"):
                bad(name, "a _builtin takes nothing and returns a const pointer")
        if name.endswith("_free") and (ret != "void" or len(params) != 1):
            bad(name, "a _free is void f(T *)")
        # output
        if name.endswith(("_render", "_export")) or name.endswith("_json"):
            if "itss_format" not in types:
                bad(name, "writes output in an itss_format")
            if pnames[-3:] not in (["out", "len", "err"], ["out", "outlen", "err"]):
                bad(name, "ends with (char **out, size_t *len, itss_error *err)")
        if name.endswith("_export"):
            if "itss_lang" in types:
                bad(name, "an _export is a JSON document: no language")
            typ = name[:-len("_export")]
            if typ + "_load" not in names:
                bad(name, "an _export has a matching %s_load" % typ)
        if name.endswith("_render") and name != "itss_error_render" and "itss_lang" not in types:
            bad(name, "a _render is a view for people: it takes an itss_lang")
        # enums and flags
        for t, p in params:
            if p in ENUM_PARAMS and base(t) not in ENUM_PARAMS[p]:
                bad(name, "parameter %s is one of %s, not %s" % (p, sorted(ENUM_PARAMS[p]), t))
            if t in ("int", "unsigned", "unsigned int", "_Bool", "bool") and p not in INT_PARAMS:
                bad(name, "int parameter %s: a choice is an enum or two functions" % p)
        if name.endswith(ENUM_RESULTS) and not last_err and ret in ("int", "unsigned"):
            bad(name, "an enumeration is returned as its enum type")
        # the context comes first
        for i, t in enumerate(types):
            if base(t) in CONTEXTS and "**" not in t and i != 0:
                bad(name, "the context %s is the first parameter" % base(t))
    return found


SELF_TEST = """
ITSS_API int itss_thing_find(const itss_catalog *c, const char *id, const itss_thing **out, itss_error *err);
ITSS_API size_t itss_catalog_size(const itss_catalog *c);
ITSS_API int itss_thing_get_name(const itss_thing *t);
ITSS_API int itss_catalog_class_count(const itss_catalog *c);
ITSS_API const itss_class *itss_catalog_widget_at(const itss_catalog *c, size_t i);
ITSS_API const itss_class *itss_catalog_gadget_at(const itss_catalog *c, int i);
ITSS_API size_t itss_catalog_gadget_count(const itss_catalog *c, size_t extra);
ITSS_API const itss_class *itss_class_lookup(const itss_catalog *c, const char *code);
ITSS_API int itss_item_lookup(const itss_model *m, int n, const itss_class **out, itss_error *err);
ITSS_API int itss_catalog_builtin(const itss_catalog **out, itss_error *err);
ITSS_API int itss_crosswalk_render(const itss_crosswalk *x, const char *code, int reverse, itss_format format, itss_lang lang, char **out, size_t *len, itss_error *err);
ITSS_API int itss_widget_export(const itss_widget *w, itss_format format, itss_lang lang, char **out, size_t *len, itss_error *err);
ITSS_API int itss_xlink_relation(const itss_xlink *l);
ITSS_API int itss_thing_set_lang(itss_thing *t, int lang, itss_error *err);
ITSS_API int itss_evaluation_load(const char *json, size_t len, const itss_indicator_catalog *c, itss_evaluation **out, itss_error *err);
ITSS_API int itss_thing_do(itss_thing *t, itss_error *err, int level);
ITSS_API void itss_thing_wipe(itss_thing *t, itss_error *err);
ITSS_API int itss_gizmo_render(const itss_gizmo *g, itss_format format, char **out, size_t *len, itss_error *err);
ITSS_API int itss_gizmo_builtin_lookup(const char *id, const itss_widget **out, itss_error *err);
ITSS_API int itss_gizmo_check(const itss_gizmo *g, itss_gizmo **out, itss_error *err);
"""
# each line above breaks at least one rule
SELF_TEST_EXPECTED = 20


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    selftest = declarations(SELF_TEST)
    flagged = {p.split(":")[0] for p in problems(selftest)}
    missed = [d[1] for d in selftest if d[1] not in flagged]
    if len(selftest) != SELF_TEST_EXPECTED or missed:
        print("self-check failed: the checker passes %s" % (missed or "the wrong number of samples"))
        return 1
    decls = []
    for h in sorted(pathlib.Path(argv[1], "itss").glob("*.h")):
        decls += declarations(h.read_text(encoding="utf-8"))
    if len(decls) < 100:
        print("only %d declarations found: the parser is broken" % len(decls))
        return 1
    found = problems(decls)
    for p in found:
        print(p)
    if found:
        print("%d names or signatures break the API grammar" % len(found))
        return 1
    print("ok: %d functions follow the API grammar (self-check: %d bad samples caught)"
          % (len(decls), len(selftest)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
