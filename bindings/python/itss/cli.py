"""``python3 -m itss``: the verbs of the ``itss`` command-line tool, for
people who have the Python package but not the C tools.

The options, the output (what the library renders) and the exit status
are those of ``itss``: 0 success, 1 not found or invalid input (message on
standard error) or output that could not be written, 2 usage error.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import tempfile
from ctypes import byref, c_char_p, c_size_t, c_void_p
from typing import IO, Callable, Dict, Iterator, List, Optional, Sequence

from . import _lib, classification, errors, maturity, quality
from ._lib import lib

EXIT_INVALID = 1
EXIT_USAGE = 2
LANG_EN = 1  # ITSS_LANG_EN

USAGE = """\
Usage: python3 -m itss [--version] [--help] AREA VERB [OPTIONS] [ARGS]

GB/T 29264-2012 service classification:
  class show CODE                 one class
  class search TEXT               classes whose name contains TEXT
  class tree [CODE]               the class tree, or the subtree of CODE
  class export [CODE]             the whole catalog, or a subtree
  class validate CODE...          check codes and say what is wrong
  class map --to SCHEME CODE      map a class to gbt4754 or db21
  class map --from SCHEME CODE    map a gbt4754 or db21 class back
    option: --catalog FILE        use a catalog instead of the built-in one

O&M service capability maturity (T/CESA 1299-2023; ITSS.1-2015 with --model):
  maturity rate FILE|-            rate an assessment: level, profile, gaps
    --target N                    list the gaps to level N (default: next;
                                  N: ordinal, 1 the lowest, or name or label)
    --jsonl                       one assessment per line, one result per line
    --format html|svg             a report page (A4 print) or the domain chart
  maturity compare OLD NEW...     rate assessments of one model and show the
                                  changes (--format text|json|html|csv)
  maturity model                  the model: levels, domains, items
  maturity clauses                the requirement clauses
    --level N  --domain ID  --item N   select clauses
    option: --model ID|FILE       another model: built-in itss1-2015 (ITSS.1-2015)
                                  or tcesa1299-2023 (the default), or a file

GB/T 33850-2017 service quality:
  quality score FILE|-            score an evaluation (--jsonl: one per line)
    --format html|svg             a report page (A4 print) or the radar chart
  quality model                   the 5 characteristics, 16 sub-characteristics
  quality indicators [--service CODE]   the indicator catalog
  quality scheme --service CODE   the default evaluation scheme of a service
  quality compare OLD NEW...      score evaluations and show the changes
    --format html                 a report page with a trend chart
  quality ahp FILE|-              AHP weights from a pairwise comparison matrix
    --allow-inconsistent          accept a matrix with CR >= 0.10
    --catalog FILE                use these indicators instead of the built-in ones
    --catalog-add FILE            add these indicators to the built-in ones

Options:
  --format text|json   output for people (default) or JSON
  --lang zh|en         language of text output (default zh)
  -o, --output FILE    write the output to FILE instead of standard output
  --version            print the version and exit
  --help, help         print this help and exit

