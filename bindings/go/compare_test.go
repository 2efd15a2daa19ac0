package itss

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The three assessments of tests/cases/maturity-compare, worked by hand in
// tests/python/test_cli_maturity_compare.py: levels 1, 2, 0.
func compareCase(t *testing.T) (*MaturityModel, [][]byte) {
	t.Helper()
	dir := filepath.Join(sourceRoot(t), "tests", "cases", "maturity-compare")
	m, err := LoadMaturityModelFile(filepath.Join(dir, "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs [][]byte
	for _, f := range []string{"2024.json", "2025.json", "2026.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	return m, docs
}

func TestCompareMaturity(t *testing.T) {
	m, docs := compareCase(t)
	defer m.Close()
	c, err := m.Compare(docs, 0, []string{"2024", "", "2026"})
	if err != nil {
		t.Fatal(err)
	}
	var levels []int
	for _, a := range c.Assessments {
		levels = append(levels, a.Level)
	}
	if !reflect.DeepEqual(levels, []int{1, 2, 0}) {
		t.Errorf("levels %v, want [1 2 0]", levels)
	}
	if c.Assessments[1].Label != nil || *c.Assessments[0].Label != "2024" || c.Assessments[2].ID != "C-2026" {
		t.Errorf("labels or metadata: %+v", c.Assessments)
	}
	str := func(p *string) string {
		if p == nil {
			return "-"
		}
		return *p
	}
	var worse []string
	for _, g := range c.Changes[1].Worsened { // F -> unrated, met -> not_met, L -> 50 (P)
		worse = append(worse, g.ID+":"+str(g.From)+">"+str(g.To))
	}
	if want := []string{"sec-1a:F>-", "ops-2a:F>N", "svc-2a:L>P"}; !reflect.DeepEqual(worse, want) {
		t.Errorf("worsened %v, want %v", worse, want)
	}
	if na := c.Changes[0].NAChanged; len(na) != 1 || na[0].ID != "sec-3a" || str(na[0].To) != "na" {
		t.Errorf("na_changed %+v", na)
	}
	if l := c.Changes[1].Level; l.From != 2 || l.To != 0 {
		t.Errorf("level change %+v, want 2 -> 0", l)
	}
	// the struct keeps every key of the document, labels given or not
	for _, labels := range [][]string{{"2024", "", "2026"}, nil} {
		doc, err := m.CompareJSON(docs, 0, labels)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip[MaturityComparison](t, doc)
	}
}

func TestCompareMaturityErrors(t *testing.T) {
	m, docs := compareCase(t)
	defer m.Close()
	if _, err := m.CompareJSON(docs[:1], 0, nil); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "at least two") {
		t.Errorf("one assessment: %v", err)
	}
	if _, err := m.CompareJSON(docs, 0, []string{"x"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("labels of the wrong length: %v", err)
	}
	if _, err := m.CompareJSON(docs, 4, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("target 4 of 3 levels: %v", err)
	}
	bad := [][]byte{docs[0], []byte(`{"ratings": {"nope": "F"}}`)}
	if _, err := m.CompareJSON(bad, 0, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown clause: %v", err)
	}
	// the built-in model
	out, err := CompareMaturityJSON([][]byte{[]byte(`{"ratings": {}}`), []byte(`{"ratings": {}}`)}, 0, nil)
	if err != nil || !strings.Contains(string(out), `"id":"tcesa1299-2023"`) {
		t.Errorf("built-in: %s %v", out, err)
	}
}
