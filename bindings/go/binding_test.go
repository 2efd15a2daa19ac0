package itss

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// ---- version -------------------------------------------------------------------

func TestVersion(t *testing.T) {
	if err := CheckVersion(); err != nil {
		t.Fatal(err)
	}
	if Version() != HeaderVersion() {
		t.Fatalf("library %s, headers %s", Version(), HeaderVersion())
	}
	// the package is built for libitss.so.1, the ABI of the 1.x releases
	if major, _, ok := majorMinor(HeaderVersion()); !ok || major != 1 {
		t.Fatalf("header version %s", HeaderVersion())
	}
	if major, minor, ok := majorMinor("1.2.3"); !ok || major != 1 || minor != 2 {
		t.Fatalf("majorMinor(1.2.3) = %d, %d, %v", major, minor, ok)
	}
	for _, v := range []string{"", "1", "1.2", "1.2.3.4", "1.x.0", "-1.0.0", "1.02.0"} {
		if _, _, ok := majorMinor(v); ok {
			t.Errorf("majorMinor(%q) accepted", v)
		}
	}
	cases := []struct {
		run, hdr string
		ok       bool
	}{
		{"1.0.0", "1.0.0", true},
		// patch versions do not matter
		{"1.0.7", "1.0.0", true},
		{"1.0.0", "1.0.7", true},
		// a newer minor version keeps what the older one had; an older
		// one may lack what the headers promise
		{"1.3.0", "1.1.2", true},
		{"1.1.0", "1.3.0", false},
		// another major version
		{"2.0.0", "1.0.0", false},
		{"0.9.0", "1.0.0", false},
		{"1.0.0", "0.9.0", false},
		// before 1.0, major.minor must match
		{"0.2.0", "0.2.5", true},
		{"0.3.0", "0.2.0", false},
		{"0.1.0", "0.2.0", false},
		// not a version
		{"1.0", "1.0", false},
	}
	for _, c := range cases {
		if got := versionServes(c.run, c.hdr); got != c.ok {
			t.Errorf("library %s, headers %s: %v, want %v", c.run, c.hdr, got, c.ok)
		}
	}
}

// ---- errors ---------------------------------------------------------------------

func TestErrorNotFound(t *testing.T) {
	c, err := LookupClass("0407")
	if err == nil {
		t.Fatalf("0407 found: %+v", c)
	}
	if !errors.Is(err, ErrNotFound) || errors.Is(err, ErrValue) {
		t.Fatalf("errors.Is: %v", err)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("errors.As: %T", err)
	}
	if e.Code != -3 || e.Name != "ITSS_ENOTFOUND" || !strings.Contains(e.Message, `"0407"`) {
		t.Fatalf("%#v", e)
	}
	if e.Path != "" || e.Line != 0 || e.Error() != e.Message {
		t.Fatalf("a lookup error has no location: %#v / %s", e, e.Error())
	}
	// wrapped errors still match
	w := fmt.Errorf("looking up: %w", err)
	var e2 *Error
	if !errors.Is(w, ErrNotFound) || !errors.As(w, &e2) || e2 != e {
		t.Fatal("wrapped error")
	}
	// a malformed code is a value error
	if _, err := LookupClass("04020"); !errors.Is(err, ErrValue) {
		t.Fatalf("04020: %v", err)
	}
}

func TestErrorLocation(t *testing.T) {
	doc := "{\"scale\": \"nplf\",\n \"ratings\": {\"6.1.1.a\": \"f\"}}"
	_, err := RateMaturityJSON([]byte(doc))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrValue) {
		t.Fatalf("%v", err)
	}
	pos := strings.Index(doc, `"f"`)
	if e.Path != "/ratings/6.1.1.a" || e.Line != 2 || e.Position != pos ||
		e.Column != pos-strings.Index(doc, "\n") {
		t.Fatalf("%#v", e)
	}
	want := fmt.Sprintf("2:%d: %s (at /ratings/6.1.1.a)", e.Column, e.Message)
	if e.Error() != want {
		t.Fatalf("Error() = %q, want %q", e.Error(), want)
	}
	// the typed form reports the same kind of error, located in the
	// document it wrote
	_, err = RateMaturity(Assessment{Ratings: map[string]any{"6.1.1.a": "yes"}}, 0)
	if !errors.As(err, &e) || !errors.Is(err, ErrValue) || e.Path != "/ratings/6.1.1.a" || e.Line != 1 {
		t.Fatalf("%v", err)
	}
	_, err = RateMaturity(Assessment{Ratings: map[string]any{"7.4.4.z": "F"}}, 0)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("%v", err)
	}
	// a parse error
	_, err = RateMaturityJSON([]byte(`{"ratings": {`))
	if !errors.As(err, &e) || !errors.Is(err, ErrParse) || e.Line != 1 {
		t.Fatalf("%v", err)
	}
}

func TestSentinels(t *testing.T) {
	all := []*Error{ErrInvalid, ErrNoMemory, ErrNotFound, ErrParse, ErrSchema, ErrValue,
		ErrDuplicate, ErrModel, ErrIO, ErrLimit, ErrConsistency, ErrInternal}
	names := []string{"ITSS_EINVAL", "ITSS_ENOMEM", "ITSS_ENOTFOUND", "ITSS_EPARSE", "ITSS_ESCHEMA",
		"ITSS_EVALUE", "ITSS_EDUPLICATE", "ITSS_EMODEL", "ITSS_EIO", "ITSS_ELIMIT", "ITSS_ECONSISTENCY",
		"ITSS_EINTERNAL"}
	for i, s := range all {
		if s.Code != -(i+1) || s.Name != names[i] || s.Message == "" {
			t.Errorf("%d: %#v", i, s)
		}
		for j, o := range all {
			if errors.Is(s, o) != (i == j) {
				t.Errorf("errors.Is(%s, %s)", s.Name, o.Name)
			}
		}
	}
	var nilErr *Error
	if ErrValue.Is(nilErr) || ErrValue.Is(errors.New("x")) {
		t.Error("Is with a nil or foreign target")
	}
}

