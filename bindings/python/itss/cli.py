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
    --format html|svg|csv         a report page (A4 print), the domain chart or
                                  one CSV row per clause
    --rows domain                 one row per domain (--format text|json|csv)
  maturity compare OLD NEW...     rate assessments of one model and show the
                                  changes (--format text|json|html|csv)
  maturity model                  the model: levels, domains, items
  maturity clauses                the requirement clauses
    --level N  --domain ID  --item N   select clauses
  maturity template               a blank worksheet to rate in (CSV or XLSX;
                                  --format, or the extension of -o FILE)
    --level N  --domain ID        only the clauses of a level or a domain
  maturity check FILE...          list every problem of each assessment
  maturity convert IN -o OUT      an assessment as JSON, CSV or XLSX
    FILE, IN: a worksheet (.xlsx, .csv) or JSON, told apart by their content
    --input-format json|csv|xlsx  read FILE as this format
    --encoding NAME               a CSV's encoding, e.g. gb18030 (default UTF-8)
    option: --model ID|FILE       another model: built-in itss1-2015 (ITSS.1-2015)
                                  or tcesa1299-2023 (the default), or a file

GB/T 33850-2017 service quality:
  quality score FILE|-            score an evaluation (--jsonl: one per line)
    --format html|svg|csv         a report page (A4 print), the radar chart or
                                  one CSV row per node
  quality model                   the 5 characteristics, 16 sub-characteristics
  quality indicators [--service CODE]   the indicator catalog
  quality scheme --service CODE   the default evaluation scheme of a service
  quality compare OLD NEW...      score evaluations and show the changes
    --format html                 a report page with a trend chart
  quality template --service CODE a blank measurement sheet (CSV or XLSX)
    --scheme FILE                 of this scheme: an evaluation, or the output
                                  of quality scheme --format json
  quality check FILE...           list every problem of each evaluation
    score and check read sheets too (--input-format, --encoding)
  quality ahp FILE|-              AHP weights from a pairwise comparison matrix
    --allow-inconsistent          accept a matrix with CR >= 0.10
    --catalog FILE                use these indicators instead of the built-in ones
    --catalog-add FILE            add these indicators to the built-in ones

Options:
  --format text|json   output for people (default) or JSON
  --format csv|xlsx    a worksheet (template, convert; XLSX only with -o or a pipe)
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
    "--output": True, "-o": True, "--input-format": True, "--encoding": True, "--rows": True,
    "--scheme": True,
}
# every verb takes these
EVERYWHERE = ("--output", "-o")
# the --format values beyond text and json, as "--format=VALUE" in a verb's options
# ("--format!text", "--format!json": a verb that does not write text or JSON)
FORMATS = {"html": _lib.FORMAT_HTML, "svg": _lib.FORMAT_SVG, "csv": _lib.FORMAT_CSV,
           "xlsx": _lib.FORMAT_XLSX}
INPUT_FORMATS = {"json": _lib.FORMAT_JSON, "csv": _lib.FORMAT_CSV, "xlsx": _lib.FORMAT_XLSX}

