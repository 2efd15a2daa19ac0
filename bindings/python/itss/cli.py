"""``python3 -m itss``: the verbs of the ``itss`` command-line tool, for
people who have the Python package but not the C tools.

The options, the output (what the library renders) and the exit status
are those of ``itss``: 0 success, 1 not found or invalid input (message on
standard error) or output that could not be written, 2 usage error.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import sys
import tempfile
import ctypes
from ctypes import byref, c_char_p, c_size_t, c_void_p
from typing import IO, Callable, Dict, Iterator, List, Optional, Sequence

from . import _lib, classification, errors, maturity, quality
from ._lib import lib

EXIT_INVALID = 1
EXIT_USAGE = 2
LANG_EN = 1  # ITSS_LANG_EN

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
# area -> verb -> (accepted options, min args, max args, synopsis, English, Chinese)
VERBS: Dict[str, Dict[str, tuple]] = {
    "class": {
        "show": (COMMON + ("--catalog",), 1, 1, "CODE", "one class", "一个类别"),
        "search": (COMMON + ("--catalog",), 1, 1, "TEXT", "classes whose name contains TEXT",
                   "名称含 TEXT 的类别"),
        "tree": (COMMON + ("--catalog",), 0, 1, "[CODE]",
                 "the class tree, or the subtree of CODE", "类别树，或 CODE 的子树"),
        "export": (COMMON + ("--catalog",), 0, 1, "[CODE]", "the whole catalog, or a subtree",
                   "整个目录，或其中一棵子树"),
        "validate": (COMMON + ("--catalog",), 1, sys.maxsize, "CODE...",
                     "check codes and say what is wrong", "检查代码并指出问题"),
        "map": (COMMON + ("--catalog", "--to", "--from"), 1, 1, "--to|--from SCHEME CODE",
                "map a class to gbt4754 or db21, or back",
                "把类别映射到 gbt4754 或 db21，或反向映射"),
    },
    "maturity": {
        "rate": (COMMON + READ + ("--model", "--target", "--jsonl", "--format=html",
                                  "--format=svg", "--format=csv", "--rows"), 1, 1, "FILE|-",
                 "rate an assessment: level, profile, gaps", "评定一份评估：级别、概况和差距"),
        "model": (COMMON + ("--model",), 0, 0, "", "the model: levels, domains, items",
                  "模型：级别、能力域、能力项"),
        "clauses": (COMMON + ("--model", "--level", "--domain", "--item"), 0, 0, "",
                    "the requirement clauses", "要求条款"),
        "compare": (COMMON + READ + ("--model", "--target", "--format=html", "--format=csv"),
                    2, sys.maxsize, "OLD NEW...",
                    "rate assessments of one model and show the changes",
                    "评定同一模型的多份评估并显示变化"),
        "template": (COMMON + SHEETS + ("--model", "--level", "--domain", "--format!json"), 0, 0,
                     "", "a blank worksheet to rate in (CSV or XLSX)",
                     "用于评级的空白工作表（CSV 或 XLSX）"),
        "check": (COMMON + READ + ("--model",), 1, sys.maxsize, "FILE...",
                  "list every problem of each assessment", "列出每份评估的全部问题"),
        "convert": (COMMON + READ + SHEETS + ("--model",), 1, 1, "IN",
                    "an assessment as JSON, CSV or XLSX", "把评估转换为 JSON、CSV 或 XLSX"),
    },
    "quality": {
        "score": (COMMON + READ + ("--catalog", "--catalog-add", "--jsonl", "--format=html",
                                   "--format=svg", "--format=csv"), 1, 1, "FILE|-",
                  "score an evaluation", "为一份评价计分"),
        "model": (COMMON, 0, 0, "", "the 5 characteristics, 16 sub-characteristics",
                  "5 个特性、16 个子特性"),
        "indicators": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0, "",
                       "the indicator catalog", "指标目录"),
        "scheme": (COMMON + ("--catalog", "--catalog-add", "--service"), 0, 0, "--service CODE",
                   "the default evaluation scheme of a service", "一项服务的默认评价方案"),
        "compare": (COMMON + READ + ("--catalog", "--catalog-add", "--format=html"), 2,
                    sys.maxsize, "OLD NEW...", "score evaluations and show the changes",
                    "为多份评价计分并显示变化"),
        "ahp": (COMMON + ("--allow-inconsistent",), 1, 1, "FILE|-",
                "AHP weights from a pairwise comparison matrix", "由判断矩阵计算 AHP 权重"),
        "template": (COMMON + SHEETS + ("--catalog", "--catalog-add", "--service", "--scheme",
                                        "--format!json"), 0, 0, "--service CODE",
                     "a blank measurement sheet (CSV or XLSX)", "空白的测量表（CSV 或 XLSX）"),
        "check": (COMMON + READ + ("--catalog", "--catalog-add"), 1, sys.maxsize, "FILE...",
                  "list every problem of each evaluation", "列出每份评价的全部问题"),
    },
}
HEADINGS = {
    "class": ("GB/T 29264-2012 service classification:", "GB/T 29264-2012 服务分类："),
    "maturity": ("O&M service capability maturity (T/CESA 1299-2023; ITSS.1-2015 with --model):",
                 "运维服务能力成熟度（T/CESA 1299-2023；ITSS.1-2015 用 --model）："),
    "quality": ("GB/T 33850-2017 service quality:", "GB/T 33850-2017 服务质量："),
}
# the options in the help of a verb, in this order: (option, area or None
# for every area, left column, English, Chinese); the text of --format
# names the formats of the verb
OPTION_HELP = [
    ("--format", None, "--format FORMAT", "the output: %s", "输出格式：%s"),
    ("--lang", None, "--lang zh|en", "language of the output and the messages (default zh)",
     "输出和提示信息的语言（默认 zh）"),
    ("--catalog", "class", "--catalog FILE", "a class catalog instead of the built-in one",
     "用此类别目录代替内置目录"),
    ("--catalog", "quality", "--catalog FILE", "indicators instead of the built-in ones",
     "用这些指标代替内置指标"),
    ("--catalog-add", None, "--catalog-add FILE", "indicators added to the built-in ones",
     "在内置指标之外加上这些指标"),
    ("--to", None, "--to SCHEME", "map to gbt4754 or db21", "映射到 gbt4754 或 db21"),
    ("--from", None, "--from SCHEME", "map a class of gbt4754 or db21 back",
     "把 gbt4754 或 db21 的类别映射回来"),
    ("--model", None, "--model ID|FILE",
     "the model: tcesa1299-2023 (default), itss1-2015 or a file",
     "模型：tcesa1299-2023（默认）、itss1-2015 或模型文件"),
    ("--target", None, "--target N",
     "the gaps to level N (default: the next; N: ordinal, name or label)",
     "列出到达级别 N 的差距（默认下一级；N 为序号、名称或标签）"),
    ("--level", None, "--level N", "only the clauses of level N (ordinal, name or label)",
     "只取级别 N 的条款（序号、名称或标签）"),
    ("--domain", None, "--domain ID", "only the clauses of a domain", "只取一个能力域的条款"),
    ("--item", None, "--item N", "only the clauses of item N", "只取第 N 个能力项的条款"),
    ("--service", None, "--service CODE", "the service, by its class code", "服务的类别代码"),
    ("--scheme", None, "--scheme FILE",
     "the scheme: an evaluation, or the output of quality scheme --format json",
     "方案：一份评价，或 quality scheme --format json 的输出"),
    ("--allow-inconsistent", None, "--allow-inconsistent", "accept a matrix with CR >= 0.10",
     "接受 CR >= 0.10 的判断矩阵"),
    ("--jsonl", None, "--jsonl", "one document per input line, one result per output line",
     "每行输入一个文档，每行输出一个结果"),
    ("--rows", None, "--rows clause|domain", "one row per clause (default) or per domain",
     "每个条款一行（默认）或每个能力域一行"),
    ("--input-format", None, "--input-format json|csv|xlsx",
     "read the input as this format (default: told by its content)",
     "按此格式读取输入（默认按内容判断）"),
    ("--encoding", None, "--encoding NAME",
     "the encoding of a CSV or JSON input, e.g. gb18030 (default UTF-8)",
     "CSV 或 JSON 输入的编码，如 gb18030（默认 UTF-8）"),
    ("--output", None, "-o, --output FILE", "write the output to FILE, not standard output",
     "输出写入 FILE，而不是标准输出"),
]
PROG = "python3 -m itss"

# the language of the messages: --lang, read before anything else (main)
_lang = 0


def T(en: str, zh: str) -> str:
    """A message of the tool in the language of --lang."""
    return en if _lang == LANG_EN else zh


# the usual errno values in Chinese; another one is the system's text in a
# Chinese sentence
ERRNO_ZH = {
    errno.ENOENT: "文件或目录不存在", errno.EACCES: "没有权限", errno.EPERM: "不允许的操作",
    errno.EISDIR: "这是一个目录", errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENOSPC: "设备上没有空间", errno.EROFS: "文件系统只读", errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名太长", errno.ELOOP: "符号链接的层数太多",
    errno.EMFILE: "打开的文件太多", errno.ENFILE: "系统中打开的文件太多",
    errno.EIO: "输入输出错误", errno.EPIPE: "管道已断开", errno.EFBIG: "文件太大",
    errno.EDQUOT: "超出磁盘配额", errno.ENOMEM: "内存不足", errno.ENXIO: "没有这个设备或地址",
    errno.ETXTBSY: "文件正被执行", errno.EINVAL: "无效的参数", errno.EBADF: "无效的文件描述符",
    errno.ENODEV: "没有这个设备",
}


def errno_text(exc: OSError) -> str:
    """The text of an OSError's errno in the language of --lang, as itss
    says it."""
    code = exc.errno
    if code is None:
        return str(exc)
    if _lang == LANG_EN:
        return os.strerror(code)
    return ERRNO_ZH.get(code) or "系统错误 %d（%s）" % (code, os.strerror(code))


INT_RANGES = {"--target": 9, "--level": 9, "--item": 2**31 - 1}
LEVEL_OPTIONS = ("--target", "--level")  # also a level's name or label
_INT = re.compile(r"\s*[+-]?[0-9]+\Z")


class Usage(Exception):
    """A usage error: the message goes to standard error, exit status 2."""


class BadLang(Exception):
    """--lang VALUE that is not a language: said in both languages."""


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
                    why = errno_text(exc)
                    if self.path is not None:
                        self.errors.write(T("itss: cannot write to %s: %s\n",
                                            "itss: 无法写入 %s：%s\n") % (self.path, why))
                    else:
                        self.errors.write(T("itss: cannot write to standard output: %s\n",
                                            "itss: 无法写入标准输出：%s\n") % why)
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
        self.lang = _lang  # --lang before AREA, or Chinese
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
            raise Usage(T("unknown option '%s'", "未知的选项“%s”") % a)
        if OPTIONS[name]:
            if not eq:
                if i >= len(argv):
                    raise Usage(T("option %s needs a value", "选项 %s 需要一个值") % name)
                value = argv[i]
                i += 1
        elif eq:
            raise Usage(T("option %s takes no value", "选项 %s 不带值") % name)
        if name not in allowed and name not in EVERYWHERE:
            raise Usage(T("option %s does not apply to '%s'", "选项 %s 不适用于“%s”") % (name, what))
        o.given[name] = value if OPTIONS[name] else ""
        if name == "--format":
            names = format_names(allowed)
            if value not in names:
                raise Usage(T("--format must be %s, not '%s'", "--format 须为 %s，而不是“%s”")
                            % (in_words(names), value))
            o.fmt = {"text": _lib.FORMAT_TEXT, "json": _lib.FORMAT_JSON_PRETTY,
                     **FORMATS}[value]
        elif name == "--input-format":
            if value not in INPUT_FORMATS:
                raise Usage(T("--input-format must be json, csv or xlsx, not '%s'",
                              "--input-format 须为 json、csv 或 xlsx，而不是“%s”") % value)
            o.input_format = INPUT_FORMATS[value]
        elif name == "--rows":
            if value not in ("clause", "domain"):
                raise Usage(T("--rows must be clause or domain, not '%s'",
                              "--rows 须为 clause 或 domain，而不是“%s”") % value)
            o.domain_rows = value == "domain"
        elif name in EVERYWHERE:
            if not value:
                raise Usage(T("%s needs a file name", "%s 需要一个文件名") % name)
            o.output = value
        elif name == "--lang":
            try:
                o.lang = _lib.lang(value)
            except errors.ItssError:
                raise Usage(T("--lang must be zh or en, not '%s'",
                              "--lang 须为 zh 或 en，而不是“%s”") % value) from None
        elif name in LEVEL_OPTIONS and not _INT.match(value):
            o.level_texts[name] = value  # a level's name or label: the model resolves it
            del o.given[name]
        elif name in INT_RANGES:
            top = INT_RANGES[name]
            if not _INT.match(value) or not 1 <= int(value) <= top:
                raise Usage(T("%s needs a whole number from %d to %d, not '%s'",
                              "%s 须为 %d 到 %d 的整数，而不是“%s”") % (name, 1, top, value))
            o.given[name] = str(int(value))
    return o


def prepare(area: str, verb: str, argv: Sequence[str], out: Stream) -> Options:
    spec = VERBS[area].get(verb)
    if spec is None:
        raise Usage(T("unknown verb '%s %s'", "未知的子命令“%s %s”") % (area, verb))
    if wants_help(argv):
        out.write(verb_help(area, verb))
        raise Exit(0)
    allowed, least, most = spec[:3]
    what = "%s %s" % (area, verb)
    o = parse(argv, allowed, what)
    out.lang = o.lang
    out.path = o.output
    if len(o.args) < least:
        raise Usage((T("'%s' needs an argument", "“%s”需要一个参数") if least == 1 else
                     T("'%s' needs more arguments", "“%s”需要更多参数")) % what)
    if len(o.args) > most:
        raise Usage(T("too many arguments for '%s'", "“%s”的参数太多") % what)
    return o


def emit(text: str, out: Stream) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def _record(e: errors.ItssError, placed: bool = True) -> "_lib._Error":
    """An itss_error record of e (without its place unless placed)."""
    rec = _lib._Error()
    rec.code = e.code
    rec.message = e.message.encode("utf-8")[:319]
    rec.path = e.path.encode("utf-8")[:255]
    if placed:
        rec.line, rec.column, rec.position = e.line, e.column, e.position
    return rec


def describe(e: errors.ItssError, input_line: int, fmt: int, placed: bool = True) -> str:
    """itss_error_describe: the library's description of an error, in the
    language of --lang."""
    return _lib.render(lib.itss_error_describe, byref(_record(e, placed)), input_line, fmt, _lang)


def error_message(e: errors.ItssError) -> str:
    """itss_error_message: the message of an error in the language of --lang."""
    return _lib.render(lib.itss_error_message, byref(_record(e)), _lang)


def message_text(message: str) -> str:
    """A message of the library (a model's warning) in the language of --lang."""
    rec = _lib._Error()
    rec.message = message.encode("utf-8")[:319]
    return _lib.render(lib.itss_error_message, byref(rec), _lang)


# the end of the library's message for a JSON document that is not UTF-8
# but reads as GB18030: the tool adds how to read it as it is
NOT_UTF8 = "; the document is not UTF-8 but reads as GB18030 (GBK): convert it to UTF-8"


def fail(e: errors.ItssError, file: Optional[str], err: Stream, hint: bool = False) -> int:
    """Report a library error like itss does; returns the exit status.
    hint: the command reads --encoding."""
    text = describe(e, 0, _lib.FORMAT_TEXT)
    if file is not None:
        text = "%s:%s%s" % (file, "" if e.line else " ", text)
    if hint and e.message.endswith(NOT_UTF8):
        text += T(" (or read it as it is with --encoding gb18030)",
                  "（也可以用 --encoding gb18030 直接读取）")
    err.write("itss: %s\n" % text)
    return EXIT_USAGE if e.code == -1 else EXIT_INVALID


def read_input(path: str, stdin: IO[bytes], err: Stream) -> bytes:
    if path == "-":
        return stdin.read(_lib.MAX_DOCUMENT_SIZE + 1)
    try:
        with open(path, "rb") as f:
            return f.read(_lib.MAX_DOCUMENT_SIZE + 1)
    except OSError as exc:
        err.write(T("itss: cannot open %s: %s\n", "itss: 无法打开 %s：%s\n")
                  % (path, errno_text(exc)))
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


EPARSE = -4  # ITSS_EPARSE


def jsonl(path: str, fn: Callable[[bytes], str], stdin: IO[bytes], out: Stream,
          err: Stream) -> int:
    """One document per line; one result or error object per output line.
    The error of a line on standard error: FILE:LINE:COLUMN: message, the
    column counted in the line, or FILE:LINE: message when the error has no
    place in it."""
    if path == "-":
        lines = stdin
    else:
        try:
            lines = open(path, "rb")
        except OSError as exc:
            err.write(T("itss: cannot open %s: %s\n", "itss: 无法打开 %s：%s\n")
                      % (path, errno_text(exc)))
            return EXIT_INVALID
    failed = lineno = 0
    try:
        for line in jsonl_lines(lines):
            lineno += 1
            if len(line) <= _lib.MAX_DOCUMENT_SIZE and not line.strip(b" \t\r"):
                # the tool's own message: nothing for the library to read
                failed += 1
                message = T("the line is empty: each line holds one JSON document",
                            "空行：每一行应是一个 JSON 文档")
                err.write("itss: %s:%d: %s\n" % (shown(path), lineno, message))
                rec = _lib._Error()
                rec.code = EPARSE
                rec.message = message.encode("utf-8")
                result = _lib.render(lib.itss_error_render, byref(rec), lineno, _lib.FORMAT_JSON)
            else:
                try:
                    result = fn(line)
                except errors.ItssError as e:
                    failed += 1
                    err.write("itss: %s:%d:%s %s\n"
                              % (shown(path), lineno, "%d:" % e.column if e.line else "",
                                 describe(e, 0, _lib.FORMAT_TEXT, placed=False)))
                    result = describe(e, lineno, _lib.FORMAT_JSON)
            out.write(result + "\n")
            if len(line) > _lib.MAX_DOCUMENT_SIZE:
                out.flush()  # the rest of the line may never end: its error goes out now
            del line
    finally:
        if lines is not stdin:
            lines.close()
    if failed:
        err.write(T("itss: %d of %d lines failed\n", "itss: %d 行出错（共 %d 行）\n")
                  % (failed, lineno))
    return EXIT_INVALID if failed else 0


# ---- worksheets -------------------------------------------------------------

def fail_doc(e: errors.ItssError, path: str, fmt: int, err: Stream) -> int:
    """A library error about an input document: for JSON as fail; for a
    worksheet the message, which names its sheet, row and column, after
    the file name."""
    if fmt == _lib.FORMAT_JSON:
        return fail(e, shown(path), err, hint=True)
    err.write("itss: %s: %s\n" % (shown(path), error_message(e)))
    return EXIT_USAGE if e.code == -1 else EXIT_INVALID


def print_rendered(data: bytes, fmt: int, out: Stream) -> None:
    """Text and JSON end with a newline; CSV and XLSX go out as made."""
    if fmt in (_lib.FORMAT_CSV, _lib.FORMAT_XLSX):
        out.write_bytes(data)
    else:
        emit(data.decode("utf-8"), out)


_libc = None


def iconv_to_utf8(data: bytes, encoding: str) -> tuple:
    """data converted to UTF-8 by the system's iconv, as itss converts it:
    (text, None), or (None, the offset of the first byte it cannot
    convert); ValueError for an encoding iconv does not know."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.iconv_open.restype = c_void_p
        _libc.iconv_open.argtypes = [c_char_p, c_char_p]
        _libc.iconv.restype = c_size_t
        _libc.iconv.argtypes = [c_void_p, ctypes.POINTER(c_void_p), ctypes.POINTER(c_size_t),
                                ctypes.POINTER(c_void_p), ctypes.POINTER(c_size_t)]
        _libc.iconv_close.argtypes = [c_void_p]
    cd = _libc.iconv_open(b"UTF-8", os.fsencode(encoding))
    if cd is None or cd == ctypes.c_void_p(-1).value:
        raise ValueError(encoding)
    try:
        size = len(data) + len(data) // 2 + 16  # as itss starts; doubled when short
        while True:
            src = ctypes.create_string_buffer(data, len(data))
            dst = ctypes.create_string_buffer(size)
            inp, left = c_void_p(ctypes.addressof(src)), c_size_t(len(data))
            outp, room = c_void_p(ctypes.addressof(dst)), c_size_t(size)
            r = _libc.iconv(cd, byref(inp), byref(left), byref(outp), byref(room))
            if r != ctypes.c_size_t(-1).value:
                return dst.raw[:size - room.value], None
            if ctypes.get_errno() == errno.E2BIG:
                size *= 2
                continue
            return None, inp.value - ctypes.addressof(src)
    finally:
        _libc.iconv_close(cd)


def read_doc(o: Options, path: str, stdin: IO[bytes], err: Stream) -> tuple:
    """An input document, its format (--input-format, or its content's) and
    the encoding to read it in (None for a JSON document, made UTF-8 here:
    the only encoding of JSON the library reads)."""
    doc = read_input(path, stdin, err)
    fmt = o.input_format if o.input_format is not None else lib.itss_format_detect(doc, len(doc))
    encoding = o.get("--encoding")
    if fmt == _lib.FORMAT_JSON and encoding is not None and \
            os.fsencode(encoding).upper() not in (b"UTF-8", b"UTF8"):
        try:
            text, at = iconv_to_utf8(doc, encoding)
        except ValueError:
            raise Usage(T("unknown encoding '%s' (try UTF-8 or GB18030)",
                          "未知的编码“%s”（可用 UTF-8 或 GB18030）") % encoding) from None
        if text is None:
            err.write(T("itss: %s: the bytes at offset %d are not %s text\n",
                        "itss: %s：从字节偏移 %d 处起不是 %s 编码的文本\n")
                      % (shown(path), at, encoding))
            raise Exit(EXIT_INVALID)
        return text, fmt, None
    return doc, fmt, encoding


def read_with(reader, p, o: Options, path: str, stdin: IO[bytes], err: Stream) -> int:
    """The object a reader (itss_assessment_read, itss_evaluation_read)
    makes of a file in any of the formats; Exit when it cannot."""
    doc, fmt, encoding = read_doc(o, path, stdin, err)
    obj = c_void_p()
    try:
        _lib.call(reader, p, doc, len(doc), fmt, _lib.cstr(encoding, "encoding"), byref(obj))
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
        raise Usage(T("'%s' cannot tell the format from the name '%s': name it %s, or give "
                      "--format", "“%s”无法从文件名“%s”看出格式：请以 %s 结尾，或指定 --format")
                    % (verb, path, T(".json, .csv or .xlsx", ".json、.csv 或 .xlsx") if json_ok
                       else T(".csv or .xlsx", ".csv 或 .xlsx")))
    else:
        raise Usage(T("'%s' needs --format %s or -o FILE", "“%s”需要 --format %s 或 -o FILE")
                    % (verb, "json|csv|xlsx" if json_ok else "csv|xlsx"))
    if fmt == _lib.FORMAT_XLSX and path is None:
        isatty = getattr(out.stream, "isatty", None)
        if isatty is not None and isatty():
            raise Usage(T("an XLSX workbook is binary and standard output is a terminal: "
                          "give -o FILE.xlsx or redirect the output",
                          "XLSX 工作簿是二进制文件，而标准输出是终端：请用 -o FILE.xlsx "
                          "或重定向输出"))
    return fmt


def jsonl_reads_json(o: Options) -> None:
    """--input-format and --encoding read one document: not with --jsonl."""
    if o.input_format not in (None, _lib.FORMAT_JSON):
        raise Usage(T("--jsonl reads JSON lines: --input-format %s does not apply",
                      "--jsonl 读取的是 JSON 行：--input-format %s 不适用")
                    % o.get("--input-format"))
    if o.get("--encoding") is not None:
        raise Usage(T("--jsonl reads JSON lines: --encoding does not apply",
                      "--jsonl 读取的是 JSON 行：--encoding 不适用"))


def check_files(o: Options, check, p, io: tuple) -> int:
    """List the problems of each input: exit status 1 when there are any
    (or an input cannot be read), 0 with one line per input saying it has
    none. --format json: one object per input, one per line."""
    stdin, out, err = io
    status = 0
    as_json = o.fmt != _lib.FORMAT_TEXT
    for path in o.args:
        try:
            doc, fmt, encoding = read_doc(o, path, stdin, err)
        except Exit as e:
            status = max(status, e.status)
            continue
        except Usage as u:
            err.write(usage_message(u))
            status = max(status, EXIT_USAGE)
            continue
        problems = c_void_p()
        try:
            _lib.call(check, p, doc, len(doc), fmt, _lib.cstr(encoding, "encoding"),
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
            err.write(T("itss: %s: the evaluation is of service %s, not %s\n",
                        "itss: %s：该评价的服务是 %s，而不是 %s\n")
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
        raise Usage(T("'class map' needs exactly one of --to SCHEME or --from SCHEME",
                      "“class map”需要 --to SCHEME 或 --from SCHEME，二者只取其一"))
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
                    err.write(T("itss: no class name contains '%s'\n",
                                "itss: 没有名称含“%s”的类别\n") % o.args[0])
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
                    err.write(T("itss: %d of %d codes are not valid\n",
                                "itss: %d 个代码无效（共 %d 个）\n")
                              % (invalid.value, len(o.args)))
                    status = EXIT_INVALID
            else:  # map
                to = o.get("--to")
                x = c_void_p()
                try:
                    _lib.call(lib.itss_crosswalk_lookup, p, _lib.cstr(to or o.get("--from"),
                                                                       "scheme"), byref(x))
                except errors.ItssError as e:
                    raise Usage(error_message(e)) from None
                n = c_size_t()
                direction = _lib.FORWARD if to else _lib.REVERSE
                _lib.call(lib.itss_crosswalk_map, x, direction, arg, None, 0, byref(n))
                text = _lib.render(lib.itss_crosswalk_render, x, direction, arg, o.fmt, o.lang)
                if n.value == 0:
                    scheme = (lib.itss_crosswalk_scheme(x) if to
                              else lib.itss_catalog_edition(p)).decode("utf-8")
                    err.write(T("itss: %s has no counterpart in %s\n",
                                "itss: %s 在 %s 中没有对应的类别\n") % (o.args[0], scheme))
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
        raise Usage(T("--jsonl writes JSON lines: --format %s does not apply",
                      "--jsonl 输出的是 JSON 行：--format %s 不适用") % o.get("--format"))
    if jsonl_mode:
        jsonl_reads_json(o)
    if o.domain_rows and (o.get("--format") in ("html", "svg") or jsonl_mode):
        raise Usage(T("--rows domain writes text, json or csv",
                      "--rows domain 只输出 text、json 或 csv"))
    model_arg = o.get("--model")
    if model_arg is not None and model_arg in BUILTIN_MODELS:  # a built-in model by id
        model = maturity.builtin(model_arg)
    else:
        model = opened(model_arg, maturity.Model.load, maturity.builtin, err)
    for w in model.warnings:
        err.write(T("itss: %s: warning: %s (at %s)\n", "itss: %s: 警告：%s（位置 %s）\n")
                  % (o.get("--model"), message_text(w["message"]), w["path"]))
    with model:
        levels = model.levels
        for name, text in o.level_texts.items():
            try:
                o.given[name] = str(model.level(text))
            except errors.ItssError as e:
                raise Usage(T("%s needs a whole number from 1 to %d or the name or label of a "
                              "level, not '%s' (%s)",
                              "%s 须为 1 到 %d 的整数或级别的名称、标签，而不是“%s”（%s）")
                            % (name, levels, text, error_message(e))) from None
        for name in ("--target", "--level"):
            if o.number(name) > levels:
                raise Usage(T("%s %d: the model has levels 1 to %d",
                              "%s %d：该模型的级别为 1 到 %d") % (name, o.number(name), levels))
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
        raise Usage(T("give --catalog (instead of the built-in indicators) or --catalog-add "
                      "(on top of them), not both",
                      "--catalog（代替内置指标）和 --catalog-add（加在内置指标之上）只能给出一个"))
    if verb in ("scheme", "template") and o.get("--service") is None:
        raise Usage(T("'quality %s' needs --service CODE", "“quality %s”需要 --service CODE")
                    % verb)
    jsonl_mode = o.get("--jsonl") is not None
    if jsonl_mode and o.get("--format") in ("text", "html", "svg", "csv"):
        raise Usage(T("--jsonl writes JSON lines: --format %s does not apply",
                      "--jsonl 输出的是 JSON 行：--format %s 不适用") % o.get("--format"))
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


def usage_message(u: Usage) -> str:
    """A usage error as it is said on standard error."""
    return "itss: %s\n%s" % (u, T("Try '%s help' for usage.\n", "用法见“%s help”\n") % PROG)


def scan_lang(argv: Sequence[str]) -> None:
    """--lang takes effect before anything else is read, so that every
    message is in its language, also one about the options before it. The
    last --lang wins, as in the parse; a value that is not a language
    raises BadLang."""
    global _lang
    i = 0
    while i < len(argv) and argv[i] != "--":
        a = argv[i]
        if a == "--lang" and i + 1 < len(argv):
            i += 1
            value = argv[i]
        elif a.startswith("--lang="):
            value = a[len("--lang="):]
        else:
            if OPTIONS.get(a):
                i += 1  # its value is not an option
            i += 1
            continue
        i += 1
        try:
            _lang = _lib.lang(value)
        except errors.ItssError:
            raise BadLang(value) from None


def format_names(allowed: Sequence[str]) -> List[str]:
    """The --format values a verb takes."""
    names = [f for f in ("text", "json") if "--format!" + f not in allowed]
    return names + [f for f in FORMATS if "--format=" + f in allowed]


def in_words(names: Sequence[str]) -> str:
    """"text, json or csv" in the language of --lang."""
    if len(names) == 1:
        return names[0]
    return T(", ", "、").join(names[:-1]) + T(" or ", " 或 ") + names[-1]


def help_line(left: str, text: str, width: int) -> str:
    left = "  " + left
    return "%s%s%s\n" % (left, " " * max(width - len(left), 1), text)


def verb_help(area: str, verb: str) -> str:
    """The help of a verb: what it does and its options."""
    allowed, _, _, synopsis, en, zh = VERBS[area][verb]
    text = T("Usage: %s %s %s%s [OPTIONS]\n", "用法：%s %s %s%s [选项]\n") % (
        PROG, area, verb, " " + synopsis if synopsis else "")
    text += "%s\n\n%s\n" % (T(en, zh), T("Options:", "选项："))
    for name, only, left, en, zh in OPTION_HELP:
        if (name not in allowed and name not in EVERYWHERE) or only not in (None, area):
            continue
        words = T(en, zh)
        text += help_line(left, words % in_words(format_names(allowed))
                          if name == "--format" else words, 32)
    return text + help_line("--help", T("print this help and exit", "显示本帮助并退出"), 32)


def tool_help(area: Optional[str] = None) -> str:
    """The help of the tool, or of an area: its verbs."""
    if area is None:
        text = T("Usage: %s [--version] [--help] AREA VERB [OPTIONS] [ARGS]\n",
                 "用法：%s [--version] [--help] AREA VERB [选项] [参数]\n") % PROG
    else:
        text = T("Usage: %s %s VERB [OPTIONS] [ARGS]\n", "用法：%s %s VERB [选项] [参数]\n") % (
            PROG, area)
    for name, verbs in VERBS.items():
        if area not in (None, name):
            continue
        text += "\n%s\n" % T(*HEADINGS[name])
        for verb, (_, _, _, synopsis, en, zh) in verbs.items():
            text += help_line("%s %s %s%s" % (PROG, name, verb, " " + synopsis if synopsis else ""),
                              T(en, zh), 41 + len(PROG) - len("itss"))  # as itss aligns
    if area is None:
        text += "\n%s\n" % T("Options:", "选项：")
        text += help_line("--format text|json",
                          T("output for people (default) or JSON; some verbs write",
                            "给人看的文本（默认）或 JSON；有的子命令也能输出"), 23)
        text += help_line("", T("html, svg, csv or xlsx too", "html、svg、csv 或 xlsx"), 23)
        text += help_line("--lang zh|en", T("language of the output and the messages (default zh)",
                                            "输出和提示信息的语言（默认 zh）"), 23)
        text += help_line("-o, --output FILE", T("write the output to FILE, not standard output",
                                                 "输出写入 FILE，而不是标准输出"), 23)
        text += help_line("--version", T("print the version and exit", "显示版本并退出"), 23)
        text += help_line("--help, help", T("print this help and exit", "显示本帮助并退出"), 23)
    text += T("\nThe options of a verb: %s %s VERB --help\n", "\n子命令的选项：%s %s VERB --help\n") % (
        PROG, area or "AREA")
    if area is None:
        text += T("\nExit status: 0 success, 1 not found, invalid input or output not written,\n"
                  "2 usage error.\nSee itss(1) for details.\n",
                  "\n退出状态：0 成功；1 未找到、输入无效或输出未能写入；2 用法错误。\n"
                  "详见 itss(1)。\n")
    return text


def wants_help(argv: Sequence[str]) -> bool:
    """The arguments of a verb ask for its help: --help or -h before --."""
    for a in argv:
        if a == "--":
            return False
        if a in ("--help", "-h"):
            return True
    return False


def help_command(argv: Sequence[str]) -> str:
    """python3 -m itss help [AREA [VERB]]."""
    words: List[str] = []
    i = 1
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--lang" and i < len(argv):
            i += 1  # read by scan_lang
        elif a.startswith("--lang=") or a == "--help":
            continue
        elif a.startswith("-"):
            raise Usage(T("unknown option '%s'", "未知的选项“%s”") % a)
        elif len(words) == 2:
            raise Usage(T("too many arguments for '%s'", "“%s”的参数太多") % "help")
        else:
            words.append(a)
    if words and words[0] not in VERBS:
        raise Usage(T("unknown command '%s'", "未知的命令“%s”") % words[0])
    if len(words) == 2:
        if words[1] not in VERBS[words[0]]:
            raise Usage(T("unknown verb '%s %s'", "未知的子命令“%s %s”") % tuple(words))
        return verb_help(*words)
    return tool_help(words[0] if words else None)


def _command(argv: List[str], io: tuple) -> int:
    global _lang
    out, err = io[1], io[2]
    _lang = 0
    try:
        try:
            scan_lang(argv)
        except BadLang as bad:
            value = bad.args[0]
            err.write("itss: --lang 须为 zh 或 en，而不是“%s”\n"
                      "itss: --lang must be zh or en, not '%s'\n"
                      "用法见“%s help”\nTry '%s help' for usage.\n" % (value, value, PROG, PROG))
            return EXIT_USAGE
        # --lang may also come first: python3 -m itss --lang en help
        while argv and (argv[0].startswith("--lang=") or (argv[0] == "--lang" and len(argv) > 1)):
            argv = argv[1 if argv[0].startswith("--lang=") else 2:]
        if not argv:
            err.write(tool_help())
            return EXIT_USAGE
        area = argv[0]
        if area in ("--version", "version"):
            out.write("itss (python) %s (libitss %s)\n" % (_version(), _lib.version_string()))
            return 0
        if area in ("--help", "-h", "help"):
            out.write(help_command(argv))
            return 0
        mains = {"class": class_main, "maturity": maturity_main, "quality": quality_main}
        if area not in mains:
            raise Usage(T("unknown command '%s'", "未知的命令“%s”") % area)
        if len(argv) < 2:
            raise Usage(T("'%s' needs a verb", "“%s”后面需要一个子命令") % area)
        if argv[1] in ("--help", "-h", "help"):
            out.write(tool_help(area))
            return 0
        return mains[area](argv[1], argv[2:], io)
    except Usage as u:
        err.write(usage_message(u))
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