func TestErrorsOfEveryArea(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"empty catalog document", second(LoadCatalog(nil)), ErrParse},
		{"catalog file", second(LoadCatalogFile("/nonexistent/catalog.json")), ErrIO},
		{"model file", second(LoadMaturityModelFile("/nonexistent/model.json")), ErrIO},
		{"model file, deprecated name", second(LoadMaturityModel("/nonexistent/model.json")), ErrIO},
		{"evaluation file", second(LoadEvaluationFile("/nonexistent/evaluation.json")), ErrIO},
		{"bad evaluation", second(LoadEvaluation([]byte(`{"service": "0407", "measurements": {}}`))), ErrNotFound},
		{"target out of range", second(RateMaturityJSONTarget([]byte(`{"ratings": {}}`), 6)), ErrInvalid},
		{"unknown domain", second(MaturityClausesJSON(0, "nowhere", 0)), ErrNotFound},
		{"unknown crosswalk", second(MapClass("isic", "04", Forward)), ErrNotFound},
		{"direction outside the enum", second(MapClass("gbt4754", "040201", Direction(2))), ErrInvalid},
		{"empty search", second(SearchClasses("  ")), ErrValue},
		{"unknown service", second(QualitySchemeJSON("0407")), ErrNotFound},
		{"bad indicator catalog", second(LoadIndicatorCatalog([]byte(`{"indicators": 1}`))), ErrSchema},
		{"inconsistent AHP", second(AHP([][]float64{{1, 9, 1. / 9}, {1. / 9, 1, 9}, {9, 1. / 9, 1}}, nil, false)), ErrConsistency},
		{"AHP NaN", second(AHP([][]float64{{1, math.NaN()}, {1, 1}}, nil, false)), ErrValue},
		{"AHP too large", second(AHP(make16(), nil, false)), ErrLimit},
		{"NUL in a code", second(LookupClass("04\x00")), ErrInvalid},
		{"NUL in a path", second(LoadMaturityModel("a\x00b")), ErrInvalid},
		{"one evaluation to compare", second(CompareQualityJSON([][]byte{[]byte(`{"service": "01", "measurements": {}}`)}, nil)), ErrInvalid},
		{"bad measurement form", second(ScoreQuality(Evaluation{Service: "04", Measurements: map[string]Measurement{
			"call_answer_rate": {A: f(1), B: f(2), NA: s("x")}}}, nil)), ErrSchema},
		{"NaN measurement", second(ScoreQuality(Evaluation{Service: "04", Measurements: map[string]Measurement{
			"call_answer_rate": Ratio(math.NaN(), 2)}}, nil)), ErrValue},
		{"infinite percentage", second(RateMaturity(Assessment{Ratings: map[string]any{"6.1.1.a": math.Inf(1)}}, 0)), ErrValue},
		{"empty scores", second(ScoreQuality(Evaluation{Service: "03", Measurements: map[string]Measurement{
			"service_visibility": Scores()}}, nil)), ErrValue},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: got %v, want %s", c.name, c.err, c.want.(*Error).Name)
		}
		var e *Error
		if c.err != nil && (!errors.As(c.err, &e) || e.Message == "") {
			t.Errorf("%s: %T %v", c.name, c.err, c.err)
		}
	}
	// itss_code_validate's EINVAL leaves no verdict
	if p, err := ValidateCode("0\x004"); p != "" || !errors.Is(err, ErrInvalid) {
		t.Errorf("validate with NUL: %q %v", p, err)
	}
	if p, err := ValidateCode("0407"); p != "unknown_code" || !errors.Is(err, ErrNotFound) {
		t.Errorf("validate 0407: %q %v", p, err)
	}
	if p, err := ValidateCode("040201"); p != "ok" || err != nil {
		t.Errorf("validate 040201: %q %v", p, err)
	}
}

func second[T any](_ T, err error) error { return err }
func f(v float64) *float64               { return &v }
func s(v string) *string                 { return &v }

func make16() [][]float64 {
	m := make([][]float64, 16)
	for i := range m {
		m[i] = make([]float64, 16)
		for j := range m[i] {
			m[i][j] = 1
		}
	}
	return m
}

// ---- handles -------------------------------------------------------------------------

func TestCatalogRoundTripAndClose(t *testing.T) {
	doc, err := ExportCatalogJSON()
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalog(doc)
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.ExportJSON("")
	if err != nil || !bytes.Equal(doc, again) {
		t.Fatalf("export, load, export differs (%v)", err)
	}
	cl, err := c.Lookup("040201")
	if err != nil || cl.Parent != "0402" {
		t.Fatalf("%+v %v", cl, err)
	}
	n, err := c.Count()
	all, err2 := Classes()
	if err != nil || err2 != nil || n == 0 || n != len(all) {
		t.Fatalf("Count %d, %d classes (%v, %v)", n, len(all), err, err2)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal("second Close:", err)
	}
	if _, err := c.Lookup("04"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("use after Close: %v", err)
	}
	// the built-in catalog ignores Close; the built-ins cannot fail
	b := BuiltinCatalog()
	if b == nil || b.p != BuiltinCatalog().p {
		t.Fatalf("BuiltinCatalog: %v", b)
	}
	b.Close()
	if _, err := b.Lookup("04"); err != nil {
		t.Fatal(err)
	}
	bm := BuiltinMaturityModel()
	if bm == nil || bm.p != BuiltinMaturityModel().p {
		t.Fatalf("BuiltinMaturityModel: %v", bm)
	}
	bm.Close()
	if _, err := bm.ClausesJSON(1, "", 0); err != nil {
		t.Fatal(err)
	}
	bi := BuiltinIndicatorCatalog()
	if bi == nil || bi.p != BuiltinIndicatorCatalog().p {
		t.Fatalf("BuiltinIndicatorCatalog: %v", bi)
	}
	bi.Close()
	if _, err := bi.IDs(); err != nil {
		t.Fatal(err)
	}
	var nilCat *Catalog
	if _, err := nilCat.Lookup("04"); !errors.Is(err, ErrInvalid) {
		t.Fatal("nil catalog")
	}
}

