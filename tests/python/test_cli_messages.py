"""itss: the language of its messages, the help of each verb, where the
errors of a JSON lines batch are, and JSON documents in GB18030.

Every expected message below is written by hand from the wording the tool
is meant to use; none is copied from its output.
"""
import json
import re

import pytest

from conftest import ROOT

EX = ROOT / "examples"
ASSESSMENT = str(EX / "assessment.json")

# every verb of every area (the help of each must exist)
VERBS = {
    "class": ["show", "search", "tree", "export", "validate", "map"],
    "maturity": ["rate", "model", "clauses", "compare", "template", "check", "convert"],
    "quality": ["score", "model", "indicators", "scheme", "compare", "ahp", "template", "check"],
    "standard": ["show", "list", "search", "framework"],
}
ALL_VERBS = [(a, v) for a, vs in VERBS.items() for v in vs]

HINT_ZH = "用法见“itss help”\n"
HINT_EN = "Try 'itss help' for usage.\n"

# ---- usage errors: Chinese by default, English with --lang en ---------------

USAGE = [
    (("class", "show", "01", "--colour"),
     "未知的选项“--colour”", "unknown option '--colour'"),
    (("class",), "“class”后面需要一个子命令", "'class' needs a verb"),
    (("nosuch",), "未知的命令“nosuch”", "unknown command 'nosuch'"),
    (("class", "shw"), "未知的子命令“class shw”", "unknown verb 'class shw'"),
    (("class", "show"), "“class show”需要一个参数", "'class show' needs an argument"),
    (("class", "show", "01", "02"), "“class show”的参数太多", "too many arguments for 'class show'"),
    (("class", "show", "01", "--format", "xml"), "--format 须为 text 或 json，而不是“xml”",
     "--format must be text or json, not 'xml'"),
    (("maturity", "rate", ASSESSMENT, "--format", "xlsx"),
     "--format 须为 text、json、html、svg 或 csv，而不是“xlsx”",
     "--format must be text, json, html, svg or csv, not 'xlsx'"),
    (("class", "show", "01", "--format"), "选项 --format 需要一个值", "option --format needs a value"),
    (("class", "show", "--to", "db21", "01"), "选项 --to 不适用于“class show”",
     "option --to does not apply to 'class show'"),
    (("quality", "template"), "“quality template”需要 --service CODE",
     "'quality template' needs --service CODE"),
    (("maturity", "clauses", "--item", "0"), "--item 须为 1 到 2147483647 的整数，而不是“0”",
     "--item needs a whole number from 1 to 2147483647, not '0'"),
]


@pytest.mark.parametrize("args,zh,en", USAGE, ids=lambda a: str(a)[:40])
def test_usage_errors_in_both_languages(cli, args, zh, en):
    assert cli(*args) == (2, "", "itss: %s\n%s" % (zh, HINT_ZH))
    # --lang before the area, and after the mistake: both in English
    assert cli("--lang", "en", *args) == (2, "", "itss: %s\n%s" % (en, HINT_EN))
    if len(args) > 2 and args[-1] != "--format":  # (else --lang would be the verb or value)
        assert cli(*args, "--lang", "en") == (2, "", "itss: %s\n%s" % (en, HINT_EN))


def test_an_invalid_lang_is_said_in_both_languages(cli):
    rc, out, err = cli("class", "show", "01", "--bogus", "--lang", "fr")
    assert (rc, out) == (2, "")
    assert err == ("itss: --lang 须为 zh 或 en，而不是“fr”\n"
                   "itss: --lang must be zh or en, not 'fr'\n" + HINT_ZH + HINT_EN)


def test_the_last_lang_wins(cli):
    rc, _, err = cli("class", "show", "01", "--lang", "zh", "--colour", "--lang", "en")
    assert rc == 2 and err == "itss: unknown option '--colour'\n" + HINT_EN


def test_file_errors_name_the_errno_in_the_language(cli, tmp_path):
    missing = str(tmp_path / "missing.json")
    assert cli("maturity", "rate", missing) == (
        1, "", "itss: 无法打开 %s：文件或目录不存在\n" % missing)
    assert cli("maturity", "rate", missing, "--lang", "en") == (
        1, "", "itss: cannot open %s: No such file or directory\n" % missing)
    out = str(tmp_path / "no" / "dir" / "out.txt")
    assert cli("class", "show", "01", "-o", out) == (
        1, "", "itss: 无法写入 %s：文件或目录不存在\n" % out)


