"""The build backend of the itss package (PEP 517, with PEP 660 editable
installs), written with the standard library only so that pip installs
the package offline in a plain virtual environment: nothing has to be
fetched to build it.

The package is pure Python (ctypes), so the wheel is ``py3-none-any``:
the modules of ``itss/`` and ``py.typed``, and a ``.dist-info`` directory
with METADATA, WHEEL, entry_points.txt and RECORD (a sha256 digest and the
size of every file). The project's metadata is the ``[project]`` table of
pyproject.toml; the version is ``__version__`` in ``itss/__init__.py``
(read as text: importing the package would load the C library).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import pathlib
import re
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = pathlib.Path(__file__).resolve().parent.parent  # bindings/python
PACKAGE = "itss"
#: Written by meson install next to the modules; never part of a wheel.
MESON_ONLY = {"_installed.py"}
#: Files of the source distribution besides the package.
SDIST_FILES = ("pyproject.toml", "README.md", "_backend/itss_build.py")


# ---- pyproject.toml ------------------------------------------------------

def _toml_value(text: str, where: str):
    """A value of the TOML subset pyproject.toml uses: a basic string, an
    array of basic strings (one line or several) or an inline table of
    basic strings."""
    text = text.strip()
    if text.startswith('"'):
        m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', text)
        if not m:
            raise ValueError("%s: cannot read the string %s" % (where, text))
        return json.loads(text)  # TOML basic strings escape as JSON strings do
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip().rstrip(",")
        return [_toml_value(v, where) for v in re.findall(r'"(?:[^"\\]|\\.)*"', inner)]
    if text.startswith("{") and text.endswith("}"):
        pairs = re.findall(r'([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*")', text)
        return {k: _toml_value(v, where) for k, v in pairs}
    raise ValueError("%s: cannot read the value %s" % (where, text))


def parse_pyproject(text: str) -> dict:
    """pyproject.toml as a dict, for the subset of TOML this project's file
    uses (tables, string keys, strings, arrays of strings, inline tables of
    strings, comments). Used where the standard library has no tomllib
    (before Python 3.11); a test checks it agrees with tomllib."""
    doc: dict = {}
    table = doc
    pending: Optional[Tuple[str, str, int]] = None  # a multi-line array
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if '"' not in raw else raw.strip()
        if pending is not None:
            key, acc, start = pending
            acc += " " + line
            if line.endswith("]"):
                table[key] = _toml_value(acc, "pyproject.toml:%d" % start)
                pending = None
            else:
                pending = (key, acc, start)
            continue
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[([A-Za-z0-9_.\"-]+)\]", line)
        if m:
            table = doc
            for part in re.findall(r'"[^"]*"|[^.]+', m.group(1)):
                table = table.setdefault(part.strip('"'), {})
            continue
        m = re.fullmatch(r'("[^"]*"|[A-Za-z0-9_-]+)\s*=\s*(.*)', line)
        if not m:
            raise ValueError("pyproject.toml:%d: cannot read %r" % (n, raw))
        key, value = m.group(1).strip('"'), m.group(2)
        if value.startswith("[") and not value.endswith("]"):
            pending = (key, value, n)
        else:
            table[key] = _toml_value(value, "pyproject.toml:%d" % n)
    if pending is not None:
        raise ValueError("pyproject.toml:%d: unterminated array" % pending[2])
    return doc


def pyproject(root: pathlib.Path = ROOT) -> dict:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib  # Python 3.11
    except ImportError:
        return parse_pyproject(text)
    return tomllib.loads(text)


def version(root: pathlib.Path = ROOT) -> str:
    """``__version__`` of itss/__init__.py, the one place the package's
    version is written."""
    init = root / PACKAGE / "__init__.py"
    m = re.search(r'^__version__ = "([^"]+)"$', init.read_text(encoding="utf-8"), re.M)
    if not m:
        raise ValueError("%s has no line __version__ = \"...\"" % init)
    return m.group(1)


class Project:
    """The metadata of the package, from pyproject.toml."""

    def __init__(self, root: pathlib.Path = ROOT) -> None:
        self.root = root
        p = pyproject(root).get("project", {})
        if "version" in p or "version" not in p.get("dynamic", []):
            raise ValueError("pyproject.toml: the version must be dynamic (it is written in "
                             "%s/__init__.py only)" % PACKAGE)
        self.name = p["name"]
        self.version = version(root)
        self.summary = p.get("description", "")
        self.license = p.get("license", {}).get("text", "")
        self.requires_python = p.get("requires-python", "")
        self.classifiers = p.get("classifiers", [])
        self.dependencies = p.get("dependencies", [])
        self.readme = p.get("readme", "")
        self.scripts: Dict[str, str] = p.get("scripts", {})

    @property
    def dist_name(self) -> str:
        """The name as it appears in file names (PEP 427 / PEP 625)."""
        return re.sub(r"[-_.]+", "_", self.name).lower()

    @property
    def dist_info(self) -> str:
        return "%s-%s.dist-info" % (self.dist_name, self.version)

    def metadata(self) -> str:
        lines = ["Metadata-Version: 2.1", "Name: " + self.name, "Version: " + self.version]
        if self.summary:
            lines.append("Summary: " + self.summary)
        if self.license:
            lines.append("License: " + self.license)
        if self.requires_python:
            lines.append("Requires-Python: " + self.requires_python)
        lines += ["Classifier: " + c for c in self.classifiers]
        lines += ["Requires-Dist: " + d for d in self.dependencies]
        body = ""
        if self.readme:
            lines.append("Description-Content-Type: text/markdown")
            body = (self.root / self.readme).read_text(encoding="utf-8")
        return "\n".join(lines) + "\n\n" + body

    def wheel(self) -> str:
        return ("Wheel-Version: 1.0\nGenerator: itss_build %s\nRoot-Is-Purelib: true\n"
                "Tag: py3-none-any\n" % self.version)

    def entry_points(self) -> str:
        if not self.scripts:
            return ""
        return "[console_scripts]\n" + "".join(
            "%s = %s\n" % (k, v) for k, v in sorted(self.scripts.items()))

    def dist_info_files(self) -> List[Tuple[str, bytes]]:
        files = [("METADATA", self.metadata()), ("WHEEL", self.wheel())]
        if self.scripts:
            files.append(("entry_points.txt", self.entry_points()))
        return [("%s/%s" % (self.dist_info, n), t.encode("utf-8")) for n, t in files]

    def package_files(self) -> List[Tuple[str, bytes]]:
        """(archive name, contents) of the package's modules and py.typed."""
        pkg = self.root / PACKAGE
        names = sorted(p.name for p in pkg.iterdir() if p.is_file() and
                       (p.suffix == ".py" or p.name == "py.typed") and p.name not in MESON_ONLY)
        return [("%s/%s" % (PACKAGE, n), (pkg / n).read_bytes()) for n in names]