func TestModelAndIndicatorCatalogHandles(t *testing.T) {
	m, err := LoadMaturityModelJSON([]byte(exampleModel))
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.Rate(Assessment{Ratings: map[string]any{"ops-1": "F", "ops-2": "L"}}, 0)
	if err != nil || r.Level != 2 || r.Model.ID != "mini" {
		t.Fatalf("%+v %v", r, err)
	}
	// exampleModel gives no rule nor thresholds: the defaults (largely at
	// the level, fully below; bands 15, 50, 85), also in the result
	if rule, err := m.Rule(); err != nil || rule != (MaturityRule{"largely", "fully"}) || r.Rule != rule {
		t.Fatalf("rule %+v %+v %v", rule, r.Rule, err)
	}
	if th, err := m.Thresholds(); err != nil || th != (Thresholds{15, 50, 85}) || r.Thresholds != th {
		t.Fatalf("thresholds %+v %+v %v", th, r.Thresholds, err)
	}
	m.Close()
	if _, err := m.RateJSON([]byte(`{"ratings": {}}`), 0); !errors.Is(err, ErrInvalid) {
		t.Fatalf("use after Close: %v", err)
	}
	if _, err := m.Rule(); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Rule after Close: %v", err)
	}
	m.Close()

	c, err := builtinIndicatorCatalog().Extend([]byte(exampleIndicators))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := c.IDs()
	if err != nil || ids[len(ids)-1] != "patch_rate" {
		t.Fatalf("%v %v", ids, err)
	}
	alone, err := LoadIndicatorCatalog([]byte(exampleIndicators))
	if err != nil {
		t.Fatal(err)
	}
	if ids, _ := alone.IDs(); len(ids) != 1 {
		t.Fatalf("alone: %v", ids)
	}
	alone.Close()
	res, err := ScoreQuality(Evaluation{Service: "0404", Scheme: &Scheme{Indicators: []string{"patch_rate"}},
		Measurements: map[string]Measurement{"patch_rate": Ratio(19, 20)}}, c)
	if err != nil || *res.Overall.Score != 0.95 {
		t.Fatalf("%+v %v", res, err)
	}
	// ScoreQualityJSON loads a catalog document on top of the built-in one
	ev := []byte(`{"service": "0404", "scheme": {"indicators": ["patch_rate", "call_answer_rate"]},
	  "measurements": {"patch_rate": {"A": 19, "B": 20}, "call_answer_rate": {"A": 1, "B": 2}}}`)
	viaDoc, err := ScoreQualityJSON(ev, []byte(exampleIndicators))
	if err != nil {
		t.Fatal(err)
	}
	viaHandle, err := c.ScoreJSON(ev)
	if err != nil || !bytes.Equal(viaDoc, viaHandle) {
		t.Fatalf("ScoreQualityJSON with a catalog document differs (%v)", err)
	}
	c.Close()
	if _, err := c.IDs(); !errors.Is(err, ErrInvalid) {
		t.Fatalf("use after Close: %v", err)
	}
}

// The documents that the JSON methods export load back, and export again
// to the same bytes.
func TestExportsLoadBack(t *testing.T) {
	sub, err := builtinCatalog().ExportJSON("04")
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalog(sub)
	if err != nil {
		t.Fatal(err)
	}
	n, err := c.Count()
	below, err2 := ClassDescendants("04")
	if err != nil || err2 != nil || n != len(below)+1 {
		t.Fatalf("the subtree of 04 has %d classes, %d below 04 (%v, %v)", n, len(below), err, err2)
	}
	c.Close()

	md, err := MaturityModelJSON()
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadMaturityModelJSON(md)
	if err != nil {
		t.Fatal(err)
	}
	again, err := m.JSON()
	if err != nil || !bytes.Equal(md, again) {
		t.Fatalf("model export, load, export differs (%v)", err)
	}
	m.Close()

	doc, err := IndicatorsJSON("")
	if err != nil {
		t.Fatal(err)
	}
	ic, err := LoadIndicatorCatalog(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer ic.Close()
	again, err = ic.JSON("")
	if err != nil || !bytes.Equal(doc, again) {
		t.Fatalf("indicator export, load, export differs (%v)", err)
	}
	ids, err := ic.IDs()
	builtinIDs, err2 := (*IndicatorCatalog)(nil).IDs()
	if err != nil || err2 != nil || len(ids) == 0 || !reflect.DeepEqual(ids, builtinIDs) {
		t.Fatalf("%v / %v (%v, %v)", ids, builtinIDs, err, err2)
	}
	// a selection for one service loads too
	doc, err = IndicatorsJSON("04")
	if err != nil {
		t.Fatal(err)
	}
	sel, err := LoadIndicatorCatalog(doc)
	if err != nil {
		t.Fatal(err)
	}
	sel.Close()
	if _, err := IndicatorsJSON("0407"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("IndicatorsJSON(0407): %v", err)
	}
}

func TestDirection(t *testing.T) {
	if Forward.String() != "forward" || Reverse.String() != "reverse" || Direction(2).String() != "Direction(2)" {
		t.Fatalf("%s %s %s", Forward, Reverse, Direction(2))
	}
	// reverse: from GB/T 4754 6540 to the GB/T 29264 classes, each of
	// which maps forward to 6540
	links, err := MapClass("gbt4754", "6540", Reverse)
	if err != nil || len(links) < 2 || links[0].Class != "04" || links[0].Relation != "exact" {
		t.Fatalf("%+v %v", links, err)
	}
	for _, l := range links {
		if l.Target != "6540" {
			t.Fatalf("%+v", l)
		}
		fwd, err := MapClass("gbt4754", l.Class, Forward)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range fwd {
			found = found || (f == l)
		}
		if !found {
			t.Errorf("%s does not map forward to 6540: %+v", l.Class, fwd)
		}
	}
	// read the wrong way, 6540 is not a GB/T 29264 code
	if _, err := MapClass("gbt4754", "6540", Forward); !errors.Is(err, ErrNotFound) {
		t.Fatalf("6540 forward: %v", err)
	}
	var e *Error
	_, err = MapClass("gbt4754", "040201", Direction(-1))
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) || !strings.Contains(e.Message, "direction -1") {
		t.Fatalf("Direction(-1): %v", err)
	}
}

