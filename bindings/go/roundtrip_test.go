package itss

// The typed results against the library's JSON: a document the library
// wrote, decoded into the binding's struct and encoded again, must give
// back every key of the document with its value. A field the struct lacks
// loses its key; a misnamed one loses the key and adds another; a field of
// the wrong type fails to decode. Both are reported with the key's path.

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"testing"
)

// sameJSON compares lib (decoded from the library's document) with rt
// (decoded from the struct encoded again). The one accepted difference is
// a null in lib for which the struct writes "" (a string field that the
// binding documents as "" when the library writes null). With emptyMayGo,
// as for the documents the binding writes for the library, an empty array
// or object of lib may be left out too (they mean what the missing key
// means: no bands, no weights).
func sameJSON(lib, rt any, where string) error { return compareJSON(lib, rt, where, false) }

func compareJSON(lib, rt any, where string, emptyMayGo bool) error {
	switch l := lib.(type) {
	case map[string]any:
		r, ok := rt.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: an object became %s", where, compactJSON(rt))
		}
		keys := make([]string, 0, len(l))
		for k := range l {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, ok := r[k]
			if !ok && emptyMayGo && isEmpty(l[k]) {
				continue
			}
			if !ok {
				return fmt.Errorf("%s/%s: key lost by the struct", where, k)
			}
			if err := compareJSON(l[k], v, where+"/"+k, emptyMayGo); err != nil {
				return err
			}
		}
		for k := range r {
			if _, ok := l[k]; !ok {
				return fmt.Errorf("%s/%s: key written by the struct, not by the library", where, k)
			}
		}
		return nil
	case []any:
		r, ok := rt.([]any)
		if !ok || len(r) != len(l) {
			return fmt.Errorf("%s: array of %d became %s", where, len(l), compactJSON(rt))
		}
		for i := range l {
			if err := compareJSON(l[i], r[i], fmt.Sprintf("%s/%d", where, i), emptyMayGo); err != nil {
				return err
			}
		}
		return nil
	case float64:
		if r, ok := rt.(float64); ok && (r == l || math.IsNaN(l) && math.IsNaN(r)) {
			return nil
		}
	case nil:
		if rt == nil || rt == "" {
			return nil
		}
	default:
		if lib == rt {
			return nil
		}
	}
	return fmt.Errorf("%s: %s became %s", where, compactJSON(lib), compactJSON(rt))
}

// isEmpty reports whether a JSON value is [] or {}.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// roundTrip decodes a document of the library into a new T as the binding
// does, checks that T keeps all of it (sameJSON), and returns it.
func roundTrip[T any](t *testing.T, doc []byte) *T {
	t.Helper()
	return roundTripMode[T](t, doc, false)
}

// roundTripDoc is roundTrip for the documents the binding writes for the
// library (Assessment, Evaluation), which leave empty lists out.
func roundTripDoc[T any](t *testing.T, doc []byte) *T {
	t.Helper()
	return roundTripMode[T](t, doc, true)
}

func roundTripMode[T any](t *testing.T, doc []byte, emptyMayGo bool) *T {
	t.Helper()
	v, err := decoded[T](doc, nil)
	if err != nil {
		t.Fatalf("%T: %v", v, err)
	}
	again, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T does not encode: %v", v, err)
	}
	var lib, rt any
	if err := json.Unmarshal(doc, &lib); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(again, &rt); err != nil {
		t.Fatal(err)
	}
	if err := compareJSON(lib, rt, fmt.Sprintf("%T", v), emptyMayGo); err != nil {
		t.Fatal(err)
	}
	return v
}

// The comparison itself must be able to fail: a lost key, an added key, a
// changed value and a shorter array are each reported.
func TestSameJSONFails(t *testing.T) {
	lib := map[string]any{"a": 1.0, "b": []any{"x", nil}, "c": nil}
	for _, rt := range []any{
		map[string]any{"a": 1.0, "b": []any{"x", nil}},                   // c lost
		map[string]any{"a": 1.0, "b": []any{"x", nil}, "c": nil, "d": 1}, // d added
		map[string]any{"a": 2.0, "b": []any{"x", nil}, "c": nil},         // a changed
		map[string]any{"a": 1.0, "b": []any{"x"}, "c": nil},              // b shorter
		map[string]any{"a": 1.0, "b": []any{"x", 0.0}, "c": nil},         // null became 0
	} {
		if sameJSON(lib, rt, "") == nil {
			t.Errorf("%s passes against %s", compactJSON(rt), compactJSON(lib))
		}
	}
	if err := sameJSON(lib, map[string]any{"a": 1.0, "b": []any{"x", ""}, "c": ""}, ""); err != nil {
		t.Errorf("null written as \"\" refused: %v", err)
	}
	// an empty list may go only where allowed
	withEmpty := map[string]any{"a": []any{}, "b": map[string]any{}}
	if sameJSON(withEmpty, map[string]any{}, "") == nil {
		t.Error("empty lists lost unnoticed")
	}
	if err := compareJSON(withEmpty, map[string]any{}, "", true); err != nil {
		t.Errorf("empty lists left out: %v", err)
	}
	if compareJSON(map[string]any{"a": []any{1.0}}, map[string]any{}, "", true) == nil {
		t.Error("a list that is not empty lost unnoticed")
	}
}
