"""Repeated calls do not leak: 10,000 calls of each kind, and the
resident memory stays flat.

A leak of one result per call would be large: a maturity result is about
60 KB of JSON, so 10,000 leaked results would add some 600 MB, and even a
leaked 100-byte error message would add 1 MB. The allowance (8 MiB) is far
below the first and covers the allocator's own fluctuations.
"""

import gc

import pytest

from conftest import SANITIZED

import itss
from itss import classification, maturity, quality

CALLS = 10_000
ALLOWANCE = 8 * 1024 * 1024

pytestmark = pytest.mark.skipif(
    SANITIZED, reason="a sanitizer keeps freed memory in quarantine: RSS means nothing")


def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def flat(call):
    for _ in range(1_000):  # warm up: caches, built-in models, allocator arenas
        call()
    gc.collect()
    before = rss()
    for _ in range(CALLS):
        call()
    gc.collect()
    grown = rss() - before
    assert grown < ALLOWANCE, "memory grew by %d bytes over %d calls" % (grown, CALLS)


ASSESSMENT = {"ratings": {"6.1.1.a": "met", "6.1.1.b": "L", "6.1.2.a": 90}}
EVALUATION = {"service": "04", "scheme": {"indicators": ["incident_resolution_rate"]},
              "measurements": {"incident_resolution_rate": {"A": 45, "B": 50}}}


def test_rate_10000_times():
    flat(lambda: maturity.rate(ASSESSMENT))


def test_score_and_lookup_10000_times():
    flat(lambda: (quality.score(EVALUATION), classification.lookup("040201")))


def test_errors_10000_times():
    def failing():
        for call in (lambda: classification.lookup("0407"),
                     lambda: maturity.rate('{"ratings": {"6.1.1.a": "X"}}')):
            try:
                call()
            except itss.ItssError:
                pass
            else:
                raise AssertionError("no error")
    flat(failing)


def test_loaded_objects_10000_times():
    doc = {"indicators": [{
        "id": "x_rate", "subcharacteristic": "completeness", "name": {"zh": "x", "en": "x"},
        "method": "ratio", "polarity": "positive", "a": {"zh": "a", "en": "a"},
        "b": {"zh": "b", "en": "b"}}]}

    def load_close():
        with quality.IndicatorCatalog.load(doc) as cat:
            cat.ids()
        quality.builtin().extend(doc)  # released by the collector
    flat(load_close)


SHEET = "clause,rating,evidence\r\n6.1.1.a,F,目录\r\n6.1.1.b,Q,\r\n9.9.9.z,F,\r\n".encode("utf-8")


def test_sheets_10000_times():
    """A worksheet read, the problem list of a check, and a sheet written:
    each buffer and list is released."""
    def once():
        maturity.check(SHEET)
        with maturity.read(SHEET[:SHEET.index(b"6.1.1.b")]) as a:
            a.to_sheet("csv", "en", level=1, domain="capability_management")
    try:
        once()
    except itss.InternalError as e:
        if "is not written yet" in e.message:
            pytest.skip(e.message)
        raise
    flat(once)
