package itss

// The data-driven cases of tests/cases/ (see tests/cases/README.md), run
// through the Go API with the operations and the subset matching of the C
// runners tests/test_{classify,maturity,quality}_cases.c: the Go binding
// must give the answers the C tests expect, errors included.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// sourceRoot is the libitss source tree: $ITSS_SOURCE_ROOT, or two levels
// above this package (bindings/go).
func sourceRoot(t testing.TB) string {
	if r := os.Getenv("ITSS_SOURCE_ROOT"); r != "" {
		return r
	}
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// caseInput is an input.json: each key's raw JSON value.
type caseInput map[string]json.RawMessage

func (in caseInput) str(key string) (string, bool) {
	var s string
	raw, ok := in[key]
	if !ok || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

func (in caseInput) isTrue(key string) bool {
	var b bool
	return in[key] != nil && json.Unmarshal(in[key], &b) == nil && b
}

// integer is jansson's json_integer_value: 0 unless the value is an integer.
func (in caseInput) integer(key string) int {
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(in[key]))
	dec.UseNumber()
	if in[key] == nil || dec.Decode(&n) != nil {
		return 0
	}
	i, err := n.Int64()
	if err != nil {
		return 0
	}
	return int(i)
}

func readCaseFile(t *testing.T, dir, name string) []byte {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("cannot read %s: %v", name, err)
	}
	return b
}

// parseJSON decodes a document the library wrote.
func parseJSON(t *testing.T, doc []byte) any {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("library JSON does not parse: %v: %.200s", err, doc)
	}
	return v
}

// errorJSON is cases_common.h's error_json: {"error": {"code", "message",
// "path", and "line", "column", "position" when located}}.
func errorJSON(t *testing.T, err error) any {
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *itss.Error", err, err)
	}
	if e.Message == "" {
		t.Fatalf("error without a message: %#v", e)
	}
	if !errors.Is(err, &Error{Code: e.Code}) {
		t.Fatalf("errors.Is does not match the error's own code %d", e.Code)
	}
	o := map[string]any{"code": e.Name, "message": e.Message, "path": e.Path}
	if e.Line > 0 {
		o["line"] = float64(e.Line)
		o["column"] = float64(e.Column)
		o["position"] = float64(e.Position)
	}
	return map[string]any{"error": o}
}

// typedResult is resultOrError for a result the binding also decodes
// into T: the struct must keep every key of the document (roundTrip).
func typedResult[T any](t *testing.T, doc []byte, err error) any {
	if err == nil {
		roundTrip[T](t, doc)
	}
	return resultOrError(t, doc, err)
}

// resultOrError parses a library document, or describes its error.
func resultOrError(t *testing.T, doc []byte, err error) any {
	if err != nil {
		return errorJSON(t, err)
	}
	return parseJSON(t, doc)
}

func compactJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// match is cases_common.h's match: every key of an expected object present
// and matching, arrays element by element, numbers equal to 12 significant
// digits, "message_contains" a substring of the actual "message".
func match(exp, act any, where string) error {
	switch e := exp.(type) {
	case map[string]any:
		a, ok := act.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: expected an object", where)
		}
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "message_contains" {
				m, _ := a["message"].(string)
				sub, _ := e[k].(string)
				if !strings.Contains(m, sub) {
					return fmt.Errorf("%s: message %q lacks %q", where, m, sub)
				}
				continue
			}
			sub := where + "/" + k
			v, ok := a[k]
			if !ok {
				return fmt.Errorf("%s: missing in actual %s", sub, compactJSON(act))
			}
			if err := match(e[k], v, sub); err != nil {
				return err
			}
		}
		return nil
	case []any:
		a, ok := act.([]any)
		if !ok {
			return fmt.Errorf("%s: expected an array", where)
		}
		if len(e) != len(a) {
			return fmt.Errorf("%s: expected %s, got %s", where, compactJSON(e), compactJSON(a))
		}
		for i := range e {
			if err := match(e[i], a[i], fmt.Sprintf("%s/%d", where, i)); err != nil {
				return err
			}
		}
		return nil
	case float64:
		if a, ok := act.(float64); ok {
			if math.Abs(e-a) > 1e-12*math.Max(1, math.Abs(e)) {
				return fmt.Errorf("%s: expected %.17g, got %.17g", where, e, a)
			}
			return nil
		}
	}
	if !reflect.DeepEqual(exp, act) {
		return fmt.Errorf("%s: expected %s, got %s", where, compactJSON(exp), compactJSON(act))
	}
	return nil
}

type caseRunner func(t *testing.T, dir string, in caseInput) any