// Handles that are never closed are released by their finalizers.
func TestFinalizers(t *testing.T) {
	doc, _ := ExportCatalogJSON()
	for i := 0; i < 50; i++ {
		if _, err := LoadCatalog(doc); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadMaturityModelJSON([]byte(exampleModel)); err != nil {
			t.Fatal(err)
		}
		if _, err := builtinIndicatorCatalog().Extend([]byte(exampleIndicators)); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	runtime.GC()
}

const exampleModel = `{"format": "itss-maturity-model/1", "id": "mini", "edition": "Mini 1",
 "title": {"zh": "小模型", "en": "Mini model"},
 "levels": [{"level": 1, "name": {"zh": "起步", "en": "Starting"}},
            {"level": 2, "name": {"zh": "规范", "en": "Defined"}}],
 "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],
 "domains": [{"id": "ops", "number": 1, "part": "core", "name": {"zh": "运行", "en": "Operations"}}],
 "items": [{"number": 1, "domain": "ops", "name": {"zh": "监控", "en": "Monitoring"}}],
 "clauses": [
  {"id": "ops-1", "level": 1, "domain": "ops", "item": 1, "summary": {"zh": "有监控", "en": "Monitoring exists"}},
  {"id": "ops-2", "level": 2, "domain": "ops", "item": 1, "summary": {"zh": "监控全覆盖", "en": "Monitoring covers everything"}}]}`

const exampleIndicators = `{"indicators": [
 {"id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"},
  "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive",
  "services": ["0404"],
  "a": {"zh": "按时安装的补丁数", "en": "patches installed on time"},
  "b": {"zh": "应安装的补丁数", "en": "patches due"}}]}`

// ---- typed and JSON forms agree ------------------------------------------------------

func TestTypedFormsMatchJSON(t *testing.T) {
	a := Assessment{
		ID: "A-1", Organization: "示例 <公司> & Co", Scale: "nplf",
		Ratings: map[string]any{
			"6.1.1.a": "F", "6.1.1.b": 72.5, "6.3.1.a": Rating{Rating: "L", Evidence: "记录", Note: "n"},
			"9.4.a": &Rating{Rating: "na", Reason: "不涉及"},
		},
	}
	doc, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := RateMaturityJSONTarget(doc, 3)
	if err != nil {
		t.Fatal(err)
	}
	typed, err := RateMaturity(a, 3)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON MaturityResult
	if err := json.Unmarshal(raw, &fromJSON); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromJSON, *typed) {
		t.Fatal("RateMaturity differs from RateMaturityJSON")
	}
	if typed.Organization != a.Organization || typed.Scale != "nplf" || typed.Level != 0 ||
		*typed.Gaps.Target != 3 || typed.NotApplicable[0].ID != "9.4.a" {
		t.Fatalf("%+v", typed)
	}
	// every key of the result document is decoded: re-encoding the struct
	// gives back the library's document
	back, err := json.Marshal(typed)
	if err != nil {
		t.Fatal(err)
	}
	if err := match(parseJSON(t, raw), parseJSON(t, back), "maturity"); err != nil {
		t.Fatal(err)
	}

	e, err := os.ReadFile(filepath.Join(sourceRoot(t), "examples", "evaluation.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ev Evaluation
	if err := json.Unmarshal(e, &ev); err != nil {
		t.Fatal(err)
	}
	qraw, err := ScoreQualityJSON(e, nil)
	if err != nil {
		t.Fatal(err)
	}
	q, err := ScoreQuality(ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	qback, _ := json.Marshal(q)
	if err := match(parseJSON(t, qraw), parseJSON(t, qback), "quality"); err != nil {
		t.Fatal(err)
	}
	if q.Overall.Band == nil || *q.Overall.Band != "优" {
		t.Fatalf("%+v", q.Overall)
	}
}

func TestAHPTyped(t *testing.T) {
	r, err := AHP([][]float64{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{4. / 7, 2. / 7, 1. / 7}
	for i, w := range r.Weights {
		if math.Abs(w-want[i]) > 1e-9 {
			t.Fatalf("%v", r.Weights)
		}
	}
	if strings.Join(r.Labels, ",") != "1,2,3" || !r.Consistent || math.Abs(r.LambdaMax-3) > 1e-9 {
		t.Fatalf("%+v", r)
	}
	r, err = AHP([][]float64{{1, 9, 1. / 9}, {1. / 9, 1, 9}, {9, 1. / 9, 1}}, []string{"a", "b", "c"}, true)
	if err != nil || r.Consistent || r.CR < 0.1 || r.Labels[2] != "c" {
		t.Fatalf("%+v %v", r, err)
	}
}

// ---- concurrency ---------------------------------------------------------------------

// runParallel runs f from 8 goroutines at once, rounds times each, and
// checks that every result equals the first one, byte for byte.
func runParallel(t *testing.T, rounds int, f func() ([]byte, error)) {
	want, err := f()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	start := make(chan struct{})
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := 0; i < rounds; i++ {
				got, err := f()
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want) {
					errs <- fmt.Errorf("result differs from the first one")
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestConcurrentMaturity(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(sourceRoot(t), "examples", "assessment.json"))
	if err != nil {
		t.Fatal(err)
	}
	runParallel(t, 25, func() ([]byte, error) { return RateMaturityJSON(doc) })
	m, err := LoadMaturityModelJSON([]byte(exampleModel))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	runParallel(t, 50, func() ([]byte, error) {
		return m.RateJSON([]byte(`{"ratings": {"ops-1": "F", "ops-2": 60}}`), 0)
	})
}

func TestConcurrentQuality(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(sourceRoot(t), "examples", "evaluation.json"))
	if err != nil {
		t.Fatal(err)
	}
	runParallel(t, 50, func() ([]byte, error) { return ScoreQualityJSON(doc, nil) })
	c, err := builtinIndicatorCatalog().Extend([]byte(exampleIndicators))
	if err != nil {
		t.Fatal(err)
	}
	runParallel(t, 50, func() ([]byte, error) { return c.ScoreJSON(doc) })
	runParallel(t, 50, func() ([]byte, error) {
		r, err := AHP([][]float64{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}, nil, false)
		return []byte(fmt.Sprint(r)), err
	})
	c.Close()
}

func TestConcurrentClassify(t *testing.T) {
	runParallel(t, 200, func() ([]byte, error) {
		c, err := LookupClass("040201")
		if err != nil {
			return nil, err
		}
		list, err := SearchClasses("运维")
		if err != nil {
			return nil, err
		}
		_, err = LookupClass("0407")
		return []byte(fmt.Sprint(c, len(list), err)), nil
	})
}

// Close waits for calls in progress and later calls fail cleanly.
func TestCloseWhileInUse(t *testing.T) {
	doc, _ := ExportCatalogJSON()
	c, err := LoadCatalog(doc)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if _, err := c.Search("运维"); err != nil && !errors.Is(err, ErrInvalid) {
					t.Error(err)
					return
				}
			}
		}()
	}
	c.Close()
	wg.Wait()
}

// ---- memory ---------------------------------------------------------------------------

func vmRSS(t *testing.T) int64 {
	runtime.GC()
	debug.FreeOSMemory()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb * 1024
		}
	}
	t.Skip("no VmRSS in /proc/self/status")
	return 0
}