def test_counts_in_the_language(cli):
    rc, _, err = cli("class", "validate", "0407", "01")
    assert rc == 1 and err == "itss: 1 个代码无效（共 2 个）\n"
    rc, _, err = cli("class", "validate", "0407", "01", "--lang", "en")
    assert rc == 1 and err == "itss: 1 of 2 codes are not valid\n"
    rc, _, err = cli("class", "search", "区块链")
    assert rc == 1 and err == "itss: 没有名称含“区块链”的类别\n"


# ---- the help of every verb -------------------------------------------------

@pytest.mark.parametrize("area,verb", ALL_VERBS, ids=lambda a: str(a))
def test_every_verb_has_its_help(cli, area, verb):
    rc, out, err = cli(area, verb, "--help")
    assert (rc, err) == (0, "")
    assert out.startswith("用法：itss %s %s" % (area, verb))
    assert "选项：" in out and "--help" in out and "-o, --output FILE" in out
    rc, out_en, err = cli(area, verb, "--help", "--lang", "en")
    assert (rc, err) == (0, "")
    assert out_en.startswith("Usage: itss %s %s" % (area, verb)) and "Options:" in out_en
    # the same help through itss help AREA VERB, and with -h
    assert cli("help", area, verb) == (0, out, "")
    assert cli(area, verb, "-h") == (0, out, "")
    # --help wins over the arguments and options of the verb
    assert cli(area, verb, "x", "--format", "nosuch", "--help") == (0, out, "")


def test_help_names_the_options_of_the_verb(cli):
    rc, out, _ = cli("maturity", "rate", "--help", "--lang", "en")
    assert rc == 0
    for option in ("--target N", "--jsonl", "--rows clause|domain", "--encoding NAME",
                   "--model ID|FILE", "--input-format json|csv|xlsx"):
        assert option in out
    # the --format line names the formats of this verb
    assert "text, json, html, svg or csv" in out
    assert "--service" not in out and "--scheme" not in out
    rc, out, _ = cli("quality", "template", "--help")
    assert rc == 0 and "--scheme FILE" in out and "输出格式：csv 或 xlsx" in out


def test_help_of_an_area_lists_its_verbs(cli):
    for args in (("class", "--help"), ("class", "help"), ("help", "class")):
        rc, out, err = cli(*args)
        assert (rc, err) == (0, "") and out.startswith("用法：itss class VERB [选项] [参数]\n")
        assert all("itss class %s" % v in out for v in VERBS["class"])
        assert "itss maturity" not in out
    assert cli("help", "nosuch")[0] == 2
    assert cli("help", "class", "nosuch")[0] == 2


def test_the_overview_in_both_languages(cli):
    rc, out, _ = cli("--help")
    assert rc == 0 and out.startswith("用法：itss") and "退出状态" in out
    rc, out, _ = cli("--help", "--lang", "en")
    assert rc == 0 and out.startswith("Usage: itss") and "Exit status" in out
    assert all("itss %s %s" % av in out for av in ALL_VERBS)
    # without arguments: the overview on standard error, status 2
    rc, out, err = cli()
    assert (rc, out) == (2, "") and err.startswith("用法：itss")


# ---- JSON lines: FILE:LINE:COLUMN -------------------------------------------

# line 1: a rating that does not exist; the value "X" starts at column 25
#         ({"ratings": {"6.1.1.a":  is 24 characters)
# line 2: good
# line 3: empty; line 4: blanks only
# line 5: the object is not closed: more was expected at the end, column 15
#         ({"ratings": {} is 14 characters)
# line 6: an array, refused at its first character
# the file ends with a newline, which does not make a line 7
LINES = ['{"ratings": {"6.1.1.a": "X"}}', '{"ratings": {}}', "", " \t ", '{"ratings": {}', "[1]"]


