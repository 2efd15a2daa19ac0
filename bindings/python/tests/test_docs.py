"""The examples of docs/python.md are run: every ``>>>`` line of its
```pycon blocks must print what the page says."""

import doctest
import re

from conftest import ROOT


def pycon_blocks(text):
    return re.findall(r"^```pycon\n(.*?)^```", text, flags=re.S | re.M)


def test_python_guide_examples(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name files relative to the root
    guide = ROOT / "docs" / "python.md"
    blocks = pycon_blocks(guide.read_text(encoding="utf-8"))
    assert len(blocks) >= 8, "the guide lost its examples"
    # one session: later blocks use names defined by earlier ones
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "python.md", str(guide), 0)
    assert len(test.examples) >= 30
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert result.failed == 0


def test_module_docstring_examples():
    import itss
    from itss import classification, maturity, quality
    for module in (itss, classification, maturity, quality):
        failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert failures == 0, module.__name__
