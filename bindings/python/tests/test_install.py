"""pip installs the package offline into a plain virtual environment
(nothing but what ``python3 -m venv`` provides: no wheel, no network),
with and without build isolation, from the source tree, from its sdist
and as an editable install; the wheel is complete and its RECORD right;
pip uninstall removes it."""

import base64
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SANITIZED

import itss
from itss import _lib

PACKAGE = ROOT / "bindings" / "python"
sys.path.insert(0, str(PACKAGE / "_backend"))
import itss_build  # noqa: E402


def have_venv():
    return subprocess.run(["/usr/bin/python3", "-c", "import ensurepip, venv"],
                          capture_output=True).returncode == 0


needs_venv = pytest.mark.skipif(not have_venv(),
                                reason="python3-venv is not installed (no ensurepip)")
plain = pytest.mark.skipif(SANITIZED, reason="installs and runs a plain interpreter")

# Any attempt to reach an index or a proxy fails at once.
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PIP_NO_CACHE_DIR": "1", "http_proxy": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9", "PYTHONPATH": None, "PIP_USER": None}


def environ(**changes):
    env = dict(os.environ)
    for k, v in {**OFFLINE, **changes}.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    where = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(where)], check=True, timeout=300)
    return where


def pip(venv, *args, cwd):
    p = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", *args], capture_output=True,
                       text=True, timeout=300, cwd=cwd, env=environ())
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


def in_venv(venv, code, cwd):
    """Run code with the venv's interpreter, away from the source tree,
    with ITSS_LIBRARY naming the library under test."""
    p = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True,
                       text=True, timeout=120, cwd=cwd,
                       env=environ(ITSS_LIBRARY=str(_lib.lib._name)))
    assert p.returncode == 0, p.stderr
    return p.stdout.split("\n")


# An assessment without ratings reaches no level (0); what blocks level 1
# is every level-1 clause of the model's source file.
LEVEL1 = sum(1 for c in json.loads((ROOT / "data" / "tcesa1299-2023.json").read_text(
    encoding="utf-8"))["clauses"] if c["level"] == 1)
RATE = ("import itss, pathlib; p = pathlib.Path(itss.__file__).parent; print(p); "
        "print((p / 'py.typed').is_file()); r = itss.maturity.rate({'ratings': {}}); "
        "print(r['level'], len(r['gaps']['clauses']))")


def site_packages(venv):
    found = list(venv.glob("lib/python3*/site-packages"))
    assert len(found) == 1
    return found[0]


@plain
@needs_venv
@pytest.mark.parametrize("isolation", [[], ["--no-build-isolation"]],
                         ids=["isolated", "no-build-isolation"])
def test_install_run_uninstall(venv, tmp_path, isolation):
    pip(venv, "install", "--no-index", *isolation, str(PACKAGE), cwd=tmp_path)
    where, typed, rated, _ = in_venv(venv, RATE, tmp_path)
    assert where == str(site_packages(venv) / "itss")
    assert typed == "True" and rated == "0 %d" % LEVEL1
    script = venv / "bin" / "itss-py"
    p = subprocess.run([str(script), "class", "show", "01"], capture_output=True, text=True,
                       cwd=tmp_path, timeout=120, env=environ(ITSS_LIBRARY=str(_lib.lib._name)))
    assert p.returncode == 0 and "信息技术咨询服务" in p.stdout, p.stderr

    pip(venv, "uninstall", "-y", "itss", cwd=tmp_path)
    assert not (site_packages(venv) / "itss").exists()
    assert not list(site_packages(venv).glob("itss-*.dist-info"))
    assert not script.exists()
    p = subprocess.run([str(venv / "bin" / "python"), "-c", "import itss"], capture_output=True,
                       cwd=tmp_path, timeout=120, env=environ())
    assert p.returncode != 0 and b"No module named 'itss'" in p.stderr


@plain
@needs_venv
def test_sdist_installs_offline(venv, tmp_path):
    # the sdist carries its backend: pip builds the wheel from it alone
    name = itss_build.build_sdist(str(tmp_path))
    assert name == "itss-%s.tar.gz" % itss.__version__
    pip(venv, "install", "--no-index", str(tmp_path / name), cwd=tmp_path)
    try:
        where, typed, rated, _ = in_venv(venv, RATE, tmp_path)
        assert where == str(site_packages(venv) / "itss") and rated == "0 %d" % LEVEL1
    finally:
        pip(venv, "uninstall", "-y", "itss", cwd=tmp_path)


