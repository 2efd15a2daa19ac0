"""Shared setup of the binding's tests.

The package under test is the one in this source tree (bindings/python),
whatever is installed. The library is found the way the package finds it:
ITSS_LIBRARY, else the build tree (build/lib), else the system. The C
tool, for the tests that compare outputs with it, is ITSS_CLI or
build/tools/itss.

    ITSS_LIBRARY=build/lib/libitss.so.1 /usr/bin/python3 -m pytest bindings/python/tests
"""

import os
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent
ROOT = pathlib.Path(os.environ.get("ITSS_SOURCE_ROOT", PACKAGE_ROOT.parent.parent))
sys.path.insert(0, str(PACKAGE_ROOT))

# Under a sanitizer the library keeps freed memory in quarantine, and
# subprocesses need the sanitizer runtime preloaded: some tests do not
# apply.
SANITIZED = bool(os.environ.get("ITSS_SANITIZED"))


def pytest_configure(config):
    # the tests written for the dict-returning calls keep running them:
    # their DeprecationWarning is checked once, in test_results.py
    config.addinivalue_line("filterwarnings",
                            "ignore:.*returns a dict and is deprecated:DeprecationWarning")


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def c_cli():
    exe = os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss"))
    if not os.access(exe, os.X_OK):
        pytest.fail("the C tool itss is needed to compare outputs: %s (set ITSS_CLI)" % exe)
    return exe
