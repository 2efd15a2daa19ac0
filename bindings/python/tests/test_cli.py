"""``python3 -m itss`` mirrors the C tool ``itss``: for each command below
both are run, and the standard output, the exit status and the standard
error (but for the name of the program in the usage hint) must be equal.
"""

import errno
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, SANITIZED

PACKAGE = ROOT / "bindings" / "python"
EX = ROOT / "examples"
CASES = ROOT / "tests" / "cases"
CUSTOM_MODEL = CASES / "maturity" / "custom-model-rate" / "model.json"
ADDED_CATALOG = CASES / "quality" / "catalog-on-top" / "catalog.json"


def ahp_file(tmp_path_factory):
    d = tmp_path_factory.mktemp("ahp")
    p = d / "ahp.json"
    p.write_text(json.dumps({"matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]],
                             "labels": ["a", "b", "c"]}))
    return p


SHEETS = ROOT / "tests" / "python" / "fixtures" / "sheets"


def made_files(c_cli, tmp_path_factory):
    """Inputs written by the C tool for the commands below: a workbook of
    examples/assessment.json and the scheme of service 04."""
    d = tmp_path_factory.mktemp("made")
    made = {"XLSX": d / "assessment.xlsx", "SCHEME": d / "scheme.json"}
    subprocess.run([c_cli, "maturity", "convert", str(EX / "assessment.json"), "-o",
                    str(made["XLSX"])], check=False, timeout=120)
    subprocess.run([c_cli, "quality", "scheme", "--service", "04", "--format", "json", "-o",
                    str(made["SCHEME"])], check=True, timeout=120)
    return {k: str(v) for k, v in made.items()}


CMP = CASES / "maturity-compare"
CMP_FILES = [str(CMP / f) for f in ("2024.json", "2025.json", "2026.json")]

