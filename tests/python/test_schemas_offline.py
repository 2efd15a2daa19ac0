"""Every document the library accepts validates against docs/schema, with
every schema read from disk: the schemas refer to each other by relative
$ref, and a reference that would leave the directory (http, https or any
other scheme than file) fails the test instead of reaching the network.

Documents: the data files of the built-in models, examples/, and every
input document of tests/cases whose case succeeds (a case that expects an
error may hold a schema-valid document that breaks a rule the schema
cannot express, such as a repeated id, so those are left out)."""
import json
import pathlib
import urllib.parse

import pytest

from conftest import ROOT

SCHEMAS = ROOT / "docs" / "schema"

# op of a case -> the schema of its document, by the key that names the file
FILE_SCHEMAS = {
    ("load", "file"): "catalog",
    ("load_model", "model"): "maturity-model",
    ("rate", "model"): "maturity-model",
    ("rate_file", "file"): "assessment",
    ("load_catalog", "catalog"): "indicator-catalog",
    ("score", "file"): "evaluation",
    ("score", "catalog"): "indicator-catalog",
    ("ahp", "file"): "ahp",
}
INLINE_SCHEMAS = {("score", "evaluation"): "evaluation", ("ahp", "document"): "ahp"}


def _documents():
    docs = [
        (ROOT / "data" / "gbt29264-2012.json", "catalog"),
        (ROOT / "data" / "tcesa1299-2023.json", "maturity-model"),
        (ROOT / "data" / "itss1-2015.json", "maturity-model"),
        (ROOT / "data" / "quality-indicators.json", "indicator-catalog"),
        (ROOT / "data" / "gbt33850-2017.json", "quality-model"),
        (ROOT / "data" / "itss-standards.json", "standards"),
        (ROOT / "examples" / "assessment.json", "assessment"),
        (ROOT / "examples" / "evaluation.json", "evaluation"),
    ]
    for inp in sorted((ROOT / "tests" / "cases").glob("*/*/input.json")):
        expected = json.loads((inp.parent / "expected.json").read_text(encoding="utf-8"))
        if isinstance(expected, dict) and "error" in expected:
            continue
        case = json.loads(inp.read_text(encoding="utf-8"))
        for key, value in case.items():
            schema = FILE_SCHEMAS.get((case["op"], key))
            if schema and isinstance(value, str):
                docs.append((inp.parent / value, schema))
            schema = INLINE_SCHEMAS.get((case["op"], key))
            if schema and isinstance(value, dict):
                docs.append(((inp, key), schema))
    return docs


class OfflineResolver:
    """Reads every schema from docs/schema on disk and counts the reads."""

    def __init__(self):
        self.read = set()

    def file(self, uri):
        path = pathlib.Path(urllib.parse.urlparse(uri).path)
        assert path.parent == SCHEMAS, "a $ref leaves docs/schema: %s" % uri
        self.read.add(path.name)
        return json.loads(path.read_text(encoding="utf-8"))

    @staticmethod
    def network(uri):
        raise AssertionError("a $ref needs the network: %s" % uri)


@pytest.fixture(scope="module")
def offline():
    import jsonschema

    res = OfflineResolver()
    handlers = {"file": res.file, "http": res.network, "https": res.network}

    def validate(instance, name):
        path = SCHEMAS / (name + ".schema.json")
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "$id" not in schema or not urllib.parse.urlparse(schema["$id"]).scheme, \
            "%s: an absolute $id makes validators fetch its references" % path.name
        resolver = jsonschema.RefResolver(path.as_uri(), schema, handlers=handlers)
        jsonschema.Draft202012Validator(schema, resolver=resolver).validate(instance)

    validate.resolver = res
    return validate


DOCS = _documents()


@pytest.mark.parametrize("doc,schema", DOCS, ids=[
    "%s:%s" % (d[0].parent.name + "/" + d[1] if isinstance(d, tuple) else
               d.relative_to(ROOT), s) for d, s in DOCS])
def test_document_validates_offline(offline, doc, schema):
    if isinstance(doc, tuple):
        inp, key = doc
        instance = json.loads(inp.read_text(encoding="utf-8"))[key]
    else:
        instance = json.loads(doc.read_text(encoding="utf-8"))
    offline(instance, schema)


def test_references_are_read_from_disk(offline):
    """The schemas that use others really reach them (through the file
    handler): a catalog names text2 and class, an evaluation the scheme."""
    offline(json.loads((ROOT / "data" / "gbt29264-2012.json").read_text(encoding="utf-8")), "catalog")
    offline(json.loads((ROOT / "examples" / "evaluation.json").read_text(encoding="utf-8")), "evaluation")
    assert {"text2.schema.json", "class.schema.json", "quality-scheme.schema.json"} <= offline.resolver.read


def test_an_absolute_reference_fails(tmp_path, offline):
    """The check itself: a schema whose $ref is an https URI is caught."""
    import jsonschema

    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$ref": "https://example.invalid/x.schema.json"}
    res = OfflineResolver()
    resolver = jsonschema.RefResolver((tmp_path / "x.json").as_uri(), schema,
                                      handlers={"http": res.network, "https": res.network})
    with pytest.raises(Exception, match="needs the network"):
        jsonschema.Draft202012Validator(schema, resolver=resolver).validate({})