func TestCases(t *testing.T) {
	suites := []struct {
		name string
		run  caseRunner
	}{
		{"classify", runClassifyCase},
		{"maturity", runMaturityCase},
		{"quality", runQualityCase},
	}
	root := filepath.Join(sourceRoot(t), "tests", "cases")
	total := 0
	for _, s := range suites {
		entries, err := os.ReadDir(filepath.Join(root, s.name))
		if err != nil {
			t.Fatalf("cannot list the %s cases: %v (set ITSS_SOURCE_ROOT to the libitss source tree)", s.name, err)
		}
		var names []string
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if _, err := os.Stat(filepath.Join(root, s.name, e.Name(), "input.json")); err == nil {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			t.Fatalf("no cases under %s", filepath.Join(root, s.name))
		}
		total += len(names)
		s := s
		t.Run(s.name, func(t *testing.T) {
			for _, name := range names {
				dir := filepath.Join(root, s.name, name)
				t.Run(name, func(t *testing.T) { runCase(t, dir, s.run) })
			}
		})
	}
	t.Logf("%d cases", total)
}

func runCase(t *testing.T, dir string, run caseRunner) {
	var in caseInput
	if err := json.Unmarshal(readCaseFile(t, dir, "input.json"), &in); err != nil {
		t.Fatalf("input.json: %v", err)
	}
	var exp any
	if err := json.Unmarshal(readCaseFile(t, dir, "expected.json"), &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if _, ok := in.str("op"); !ok {
		t.Fatal("input.json has no op")
	}
	act := run(t, dir, in)
	expObj, _ := exp.(map[string]any)
	actObj, _ := act.(map[string]any)
	if _, want := expObj["error"]; !want {
		if e, got := actObj["error"]; got {
			t.Fatalf("unexpected error %s", compactJSON(e))
		}
	}
	if err := match(exp, act, filepath.Base(dir)); err != nil {
		t.Fatal(err)
	}
}

// ---- classification -------------------------------------------------------

func codesJSON(list []Class) any {
	codes := make([]any, len(list))
	for i, c := range list {
		codes[i] = c.Code
	}
	return map[string]any{"codes": codes}
}

func runClassifyCase(t *testing.T, dir string, in caseInput) any {
	op, _ := in.str("op")
	code, _ := in.str("code")
	switch op {
	case "names":
		all, err := Classes()
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]any{}
		for _, c := range all {
			names[c.Code] = c.NameZh
		}
		return map[string]any{"names": names}
	case "export":
		doc, err := ExportCatalogJSON()
		if err != nil {
			t.Fatal(err)
		}
		var exp struct {
			Edition string `json:"edition"`
			Classes []struct {
				Level int `json:"level"`
			} `json:"classes"`
		}
		if err := json.Unmarshal(doc, &exp); err != nil {
			t.Fatal(err)
		}
		by := [4]int{}
		for _, c := range exp.Classes {
			if c.Level < 1 || c.Level > 3 {
				t.Fatalf("level %d", c.Level)
			}
			by[c.Level]++
		}
		return map[string]any{
			"count":    float64(len(exp.Classes)),
			"by_level": map[string]any{"1": float64(by[1]), "2": float64(by[2]), "3": float64(by[3])},
			"edition":  exp.Edition,
		}
	case "show":
		c, err := LookupClass(code)
		if err != nil {
			if c != (Class{}) {
				t.Fatalf("a failed lookup returned %+v", c)
			}
			return errorJSON(t, err)
		}
		doc, err := ClassJSON(code)
		if err != nil {
			t.Fatal(err)
		}
		obj := parseJSON(t, doc)
		checkClassStruct(t, c, obj)
		return map[string]any{"class": obj}
	case "validate":
		problem, err := ValidateCode(code)
		r := map[string]any{"valid": err == nil, "problem": problem}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T", err)
			}
			r["error"] = e.Name
		} else if problem != "ok" {
			t.Fatalf("no error but problem %q", problem)
		}
		return r
	case "top":
		list, err := TopClasses()
		if err != nil {
			t.Fatal(err)
		}
		return codesJSON(list)
	case "children", "ancestors", "descendants":
		f := map[string]func(string) ([]Class, error){
			"children": ClassChildren, "ancestors": ClassAncestors, "descendants": ClassDescendants,
		}[op]
		list, err := f(code)
		if err != nil {
			return errorJSON(t, err)
		}
		return codesJSON(list)
	case "search":
		text, _ := in.str("text")
		list, err := SearchClasses(text)
		if err != nil {
			return errorJSON(t, err)
		}
		return codesJSON(list)
	case "map":
		x, _ := in.str("crosswalk")
		way := Forward
		if in.isTrue("reverse") {
			way = Reverse
		}
		ms, err := MapClass(x, code, way)
		if err != nil {
			return errorJSON(t, err)
		}
		a := make([]any, len(ms))
		for i, m := range ms {
			a[i] = map[string]any{"class": m.Class, "target": m.Target, "relation": m.Relation}
		}
		return map[string]any{"mappings": a}
	case "load":
		file, _ := in.str("file")
		c, err := LoadCatalog(readCaseFile(t, dir, file))
		if err != nil {
			if c != nil {
				t.Fatal("a failed load returned a catalog")
			}
			return errorJSON(t, err)
		}
		defer c.Close()
		n, err := c.Count()
		if err != nil {
			t.Fatal(err)
		}
		return map[string]any{"classes": float64(n)}
	}
	t.Fatalf("unknown op %s", op)
	return nil
}