COMMANDS = [
    # classification
    ["class", "show", "040201"],
    ["class", "show", "040201", "--format", "json"],
    ["class", "show", "0407"],
    ["class", "show", "04x"],
    ["class", "search", "运维", "--lang", "en"],
    ["class", "search", "no-such-name"],
    ["class", "tree", "04"],
    ["class", "tree", "--format=json"],
    ["class", "export", "0402", "--format", "json"],
    ["class", "export", "0402", "--lang", "en"],
    ["class", "show", "01", "--lang", "EN"],
    ["class", "show", "01", "--lang", "fr"],
    ["class", "validate", "0407", "040201", "", "99"],
    ["class", "validate", "01", "--format", "json"],
    ["class", "map", "--to", "gbt4754", "040201"],
    ["class", "map", "--from", "db21", "06", "--format", "json"],
    ["class", "map", "--from", "gbt4754", "6540"],
    ["class", "map", "--to", "nosuch", "04"],
    ["class", "map", "040201"],
    ["class", "show", "01", "--catalog", "no/such/catalog.json"],
    # maturity
    ["maturity", "rate", str(EX / "assessment.json")],
    ["maturity", "rate", str(EX / "assessment.json"), "--lang", "en", "--target", "4"],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "json"],
    ["maturity", "rate", str(EX / "assessment.json"), "--target", "7"],
    ["maturity", "rate", "no/such/file.json"],
    ["maturity", "rate", "/dev/zero"],
    ["quality", "ahp", "/dev/zero"],
    ["maturity", "rate", str(EX / "evaluation.json")],
    ["maturity", "rate", str(EX / "assessment.json"), "--model", str(CUSTOM_MODEL)],
    ["maturity", "model", "--model", str(CASES / "maturity" / "format-warnings-unused" / "model.json")],
    ["maturity", "rate", str(EX / "assessment.json"), "--target", "协同级"],
    ["maturity", "clauses", "--level", "六级"],
    ["maturity", "model", "--lang", "en"],
    ["maturity", "model", "--format", "json"],
    ["maturity", "clauses", "--level", "1", "--domain", "process"],
    ["maturity", "clauses", "--item", "3", "--format", "json"],
    ["maturity", "clauses", "--domain", "nosuch"],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "html"],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "svg", "--lang", "en"],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "html", "--model",
     str(CUSTOM_MODEL)],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "html", "--jsonl"],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "pdf"],
    ["maturity", "model", "--format", "html"],
    ["class", "show", "01", "--format", "svg"],
    ["class", "show", "01", "-o", "/no/such/dir/out.txt"],
    ["class", "show", "01", "--lang", "en", "--output=/no/such/dir/out.txt"],
    ["class", "show", "01", "--output="],
    ["maturity", "clauses", "--level", "x"],
    ["maturity", "model", "extra"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--lang", "en"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "json"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "csv"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "html"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "html",
     "--lang", "en"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "svg"],
    ["maturity", "compare", "--model", str(CMP / "model.json"), CMP_FILES[0], str(EX / "assessment.json")],
    ["maturity", "compare", "--model", str(CMP / "model.json"), CMP_FILES[0], "--format", "html5"],
    ["maturity", "compare", str(EX / "assessment.json")],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "csv"],
    # quality
    ["quality", "score", str(EX / "evaluation.json")],
    ["quality", "score", str(EX / "evaluation.json"), "--format", "json", "--lang", "en"],
    ["quality", "score", str(EX / "assessment.json")],
    ["quality", "model", "--lang", "en"],
    ["quality", "model", "--format", "json"],
    ["quality", "indicators", "--service", "0402"],
    ["quality", "indicators", "--catalog-add", str(ADDED_CATALOG), "--format", "json"],
    ["quality", "indicators", "--catalog", str(ADDED_CATALOG)],
    ["quality", "scheme", "--service", "04", "--format", "json"],
    ["quality", "scheme"],
    ["quality", "compare", str(EX / "evaluation.json"), str(EX / "evaluation.json")],
    ["quality", "compare", str(EX / "evaluation.json"), str(EX / "evaluation.json"),
     "--format", "json"],
    ["quality", "compare", str(EX / "evaluation.json"),
     str(CASES / "quality" / "hostile-evaluation-valid-base" / "evaluation.json")],
    ["quality", "ahp", "AHP"],
    ["quality", "ahp", "AHP", "--format", "json"],
    ["quality", "ahp", "--allow-inconsistent=yes", "AHP"],
    # worksheets
    ["maturity", "template"],
    ["maturity", "template", "--lang", "en", "--level", "1", "--domain", "process"],
    ["maturity", "template", "--level", "基本级", "--model", "itss1-2015"],
    ["maturity", "template", "--domain", "nosuch"],
    ["maturity", "template", "--format", "text"],
    ["maturity", "template", "-o", "template.txt"],
    ["maturity", "template", "extra"],
    ["maturity", "rate", str(SHEETS / "assessment.csv")],
    ["maturity", "rate", str(SHEETS / "assessment.csv"), "--format", "json"],
    ["maturity", "rate", str(SHEETS / "assessment.csv"), "--format", "csv"],
    ["maturity", "rate", str(EX / "assessment.json"), "--rows", "domain"],
    ["maturity", "rate", str(EX / "assessment.json"), "--rows", "domain", "--format", "csv",
     "--lang", "en"],
    ["maturity", "rate", str(EX / "assessment.json"), "--rows", "domain", "--format", "json"],
    ["maturity", "rate", str(EX / "assessment.json"), "--rows", "domain", "--format", "svg"],
    ["maturity", "rate", str(EX / "assessment.json"), "--rows", "row"],
    ["maturity", "rate", "XLSX", "--target", "3"],
    ["maturity", "rate", str(SHEETS / "bad-assessment.csv")],
    ["maturity", "rate", str(SHEETS / "gb18030.csv")],
    ["maturity", "rate", str(SHEETS / "gb18030.csv"), "--encoding", "gb18030"],
    ["maturity", "rate", str(SHEETS / "gb18030.csv"), "--encoding", "no-such-encoding"],
    ["maturity", "rate", str(SHEETS / "assessment.csv"), "--input-format", "json"],
    ["maturity", "rate", str(SHEETS / "assessment.csv"), "--input-format", "xlsx"],
    ["maturity", "rate", str(SHEETS / "assessment.csv"), "--input-format", "ods"],
    ["maturity", "rate", str(EX / "assessment.json"), "--input-format", "json", "--encoding",
     "gb18030"],
    ["maturity", "rate", str(EX / "assessment.json"), "--jsonl", "--input-format", "csv"],
    ["maturity", "check", str(SHEETS / "bad-assessment.csv"), str(SHEETS / "assessment.csv"),
     str(EX / "assessment.json"), "XLSX"],
    ["maturity", "check", str(SHEETS / "bad-assessment.csv"), "--format", "json", "--lang",
     "en"],
    ["maturity", "check", str(SHEETS / "assessment.csv"), "--lang", "en"],
    ["maturity", "check", "no/such/file.csv", str(SHEETS / "assessment.csv")],
    ["maturity", "compare", str(EX / "assessment-2025.json"), str(SHEETS / "assessment.csv")],
    ["maturity", "compare", str(SHEETS / "assessment.csv"), "XLSX", "--format", "json"],
    ["maturity", "compare", str(SHEETS / "assessment.csv"), str(SHEETS / "bad-assessment.csv")],
    ["maturity", "compare", str(SHEETS / "gb18030.csv"), str(SHEETS / "gb18030.csv"),
     "--encoding", "gb18030"],
    ["quality", "compare", str(EX / "evaluation.json"), str(SHEETS / "bad-evaluation.csv")],
    ["maturity", "check"],
    ["maturity", "convert", str(EX / "assessment.json"), "--format", "csv"],
    ["maturity", "convert", "XLSX", "--format", "json"],
    ["maturity", "convert", str(SHEETS / "assessment.csv"), "--format", "csv", "--lang", "en"],
    ["maturity", "convert", str(EX / "assessment.json")],
    ["maturity", "convert", str(EX / "assessment.json"), "-o", "out.pdf"],
    ["quality", "template", "--service", "04"],
    ["quality", "template", "--service", "0402", "--lang", "en"],
    ["quality", "template", "--service", "04", "--scheme", "SCHEME"],
    ["quality", "template", "--service", "04", "--scheme", str(EX / "evaluation.json")],
    ["quality", "template", "--service", "0402", "--scheme", str(EX / "evaluation.json")],
    ["quality", "template", "--service", "04", "--scheme", str(EX / "assessment.json")],
    ["quality", "template", "--service", "99"],
    ["quality", "template"],
    ["quality", "score", str(EX / "evaluation.json"), "--format", "csv"],
    ["quality", "score", str(SHEETS / "bad-evaluation.csv")],
    ["quality", "check", str(SHEETS / "bad-evaluation.csv"), str(EX / "evaluation.json")],
    ["quality", "check", str(SHEETS / "bad-evaluation.csv"), "--format", "json"],
    # usage
    ["class"],
    ["nosuch", "verb"],
    ["quality", "frobnicate"],
    ["class", "show", "01", "--bogus"],
]


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(PACKAGE)))
    return p.returncode, p.stdout, p.stderr.replace(b"python3 -m itss help", b"itss help")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a)[:60])
