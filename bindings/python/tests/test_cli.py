"""``python3 -m itss`` mirrors the C tool ``itss``: for each command below
both are run, and the standard output, the exit status and the standard
error (but for the name of the program in the usage hint) must be equal.
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

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
    ["maturity", "model", "--lang", "en"],
    ["maturity", "model", "--format", "json"],
    ["maturity", "clauses", "--level", "1", "--domain", "process"],
    ["maturity", "clauses", "--item", "3", "--format", "json"],
    ["maturity", "clauses", "--domain", "nosuch"],
    ["maturity", "clauses", "--level", "x"],
    ["maturity", "model", "extra"],
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
    ["quality", "ahp", "AHP"],
    ["quality", "ahp", "AHP", "--format", "json"],
    ["quality", "ahp", "--allow-inconsistent=yes", "AHP"],
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
    args = [str(ahp_file(tmp_path_factory)) if a == "AHP" else a for a in args]
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


def test_version_and_help():
    code, out, _ = run([sys.executable, "-m", "itss", "--version"])
    assert code == 0 and b"libitss 1.0.0" in out
    code, out, _ = run([sys.executable, "-m", "itss", "help"])
    assert code == 0 and b"maturity rate" in out