COMMON = ("--format", "--lang")
READ = ("--input-format", "--encoding")
SHEETS = ("--format=csv", "--format=xlsx", "--format!text")
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
        "rate": (COMMON + READ + ("--model", "--target", "--jsonl", "--format=html",
                                  "--format=svg", "--format=csv", "--rows"), 1, 1),
        "model": (COMMON + ("--model",), 0, 0),
        "clauses": (COMMON + ("--model", "--level", "--domain", "--item"), 0, 0),
        "compare": (COMMON + READ + ("--model", "--target", "--format=html", "--format=csv"),
                    2, sys.maxsize),
        "template": (COMMON + SHEETS + ("--model", "--level", "--domain", "--format!json"), 0, 0),
        "check": (COMMON + READ + ("--model",), 1, sys.maxsize),
        "convert": (COMMON + READ + SHEETS + ("--model",), 1, 1),
    },
    "quality": {
        "score": (COMMON + READ + ("--catalog", "--catalog-add", "--jsonl", "--format=html",
                                   "--format=svg", "--format=csv"), 1, 1),
        "model": (COMMON, 0, 0),
        "indicators": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0),
        "scheme": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0),
        "compare": (COMMON + READ + ("--catalog", "--catalog-add", "--format=html"), 2,
                    sys.maxsize),
        "ahp": (COMMON + ("--allow-inconsistent",), 1, 1),
        "template": (COMMON + SHEETS + ("--catalog", "--catalog-add", "--service", "--scheme",
                                        "--format!json"), 0, 0),
        "check": (COMMON + READ + ("--catalog", "--catalog-add"), 1, sys.maxsize),
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

    def write_bytes(self, data: bytes) -> None:
        """Write bytes as they are (a CSV, an XLSX workbook), after the
        text written so far; to a text stream without a buffer, as UTF-8."""
        def put(f: IO[str]) -> None:
            buffer = getattr(f, "buffer", None)
            if buffer is None:
                f.write(data.decode("utf-8", "surrogateescape"))
            else:
                f.flush()
                buffer.write(data)
        self._do(put)

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
        self.input_format: Optional[int] = None
        self.domain_rows = False

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
            names = [f for f in ("text", "json") if "--format!" + f not in allowed]
            names += [f for f in FORMATS if "--format=" + f in allowed]
            if value not in names:
                raise Usage("--format must be %s or %s, not '%s'"
                            % (", ".join(names[:-1]), names[-1], value))
            o.fmt = {"text": _lib.FORMAT_TEXT, "json": _lib.FORMAT_JSON_PRETTY,
                     **FORMATS}[value]
        elif name == "--input-format":
            if value not in INPUT_FORMATS:
                raise Usage("--input-format must be json, csv or xlsx, not '%s'" % value)
            o.input_format = INPUT_FORMATS[value]
        elif name == "--rows":
            if value not in ("clause", "domain"):
                raise Usage("--rows must be clause or domain, not '%s'" % value)
            o.domain_rows = value == "domain"
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


# ---- worksheets -------------------------------------------------------------

def fail_doc(e: errors.ItssError, path: str, fmt: int, err: Stream) -> int:
    """A library error about an input document: for JSON as fail; for a
    worksheet the message, which names its sheet, row and column, after
    the file name."""
    if fmt == _lib.FORMAT_JSON:
        return fail(e, shown(path), err)
    err.write("itss: %s: %s\n" % (shown(path), e.message))
    return EXIT_USAGE if e.code == -1 else EXIT_INVALID


def print_rendered(data: bytes, fmt: int, out: Stream) -> None:
    """Text and JSON end with a newline; CSV and XLSX go out as made."""
    if fmt in (_lib.FORMAT_CSV, _lib.FORMAT_XLSX):
        out.write_bytes(data)
    else:
        emit(data.decode("utf-8"), out)


def read_doc(o: Options, path: str, stdin: IO[bytes], err: Stream) -> tuple:
    """An input document and its format (--input-format, or its content's)."""
    doc = read_input(path, stdin, err)
    fmt = o.input_format if o.input_format is not None else lib.itss_format_detect(doc, len(doc))
    return doc, fmt


def read_with(reader, p, o: Options, path: str, stdin: IO[bytes], err: Stream) -> int:
    """The object a reader (itss_assessment_read, itss_evaluation_read)
    makes of a file in any of the formats; Exit when it cannot."""
    doc, fmt = read_doc(o, path, stdin, err)
    obj = c_void_p()
    try:
        _lib.call(reader, p, doc, len(doc), fmt, _lib.cstr(o.get("--encoding"), "encoding"),
                  byref(obj))
    except errors.ItssError as e:
        raise Exit(fail_doc(e, path, fmt, err)) from None
    return obj.value