def test_same_as_the_c_tool(args, c_cli, tmp_path_factory):
    made = made_files(c_cli, tmp_path_factory) if {"XLSX", "SCHEME"} & set(args) else {}
    args = [str(ahp_file(tmp_path_factory)) if a == "AHP" else made.get(a, a) for a in args]
    py = run([sys.executable, "-m", "itss", *args])
    c = run([c_cli, *args])
    assert py[0] == c[0], (py[2], c[2])
    assert py[1] == c[1]
    assert py[2] == c[2]


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_jsonl_from_stdin(area, c_cli):
    """One document per line, results and error objects line by line."""
    if area == "maturity rate":
        good = json.dumps(json.loads((EX / "assessment.json").read_text(encoding="utf-8")),
                          ensure_ascii=False)
        bad = '{"ratings": {"6.1.1.a": "X"}}'
    else:
        good = json.dumps(json.loads((EX / "evaluation.json").read_text(encoding="utf-8")),
                          ensure_ascii=False)
        bad = '{"service": "04", "measurements": 5}'
    lines = "\n".join([good, bad, "", good]).encode("utf-8") + b"\n"
    args = [*area.split(), "-", "--jsonl"]
    py = run([sys.executable, "-m", "itss", *args], stdin=lines)
    c = run([c_cli, *args], stdin=lines)
    assert py == c
    assert py[0] == 1 and len(py[1].splitlines()) == 4
    assert json.loads(py[1].splitlines()[1])["error"]["input_line"] == 2