Exit status: 0 success, 1 not found, invalid input or output not written,
2 usage error.
"""

# option name -> takes a value
OPTIONS = {
    "--format": True, "--lang": True, "--catalog": True, "--to": True, "--from": True,
    "--model": True, "--target": True, "--jsonl": False, "--level": True, "--domain": True,
    "--item": True, "--service": True, "--catalog-add": True, "--allow-inconsistent": False,
    "--output": True, "-o": True,
}
# every verb takes these
EVERYWHERE = ("--output", "-o")
# the --format values beyond text and json, as "--format=VALUE" in a verb's options
FORMATS = {"html": _lib.FORMAT_HTML, "svg": _lib.FORMAT_SVG, "csv": _lib.FORMAT_CSV}

COMMON = ("--format", "--lang")
# area -> verb -> (accepted options, min args, max args)
VERBS: Dict[str, Dict[str, tuple]] = {
    "class": {
        "show": (COMMON + ("--catalog",), 1, 1),
        "search": (COMMON + ("--catalog",), 1, 1),
        "tree": (COMMON + ("--catalog",), 0, 1),
        "export": (COMMON + ("--catalog",), 0, 1),
        "validate": (COMMON + ("--catalog",), 1, sys.maxsize),
        "map": (COMMON + ("--catalog", "--to", "--from"), 1, 1),
    },
    "maturity": {
        "rate": (COMMON + ("--model", "--target", "--jsonl", "--format=html", "--format=svg"),
                 1, 1),
        "model": (COMMON + ("--model",), 0, 0),
        "clauses": (COMMON + ("--model", "--level", "--domain", "--item"), 0, 0),
        "compare": (COMMON + ("--model", "--target", "--format=html", "--format=csv"), 2,
                    sys.maxsize),
    },
    "quality": {
        "score": (COMMON + ("--catalog", "--catalog-add", "--jsonl", "--format=html",
                            "--format=svg"), 1, 1),
        "model": (COMMON, 0, 0),
        "indicators": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0),
        "scheme": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0),
        "compare": (COMMON + ("--catalog", "--catalog-add", "--format=html"), 2, sys.maxsize),
        "ahp": (COMMON + ("--allow-inconsistent",), 1, 1),
    },
}

INT_RANGES = {"--target": 9, "--level": 9, "--item": 2**31 - 1}
LEVEL_OPTIONS = ("--target", "--level")  # also a level's name or label
_INT = re.compile(r"\s*[+-]?[0-9]+\Z")


class Usage(Exception):
    """A usage error: the message goes to standard error, exit status 2."""


class Exit(Exception):
    """A failure already reported on standard error: exit with status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class WriteFailed(Exception):
    """Standard output could not be written (already said on standard
    error): the command stops with exit status 1."""


class Stream:
    """A text stream of one command that remembers its first failed write.

    On standard output (``fatal``) a failed write is said once on
    ``errors``, in the language of --lang, and raises WriteFailed, so that
    nothing more is done; on standard error it is only remembered, as
    nothing can be said any more."""

    def __init__(self, stream: IO[str], fatal: bool) -> None:
        self.stream = stream
        self.fatal = fatal
        self.error: Optional[OSError] = None
        self.lang = 0
        self.errors: Optional["Stream"] = None
        # -o/--output FILE: the output goes to a temporary file next to it,
        # created at the first write, which replaces FILE when the command
        # ends (finish): a command that fails before it has anything to say
        # leaves FILE as it was, one that succeeds without output leaves it
        # empty, and a failed write never leaves it half-written
        self.path: Optional[str] = None
        self.file: Optional[IO[str]] = None
        self.tmp: Optional[str] = None

    def _target(self) -> IO[str]:
        if self.path is None:
            return self.stream
        if self.file is None:
            fd, self.tmp = tempfile.mkstemp(prefix=os.path.basename(self.path) + ".",
                                            dir=os.path.dirname(self.path) or ".")
            try:
                mask = os.umask(0)
                os.umask(mask)
                os.fchmod(fd, 0o666 & ~mask)
                self.file = open(fd, "w", encoding="utf-8", newline="")
            except OSError:
                os.close(fd)
                self._discard()
                raise
        return self.file

    def _discard(self) -> None:
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None

    def finish(self, status: int) -> None:
        """The end of a command with -o: the temporary file replaces the
        file of -o when the output was written whole (created empty for a
        command that succeeded without output); it is removed otherwise."""
        if self.path is None:
            return
        if self.file is None and status == 0 and self.error is None:
            self._do(lambda f: None)
        if self.file is None:
            self._discard()
            return
        try:
            self._do(lambda f: f.close())
            # (the closed file stays self.file: _do must not open another)
            self._do(lambda f: os.replace(self.tmp, self.path))
            self.tmp = None
        finally:
            self.file = None
            self._discard()

    def _do(self, action: Callable[[IO[str]], object]) -> None:
        if self.error is None:
            try:
                action(self._target())
            except OSError as exc:
                self.error = exc
                if self.errors is not None:
                    why = exc.strerror or str(exc)
                    if self.path is not None:
                        self.errors.write("itss: cannot write to %s: %s\n" % (self.path, why)
                                          if self.lang == LANG_EN else
                                          "itss: 无法写入 %s：%s\n" % (self.path, why))
                    else:
                        self.errors.write("itss: cannot write to standard output: %s\n" % why
                                          if self.lang == LANG_EN else
                                          "itss: 无法写入标准输出：%s\n" % why)
        if self.error is not None and self.fatal:
            raise WriteFailed()

    def write(self, text: str) -> None:
        self._do(lambda f: f.write(text))

    def flush(self) -> None:
        if self.path is None or self.file is not None:
            self._do(lambda f: f.flush())