def jsonl_expected(name):
    return [
        '%s:1:25: unknown rating "X"' % name,
        "%s:3: the line is empty: each line holds one JSON document" % name,
        "%s:4: the line is empty: each line holds one JSON document" % name,
        "%s:5:15: malformed JSON" % name,
        "%s:6:1: the document must be a JSON object, not an array" % name,
    ]


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
@pytest.mark.parametrize("mode", [[], ["--format", "json"]], ids=["plain", "json"])
def test_jsonl_errors_are_placed_in_their_line(cli_en, tmp_path, stdin, mode):
    data = "\n".join(LINES) + "\n"
    f = tmp_path / "batch.jsonl"
    f.write_text(data, encoding="utf-8")
    args = ["maturity", "rate", "--jsonl", "-" if stdin else str(f), *mode]
    rc, out, err = cli_en(*args, stdin=data.encode("utf-8") if stdin else None)
    assert rc == 1
    lines = err.splitlines()
    assert len(lines) == 6
    for got, want in zip(lines, jsonl_expected("<stdin>" if stdin else str(f))):
        assert got.startswith("itss: " + want), (got, want)
    assert lines[0].endswith(" (at /ratings/6.1.1.a)")
    assert lines[-1] == "itss: 5 of 6 lines failed"
    records = [json.loads(x) for x in out.splitlines()]
    assert [r["error"]["input_line"] for r in records if "error" in r] == [1, 3, 4, 5, 6]
    first = records[0]["error"]
    assert (first["line"], first["column"]) == (1, 25)
    empty = records[2]["error"]
    assert empty["code"] == "ITSS_EPARSE" and "line" not in empty and "column" not in empty