@pytest.mark.parametrize("flag", ["-o", "--output"])
def test_output_file_same_as_the_c_tool(flag, c_cli, tmp_path):
    """-o FILE holds what standard output would: nothing goes to standard
    output, the file's bytes are those of both tools."""
    args = ["maturity", "rate", str(EX / "assessment.json"), "--format", "html"]
    plain = run([c_cli, *args])
    for name, cmd in (("py", [sys.executable, "-m", "itss"]), ("c", [c_cli])):
        out = tmp_path / (name + ".html")
        got = run([*cmd, *args, flag, str(out)])
        assert got == (0, b"", b"")
        assert out.read_bytes() == plain[1]


@pytest.mark.parametrize("area", ["maturity", "quality"])
def test_workbook_same_as_the_c_tool(area, c_cli, tmp_path):
    """An XLSX template, piped and through -o: the same workbook from both
    tools (every part but the creation time of docProps/core.xml)."""
    import zipfile
    args = [area, "template", "--format", "xlsx"] + (["--service", "04"] if area == "quality"
                                                    else [])
    parts = []
    for name, cmd in (("py", [sys.executable, "-m", "itss"]), ("c", [c_cli])):
        code, data, err = run([*cmd, *args])
        if code and b"not written yet" in err:
            pytest.skip("worksheet writer not built yet")
        assert (code, err) == (0, b"")
        piped = tmp_path / (name + "-piped.xlsx")
        piped.write_bytes(data)
        named = tmp_path / (name + ".xlsx")
        assert run([*cmd, area, "template", "-o", str(named)] + args[4:]) == (0, b"", b"")
        for f in (piped, named):
            with zipfile.ZipFile(f) as z:
                parts.append({n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"})
    assert parts[0] and all(p == parts[0] for p in parts)


def test_output_file_not_created_on_failure(c_cli, tmp_path):
    """A command that fails before writing leaves no file behind."""
    for name, cmd in (("py", [sys.executable, "-m", "itss"]), ("c", [c_cli])):
        out = tmp_path / (name + ".txt")
        code, stdout, _ = run([*cmd, "class", "show", "99", "-o", str(out)])
        assert code == 1 and stdout == b"" and not out.exists()


def test_version_and_help():
    code, out, _ = run([sys.executable, "-m", "itss", "--version"])
    assert code == 0 and b"libitss 1.1.0" in out
    code, out, _ = run([sys.executable, "-m", "itss", "help"])
    assert code == 0 and b"maturity rate" in out


def test_help_names_the_command_as_it_is_run():
    """python3 -m itss names itself so wherever it names itself."""
    for args, first in ((["--help"], "用法：python3 -m itss "),
                        (["--help", "--lang", "en"], "Usage: python3 -m itss "),
                        (["maturity", "rate", "--help"], "用法：python3 -m itss maturity rate"),
                        (["class", "--help"], "用法：python3 -m itss ")):
        p = subprocess.run([sys.executable, "-m", "itss", *args], capture_output=True,
                           env=ENV, timeout=120)
        out = p.stdout.decode("utf-8")
        assert p.returncode == 0 and out.startswith(first), (args, out[:80])
        assert "itss-py" not in out
        assert all(line.startswith(("  python3 -m itss ", "  -", "  --"))
                   for line in out.splitlines() if line.startswith("  ") and " itss " in line)
    p = subprocess.run([sys.executable, "-m", "itss", "nosuch"], capture_output=True, env=ENV,
                       timeout=120)
    assert p.stderr.decode("utf-8") == "itss: 未知的命令“nosuch”\n用法见“python3 -m itss help”\n"


# ---- the same messages and help as itss -----------------------------------

PY_VERBS = {
    "class": ["show", "search", "tree", "export", "validate", "map"],
    "maturity": ["rate", "model", "clauses", "compare", "template", "check", "convert"],
    "quality": ["score", "model", "indicators", "scheme", "compare", "ahp", "template", "check"],
}


def same_name(result):
    """A result with the name of the command made that of the C tool."""
    code, out, err = result
    return (code, out.replace(b"python3 -m itss", b"itss"),
            err.replace(b"python3 -m itss", b"itss"))


@pytest.mark.parametrize("area,verb", [(a, v) for a, vs in PY_VERBS.items() for v in vs])
def test_help_of_every_verb_same_as_the_c_tool(area, verb, c_cli):
    for extra in ([], ["--lang", "en"]):
        for args in ([area, verb, "--help", *extra], ["help", area, verb, *extra]):
            py = same_name(run([sys.executable, "-m", "itss", *args]))
            c = run([c_cli, *args])
            assert py == c and c[0] == 0 and (area + " " + verb).encode() in c[1]


def message_cases(tmp_path):
    """Commands whose messages both tools must say alike: usage errors in
    both languages, JSON lines with their places, GB18030 documents."""
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"ratings": {"6.1.1.a": "X"}}\n{"ratings": {}}\n\n  \n{"ratings": {}\n[1]\n',
                     encoding="utf-8")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"id": "中文"}'.encode("gb18030"))
    converted = tmp_path / "assessment-gbk.json"
    converted.write_bytes((EX / "assessment.json").read_text(encoding="utf-8").encode("gb18030"))
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"id": "\x81"}')
    cases = []
    for lang in ([], ["--lang", "en"]):
        cases += [
            ["class", "show", "01", "--colour", *lang],
            ["class", "show", "01", "--format", "xml", *lang],
            ["maturity", "rate", str(EX / "assessment.json"), "--format", "xlsx", *lang],
            ["maturity", "clauses", "--item", "0", *lang],
            ["class", "validate", "0407", "01", *lang],
            ["class", "search", "区块链", *lang],
            ["maturity", "rate", str(tmp_path / "missing.json"), *lang],
            ["maturity", "rate", "--jsonl", str(batch), *lang],
            ["maturity", "rate", "--jsonl", str(batch), "--format", "json", *lang],
            ["maturity", "rate", str(gbk), *lang],
            ["maturity", "check", str(gbk), *lang],
            ["maturity", "rate", str(converted), "--encoding", "gb18030", *lang],
            ["maturity", "rate", str(broken), "--encoding", "gb18030", *lang],
            ["maturity", "rate", str(gbk), "--encoding", "no-such", *lang],
            ["maturity", "check", str(gbk), str(broken), "--encoding", "no-such", *lang],
            ["quality", "score", "--jsonl", str(batch), *lang],
            [*lang, "help", "maturity"],
        ]
    cases += [["--lang", "en", "class"], ["class", "show", "01", "--lang", "fr"],
              ["--lang=en", "quality"]]
    return cases