class Options:
    def __init__(self) -> None:
        self.given: Dict[str, Optional[str]] = {}
        self.args: List[str] = []
        self.fmt = _lib.FORMAT_TEXT
        self.lang = 0
        self.level_texts: Dict[str, str] = {}
        self.output: Optional[str] = None

    def get(self, name: str) -> Optional[str]:
        return self.given.get(name)

    def number(self, name: str) -> int:
        value = self.given.get(name)
        return int(value) if value is not None else 0


def parse(argv: Sequence[str], allowed: Sequence[str], what: str) -> Options:
    o = Options()
    only_args = False
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if only_args or not a.startswith("-") or a == "-":
            o.args.append(a)
            continue
        if a == "--":
            only_args = True
            continue
        name, eq, value = a.partition("=")
        if name not in OPTIONS:
            raise Usage("unknown option '%s'" % a)
        if OPTIONS[name]:
            if not eq:
                if i >= len(argv):
                    raise Usage("option %s needs a value" % name)
                value = argv[i]
                i += 1
        elif eq:
            raise Usage("option %s takes no value" % name)
        if name not in allowed and name not in EVERYWHERE:
            raise Usage("option %s does not apply to '%s'" % (name, what))
        o.given[name] = value if OPTIONS[name] else ""
        if name == "--format":
            if value in FORMATS and "--format=" + value in allowed:
                o.fmt = FORMATS[value]
            elif value not in ("text", "json"):
                extra = [f for f in FORMATS if "--format=" + f in allowed]
                names = ["text", "json"] + extra
                raise Usage("--format must be %s or %s, not '%s'"
                            % (", ".join(names[:-1]), names[-1], value))
            else:
                o.fmt = _lib.FORMAT_TEXT if value == "text" else _lib.FORMAT_JSON_PRETTY
        elif name in EVERYWHERE:
            if not value:
                raise Usage("%s needs a file name" % name)
            o.output = value
        elif name == "--lang":
            try:
                o.lang = _lib.lang(value)
            except errors.ItssError:
                raise Usage("--lang must be zh or en, not '%s'" % value) from None
        elif name in LEVEL_OPTIONS and not _INT.match(value):
            o.level_texts[name] = value  # a level's name or label: the model resolves it
            del o.given[name]
        elif name in INT_RANGES:
            top = INT_RANGES[name]
            if not _INT.match(value) or not 1 <= int(value) <= top:
                raise Usage("%s needs a whole number from 1 to %d, not '%s'" % (name, top, value))
            o.given[name] = str(int(value))
    return o


def prepare(area: str, verb: str, argv: Sequence[str], out: Stream) -> Options:
    spec = VERBS[area].get(verb)
    if spec is None:
        raise Usage("unknown verb '%s %s'" % (area, verb))
    allowed, least, most = spec
    what = "%s %s" % (area, verb)
    o = parse(argv, allowed, what)
    out.lang = o.lang
    out.path = o.output
    if len(o.args) < least:
        raise Usage("'%s' needs %s" % (what, "an argument" if least == 1 else "more arguments"))
    if len(o.args) > most:
        raise Usage("too many arguments for '%s'" % what)
    return o