// checkClassStruct checks that the Class struct says what the library's
// class JSON says.
func checkClassStruct(t *testing.T, c Class, obj any) {
	o := obj.(map[string]any)
	text := func(v any) *Text {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		return &Text{Zh: m["zh"].(string), En: m["en"].(string)}
	}
	parent, _ := o["parent"].(string)
	want := Class{
		Code: o["code"].(string), Level: int(o["level"].(float64)), Parent: parent,
		NameZh: text(o["name"]).Zh, NameEn: text(o["name"]).En,
		DescriptionZh: text(o["description"]).Zh, DescriptionEn: text(o["description"]).En,
		CatchAll: o["catch_all"].(bool), Includes: text(o["includes"]), Excludes: text(o["excludes"]),
		Source: o["source"].(string),
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Class %+v differs from the class JSON %+v", c, want)
	}
}

// ---- maturity -------------------------------------------------------------------

// member is one key of a JSON object with its raw value, in document order.
type member struct {
	key string
	val json.RawMessage
}

// objectMembers lists an object's members in document order.
func objectMembers(t *testing.T, raw json.RawMessage) []member {
	if raw == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, member{tok.(string), v})
	}
	return out
}

func writeObject(t *testing.T, b *bytes.Buffer, ms []member) {
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalDoc("key", m.key)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(k)
		b.WriteByte(':')
		if err := json.Compact(b, m.val); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteByte('}')
}