def test_messages_same_as_the_c_tool(c_cli, tmp_path):
    for args in message_cases(tmp_path):
        py = same_name(run([sys.executable, "-m", "itss", *args]))
        c = run([c_cli, *args])
        assert py == c, args


@pytest.mark.parametrize("stdin", [b'{"ratings": {"6.1.1.a": "X"}}\n\n', b"[1]\n \n"])
def test_jsonl_stdin_messages_same_as_the_c_tool(stdin, c_cli):
    """Standard input is <stdin> in both, line and column as in a file."""
    for lang in ([], ["--lang", "en"]):
        args = ["maturity", "rate", "--jsonl", "-", *lang]
        py = run([sys.executable, "-m", "itss", *args], stdin=stdin)
        c = run([c_cli, *args], stdin=stdin)
        assert py == c and b"itss: <stdin>:1:" in c[2] and b"itss: <stdin>:2: " in c[2]


# ---- output that cannot be written ------------------------------------------
#
# /dev/full takes no bytes: every write to it fails with ENOSPC, whose
# message comes from the C library (os.strerror), not from either tool.

NOSPACE = os.strerror(errno.ENOSPC)
ZH = "itss: 无法写入标准输出：设备上没有空间"  # ENOSPC in the tools' Chinese
EN = "itss: cannot write to standard output: %s" % NOSPACE
PY = [sys.executable, "-m", "itss"]
ENV = dict(os.environ, PYTHONPATH=str(PACKAGE))


def to_full(cmd):
    """Exit status and standard error lines of cmd writing to /dev/full."""
    with open("/dev/full", "wb") as full:
        p = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, timeout=600, env=ENV)
    return p.returncode, p.stderr.decode("utf-8").splitlines()


