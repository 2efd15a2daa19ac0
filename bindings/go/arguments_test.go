package itss

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wide returns v as an int, skipping the test where int has 32 bits (the
// values beyond a C int cannot then be written as a Go int at all).
func wide(t *testing.T, v int64) int {
	t.Helper()
	if strconv.IntSize < 64 {
		t.Skip("int has 32 bits")
	}
	return int(v)
}

// Values a C int (32 bits) cannot hold. 1<<32 + 3 is the one that a plain
// C.int conversion turns into 3, and 1<<32 + 1 into 1.
var beyondCInt = []int64{1 << 31, 1<<32 + 3, 1<<32 + 1, -1<<31 - 1, math.MaxInt64, math.MinInt64}

// T/CESA 1299-2023 has 5 levels; item numbers of any model are
// 1..1,000,000 (docs/maturity.md).
const builtinLevels, maxItem = 5, 1000000

func wantInvalid(t *testing.T, what string, v int64, out []byte, err error) {
	t.Helper()
	var e *Error
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) {
		t.Errorf("%s %d: got %v (output %.60s), want ErrInvalid", what, v, err, out)
		return
	}
	if !strings.Contains(e.Message, strconv.FormatInt(v, 10)) {
		t.Errorf("%s %d: the message does not name the value: %s", what, v, e.Message)
	}
}

func intArguments(t *testing.T) []struct {
	name     string
	call     func(v int) ([]byte, error)
	low, top int64
} {
	empty := []byte(`{"ratings": {}}`)
	loaded, err := LoadMaturityModelJSON(mustModelJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { loaded.Close() })
	return []struct {
		name     string
		call     func(v int) ([]byte, error)
		low, top int64
	}{
		{"target", func(v int) ([]byte, error) { return RateMaturityJSONTarget(empty, v) }, 0, builtinLevels},
		{"target of a loaded model", func(v int) ([]byte, error) { return loaded.RateJSON(empty, v) }, 0, builtinLevels},
		{"target of Rate", func(v int) ([]byte, error) {
			_, err := RateMaturity(Assessment{Ratings: map[string]any{}}, v)
			return nil, err
		}, 0, builtinLevels},
		{"level", func(v int) ([]byte, error) { return MaturityClausesJSON(v, "", 0) }, 0, builtinLevels},
		{"level of a loaded model", func(v int) ([]byte, error) { return loaded.ClausesJSON(v, "", 0) }, 0, builtinLevels},
		{"item", func(v int) ([]byte, error) { return MaturityClausesJSON(0, "", v) }, 0, maxItem},
	}
}