def output_format(o: Options, verb: str, json_ok: bool, default_csv: bool, out: Stream) -> int:
    """The format to write: --format, else the extension of -o (.csv,
    .xlsx; .json when json_ok), else CSV when default_csv. An XLSX
    workbook is not written to a terminal."""
    path = o.output
    dot = path.rfind(".") if path is not None else -1
    ext = os.fsencode(path[dot:]).lower() if dot >= 0 and "/" not in path[dot:] else None
    if o.get("--format") is not None:
        fmt = o.fmt
    elif ext == b".csv":
        fmt = _lib.FORMAT_CSV
    elif ext == b".xlsx":
        fmt = _lib.FORMAT_XLSX
    elif ext == b".json" and json_ok:
        fmt = _lib.FORMAT_JSON_PRETTY
    elif default_csv and path is None:
        fmt = _lib.FORMAT_CSV
    elif path is not None:
        raise Usage("'%s' cannot tell the format from the name '%s': name it %s, or give "
                    "--format" % (verb, path, ".json, .csv or .xlsx" if json_ok
                                  else ".csv or .xlsx"))
    else:
        raise Usage("'%s' needs --format %s or -o FILE"
                    % (verb, "json|csv|xlsx" if json_ok else "csv|xlsx"))
    if fmt == _lib.FORMAT_XLSX and path is None:
        isatty = getattr(out.stream, "isatty", None)
        if isatty is not None and isatty():
            raise Usage("an XLSX workbook is binary and standard output is a terminal: "
                        "give -o FILE.xlsx or redirect the output")
    return fmt


def jsonl_reads_json(o: Options) -> None:
    """--input-format and --encoding read one document: not with --jsonl."""
    if o.input_format not in (None, _lib.FORMAT_JSON):
        raise Usage("--jsonl reads JSON lines: --input-format %s does not apply"
                    % o.get("--input-format"))
    if o.get("--encoding") is not None:
        raise Usage("--jsonl reads JSON lines: --encoding does not apply")


def check_files(o: Options, check, p, io: tuple) -> int:
    """List the problems of each input: exit status 1 when there are any
    (or an input cannot be read), 0 with one line per input saying it has
    none. --format json: one object per input, one per line."""
    stdin, out, err = io
    status = 0
    as_json = o.fmt != _lib.FORMAT_TEXT
    for path in o.args:
        try:
            doc, fmt = read_doc(o, path, stdin, err)
        except Exit:
            status = max(status, EXIT_INVALID)
            continue
        problems = c_void_p()
        try:
            _lib.call(check, p, doc, len(doc), fmt, _lib.cstr(o.get("--encoding"), "encoding"),
                      byref(problems))
            try:
                text = _lib.render_bytes(lib.itss_problem_list_render, problems,
                                         os.fsencode(shown(path)),
                                         _lib.FORMAT_JSON if as_json else _lib.FORMAT_TEXT,
                                         o.lang)
                total = lib.itss_problem_list_total(problems)
            finally:
                lib.itss_problem_list_free(problems)
        except errors.ItssError as e:
            status = max(status, fail_doc(e, path, fmt, err))
            continue
        if total:
            status = max(status, EXIT_INVALID)
        if as_json:
            out.write_bytes(text if text.endswith(b"\n") else text + b"\n")
        elif total:
            out.write_bytes(text)
        else:
            out.write_bytes(os.fsencode(shown(path)) + b": " +
                            ("no problems" if o.lang == LANG_EN else "没有发现问题").encode()
                            + b"\n")
    return status


def json_member(s: bytes, key: bytes) -> Optional[tuple]:
    """The byte range (from, to) of the member key of the top-level object
    of a JSON text (its key to its value, with the comma that separates it
    from a neighbour), or None. Only looks for the member; the library
    judges the document."""
    comma = depth = 0
    want_key = is_object = False
    found: Optional[int] = None
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == 0x22:  # "
            start = i
            i += 1
            while i < n and s[i] != 0x22:
                i += 2 if s[i] == 0x5C else 1
            if depth == 1 and want_key:
                want_key = False
                if i < n and s[start + 1:i] == key:
                    found = start
        elif c in b"{[":
            depth += 1
            if depth == 1:
                want_key = is_object = c == 0x7B
        elif c in b"}]":
            depth -= 1
            if depth == 0 and found is not None:
                return (comma or found, i)  # the last member: its comma before it
            if depth <= 0:
                return None
        elif c == 0x2C and depth == 1 and is_object:  # ,
            if found is not None:
                return (found, i + 1)
            comma = i
            want_key = True
        i += 1
    return None