FULL = [
    ["class", "export", "--format", "json"],
    ["class", "show", "040201"],
    ["class", "search", "运维"],
    ["class", "tree"],
    ["maturity", "rate", str(EX / "assessment.json")],
    ["maturity", "rate", str(EX / "assessment.json"), "--format", "json"],
    ["maturity", "model"],
    ["quality", "score", str(EX / "evaluation.json")],
    ["quality", "compare", str(EX / "evaluation.json"), str(EX / "evaluation.json")],
    ["maturity", "compare", "--model", str(CMP / "model.json"), *CMP_FILES, "--format", "csv"],
    ["quality", "ahp", "AHP"],
    ["quality", "model", "--format", "json"],
    ["--version"],
    ["help"],
    ["class", "help"],
]


@pytest.mark.parametrize("args", FULL, ids=lambda a: " ".join(a)[:50])
def test_full_disk_fails_in_both_tools(args, c_cli, tmp_path_factory):
    """Each command succeeds with a writable output; on /dev/full both tools
    say so in one line and exit with status 1."""
    args = [str(ahp_file(tmp_path_factory)) if a == "AHP" else a for a in args]
    assert to_full([*PY, *args]) == (1, [ZH])
    assert to_full([c_cli, *args]) == (1, [ZH])


def test_full_disk_message_in_english(c_cli):
    args = ["maturity", "rate", str(EX / "assessment.json"), "--lang", "en"]
    assert to_full([*PY, *args]) == (1, [EN])
    assert to_full([c_cli, *args]) == (1, [EN])


def test_full_disk_after_a_failure_too(c_cli):
    """0407 is not a class (no middle class 07 under 04): that failure and
    the write error are both said."""
    expected = (1, ["itss: 1 个代码无效（共 1 个）", ZH])
    assert to_full([*PY, "class", "validate", "0407"]) == expected
    assert to_full([c_cli, "class", "validate", "0407"]) == expected


def test_full_disk_stops_the_jsonl_batch(tmp_path):
    """5,000 bad lines, each an error object of some hundred bytes: the
    output fails within the first kilobytes and the batch stops there, with
    the write error as the last message and no summary."""
    n = 5000
    f = tmp_path / "batch.jsonl"
    f.write_text('{"ratings": {"6.1.1.a": "X"}}\n' * n, encoding="utf-8")
    rc, msgs = to_full([*PY, "maturity", "rate", "--jsonl", str(f)])
    assert rc == 1
    assert msgs[-1] == ZH and msgs.count(ZH) == 1
    assert not any("lines failed" in m for m in msgs)
    assert 0 < len(msgs) - 1 < n  # one message per line handled before the stop


def test_given_stream_that_fails():
    """main() with streams of the caller: a write error is an exit status,
    not an exception, and the message names standard output."""
    import io

    from itss import cli

    class Failing(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    err = io.StringIO()
    assert cli.main(["class", "show", "040201", "--lang", "en"], stdout=Failing(),
                    stderr=err) == 1
    assert err.getvalue() == "itss: cannot write to standard output: %s\n" % os.strerror(
        errno.EPIPE)


@pytest.mark.parametrize("ignored", [False, True], ids=["default", "ignored by the parent"])
def test_closed_pipe_ends_both_tools_through_sigpipe(ignored, c_cli):
    """The reader takes 10 bytes of a long output and goes away: both tools
    end through SIGPIPE without a message, whatever the parent did with
    SIGPIPE."""
    def disposition():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN if ignored else signal.SIG_DFL)

    for cmd in (PY, [c_cli]):
        p = subprocess.Popen([*cmd, "maturity", "clauses", "--format", "json"], env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=disposition, restore_signals=False)
        p.stdout.read(10)
        p.stdout.close()
        assert p.wait(timeout=600) == -signal.SIGPIPE, cmd
        assert p.stderr.read() == b"", cmd
        p.stderr.close()


# ---- --jsonl lines beyond the 64 MiB limit -----------------------------------

LIMIT = 64 * 1024 * 1024  # ITSS_MAX_DOCUMENT_SIZE
GUARD = 60  # seconds; only detects a hang, the answer comes within seconds


def first_line(p):
    """The first output line of p, or None after GUARD seconds (a hang)."""
    got = queue.Queue()
    threading.Thread(target=lambda: got.put(p.stdout.readline()), daemon=True).start()
    try:
        return got.get(timeout=GUARD)
    except queue.Empty:
        return None


