"""itss: output that cannot be written, and --jsonl lines that never end.

/dev/full takes no bytes: every write to it fails with ENOSPC ("No space
left on device"), so a command whose standard output is /dev/full must say
so on standard error and exit with status 1, whatever it prints. The
message is in the language of --lang, the errno text too: in English the C
library's, in Chinese the tool's own words for it.

A --jsonl line longer than the 64 MiB document limit
(ITSS_MAX_DOCUMENT_SIZE) is reported as soon as the limit is passed, before
its end is seen; /dev/zero is a line that never ends.
"""
import errno
import json
import os
import queue
import signal
import subprocess
import threading
import time

import pytest

from conftest import ROOT

EX = ROOT / "examples"
ASSESSMENT = str(EX / "assessment.json")
EVALUATION = str(EX / "evaluation.json")
LIMIT = 64 * 1024 * 1024  # ITSS_MAX_DOCUMENT_SIZE
# the message of ENOSPC, taken from the C library, not from itss
NOSPACE = os.strerror(errno.ENOSPC)
ZH = "itss: 无法写入标准输出：设备上没有空间"  # ENOSPC in Chinese
EN = "itss: cannot write to standard output: %s" % NOSPACE


def exe():
    return os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss"))


def wrapper():
    return os.environ.get("ITSS_CLI_WRAPPER", "").split()


def to_full(*args, stdin=None):
    """Run itss with its standard output on /dev/full."""
    with open("/dev/full", "wb") as full:
        p = subprocess.run([*wrapper(), exe(), *args], input=stdin, stdout=full,
                           stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def ahp(tmp_path_factory):
    p = tmp_path_factory.mktemp("ahp") / "ahp.json"
    p.write_text(json.dumps({"matrix": [[1, 2], [0.5, 1]]}))
    return str(p)


WRITERS = [
    ["class", "export", "--format", "json"],
    ["class", "export"],
    ["class", "show", "040201"],
    ["class", "search", "运维"],
    ["class", "tree"],
    ["class", "validate", "040201"],
    ["class", "map", "--to", "gbt4754", "040201"],
    ["maturity", "rate", ASSESSMENT],
    ["maturity", "rate", ASSESSMENT, "--format", "json"],
    ["maturity", "model"],
    ["maturity", "clauses", "--format", "json"],
    ["quality", "score", EVALUATION],
    ["quality", "model"],
    ["quality", "indicators"],
    ["quality", "scheme", "--service", "04"],
    ["quality", "compare", EVALUATION, EVALUATION],
    ["quality", "ahp", "AHP"],
    ["--version"],
    ["version"],
    ["--help"],
    ["help"],
    ["class", "help"],
]


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: " ".join(a)[:50])
def test_full_disk_fails(args, ahp):
    """Each of these succeeds with a writable output (status 0); on
    /dev/full it must fail with one message naming standard output."""
    args = [ahp if a == "AHP" else a for a in args]
    rc, err = to_full(*args)
    assert rc == 1, err
    assert err.splitlines() == [ZH]


@pytest.mark.parametrize("args", [["class", "export", "--format", "json"],
                                  ["maturity", "rate", ASSESSMENT],
                                  ["quality", "model", "--format", "json"]],
                         ids=lambda a: " ".join(a)[:50])
def test_full_disk_message_in_english(args):
    rc, err = to_full(*args, "--lang", "en")
    assert rc == 1 and err.splitlines() == [EN]


def test_full_disk_after_a_failure_too():
    """validate fails for 0407 (no such middle class) and prints its report:
    both the failure and the write error are said, status 1."""
    rc, err = to_full("class", "validate", "0407")
    assert rc == 1
    assert err.splitlines() == ["itss: 1 个代码无效（共 1 个）", ZH]


@pytest.mark.parametrize("bad", [False, True], ids=["good lines", "bad lines"])
def test_full_disk_stops_the_jsonl_batch(tmp_path, bad):
    """5,000 lines, each with a result or error object of some hundred
    bytes: the output fails within the first few kilobytes, and the batch
    stops there: far fewer than 5,000 lines are handled, and the last
    message is the write error, with no summary after it."""
    n = 5000
    line = '{"ratings": {"6.1.1.a": "X"}}' if bad else '{"ratings": {}}'
    f = tmp_path / "batch.jsonl"
    f.write_text((line + "\n") * n, encoding="utf-8")
    rc, err = to_full("maturity", "rate", "--jsonl", str(f))
    msgs = err.splitlines()
    assert rc == 1
    assert msgs[-1] == ZH
    assert msgs.count(ZH) == 1
    assert not any("lines failed" in m for m in msgs)
    if bad:
        # one message per line handled before the stop
        assert 0 < len(msgs) - 1 < n