@plain
@needs_venv
def test_editable_install_uses_the_sources(venv, tmp_path):
    pip(venv, "install", "--no-index", "--editable", str(PACKAGE), cwd=tmp_path)
    try:
        where, _, rated, _ = in_venv(venv, RATE, tmp_path)
        assert where == str(PACKAGE / "itss") and rated == "0 %d" % LEVEL1
    finally:
        pip(venv, "uninstall", "-y", "itss", cwd=tmp_path)


def test_wheel_contents_and_record(tmp_path):
    name = itss_build.build_wheel(str(tmp_path))
    assert name == "itss-%s-py3-none-any.whl" % itss.__version__
    info = "itss-%s.dist-info" % itss.__version__
    with zipfile.ZipFile(tmp_path / name) as z:
        names = z.namelist()
        record = list(csv.reader(io.StringIO(z.read(info + "/RECORD").decode("utf-8"))))
        # every file once in RECORD, with its own sha256 (urlsafe base64,
        # no padding, as the wheel format asks) and size; RECORD without
        # either
        assert sorted(r[0] for r in record) == sorted(names)
        for path, digest, size in record:
            if path == info + "/RECORD":
                assert digest == "" and size == ""
                continue
            data = z.read(path)
            want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")
            assert digest == "sha256=" + want, path
            assert int(size) == len(data), path
        modules = sorted(p.name for p in (PACKAGE / "itss").glob("*.py")
                         if p.name != "_installed.py")
        assert sorted(n for n in names if n.startswith("itss/")) == \
            sorted(["itss/" + m for m in modules] + ["itss/py.typed"])
        assert z.read(info + "/entry_points.txt").decode() == \
            "[console_scripts]\nitss-py = itss.cli:run\n"
        wheel = z.read(info + "/WHEEL").decode()
        assert "Root-Is-Purelib: true\n" in wheel and "Tag: py3-none-any\n" in wheel
        meta = z.read(info + "/METADATA").decode()
        assert "\nName: itss\n" in meta and "\nVersion: %s\n" % itss.__version__ in meta
        assert "\nRequires-Python: >=3.8\n" in meta


def test_a_corrupted_file_fails_the_record_check(tmp_path):
    # the check above can fail: a byte changed after RECORD was written
    name = itss_build.build_wheel(str(tmp_path))
    with zipfile.ZipFile(tmp_path / name) as z:
        record = z.read("itss-%s.dist-info/RECORD" % itss.__version__).decode()
        data = z.read("itss/errors.py")
    line = next(r for r in record.splitlines() if r.startswith("itss/errors.py,"))
    assert line.split(",")[1] == itss_build.record_hash(data)
    assert line.split(",")[1] != itss_build.record_hash(data + b" ")


def meson_version():
    text = (ROOT / "meson.build").read_text(encoding="utf-8")
    m = re.search(r"project\('libitss'.*?version: '([^']+)'", text, re.S)
    assert m, "meson.build has no project version"
    return m.group(1)


def test_version_is_written_once():
    # the package's version is __version__ in itss/__init__.py; pyproject
    # declares it dynamic and the backend reads it from there; it is the
    # release of the library it goes with (meson.build)
    assert itss_build.version() == itss.__version__ == meson_version()
    project = itss_build.pyproject()["project"]
    assert "version" not in project and project["dynamic"] == ["version"]


def test_pyproject_reader_without_tomllib():
    # before Python 3.11 the backend reads pyproject.toml itself
    tomllib = pytest.importorskip("tomllib")
    text = (PACKAGE / "pyproject.toml").read_text(encoding="utf-8")
    assert itss_build.parse_pyproject(text) == tomllib.loads(text)
    sample = ('[a]\nx = "q\\"uote"\ny = [\n  "1",\n  "2",\n]\n[a.b]\nz = {text = "MIT"}\n'
              '[c]\nd = []\n')
    assert itss_build.parse_pyproject(sample) == tomllib.loads(sample)
    with pytest.raises(ValueError, match="pyproject.toml:2"):
        itss_build.parse_pyproject('[a]\nx = 3\n')