def emit(text: str, out: Stream) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def fail(e: errors.ItssError, file: Optional[str], err: Stream) -> int:
    """Report a library error like itss does; returns the exit status."""
    text = _lib.error_render(e, 0, _lib.FORMAT_TEXT)
    if file is not None:
        err.write("itss: %s:%s%s\n" % (file, "" if e.line else " ", text))
    else:
        err.write("itss: %s\n" % text)
    return EXIT_USAGE if e.code == -1 else EXIT_INVALID


def read_input(path: str, stdin: IO[bytes], err: Stream) -> bytes:
    if path == "-":
        return stdin.read(_lib.MAX_DOCUMENT_SIZE + 1)
    try:
        with open(path, "rb") as f:
            return f.read(_lib.MAX_DOCUMENT_SIZE + 1)
    except OSError as exc:
        err.write("itss: cannot open %s: %s\n" % (path, exc.strerror or exc))
        raise Exit(EXIT_INVALID) from None


BUILTIN_MODELS = ("tcesa1299-2023", "itss1-2015")


def opened(file: Optional[str], load: Callable, builtin: Callable, err: Stream):
    """The object of --catalog/--model FILE, or the built-in one."""
    if file is None:
        return builtin()
    try:
        return load(file)
    except errors.ItssError as e:
        raise Exit(fail(e, file, err)) from None


def shown(path: str) -> str:
    return "<stdin>" if path == "-" else path


def jsonl_lines(f: IO[bytes]) -> Iterator[bytes]:
    """The documents of a JSON lines stream as itss reads them: each line
    without its line end (trailing CR and LF). A line is kept up to the
    document limit and one byte more, enough for the library to refuse it;
    a longer line is handed out cut there as soon as that is known, and the
    rest of it is passed over up to its newline, without being kept, only
    when the next line is asked for: an endless line (/dev/zero) is
    answered, and memory stays bounded."""
    most = _lib.MAX_DOCUMENT_SIZE + 1
    while True:
        line = f.readline(most)
        if not line:
            return
        cut = False
        if line.endswith(b"\n"):
            line = line[:-1]
        elif len(line) == most:
            cut = f.read(1) not in (b"", b"\n")  # is there more to this line?
        yield line if cut else line.rstrip(b"\r")
        if cut:
            del line
            while True:
                rest = f.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break


def jsonl(path: str, fn: Callable[[bytes], str], stdin: IO[bytes], out: Stream,
          err: Stream) -> int:
    """One document per line; one result or error object per output line."""
    if path == "-":
        lines = stdin
    else:
        try:
            lines = open(path, "rb")
        except OSError as exc:
            err.write("itss: cannot open %s: %s\n" % (path, exc.strerror or exc))
            return EXIT_INVALID
    failed = lineno = 0
    try:
        for line in jsonl_lines(lines):
            lineno += 1
            try:
                result = fn(line)
            except errors.ItssError as e:
                failed += 1
                err.write("itss: %s:%s\n" % (path, _lib.error_render(e, lineno, _lib.FORMAT_TEXT)))
                result = _lib.error_render(e, lineno, _lib.FORMAT_JSON)
            out.write(result + "\n")
            if len(line) > _lib.MAX_DOCUMENT_SIZE:
                out.flush()  # the rest of the line may never end: its error goes out now
            del line
    finally:
        if lines is not stdin:
            lines.close()
    if failed:
        err.write("itss: %d of %d lines failed\n" % (failed, lineno))
    return EXIT_INVALID if failed else 0


# ---- class ------------------------------------------------------------------

