"""``python3 -m itss``: see :mod:`itss.cli`."""

from .cli import run

run()