// Every buffer the library returns is released: 10,000 calls after a
// warm-up of 1,000 leave the resident set flat (a leaked 30 KB result per
// call would add 300 MB).
func TestNoLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	assessment := []byte(`{"ratings": {"6.1.1.a": "F", "6.1.1.b": 90, "9.4.a": {"rating": "na", "reason": "x"}}}`)
	bad := []byte(`{"ratings": {"6.1.1.a": "yes"}}`)
	evaluation := []byte(`{"service": "01", "measurements": {"timely_response_rate": {"A": 45, "B": 50}}}`)
	call := func(i int) {
		if out, err := RateMaturityJSON(assessment); err != nil || len(out) < 10000 {
			t.Fatalf("rate: %v", err)
		}
		if _, err := LookupClass("040201"); err != nil {
			t.Fatal(err)
		}
		if _, err := LookupClass("0407"); err == nil {
			t.Fatal("0407")
		}
		if _, err := RateMaturityJSON(bad); err == nil {
			t.Fatal("bad assessment")
		}
		if _, err := ScoreQualityJSON(evaluation, nil); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			c, err := builtinIndicatorCatalog().Extend([]byte(exampleIndicators))
			if err != nil {
				t.Fatal(err)
			}
			c.Close()
			m, err := LoadMaturityModelJSON([]byte(exampleModel))
			if err != nil {
				t.Fatal(err)
			}
			m.Close()
		}
	}
	for i := 0; i < 1000; i++ {
		call(i)
	}
	before := vmRSS(t)
	for i := 0; i < 10000; i++ {
		call(i)
	}
	after := vmRSS(t)
	growth := after - before
	t.Logf("VmRSS %d KiB -> %d KiB (%+d KiB)", before/1024, after/1024, growth/1024)
	if growth > 16<<20 {
		t.Fatalf("resident set grew by %d KiB over 10,000 calls", growth/1024)
	}
}