def test_an_empty_line_in_chinese(cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text('{"ratings": {}}\n\n', encoding="utf-8")
    rc, out, err = cli("maturity", "rate", "--jsonl", str(f))
    assert rc == 1
    assert err == ("itss: %s:2: 空行：每一行应是一个 JSON 文档\n"
                   "itss: 1 行出错（共 2 行）\n" % f)
    assert json.loads(out.splitlines()[1])["error"]["message"] == "空行：每一行应是一个 JSON 文档"


def test_a_final_newline_is_not_a_line(cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text('{"ratings": {}}\n{"ratings": {}}\n', encoding="utf-8")
    rc, out, err = cli("maturity", "rate", "--jsonl", str(f))
    assert (rc, err) == (0, "") and len(out.splitlines()) == 2


# ---- a JSON document in GB18030 ---------------------------------------------

GB_TAIL = ("; the document is not UTF-8 but reads as GB18030 (GBK): convert it to UTF-8"
           " (or read it as it is with --encoding gb18030)")


def test_a_gb18030_document_is_said_to_be_one(cli, cli_en, tmp_path):
    f = tmp_path / "gbk.json"
    # 中 is D6 D0 in GB18030; the string starts with its quote at column 8
    f.write_bytes('{"id": "中文"}'.encode("gb18030"))
    rc, out, err = cli_en("maturity", "rate", str(f))
    assert (rc, out) == (1, "")
    assert err == ("itss: %s:1:8: malformed JSON: invalid UTF-8 byte 0xD6 in a string%s\n"
                   % (f, GB_TAIL))
    rc, _, err = cli("maturity", "rate", str(f))
    assert rc == 1 and err.endswith("（也可以用 --encoding gb18030 直接读取）\n")
    # a command without --encoding: no hint
    rc, _, err = cli_en("quality", "ahp", str(f))
    assert rc == 1 and "GB18030 (GBK)" in err and "--encoding" not in err


def test_encoding_reads_a_gb18030_json(cli, tmp_path):
    text = (EX / "assessment.json").read_text(encoding="utf-8")
    assert any(ord(c) > 0x7F for c in text)  # it has Chinese to convert
    f = tmp_path / "gbk.json"
    f.write_bytes(text.encode("gb18030"))
    want = cli("maturity", "rate", ASSESSMENT)
    assert want[0] == 0
    assert cli("maturity", "rate", str(f), "--encoding", "gb18030") == want
    assert cli("maturity", "rate", str(f), "--encoding", "GB18030", "--input-format",
               "json") == want


def test_encoding_errors_of_a_json(cli, cli_en, tmp_path):
    f = tmp_path / "bad.json"
    f.write_bytes(b'{"id": "\x81"}')  # 0x81 starts a character that " cannot end
    assert cli_en("maturity", "rate", str(f), "--encoding", "gb18030") == (
        1, "", "itss: %s: the bytes at offset 8 are not gb18030 text\n" % f)
    assert cli("maturity", "rate", str(f), "--encoding", "gb18030") == (
        1, "", "itss: %s：从字节偏移 8 处起不是 gb18030 编码的文本\n" % f)
    assert cli_en("maturity", "rate", ASSESSMENT, "--encoding", "no-such") == (
        2, "", "itss: unknown encoding 'no-such' (try UTF-8 or GB18030)\n" + HINT_EN)


# ---- every message of the tool itself is Chinese by default ------------------
#
# The rule of the message catalog: a Chinese message has a CJK character,
# and, once quoted spans, JSON Pointers and tokens with a digit, '_', '.',
# '/', '\', '-' or '@' are taken out, no two ASCII words of two or more
# letters stand next to each other (such as "unknown option"). Only the
# tool's own messages are checked here: the library's messages stay English
# until their catalog is filled in, so no case below prints one.

CJK = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']*'|‘[^’]*’")
NAMES = {"JSON", "UTF", "GB18030", "GBK", "XLSX", "CSV", "XML", "ZIP", "AHP", "MiB", "KiB"}


def untranslated(line):
    if not CJK.search(line):
        return True
    words = []
    for token in QUOTED.sub(" ", line).split(" "):
        token = token.strip("：，；（）()")
        word = bool(re.fullmatch(r"[A-Za-z]{2,}", token)) and token not in NAMES \
            and not token.isupper()
        words.append(word)
    return any(a and b for a, b in zip(words, words[1:]))


def test_the_rule_catches_english():
    assert untranslated("itss: unknown option '--x'")
    assert untranslated("itss: 选项 --x does not apply")
    assert not untranslated("itss: 未知的选项“--colour”")
    assert not untranslated("itss: --jsonl 读取的是 JSON 行：--encoding 不适用")


def own_messages(tmp_path):
    good = tmp_path / "batch.jsonl"
    good.write_text('{"ratings": {}}\n\n', encoding="utf-8")
    gb = tmp_path / "bad.json"
    gb.write_bytes(b'{"id": "\x81"}')
    evaluation = str(EX / "evaluation.json")
    return [
        ("class", "show", "01", "--colour"), ("class",), ("nosuch",), ("class", "shw"),
        ("class", "show"), ("class", "show", "01", "02"), ("class", "show", "01", "--format"),
        ("class", "show", "01", "--format", "xml"), ("class", "show", "--to", "db21", "01"),
        ("class", "show", "01", "--output="), ("maturity", "rate", ASSESSMENT, "--jsonl=1"),
        ("class", "map", "01"), ("class", "search", "区块链"), ("class", "validate", "0407"),
        ("class", "map", "--from", "gbt4754", "6532"),
        ("standard", "search", "no-such-standard-anywhere"),
        ("maturity", "rate", str(tmp_path / "missing.json")),
        ("maturity", "rate", ASSESSMENT, "--format", "xlsx"),
        ("maturity", "rate", ASSESSMENT, "--input-format", "ods"),
        ("maturity", "rate", ASSESSMENT, "--rows", "level"),
        ("maturity", "rate", ASSESSMENT, "--rows", "domain", "--format", "html"),
        ("maturity", "rate", ASSESSMENT, "--jsonl", "--format", "text"),
        ("maturity", "rate", ASSESSMENT, "--jsonl", "--encoding", "gb18030"),
        ("maturity", "rate", ASSESSMENT, "--jsonl", "--input-format", "csv"),
        ("maturity", "rate", ASSESSMENT, "--target", "7"),
        ("maturity", "clauses", "--item", "x"),
        ("maturity", "template", "-o", str(tmp_path / "t.txt")),
        ("maturity", "convert", ASSESSMENT),
        ("maturity", "rate", "--jsonl", str(good)),
        ("maturity", "rate", str(gb), "--encoding", "gb18030"),
        ("maturity", "rate", ASSESSMENT, "--encoding", "no-such"),
        ("quality", "template"), ("quality", "indicators", "--catalog", "a", "--catalog-add", "b"),
        ("quality", "template", "--service", "0402", "--scheme", evaluation),
        ("class", "show", "01", "-o", str(tmp_path / "no" / "dir" / "x")),
    ]


def test_every_message_of_the_tool_is_chinese(cli, tmp_path):
    for args in own_messages(tmp_path):
        rc, _, err = cli(*args)
        assert rc != 0 and err, args
        for line in err.splitlines():
            assert not untranslated(line), (args, line)