def class_main(verb: str, argv: Sequence[str], io: tuple) -> int:
    stdin, out, err = io
    o = prepare("class", verb, argv, out)
    if verb == "map" and (o.get("--to") is None) == (o.get("--from") is None):
        raise Usage("'class map' needs exactly one of --to SCHEME or --from SCHEME")
    cat = opened(o.get("--catalog"), classification.Catalog.load, classification.builtin, err)
    arg = _lib.cstr(o.args[0], "argument") if o.args else None
    status = 0
    try:
        with cat:
            p = cat._ptr
            if verb == "show":
                c = c_void_p()
                _lib.call(lib.itss_class_lookup, p, arg, byref(c))
                text = _lib.render(lib.itss_class_render, c, o.fmt, o.lang)
            elif verb == "search":
                n = c_size_t()
                _lib.call(lib.itss_class_search, p, arg, None, 0, byref(n))
                buf = (c_void_p * max(n.value, 1))()
                _lib.call(lib.itss_class_search, p, arg, buf, n.value, byref(n))
                text = _lib.render(lib.itss_class_list_render, buf, n.value, o.fmt, o.lang)
                if n.value == 0:
                    err.write("itss: no class name contains '%s'\n" % o.args[0])
                    status = EXIT_INVALID
            elif verb == "tree":
                text = _lib.render(lib.itss_catalog_tree_render, p, arg, o.fmt, o.lang)
            elif verb == "export":
                if o.fmt == _lib.FORMAT_TEXT:
                    text = _lib.render(lib.itss_catalog_render, p, arg, o.fmt, o.lang)
                else:
                    text = _lib.render(lib.itss_catalog_export, p, arg, o.fmt)
            elif verb == "validate":
                codes = (c_char_p * len(o.args))(*[_lib.cstr(a, "code") for a in o.args])
                invalid = c_size_t()
                text = _lib.render(lib.itss_code_validate_render, p, codes, len(o.args), o.fmt,
                                   o.lang, byref(invalid))
                if invalid.value:
                    err.write("itss: %d of %d codes are not valid\n"
                              % (invalid.value, len(o.args)))
                    status = EXIT_INVALID
            else:  # map
                to = o.get("--to")
                x = c_void_p()
                try:
                    _lib.call(lib.itss_crosswalk_lookup, p, _lib.cstr(to or o.get("--from"),
                                                                       "scheme"), byref(x))
                except errors.ItssError as e:
                    raise Usage(e.message) from None
                n = c_size_t()
                direction = _lib.FORWARD if to else _lib.REVERSE
                _lib.call(lib.itss_crosswalk_map, x, direction, arg, None, 0, byref(n))
                text = _lib.render(lib.itss_crosswalk_render, x, direction, arg, o.fmt, o.lang)
                if n.value == 0:
                    scheme = (lib.itss_crosswalk_scheme(x) if to
                              else lib.itss_catalog_edition(p)).decode("utf-8")
                    err.write("itss: %s has no counterpart in %s\n" % (o.args[0], scheme))
                    status = EXIT_INVALID
    except errors.ItssError as e:
        return fail(e, None, err)
    emit(text, out)
    return status


# ---- maturity ---------------------------------------------------------------