// A model's own rule and bands (written in the format-* cases' model.json).
func TestModelRuleAndThresholds(t *testing.T) {
	dir := filepath.Join(sourceRoot(t), "tests", "cases", "maturity")
	m, err := LoadMaturityModelFile(filepath.Join(dir, "format-thresholds-custom-55", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if th, err := m.Thresholds(); err != nil || th != (Thresholds{20, 60, 90}) {
		t.Fatalf("%+v %v", th, err)
	}
	f, err := LoadMaturityModelFile(filepath.Join(dir, "format-rule-fully", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if rule, err := f.Rule(); err != nil || rule != (MaturityRule{"fully", "fully"}) {
		t.Fatalf("%+v %v", rule, err)
	}
}

// format-should-unmet-not-blocking: sec-2a (N) and ops-2c (met) are
// should clauses; neither blocks level 3, half of them are fully satisfied.
func TestRecommendations(t *testing.T) {
	dir := filepath.Join(sourceRoot(t), "tests", "cases", "maturity", "format-should-unmet-not-blocking")
	m, err := LoadMaturityModelFile(filepath.Join(dir, "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ratings := map[string]any{"ops-1a": "F", "sec-1a": "F", "ops-2a": "F", "ops-2b": "F",
		"ops-3a": "F", "sec-3a": "F", "sec-2a": "N", "ops-2c": "met"}
	r, err := m.Rate(Assessment{Ratings: ratings}, 0)
	if err != nil || r.Level != 3 || len(r.Gaps.Clauses) != 0 {
		t.Fatalf("%+v %v", r, err)
	}
	rec := r.Recommendations
	if rec.Clauses != 2 || rec.Fully != 1 || rec.Coverage == nil || *rec.Coverage != 0.5 ||
		len(rec.List) != 2 || rec.List[1].ID != "sec-2a" || rec.List[1].Status != "not_satisfied" {
		t.Fatalf("%+v", rec)
	}
}

// Levels by text in the built-in model (T/CESA 1299-2023, 5.2): 协同级 is
// ordinal 3 with the ITSS label 二级; 四级 is the lowest, ordinal 1.
func TestLevelByText(t *testing.T) {
	m := BuiltinMaturityModel()
	for text, want := range map[string]int{"协同级": 3, "二级": 3, "四级": 1, "Leading": 5, "2": 2} {
		if got, err := m.Level(text); err != nil || got != want {
			t.Fatalf("%s: %d %v", text, got, err)
		}
	}
	if _, err := m.Level("六级"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("六级: %v", err)
	}
}

// ITSS.1-2015 is built in next to T/CESA 1299-2023, chosen by id; its
// grades 四级 .. 一级 are the labels of ordinals 1 .. 4.
func TestBuiltinMaturityModelByID(t *testing.T) {
	m, err := BuiltinMaturityModelByID("itss1-2015")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close() // does nothing: the model belongs to the library
	if n, err := m.Level("一级"); err != nil || n != 4 {
		t.Fatalf("一级: %d %v", n, err)
	}
	if rule, err := m.Rule(); err != nil || rule != (MaturityRule{"fully", "fully"}) {
		t.Fatalf("%+v %v", rule, err)
	}
	d, err := BuiltinMaturityModelByID("tcesa1299-2023")
	if err != nil || d.p != BuiltinMaturityModel().p {
		t.Fatalf("the default model by id: %v", err)
	}
	if _, err := BuiltinMaturityModelByID("itss1"); !errors.Is(err, ErrNotFound) ||
		!strings.Contains(err.Error(), "itss1-2015") {
		t.Fatalf("unknown id: %v", err)
	}
	if _, err := BuiltinMaturityModelByID("a\x00b"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("NUL in the id: %v", err)
	}
	// everything met but one characteristic of 拓展级 (level-wide): level 1
	clauses, err := m.ClausesJSON(0, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Clauses []struct{ ID string } `json:"clauses"`
	}
	if err := json.Unmarshal(clauses, &list); err != nil {
		t.Fatal(err)
	}
	ratings := map[string]string{}
	for _, c := range list.Clauses {
		ratings[c.ID] = "met"
	}
	ratings["4.3.2.2-a"] = "not_met"
	doc, _ := json.Marshal(map[string]any{"scale": "binary", "ratings": ratings})
	out, err := m.RateJSON(doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Level     int    `json:"level"`
		ITSSLabel string `json:"itss_label"`
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Level != 1 || r.ITSSLabel != "四级" {
		t.Fatalf("%+v %v", r, err)
	}
}

// ---- typed results from files ------------------------------------------------------

// caseFiles reads a case of tests/cases/<area>: its input and expected answer.
func caseFiles(t *testing.T, area, name string) (dir string, in caseInput, exp any) {
	t.Helper()
	dir = filepath.Join(sourceRoot(t), "tests", "cases", area, name)
	if err := json.Unmarshal(readCaseFile(t, dir, "input.json"), &in); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(readCaseFile(t, dir, "expected.json"), &exp); err != nil {
		t.Fatal(err)
	}
	return dir, in, exp
}

// asJSON is a typed result encoded and decoded again, for match.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return parseJSON(t, b)
}

// RateMaturityFile on the assessment of a case written as a JSON file and
// as a workbook gives a MaturityResult that says what the case's
// expected.json says (level, domain levels, gaps, metadata...). The
// expected values are the cases', worked by hand (tests/cases/README.md).
func TestRateMaturityFileTyped(t *testing.T) {
	tmp := t.TempDir()
	for _, name := range []string{
		"all-fully", "binary-scale", "domain-level-differs", "domain-wide-clauses",
		"metadata-carried", "not-applicable-excluded", "nplf-scale-with-percent",
		"one-largely-at-level-1", "percent-50_000001", "percent-85", "target-default",
		"unrated-counts-as-not-satisfied",
	} {
		t.Run(name, func(t *testing.T) {
			_, in, exp := caseFiles(t, "maturity", name)
			doc := compose(t, BuiltinMaturityModel(), in)
			a, err := LoadAssessment(doc)
			if err != nil {
				t.Fatal(err)
			}
			sheet, err := a.Sheet(FormatXLSX, LangZH, 0, "")
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{name + ".json": doc, name + ".xlsx": sheet}
			for file, data := range files {
				path := filepath.Join(tmp, file)
				if err := os.WriteFile(path, data, 0o600); err != nil {
					t.Fatal(err)
				}
				r, err := RateMaturityFile(path, 0)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				want := int(exp.(map[string]any)["level"].(float64))
				if r.Level != want {
					t.Errorf("%s: level %d, want %d", file, r.Level, want)
				}
				if err := match(exp, asJSON(t, r), file); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// ScoreQualityFile likewise, on the evaluations of the quality cases that
// score with the built-in catalog, as JSON and as a measurement workbook.
func TestScoreQualityFileTyped(t *testing.T) {
	tmp := t.TempDir()
	for _, name := range []string{"bands", "characteristic-weights", "na-excluded", "no-events",
		"seed-table-3-2-timely-response", "several-raters", "weighted-with-missing-child"} {
		t.Run(name, func(t *testing.T) {
			dir, in, exp := caseFiles(t, "quality", name)
			doc := docText(t, dir, in, "evaluation")
			ev, err := LoadEvaluation(doc)
			if err != nil {
				t.Fatal(err)
			}
			sheet, err := ev.Sheet(FormatXLSX, LangEN)
			if err != nil {
				t.Fatal(err)
			}
			for file, data := range map[string][]byte{name + ".json": doc, name + ".xlsx": sheet} {
				path := filepath.Join(tmp, file)
				if err := os.WriteFile(path, data, 0o600); err != nil {
					t.Fatal(err)
				}
				r, err := ScoreQualityFile(path)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if err := match(exp, asJSON(t, r), file); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// ---- loaders: LoadX(doc) and LoadXFile(path) ---------------------------------------

// Every loadable thing loads from a document and from a file by the same
// pattern, and both give the same thing; the deprecated names give it too.
func TestLoaderNames(t *testing.T) {
	tmp := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// catalog
	catDoc, err := BuiltinCatalog().ExportJSON("04")
	if err != nil {
		t.Fatal(err)
	}
	sameLoad(t, "catalog", func() (*Catalog, error) { return LoadCatalog(catDoc) },
		func() (*Catalog, error) { return LoadCatalogFile(file("catalog.json", catDoc)) },
		func(c *Catalog) ([]byte, error) { return c.ExportJSON("") })

	// maturity model: LoadMaturityModelJSON(doc) is the document form until
	// LoadMaturityModel, which has always taken a path, can take a document
	modelPath := filepath.Join(sourceRoot(t), "tests", "cases", "maturity-compare", "model.json")
	modelDoc := readCaseFile(t, filepath.Dir(modelPath), "model.json")
	modelJSON := (*MaturityModel).JSON
	fromDoc := func() (*MaturityModel, error) { return LoadMaturityModelJSON(modelDoc) }
	sameLoad(t, "maturity model", fromDoc,
		func() (*MaturityModel, error) { return LoadMaturityModelFile(modelPath) }, modelJSON)
	sameLoad(t, "maturity model, deprecated name", fromDoc,
		func() (*MaturityModel, error) { return LoadMaturityModel(modelPath) }, modelJSON)

	// indicator catalog
	indDoc := []byte(`{"indicators": [{"id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"},
  "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive", "services": ["0404"],
  "a": {"zh": "按时安装的补丁数", "en": "patches installed on time"},
  "b": {"zh": "应安装的补丁数", "en": "patches due"}}]}`)
	sameLoad(t, "indicator catalog", func() (*IndicatorCatalog, error) { return LoadIndicatorCatalog(indDoc) },
		func() (*IndicatorCatalog, error) { return LoadIndicatorCatalogFile(file("indicators.json", indDoc)) },
		func(c *IndicatorCatalog) ([]byte, error) { return c.JSON("") })

	// assessment: JSON, CSV and XLSX, from a document and from a file, of
	// the built-in model and of a loaded one
	a := Assessment{Organization: "示例公司", Ratings: map[string]any{
		"6.1.1.a": "F", "6.1.1.b": 90.0, "6.8.1.a": Rating{Rating: "na", Reason: "不涉及"}}}
	aDoc, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	aCSV, err1 := a.Sheet(FormatCSV, LangEN, 1, "")
	aXLSX, err2 := a.Sheet(FormatXLSX, LangZH, 1, "")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for name, data := range map[string][]byte{"a.json": aDoc, "a.csv": aCSV, "a.xlsx": aXLSX} {
		fromDoc, err1 := LoadAssessment(data)
		fromFile, err2 := LoadAssessmentFile(file(name, data))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		if !reflect.DeepEqual(fromDoc, fromFile) || !reflect.DeepEqual(*fromDoc, a) {
			t.Errorf("%s: %+v / %+v, want %+v", name, fromDoc, fromFile, a)
		}
	}
	if _, err := LoadAssessment([]byte(`{"ratings": {"9.9.9.z": "F"}}`)); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown clause: %v", err)
	}
	if _, err := LoadAssessmentFile(filepath.Join(tmp, "missing.json")); !errors.Is(err, ErrIO) {
		t.Errorf("missing file: %v", err)
	}
	own, err := LoadMaturityModelFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	ownDoc := []byte(`{"ratings": {"ops-1a": "F"}}`)
	x1, err1 := own.LoadAssessment(ownDoc)
	x2, err2 := own.LoadAssessmentFile(file("own.json", ownDoc))
	if err1 != nil || err2 != nil || !reflect.DeepEqual(x1, x2) || x1.Ratings["ops-1a"] != "F" {
		t.Errorf("own model: %+v %v / %+v %v", x1, err1, x2, err2)
	}
	if _, err := LoadAssessment(ownDoc); !errors.Is(err, ErrNotFound) {
		t.Errorf("a clause of another model: %v", err)
	}

	// evaluation: JSON and XLSX, with the built-in catalog and a loaded one
	ev := Evaluation{Service: "04", Period: "2026-Q3",
		Scheme:       &Scheme{Indicators: []string{"incident_resolution_rate", "call_answer_rate"}},
		Measurements: map[string]Measurement{"incident_resolution_rate": Ratio(9, 10), "call_answer_rate": NA("none")}}
	evDoc, err := ev.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	evXLSX, err := ev.Sheet(FormatXLSX, LangZH)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"e.json": evDoc, "e.xlsx": evXLSX} {
		fromDoc, err1 := LoadEvaluation(data)
		fromFile, err2 := LoadEvaluationFile(file(name, data))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		if !reflect.DeepEqual(fromDoc, fromFile) || fromDoc.Period != "2026-Q3" ||
			*fromDoc.Measurements["incident_resolution_rate"].A != 9 {
			t.Errorf("%s: %+v / %+v", name, fromDoc, fromFile)
		}
	}
	ext, err := BuiltinIndicatorCatalog().Extend(indDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer ext.Close()
	pDoc := []byte(`{"service": "0404", "scheme": {"indicators": ["patch_rate"]}, "measurements": {"patch_rate": {"A": 19, "B": 20}}}`)
	p1, err1 := ext.LoadEvaluation(pDoc)
	p2, err2 := ext.LoadEvaluationFile(file("p.json", pDoc))
	if err1 != nil || err2 != nil || !reflect.DeepEqual(p1, p2) || *p1.Measurements["patch_rate"].B != 20 {
		t.Errorf("own catalog: %+v %v / %+v %v", p1, err1, p2, err2)
	}
	if _, err := LoadEvaluation(pDoc); !errors.Is(err, ErrNotFound) {
		t.Errorf("an indicator the built-in catalog lacks: %v", err)
	}
}

// sameLoad loads a handle from a document and from a file and requires
// the same export of both.
func sameLoad[H interface{ Close() error }](t *testing.T, what string, fromDoc, fromFile func() (H, error), export func(H) ([]byte, error)) {
	t.Helper()
	var docs [2][]byte
	for i, load := range []func() (H, error){fromDoc, fromFile} {
		h, err := load()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		docs[i], err = export(h)
		h.Close()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	if !bytes.Equal(docs[0], docs[1]) {
		t.Errorf("%s: from a document and from a file differ:\n%.200s\n%.200s", what, docs[0], docs[1])
	}
}

// ---- errors in a language -----------------------------------------------------------

func TestMessageIn(t *testing.T) {
	_, err := LookupClass("0407")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	// the record is in English: English gives it back unchanged
	if got := e.MessageIn(LangEN); got != e.Message {
		t.Errorf("MessageIn(LangEN) = %q, want Message %q", got, e.Message)
	}
	// in Chinese: the catalog's template, the code and the list kept as they are
	zh := e.MessageIn(LangZH)
	if want := "GB/T 29264-2012 中没有类别代码“0407”（04 的下级类别为 0401, 0402, 0403, 0404, 0405, 0499）"; zh != want {
		t.Errorf("MessageIn(LangZH) = %q", zh)
	}
	if e.Error() != e.Message {
		t.Errorf("Error() changed: %q", e.Error())
	}
	// a located error: the message alone, without line, column or path
	_, err = RateMaturity(Assessment{Ratings: map[string]any{"6.1.1.a": "yes"}}, 0)
	if !errors.As(err, &e) || e.Line == 0 {
		t.Fatal(err)
	}
	for _, lang := range []Lang{LangZH, LangEN} {
		m := e.MessageIn(lang)
		// the value quoted, "yes" in English and “yes” in Chinese; no place
		if !(strings.Contains(m, `"yes"`) || strings.Contains(m, "“yes”")) || strings.Contains(m, e.Path) {
			t.Errorf("lang %d: %q", lang, m)
		}
	}
	// messages the library did not write come back as they are, whole
	long := strings.Repeat("长消息", 200) // 1,800 bytes, more than a C record holds
	for _, own := range []*Error{
		{Code: cEINVAL, Message: "a message of the program's own"},
		{Code: cEINVAL, Message: long},
		{Code: cEINVAL, Message: "with a \x00 byte"},
	} {
		for _, lang := range []Lang{LangZH, LangEN, Lang(7)} {
			if got := own.MessageIn(lang); got != own.Message {
				t.Errorf("lang %d: %.40q became %.40q", lang, own.Message, got)
			}
		}
	}
	// an error made on the Go side
	_, err = LookupClass("04\x0007")
	if !errors.As(err, &e) || e.MessageIn(LangZH) == "" {
		t.Errorf("Go-side error: %v", err)
	}
	// a lang outside the enum gives Message; a nil *Error ""
	if got := e.MessageIn(Lang(-1)); got != e.Message {
		t.Errorf("Lang(-1): %q", got)
	}
	var none *Error
	if none.MessageIn(LangZH) != "" {
		t.Error("nil *Error")
	}
}

func TestCompareQualityTyped(t *testing.T) {
	_, in, exp := caseFiles(t, "quality", "compare-series")
	var raws []json.RawMessage
	if err := json.Unmarshal(in["evaluations"], &raws); err != nil {
		t.Fatal(err)
	}
	docs := make([][]byte, len(raws))
	for i, r := range raws {
		docs[i] = r
	}
	c, err := CompareQuality(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := match(exp, asJSON(t, c), "compare-series"); err != nil {
		t.Error(err)
	}
	if len(c.Results) != len(docs) || c.Results[0].Period != "Q1" || c.Overall.ID != "" ||
		len(c.Overall.Deltas) != len(docs)-1 {
		t.Errorf("%+v", c)
	}
	if _, err := CompareQuality(docs[:1], nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("one evaluation: %v", err)
	}
}

// A scheme may name its service (docs/quality.md, "The scheme"): the
// evaluation's is accepted, another refused at /scheme/service.
func TestSchemeService(t *testing.T) {
	ev := Evaluation{Service: "04",
		Scheme:       &Scheme{Service: "04", Indicators: []string{"incident_resolution_rate"}},
		Measurements: map[string]Measurement{"incident_resolution_rate": Ratio(9, 10)}}
	r, err := ScoreQuality(ev, nil)
	if err != nil || *r.Overall.Score != 0.9 {
		t.Fatalf("%+v %v", r, err)
	}
	ev.Scheme.Service = "01"
	_, err = ScoreQuality(ev, nil)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrValue) || e.Path != "/scheme/service" {
		t.Fatalf("another service's scheme: %v", err)
	}
}
