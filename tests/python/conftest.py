"""Shared fixtures: where the built CLI and the schemas are.

meson passes ITSS_CLI (the itss executable) and ITSS_SOURCE_ROOT; run by
hand with e.g. ITSS_CLI=build/tools/itss /usr/bin/python3 -m pytest tests/python
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("ITSS_SOURCE_ROOT", pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def cli():
    exe = os.environ.get("ITSS_CLI", str(ROOT / "build" / "tools" / "itss"))
    assert os.access(exe, os.X_OK), "itss executable not found: %s (set ITSS_CLI)" % exe

    # ITSS_CLI_WRAPPER runs every invocation under a checker, e.g.
    # "valgrind --error-exitcode=99 -q": any report changes the exit status.
    wrapper = os.environ.get("ITSS_CLI_WRAPPER", "").split()

    def run(*args, stdin=None):
        p = subprocess.run([*wrapper, exe, *args], input=stdin, capture_output=True, timeout=600)
        return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

    return run


@pytest.fixture(scope="session")
def cli_en(cli):
    """cli with --lang en: for tests that read the tool's English messages
    (the default language is Chinese)."""

    def run(*args, stdin=None):
        return cli("--lang", "en", *args, stdin=stdin)

    return run


@pytest.fixture(scope="session")
def validate():
    """validate(instance, "class") checks an instance against docs/schema/class.schema.json."""
    import jsonschema

    store = {}
    schemas = {}
    for p in (ROOT / "docs" / "schema").glob("*.schema.json"):
        s = json.loads(p.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(s)
        # relative $refs resolve against the file's own URI
        store[p.resolve().as_uri()] = s
        schemas[p.name[: -len(".schema.json")]] = (p.resolve().as_uri(), s)

    def check(instance, name):
        uri, schema = schemas[name]
        resolver = jsonschema.RefResolver(uri, schema, store=store)
        jsonschema.Draft202012Validator(schema, resolver=resolver).validate(instance)

    return check