func mustModelJSON(t *testing.T) []byte {
	doc, err := MaturityModelJSON()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestIntegersBeyondCIntAreRefused(t *testing.T) {
	for _, c := range intArguments(t) {
		for _, v := range beyondCInt {
			out, err := c.call(wide(t, v))
			wantInvalid(t, c.name, v, out, err)
		}
	}
}

func TestIntegersAtTheEndsOfTheirRange(t *testing.T) {
	for _, c := range intArguments(t) {
		for _, v := range []int64{c.low - 1, c.top + 1} {
			out, err := c.call(int(v))
			wantInvalid(t, c.name, v, out, err)
			if err != nil && !strings.Contains(err.Error(), strconv.FormatInt(c.top, 10)) {
				t.Errorf("%s %d: the message does not give the range: %v", c.name, v, err)
			}
		}
		if c.name == "item" {
			continue // a number the model lacks: below
		}
		for _, v := range []int64{c.low, c.top} {
			if _, err := c.call(int(v)); err != nil {
				t.Errorf("%s %d: %v", c.name, v, err)
			}
		}
	}
	// 1,000,000 may number an item, but T/CESA 1299-2023 has 48
	if _, err := MaturityClausesJSON(0, "", maxItem); !errors.Is(err, ErrNotFound) {
		t.Errorf("item %d: %v, want ErrNotFound", maxItem, err)
	}
}

func TestDirectionBeyondCIntIsRefused(t *testing.T) {
	for _, v := range append(beyondCInt, -1, 2) {
		_, err := MapClass("gbt4754", "040201", Direction(wide(t, v)))
		wantInvalid(t, "direction", v, nil, err)
		_, err = BuiltinCatalog().Map("gbt4754", "6540", Direction(wide(t, v)))
		wantInvalid(t, "direction", v, nil, err)
	}
	if m, err := MapClass("gbt4754", "6540", Reverse); err != nil || len(m) == 0 {
		t.Errorf("reverse map of 6540: %v %v", m, err)
	}
}

func TestNULInEveryStringArgument(t *testing.T) {
	dir := t.TempDir()
	// a file named like the part before the NUL: C reading the string up to
	// the NUL would open it
	file := filepath.Join(dir, "doc.json")
	if err := os.WriteFile(file, []byte(`{"indicators": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	withNUL := file + "\x00junk"
	bic := BuiltinIndicatorCatalog()
	calls := map[string]func(s string) error{
		"LookupClass":              func(s string) error { return second(LookupClass(s)) },
		"ClassJSON":                func(s string) error { return second(ClassJSON(s)) },
		"ValidateCode":             func(s string) error { return second(ValidateCode(s)) },
		"SearchClasses":            func(s string) error { return second(SearchClasses(s)) },
		"ClassChildren":            func(s string) error { return second(ClassChildren(s)) },
		"ClassAncestors":           func(s string) error { return second(ClassAncestors(s)) },
		"ClassDescendants":         func(s string) error { return second(ClassDescendants(s)) },
		"ClassTreeJSON":            func(s string) error { return second(ClassTreeJSON(s)) },
		"ExportJSON":               func(s string) error { return second(BuiltinCatalog().ExportJSON(s)) },
		"MapClass crosswalk":       func(s string) error { return second(MapClass(s, "040201", Forward)) },
		"MapClass code":            func(s string) error { return second(MapClass("gbt4754", s, Forward)) },
		"MaturityClausesJSON":      func(s string) error { return second(MaturityClausesJSON(0, s, 0)) },
		"IndicatorsJSON":           func(s string) error { return second(IndicatorsJSON(s)) },
		"QualitySchemeJSON":        func(s string) error { return second(QualitySchemeJSON(s)) },
		"LoadCatalogFile":          func(s string) error { return second(LoadCatalogFile(s)) },
		"LoadMaturityModel":        func(s string) error { return second(LoadMaturityModel(s)) },
		"LoadMaturityModelFile":    func(s string) error { return second(LoadMaturityModelFile(s)) },
		"LoadAssessmentFile":       func(s string) error { return second(LoadAssessmentFile(s)) },
		"LoadEvaluationFile":       func(s string) error { return second(LoadEvaluationFile(s)) },
		"LoadIndicatorCatalogFile": func(s string) error { return second(LoadIndicatorCatalogFile(s)) },
		"ExtendFile":               func(s string) error { return second(bic.ExtendFile(s)) },
	}
	for name, call := range calls {
		for _, s := range []string{"04\x00", "process\x00x", "\x00", withNUL} {
			err := call(s)
			var e *Error
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) || !strings.Contains(e.Message, "NUL") {
				t.Errorf("%s(%q): %v, want ErrInvalid naming the NUL", name, s, err)
			}
		}
	}
	// without the NUL, the file is read
	if c, err := LoadIndicatorCatalogFile(file); err != nil {
		t.Errorf("%s: %v", file, err)
	} else {
		c.Close()
	}
}

func TestDeepDocumentsAreTheLibrarysLimitError(t *testing.T) {
	// nested 5000 deep: beyond the library's 2,048 levels (docs/security.md)
	var deep any = 1
	for i := 0; i < 5000; i++ {
		deep = map[string]any{"a": deep}
	}
	_, err := RateMaturity(Assessment{Ratings: map[string]any{"6.1.1.a": deep}}, 0)
	if !errors.Is(err, ErrLimit) {
		t.Errorf("5000 deep: %v, want ErrLimit", err)
	}
}