@pytest.mark.parametrize("ignored", [False, True], ids=["default", "ignored by the parent"])
def test_closed_pipe_ends_through_sigpipe(ignored):
    """The reader takes 10 bytes of a long output and goes away: itss ends
    through SIGPIPE without a message, as other filters do, also when its
    parent had SIGPIPE ignored (the disposition is inherited)."""
    if wrapper():
        pytest.skip("the checker's own handling of signals is not the tool's")

    def ignore():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN if ignored else signal.SIG_DFL)

    p = subprocess.Popen([exe(), "maturity", "clauses", "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=ignore, restore_signals=False)
    p.stdout.read(10)
    p.stdout.close()
    assert p.wait(timeout=600) == -signal.SIGPIPE
    assert p.stderr.read() == b""
    p.stderr.close()


# ---- lines beyond the limit ------------------------------------------------

GUARD = 60  # seconds; only detects a hang, the answer comes in well under 1 s


class Running:
    """itss --jsonl reading a pipe; output lines are collected by a thread so
    that a line can be awaited with a guard against a hang."""

    def __init__(self, *args):
        self.p = subprocess.Popen([*wrapper(), exe(), *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def next_line(self):
        try:
            return self.lines.get(timeout=GUARD)
        except queue.Empty:
            self.kill()
            pytest.fail("no output line within %d s: itss hangs" % GUARD)

    def write(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def kill(self):
        self.p.kill()
        self.p.wait()
        for s in (self.p.stdin, self.p.stdout, self.p.stderr):
            try:
                s.close()
            except BrokenPipeError:
                pass


def zeros(run, total):
    """Write total zero bytes (no newline) in 1 MiB pieces."""
    piece = b"\0" * (1 << 20)
    while total > 0:
        run.write(piece[:total])
        total -= len(piece)


def elimit_line_1(line):
    e = json.loads(line)["error"]
    assert (e["code"], e["input_line"]) == ("ITSS_ELIMIT", 1)
    # the library refuses the line at one byte over the limit
    assert e["message"].startswith("document is %d bytes" % (LIMIT + 1))


VALID = {"maturity rate": b'{"ratings": {}}',
         "quality score": json.dumps(json.loads((EX / "evaluation.json").read_text("utf-8")),
                                     ensure_ascii=False).encode("utf-8")}


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_over_long_line_is_reported_before_its_end(area):
    """64 MiB + 1 MiB of zeros, and the line goes on: the error for line 1
    comes before its newline is written. Then the newline and a valid line
    end the input: line 2 gets its result, and the status is 1 for line 1."""
    if wrapper():
        pytest.skip("64 MiB through valgrind takes too long")
    run = Running(*area.split(), "--jsonl", "-", "--lang", "en")
    zeros(run, LIMIT + (1 << 20))
    elimit_line_1(run.next_line())
    run.write(b"\n" + VALID[area] + b"\n")
    run.p.stdin.close()
    second = run.next_line()
    assert second is not None
    assert "error" not in json.loads(second)
    if area == "maturity rate":
        assert json.loads(second)["level"] == 0  # no clause rated: below Basic
    assert run.next_line() is None
    assert run.p.wait(timeout=GUARD) == 1
    err = run.p.stderr.read().decode("utf-8")
    # standard input is named <stdin>; line 1, no column (the line is cut)
    assert "<stdin>:1: document is %d bytes" % (LIMIT + 1) in err
    assert "1 of 2 lines failed" in err


def test_over_long_line_at_the_end_is_reported_once():
    """The input ends inside the over-long line: one error line, then the end."""
    if wrapper():
        pytest.skip("64 MiB through valgrind takes too long")
    run = Running("maturity", "rate", "--jsonl", "-", "--lang", "en")
    zeros(run, LIMIT + 5)
    run.p.stdin.close()
    elimit_line_1(run.next_line())
    assert run.next_line() is None
    assert run.p.wait(timeout=GUARD) == 1
    assert "1 of 1 lines failed" in run.p.stderr.read().decode("utf-8")


def proc_value(pid, name, key):
    """A number of /proc/PID/NAME, e.g. ("io", "rchar:") or ("status", "VmHWM:")."""
    with open("/proc/%d/%s" % (pid, name)) as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/%s" % (key, pid, name))


def first_line(p):
    """The first output line of p; a failure if none comes within GUARD."""
    got = queue.Queue()
    threading.Thread(target=lambda: got.put(p.stdout.readline()), daemon=True).start()
    try:
        return got.get(timeout=GUARD)
    except queue.Empty:
        pytest.fail("no output line within %d s: itss hangs" % GUARD)


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_dev_zero_answers_and_memory_stays_bounded(area):
    """/dev/zero through a pipe: the error line for line 1 comes out, and
    while the tool passes over the endless rest its peak memory stays near
    one line's worth: a 64 MiB line buffer (plus the 32 MiB one it grew
    from) and the program itself, under 160 MiB, although by then it has
    read 1 GiB."""
    if wrapper():
        pytest.skip("64 MiB through valgrind takes too long")
    with open("/dev/zero", "rb") as zero:
        feeder = subprocess.Popen(["cat"], stdin=zero, stdout=subprocess.PIPE)
    try:
        p = subprocess.Popen([exe(), "--lang", "en", *area.split(), "--jsonl", "-"], stdin=feeder.stdout,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        feeder.stdout.close()
        try:
            elimit_line_1(first_line(p))
            # the guard only stops a hang; reading 1 GiB takes about a second
            for _ in range(GUARD * 10):
                if proc_value(p.pid, "io", "rchar:") > (1 << 30) or p.poll() is not None:
                    break
                time.sleep(0.1)
            assert p.poll() is None, "itss ended on an endless input"
            assert proc_value(p.pid, "io", "rchar:") > (1 << 30)
            if not os.environ.get("ITSS_SANITIZED"):
                assert proc_value(p.pid, "status", "VmHWM:") < 160 * 1024
        finally:
            p.kill()
            p.wait()
            p.stdout.close()
    finally:
        feeder.kill()
        feeder.wait()


@pytest.mark.parametrize("area", ["maturity rate", "quality score"])
def test_dev_zero_as_the_file(area):
    """`itss ... --jsonl /dev/zero` answers for line 1 and keeps reading."""
    if wrapper():
        pytest.skip("64 MiB through valgrind takes too long")
    p = subprocess.Popen([exe(), "--lang", "en", *area.split(), "--jsonl", "/dev/zero"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        elimit_line_1(first_line(p))
    finally:
        p.kill()
        p.wait()
        p.stdout.close()