def scheme_evaluation(p, o: Options, service: bytes, stdin: IO[bytes], err: Stream) -> int:
    """The evaluation of quality template --scheme FILE: an evaluation
    document, or a scheme as `quality scheme --format json` prints it,
    which becomes the scheme of an evaluation of the service."""
    path = o.get("--scheme")
    doc = read_input(path, stdin, err)
    ev = c_void_p()
    try:
        _lib.call(lib.itss_evaluation_load, p, doc, len(doc), byref(ev))
    except errors.ItssError as e:
        first = e
    else:
        got = lib.itss_evaluation_service(ev)
        if got != service:
            lib.itss_evaluation_free(ev)
            err.write("itss: %s: the evaluation is of service %s, not %s\n"
                      % (shown(path), got.decode("utf-8"), service.decode("utf-8")))
            raise Exit(EXIT_INVALID)
        return ev.value
    if json_member(doc, b"indicators") is None or json_member(doc, b"scheme") is not None:
        raise Exit(fail(first, shown(path), err))
    # a scheme, under the service asked (the library checks its own "service")
    prefix = b'{"service":"' + service + b'","measurements":{},"scheme":'
    text = prefix + doc + b"}"
    try:
        _lib.call(lib.itss_evaluation_load, p, text, len(text), byref(ev))
    except errors.ItssError as e:
        # placed in the file: without the text put before it
        if e.line == 1:
            e.column -= len(prefix)
        if e.line:
            e.position -= len(prefix)
        if e.path.startswith("/scheme"):
            e.path = e.path[len("/scheme"):]
        raise Exit(fail(e, shown(path), err)) from None
    return ev.value


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

def write_assessment(p, o: Options, convert: bool, io: tuple) -> int:
    """maturity template and convert: a blank template, or a document read
    in one format written in another."""
    stdin, out, err = io
    fmt = output_format(o, "maturity convert" if convert else "maturity template", convert,
                        not convert, out)
    if convert:
        a = read_with(lib.itss_assessment_read, p, o, o.args[0], stdin, err)
    else:
        made = c_void_p()
        try:
            _lib.call(lib.itss_assessment_new, p, byref(made))
        except errors.ItssError as e:
            return fail(e, None, err)
        a = made.value
    try:
        if fmt == _lib.FORMAT_JSON_PRETTY:
            data = _lib.render_bytes(lib.itss_assessment_export, a, fmt)
        else:
            data = _lib.render_bytes(lib.itss_assessment_render, a, o.number("--level"),
                                     _lib.cstr(o.get("--domain"), "domain"), fmt, o.lang)
    except errors.ItssError as e:
        return fail(e, None, err)
    finally:
        lib.itss_assessment_free(a)
    print_rendered(data, fmt, out)
    return 0


def maturity_main(verb: str, argv: Sequence[str], io: tuple) -> int:
    stdin, out, err = io
    o = prepare("maturity", verb, argv, out)
    jsonl_mode = o.get("--jsonl") is not None
    if jsonl_mode and o.get("--format") not in (None, "json"):
        raise Usage("--jsonl writes JSON lines: --format %s does not apply" % o.get("--format"))
    if jsonl_mode:
        jsonl_reads_json(o)
    if o.domain_rows and (o.get("--format") in ("html", "svg") or jsonl_mode):
        raise Usage("--rows domain writes text, json or csv")
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
            a = read_with(lib.itss_assessment_read, p, o, o.args[0], stdin, err)
            r = c_void_p()
            try:
                _lib.call(lib.itss_maturity_rate, a, target, byref(r))
                data = _lib.render_bytes(lib.itss_maturity_result_domains_render if o.domain_rows
                                         else lib.itss_maturity_result_render, r, o.fmt, o.lang)
            except errors.ItssError as e:
                return fail(e, shown(o.args[0]), err)
            finally:
                lib.itss_maturity_result_free(r)
                lib.itss_assessment_free(a)
            print_rendered(data, o.fmt, out)
            return 0
        elif verb in ("template", "convert"):
            return write_assessment(p, o, verb == "convert", io)
        elif verb == "check":
            return check_files(o, lib.itss_assessment_check, p, io)
        elif verb == "model":
            try:
                text = _lib.render(lib.itss_maturity_model_render, p, o.fmt, o.lang)
            except errors.ItssError as e:
                return fail(e, None, err)
        elif verb == "compare":
            results: List[int] = []
            try:
                for path in o.args:
                    a = read_with(lib.itss_assessment_read, p, o, path, stdin, err)
                    r = c_void_p()
                    try:
                        _lib.call(lib.itss_maturity_rate, a, target, byref(r))
                    except errors.ItssError as e:
                        return fail(e, shown(path), err)
                    finally:
                        lib.itss_assessment_free(a)
                    results.append(r.value)
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