# ---- archives ----------------------------------------------------------------

def _timestamp() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date."""
    try:
        return max(int(os.environ["SOURCE_DATE_EPOCH"]), 315532800)
    except (KeyError, ValueError):
        return 315532800  # 1980-01-01, the earliest date a zip file stores


def record_hash(data: bytes) -> str:
    """A RECORD digest: sha256, urlsafe base64 without padding."""
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _write_wheel(directory: str, project: Project, files: List[Tuple[str, bytes]]) -> str:
    files = files + project.dist_info_files()
    record_name = "%s/RECORD" % project.dist_info
    record = "".join("%s,%s,%d\n" % (n, record_hash(d), len(d)) for n, d in files)
    record += "%s,,\n" % record_name
    files.append((record_name, record.encode("utf-8")))
    name = "%s-%s-py3-none-any.whl" % (project.dist_name, project.version)
    stamp = time.gmtime(_timestamp())[:6]
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return name


# ---- PEP 517 and PEP 660 hooks -----------------------------------------------

def get_requires_for_build_wheel(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings=None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings=None) -> str:
    project = Project()
    for arcname, data in project.dist_info_files():
        target = pathlib.Path(metadata_directory, arcname)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return project.dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings=None,
                metadata_directory: Optional[str] = None) -> str:
    project = Project()
    return _write_wheel(wheel_directory, project, project.package_files())


def build_editable(wheel_directory: str, config_settings=None,
                   metadata_directory: Optional[str] = None) -> str:
    """A wheel holding a .pth file that puts this source directory on
    sys.path: the installed package is the source tree's."""
    project = Project()
    pth = ("__editable__.%s-%s.pth" % (project.dist_name, project.version),
           (str(project.root) + "\n").encode("utf-8"))
    return _write_wheel(wheel_directory, project, [pth])


def build_sdist(sdist_directory: str, config_settings=None) -> str:
    project = Project()
    base = "%s-%s" % (project.dist_name, project.version)
    stamp = _timestamp()
    pkg_info = project.metadata().encode("utf-8")
    members = [("PKG-INFO", pkg_info)]
    members += [(n, (project.root / n).read_bytes()) for n in SDIST_FILES]
    members += project.package_files()
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        for arcname, data in members:
            info = tarfile.TarInfo("%s/%s" % (base, arcname))
            info.size, info.mtime, info.mode = len(data), stamp, 0o644
            tar.addfile(info, io.BytesIO(data))
    return name
