package itss

// The typed results against the schemas of docs/schema/: every property a
// schema gives has a field with that JSON name, of a fitting kind, and
// every field is a property of the schema. The round trip of the cases
// (roundtrip_test.go) checks the keys the cases produce; this checks also
// those no case reaches.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

type schemaSet struct {
	t     *testing.T
	dir   string
	files map[string]map[string]any
}

func (s *schemaSet) file(name string) map[string]any {
	if doc, ok := s.files[name]; ok {
		return doc
	}
	b, err := os.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		s.t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		s.t.Fatalf("%s: %v", name, err)
	}
	s.files[name] = doc
	return doc
}

// resolve follows a node's $ref (to a file of the set and a pointer in it)
// and returns the node it names, with the node's other keywords on top.
func (s *schemaSet) resolve(file string, node map[string]any) (string, map[string]any) {
	ref, ok := node["$ref"].(string)
	if !ok {
		return file, node
	}
	target, ptr, _ := strings.Cut(ref, "#")
	if target == "" {
		target = file
	}
	var v any = s.file(target)
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if part != "" {
			v = v.(map[string]any)[part]
		}
	}
	f, base := s.resolve(target, v.(map[string]any))
	merged := map[string]any{}
	for k, x := range base {
		merged[k] = x
	}
	for k, x := range node {
		if k != "$ref" {
			merged[k] = x
		}
	}
	return f, merged
}

type schemaNode struct {
	file string
	node map[string]any
}

// properties are a node's properties, with those of its allOf parts and of
// the object alternatives of oneOf and anyOf.
func (s *schemaSet) properties(file string, node map[string]any) map[string]schemaNode {
	file, node = s.resolve(file, node)
	out := map[string]schemaNode{}
	for _, key := range []string{"allOf", "oneOf", "anyOf"} {
		parts, _ := node[key].([]any)
		for _, p := range parts {
			for k, v := range s.properties(file, p.(map[string]any)) {
				out[k] = v
			}
		}
	}
	props, _ := node["properties"].(map[string]any)
	for k, v := range props {
		out[k] = schemaNode{file, v.(map[string]any)}
	}
	return out
}

// jsonFields are a struct's fields by JSON name, embedded structs
// flattened as encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && tag == "" {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f
	}
	return out
}

// kindFits reports whether a Go type can hold the JSON types of a leaf.
func kindFits(types []string, t reflect.Type) bool {
	if t.Kind() == reflect.Interface {
		return true
	}
	for _, ty := range types {
		ok := false
		switch ty {
		case "null":
			continue
		case "string":
			ok = t.Kind() == reflect.String
		case "integer":
			ok = t.Kind() == reflect.Int
		case "number":
			ok = t.Kind() == reflect.Float64
		case "boolean":
			ok = t.Kind() == reflect.Bool
		default:
			ok = true
		}
		if !ok {
			return false
		}
	}
	return true
}

func (s *schemaSet) check(where, file string, node map[string]any, t reflect.Type, errs *[]string) {
	file, node = s.resolve(file, node)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Interface {
		return // any JSON value
	}
	fail := func(format string, args ...any) { *errs = append(*errs, where+": "+fmt.Sprintf(format, args...)) }
	props := s.properties(file, node)
	extra, _ := node["additionalProperties"].(map[string]any)
	switch {
	case len(props) > 0:
		if t.Kind() != reflect.Struct {
			fail("an object with properties, but %s", t)
			return
		}
		fields := jsonFields(t)
		for name, sub := range props {
			f, ok := fields[name]
			if !ok {
				fail("property %q has no field in %s", name, t)
				continue
			}
			s.check(where+"/"+name, sub.file, sub.node, f.Type, errs)
		}
		for name, f := range fields {
			if _, ok := props[name]; !ok {
				fail("field %s.%s (%q) is no property of the schema", t, f.Name, name)
			}
		}
	case node["items"] != nil:
		if t.Kind() != reflect.Slice {
			fail("an array, but %s", t)
			return
		}
		s.check(where+"/[]", file, node["items"].(map[string]any), t.Elem(), errs)
	case extra != nil:
		switch t.Kind() {
		case reflect.Map:
			s.check(where+"/*", file, extra, t.Elem(), errs)
		case reflect.Struct: // keys the schema leaves open, each of its value type
			for name, f := range jsonFields(t) {
				s.check(where+"/"+name, file, extra, f.Type, errs)
			}
		default:
			fail("an object of any keys, but %s", t)
		}
	default:
		var types []string
		switch ty := node["type"].(type) {
		case string:
			types = []string{ty}
		case []any:
			for _, x := range ty {
				types = append(types, x.(string))
			}
		}
		if !kindFits(types, t) {
			fail("JSON %v in %s", types, t)
		}
	}
}

func TestResultsMatchSchemas(t *testing.T) {
	s := &schemaSet{t: t, dir: filepath.Join(sourceRoot(t), "docs", "schema"), files: map[string]map[string]any{}}
	for _, c := range []struct {
		schema string
		v      any
	}{
		{"maturity-result.schema.json", MaturityResult{}},
		{"maturity-comparison.schema.json", MaturityComparison{}},
		{"quality-result.schema.json", QualityResult{}},
		{"quality-compare.schema.json", QualityComparison{}},
		{"ahp-result.schema.json", AHPResult{}},
		{"assessment.schema.json", Assessment{}},
		{"evaluation.schema.json", Evaluation{}},
	} {
		var errs []string
		s.check(c.schema, c.schema, s.file(c.schema), reflect.TypeOf(c.v), &errs)
		sort.Strings(errs)
		for _, e := range errs {
			t.Error(e)
		}
	}
}