def quality_template(p, o: Options, service: bytes, io: tuple) -> int:
    """The measurement sheet of a service's default scheme, or of the
    scheme of --scheme."""
    stdin, out, err = io
    fmt = output_format(o, "quality template", False, True, out)
    made = c_void_p()
    try:
        _lib.call(lib.itss_evaluation_new, p, service, byref(made))
    except errors.ItssError as e:
        return fail(e, None, err)
    ev = made.value
    try:
        if o.get("--scheme") is not None:
            blank, ev = ev, None
            try:
                ev = scheme_evaluation(p, o, lib.itss_evaluation_service(blank), stdin, err)
            finally:
                lib.itss_evaluation_free(blank)
        try:
            data = _lib.render_bytes(lib.itss_evaluation_render, ev, fmt, o.lang)
        except errors.ItssError as e:
            return fail(e, None, err)
    finally:
        if ev is not None:
            lib.itss_evaluation_free(ev)
    print_rendered(data, fmt, out)
    return 0


def quality_main(verb: str, argv: Sequence[str], io: tuple) -> int:
    stdin, out, err = io
    o = prepare("quality", verb, argv, out)
    replace, add = o.get("--catalog"), o.get("--catalog-add")
    if replace is not None and add is not None:
        raise Usage("give --catalog (instead of the built-in indicators) or --catalog-add "
                    "(on top of them), not both")
    if verb in ("scheme", "template") and o.get("--service") is None:
        raise Usage("'quality %s' needs --service CODE" % verb)
    jsonl_mode = o.get("--jsonl") is not None
    if jsonl_mode and o.get("--format") in ("text", "html", "svg", "csv"):
        raise Usage("--jsonl writes JSON lines: --format %s does not apply" % o.get("--format"))
    if jsonl_mode:
        jsonl_reads_json(o)
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
                ev = read_with(lib.itss_evaluation_read, p, o, o.args[0], stdin, err)
                r = c_void_p()
                try:
                    _lib.call(lib.itss_quality_score, ev, byref(r))
                    data = _lib.render_bytes(lib.itss_quality_result_render, r, o.fmt, o.lang)
                except errors.ItssError as e:
                    return fail(e, shown(o.args[0]), err)
                finally:
                    lib.itss_quality_result_free(r)
                    lib.itss_evaluation_free(ev)
                print_rendered(data, o.fmt, out)
                return 0
            elif verb == "template":
                return quality_template(p, o, service, io)
            elif verb == "check":
                return check_files(o, lib.itss_evaluation_check, p, io)
            elif verb == "model":
                text = _lib.render(lib.itss_quality_model_render, lib.itss_quality_model_builtin(),
                                   o.fmt, o.lang)
            elif verb == "indicators":
                text = _lib.render(lib.itss_indicator_catalog_render, p, service, o.fmt, o.lang)
            elif verb == "scheme":
                text = _lib.render(lib.itss_quality_scheme_render, p, service, o.fmt, o.lang)
            elif verb == "compare":
                docs: List[int] = []
                for path in o.args:
                    try:
                        ev = read_with(lib.itss_evaluation_read, p, o, path, stdin, err)
                    except Exit:
                        for r in docs:
                            lib.itss_quality_result_free(r)
                        raise
                    r = c_void_p()
                    try:
                        _lib.call(lib.itss_quality_score, ev, byref(r))
                    except errors.ItssError as e:
                        for r in docs:
                            lib.itss_quality_result_free(r)
                        return fail(e, shown(path), err)
                    finally:
                        lib.itss_evaluation_free(ev)
                    docs.append(r.value)
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