// compose is the C runner's compose(): every clause (of the levels in
// "fill_levels", default all) rated "fill", then "ratings" on top (null
// removes a rating), "meta" and "scale" copied; keys in the same order.
func compose(t *testing.T, m *MaturityModel, in caseInput) []byte {
	var ratings []member
	if fill, ok := in["fill"]; ok {
		doc, err := m.ClausesJSON(0, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var cl struct {
			Clauses []struct {
				ID    string `json:"id"`
				Level int    `json:"level"`
			} `json:"clauses"`
		}
		if err := json.Unmarshal(doc, &cl); err != nil {
			t.Fatal(err)
		}
		var levels []int
		_, haveLevels := in["fill_levels"]
		if haveLevels {
			if err := json.Unmarshal(in["fill_levels"], &levels); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range cl.Clauses {
			take := !haveLevels
			for _, l := range levels {
				take = take || l == c.Level
			}
			if take {
				ratings = append(ratings, member{c.ID, fill})
			}
		}
	}
	for _, r := range objectMembers(t, in["ratings"]) {
		at := -1
		for i := range ratings {
			if ratings[i].key == r.key {
				at = i
			}
		}
		switch {
		case string(bytes.TrimSpace(r.val)) == "null":
			if at >= 0 {
				ratings = append(ratings[:at], ratings[at+1:]...)
			}
		case at >= 0:
			ratings[at].val = r.val
		default:
			ratings = append(ratings, r)
		}
	}
	top := objectMembers(t, in["meta"])
	if s, ok := in["scale"]; ok {
		top = append(top, member{"scale", s})
	}
	var rb bytes.Buffer
	writeObject(t, &rb, ratings)
	top = append(top, member{"ratings", rb.Bytes()})
	var b bytes.Buffer
	writeObject(t, &b, top)
	return b.Bytes()
}

// warningsJSON is a model's warnings as the cases write them.
func warningsJSON(t *testing.T, m *MaturityModel) []any {
	ws, err := m.Warnings()
	if err != nil {
		t.Fatal(err)
	}
	out := []any{}
	for _, w := range ws {
		out = append(out, map[string]any{"message": w.Message, "path": w.Path})
	}
	return out
}

func runMaturityCase(t *testing.T, dir string, in caseInput) any {
	op, _ := in.str("op")
	target := in.integer("target")
	var m *MaturityModel
	var err error
	if file, ok := in.str("model"); ok {
		m, err = LoadMaturityModelFile(filepath.Join(dir, file))
		if err != nil {
			if m != nil {
				t.Fatal("a failed load returned a model")
			}
			return errorJSON(t, err)
		}
		defer m.Close()
	} else if id, ok := in.str("builtin"); ok {
		if m, err = BuiltinMaturityModelByID(id); err != nil {
			t.Fatal(err)
		}
	} else {
		m = BuiltinMaturityModel()
	}
	switch op {
	case "rate":
		a := compose(t, m, in)
		if doc, err := m.ReadAssessmentJSON(a, FormatJSON, ""); err == nil {
			roundTripDoc[Assessment](t, doc) // the assessment as the library writes it
		}
		doc, err := m.RateJSON(a, target)
		return typedResult[MaturityResult](t, doc, err)
	case "rate_file":
		file, _ := in.str("file")
		doc, err := m.RateJSON(readCaseFile(t, dir, file), target)
		return typedResult[MaturityResult](t, doc, err)
	case "load_model":
		doc, err := m.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var md struct {
			Levels, Domains, Items, Clauses []json.RawMessage
		}
		if err := json.Unmarshal(doc, &md); err != nil {
			t.Fatal(err)
		}
		per := []any{}
		for l := 1; l <= len(md.Levels); l++ {
			cd, err := m.ClausesJSON(l, "", 0)
			if err != nil {
				t.Fatal(err)
			}
			var cl struct{ Clauses []json.RawMessage }
			if err := json.Unmarshal(cd, &cl); err != nil {
				t.Fatal(err)
			}
			per = append(per, float64(len(cl.Clauses)))
		}
		return map[string]any{
			"levels": float64(len(md.Levels)), "domains": float64(len(md.Domains)),
			"items": float64(len(md.Items)), "clauses": float64(len(md.Clauses)),
			"clauses_per_level": per, "warnings": warningsJSON(t, m),
		}
	}
	t.Fatalf("unknown op %s", op)
	return nil
}

// ---- quality ------------------------------------------------------------------------

// docText is the C runner's doc_text: a document given inline (compact) or
// as a file of the case.
func docText(t *testing.T, dir string, in caseInput, inlineKey string) []byte {
	if raw, ok := in[inlineKey]; ok {
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	file, _ := in.str("file")
	return readCaseFile(t, dir, file)
}

func runQualityCase(t *testing.T, dir string, in caseInput) any {
	op, _ := in.str("op")
	cat := BuiltinIndicatorCatalog()
	var err error
	if file, ok := in.str("catalog"); ok {
		_, onTop := in["catalog_base"]
		doc := readCaseFile(t, dir, file)
		var own *IndicatorCatalog
		if onTop {
			own, err = cat.Extend(doc)
		} else {
			own, err = LoadIndicatorCatalog(doc)
		}
		if err != nil {
			if own != nil {
				t.Fatal("a failed load returned a catalog")
			}
			return errorJSON(t, err)
		}
		defer own.Close()
		cat = own
	}
	switch op {
	case "score":
		ev := docText(t, dir, in, "evaluation")
		if doc, err := cat.ReadEvaluationJSON(ev, FormatJSON, ""); err == nil {
			roundTripDoc[Evaluation](t, doc) // the evaluation as the library writes it
		}
		doc, err := cat.ScoreJSON(ev)
		return typedResult[QualityResult](t, doc, err)
	case "ahp":
		doc, err := AHPJSON(docText(t, dir, in, "document"), in.isTrue("allow_inconsistent"))
		return typedResult[AHPResult](t, doc, err)
	case "load_catalog":
		ids, err := cat.IDs()
		if err != nil {
			t.Fatal(err)
		}
		a := make([]any, len(ids))
		for i, id := range ids {
			a[i] = id
		}
		return map[string]any{"count": float64(len(ids)), "ids": a}
	case "scheme":
		service, _ := in.str("service")
		doc, err := cat.SchemeJSON(service)
		return resultOrError(t, doc, err)
	case "compare":
		var raws []json.RawMessage
		if err := json.Unmarshal(in["evaluations"], &raws); err != nil {
			t.Fatal(err)
		}
		docs := make([][]byte, len(raws))
		for i, r := range raws {
			var b bytes.Buffer
			if err := json.Compact(&b, r); err != nil {
				t.Fatal(err)
			}
			docs[i] = b.Bytes()
		}
		doc, err := cat.CompareJSON(docs)
		return typedResult[QualityComparison](t, doc, err)
	}
	t.Fatalf("unknown op %s", op)
	return nil
}
