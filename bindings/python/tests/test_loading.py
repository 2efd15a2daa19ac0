"""How the package finds libitss and refuses a library it cannot use
(test_install.py installs it with pip)."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SANITIZED

import itss
from itss import _lib

PACKAGE = ROOT / "bindings" / "python"


def python(code, env_changes, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(PACKAGE))
    for k, v in env_changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


@pytest.mark.parametrize("found, ok", [
    ("1.1.0", True), ("1.1.9", True), ("1.12.3", True), ("1.0.0", False), ("1.0.9", False),
    ("0.1.0", False), ("0.9.9", False), ("2.0.0", False), ("11.0.0", False), ("garbage", False)])
def test_version_policy(found, ok):
    # from 1.0 the major version must match and the minor version be at
    # least the required one (later 1.x releases only add to the API); the
    # package calls functions that libitss 1.1 added (comparisons, worksheets)
    if ok:
        _lib.check_version(found)
    else:
        with pytest.raises(itss.LibraryVersionError) as info:
            _lib.check_version(found)
        assert found in str(info.value)


def test_refuses_a_library_of_another_version(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    assert cc, "a C compiler is needed to build a stand-in library"
    src = tmp_path / "fake.c"
    src.write_text('const char *itss_version_string(void) { return "9.4.0"; }\n')
    so = tmp_path / "libfake.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(so), str(src)], check=True)
    p = python("import itss", {"ITSS_LIBRARY": str(so)})
    assert p.returncode != 0
    assert "LibraryVersionError" in p.stderr
    assert "needs libitss 1.1 or a later 1.x but found libitss 9.4.0" in p.stderr


def test_missing_library_is_named():
    p = python("import itss", {"ITSS_LIBRARY": "/nonexistent/libitss.so.1"})
    assert p.returncode != 0
    assert "LibraryNotFoundError" in p.stderr and "/nonexistent/libitss.so.1" in p.stderr
    assert "ITSS_LIBRARY" in p.stderr


def test_a_library_that_is_not_libitss():
    p = python("import itss", {"ITSS_LIBRARY": "libm.so.6"})
    assert p.returncode != 0 and "is not libitss" in p.stderr


@pytest.mark.skipif(SANITIZED, reason="the build tree's library is the plain build")
def test_source_checkout_uses_the_build_tree():
    built = ROOT / "build" / "lib" / "libitss.so.1"
    if not built.is_file():
        pytest.skip("no plain build in build/")
    p = python("from itss import _lib; print(_lib.lib._name)", {"ITSS_LIBRARY": None})
    assert p.returncode == 0, p.stderr
    assert pathlib.Path(p.stdout.strip()) == built