def maturity_main(verb: str, argv: Sequence[str], io: tuple) -> int:
    stdin, out, err = io
    o = prepare("maturity", verb, argv, out)
    jsonl_mode = o.get("--jsonl") is not None
    if jsonl_mode and o.get("--format") not in (None, "json"):
        raise Usage("--jsonl writes JSON lines: --format %s does not apply" % o.get("--format"))
    model_arg = o.get("--model")
    if model_arg is not None and model_arg in BUILTIN_MODELS:  # a built-in model by id
        model = maturity.builtin(model_arg)
    else:
        model = opened(model_arg, maturity.Model.load, maturity.builtin, err)
    for w in model.warnings:
        err.write(("itss: %s: warning: %s (at %s)\n" if o.lang == LANG_EN else
                   "itss: %s: 警告：%s（位置 %s）\n") % (o.get("--model"), w["message"], w["path"]))
    with model:
        levels = model.levels
        for name, text in o.level_texts.items():
            try:
                o.given[name] = str(model.level(text))
            except errors.ItssError as e:
                raise Usage("%s needs a whole number from 1 to %d or the name or label of a "
                            "level, not '%s' (%s)" % (name, levels, text, e.message)) from None
        for name in ("--target", "--level"):
            if o.number(name) > levels:
                raise Usage("%s %d: the model has levels 1 to %d" % (name, o.number(name), levels))
        p = model._ptr
        target = o.number("--target")
        if verb == "rate":
            if jsonl_mode:
                return jsonl(o.args[0], lambda line: _lib.render(
                    lib.itss_maturity_rate_json, p, line, len(line), target, _lib.FORMAT_JSON, 0),
                    stdin, out, err)
            doc = read_input(o.args[0], stdin, err)
            try:
                text = _lib.render(lib.itss_maturity_rate_json, p, doc, len(doc), target, o.fmt,
                                   o.lang)
            except errors.ItssError as e:
                return fail(e, shown(o.args[0]), err)
        elif verb == "model":
            try:
                text = _lib.render(lib.itss_maturity_model_render, p, o.fmt, o.lang)
            except errors.ItssError as e:
                return fail(e, None, err)
        elif verb == "compare":
            results: List[int] = []
            try:
                for path in o.args:
                    doc = read_input(path, stdin, err)
                    try:
                        results.append(model._rated(doc, target))
                    except errors.ItssError as e:
                        return fail(e, shown(path), err)
                try:
                    text = maturity.compare_rated(results, [shown(a) for a in o.args], o.fmt,
                                                  o.lang)
                except errors.ItssError as e:
                    return fail(e, None, err)
            finally:
                for r in results:
                    lib.itss_maturity_result_free(r)
        else:  # clauses
            try:
                text = _lib.render(lib.itss_maturity_clauses_render, p, o.number("--level"),
                                   _lib.cstr(o.get("--domain"), "domain"), o.number("--item"),
                                   o.fmt, o.lang)
            except errors.ItssError as e:
                return fail(e, None, err)
    emit(text, out)
    return 0


# ---- quality ----------------------------------------------------------------

def quality_main(verb: str, argv: Sequence[str], io: tuple) -> int:
    stdin, out, err = io
    o = prepare("quality", verb, argv, out)
    replace, add = o.get("--catalog"), o.get("--catalog-add")
    if replace is not None and add is not None:
        raise Usage("give --catalog (instead of the built-in indicators) or --catalog-add "
                    "(on top of them), not both")
    if verb == "scheme" and o.get("--service") is None:
        raise Usage("'quality scheme' needs --service CODE")
    jsonl_mode = o.get("--jsonl") is not None
    if jsonl_mode and o.get("--format") in ("text", "html", "svg"):
        raise Usage("--jsonl writes JSON lines: --format %s does not apply" % o.get("--format"))
    cat = opened(replace if replace is not None else add,
                 lambda f: (quality.builtin().extend(f) if add is not None
                            else quality.IndicatorCatalog.load(f)),
                 quality.builtin, err)
    service = _lib.cstr(o.get("--service"), "service")
    with cat:
        p = cat._ptr
        try:
            if verb == "score":
                if jsonl_mode:
                    return jsonl(o.args[0], lambda line: _lib.render(
                        lib.itss_quality_score_json, p, line, len(line), _lib.FORMAT_JSON, 0),
                        stdin, out, err)
                doc = read_input(o.args[0], stdin, err)
                try:
                    text = _lib.render(lib.itss_quality_score_json, p, doc, len(doc), o.fmt,
                                       o.lang)
                except errors.ItssError as e:
                    return fail(e, shown(o.args[0]), err)
            elif verb == "model":
                text = _lib.render(lib.itss_quality_model_render, lib.itss_quality_model_builtin(),
                                   o.fmt, o.lang)
            elif verb == "indicators":
                text = _lib.render(lib.itss_indicator_catalog_render, p, service, o.fmt, o.lang)
            elif verb == "scheme":
                text = _lib.render(lib.itss_quality_scheme_render, p, service, o.fmt, o.lang)
            elif verb == "compare":
                docs = []
                for path in o.args:
                    doc = read_input(path, stdin, err)
                    try:
                        docs.append(cat._result(doc))
                    except errors.ItssError as e:
                        for r in docs:
                            lib.itss_quality_result_free(r)
                        return fail(e, path, err)
                # each result is labelled by its file name
                labels = (c_char_p * len(docs))(*[os.fsencode(shown(path))
                                                  for path in o.args])
                try:
                    text = _lib.render(lib.itss_quality_compare_labeled_render,
                                       _lib.pointers(docs), labels, len(docs), o.fmt, o.lang)
                finally:
                    for r in docs:
                        lib.itss_quality_result_free(r)
            else:  # ahp
                doc = read_input(o.args[0], stdin, err)
                mode = (_lib.AHP_ALLOW_INCONSISTENT if o.get("--allow-inconsistent") is not None
                        else _lib.AHP_STRICT)
                try:
                    text = _lib.render(lib.itss_ahp_json, doc, len(doc), mode, o.fmt, o.lang)
                except errors.ItssError as e:
                    return fail(e, shown(o.args[0]), err)
        except errors.ItssError as e:
            return fail(e, None, err)
    emit(text, out)
    return 0