def elimit_line_1(line, lang="zh"):
    """The record of the limit for line 1, its message in lang (the
    default: Chinese)."""
    assert line is not None, "no output line within %d s: python3 -m itss hangs" % GUARD
    e = json.loads(line)["error"]
    assert (e["code"], e["input_line"]) == ("ITSS_ELIMIT", 1)
    want = "文档有 %d 字节" if lang == "zh" else "document is %d bytes"
    assert e["message"].startswith(want % (LIMIT + 1))


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_over_long_line_is_reported_before_its_end(area):
    """64 MiB + 1 MiB of zeros and the line goes on: its error comes before
    its newline is written; then the newline and a valid line end the input,
    and line 2 gets its result."""
    valid = (b'{"ratings": {}}' if area == "maturity rate" else
             json.dumps(json.loads((EX / "evaluation.json").read_text("utf-8")),
                        ensure_ascii=False).encode("utf-8"))
    p = subprocess.Popen([*PY, *area.split(), "--jsonl", "-", "--lang", "en"], env=ENV,
                         stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        piece = b"\0" * (1 << 20)
        for _ in range(65):
            p.stdin.write(piece)
        p.stdin.flush()
        elimit_line_1(first_line(p), "en")
        p.stdin.write(b"\n" + valid + b"\n")
        p.stdin.close()
        p.wait(timeout=GUARD)  # one result line and a few messages fit in the pipes
        out, err = p.stdout.read(), p.stderr.read()
    finally:
        p.kill()
        p.wait()
        p.stdout.close()
        p.stderr.close()
    second = json.loads(out)
    assert "error" not in second
    if area == "maturity rate":
        assert second["level"] == 0  # nothing rated: below Basic
    assert p.returncode == 1
    assert b"1 of 2 lines failed" in err


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_dev_zero_answers_and_memory_stays_bounded(area):
    """/dev/zero as the file: the error for line 1 comes out, and while the
    rest is passed over the peak memory stays near two copies of one 64 MiB
    line (readline joins the pieces it read) and the interpreter, under
    256 MiB, although by then 1 GiB has been read."""
    p = subprocess.Popen([*PY, *area.split(), "--jsonl", "/dev/zero"], env=ENV,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        elimit_line_1(first_line(p))
        for _ in range(GUARD * 10):  # a guard; reading 1 GiB takes a few seconds
            if proc_value(p.pid, "io", "rchar:") > (1 << 30) or p.poll() is not None:
                break
            time.sleep(0.1)
        assert p.poll() is None, "ended on an endless input"
        assert proc_value(p.pid, "io", "rchar:") > (1 << 30)
        if not SANITIZED:
            assert proc_value(p.pid, "status", "VmHWM:") < 256 * 1024
    finally:
        p.kill()
        p.wait()
        p.stdout.close()


def proc_value(pid, name, key):
    with open("/proc/%d/%s" % (pid, name)) as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/%s" % (key, pid, name))


def test_lines_at_the_limit_in_both_tools(c_cli, tmp_path):
    """At the edge: a document of exactly 64 MiB (a small assessment padded
    with spaces) ended by CR LF is rated; one byte more, ended by LF, is
    refused for its size; a last line of exactly 64 MiB with no newline is
    rated. Both tools give the same lines."""
    doc = b'{"ratings": {}}'
    pad = b" " * (LIMIT - len(doc))
    f = tmp_path / "edge.jsonl"
    with open(f, "wb") as out:
        out.write(doc + pad + b"\r\n")
        out.write(doc + pad + b" \n")
        out.write(doc + pad)
    py = run([*PY, "maturity", "rate", "--jsonl", str(f)])
    c = run([c_cli, "maturity", "rate", "--jsonl", str(f)])
    assert py == c
    lines = c[1].splitlines()
    assert c[0] == 1 and len(lines) == 3
    assert json.loads(lines[0])["level"] == 0 and json.loads(lines[2])["level"] == 0
    e = json.loads(lines[1])["error"]
    assert (e["code"], e["input_line"]) == ("ITSS_ELIMIT", 2)
    assert e["message"].startswith("文档有 %d 字节" % (LIMIT + 1))  # the default language: Chinese