def main(argv: Optional[Sequence[str]] = None, stdin: Optional[IO[bytes]] = None,
         stdout: Optional[IO[str]] = None, stderr: Optional[IO[str]] = None) -> int:
    """Run one command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    err = Stream(stderr or sys.stderr, fatal=False)
    out = Stream(stdout or sys.stdout, fatal=True)
    out.errors = err
    io = (stdin or sys.stdin.buffer, out, err)
    status = 0
    try:
        status = _command(argv, io)
        out.flush()  # what is still buffered is written now: a full disk shows here
        out.finish(status)
    except WriteFailed:
        status = status if status == EXIT_USAGE else EXIT_INVALID
        if out.file is not None:  # already reported: only let go of the file
            try:
                out.file.close()
            except OSError:
                pass
            out.file = None
        out._discard()
    if out.error is not None and status != EXIT_USAGE:
        status = EXIT_INVALID
    err.flush()
    if err.error is not None and status == 0:
        status = EXIT_INVALID  # a message that could not be written still fails
    return status


def _command(argv: List[str], io: tuple) -> int:
    out, err = io[1], io[2]
    try:
        if not argv:
            err.write(USAGE)
            return EXIT_USAGE
        area = argv[0]
        if area in ("--version", "version"):
            out.write("itss (python) %s (libitss %s)\n" % (_version(), _lib.version_string()))
            return 0
        if area in ("--help", "-h", "help"):
            out.write(USAGE)
            return 0
        mains = {"class": class_main, "maturity": maturity_main, "quality": quality_main}
        if area not in mains:
            raise Usage("unknown command '%s'" % area)
        if len(argv) < 2:
            raise Usage("'%s' needs a verb" % area)
        if argv[1] in ("--help", "help"):
            out.write(USAGE)
            return 0
        return mains[area](argv[1], argv[2:], io)
    except Usage as u:
        err.write("itss: %s\nTry 'python3 -m itss help' for usage.\n" % u)
        return EXIT_USAGE
    except Exit as e:
        return e.status


def _version() -> str:
    from . import __version__
    return __version__


def run() -> None:
    """Entry point of ``python3 -m itss`` and of the ``itss-py`` script."""
    # A reader that goes away (a closed pipe) ends the command through
    # SIGPIPE, as it ends the C tool and other filters.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # stdout must carry the library's UTF-8 whatever the locale says
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    status = main()
    # A stream whose write failed still holds what it could not write:
    # send that to nowhere, so that the exit does not try again.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, stream.fileno())
            os.close(null)
    sys.exit(status)


