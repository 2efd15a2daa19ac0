package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

import (
	"fmt"
	"runtime"
)

// Text is a text in the two languages of libitss: Zh is Chinese (the
// standards' own words), En is English (libitss's translation).
type Text struct {
	Zh string `json:"zh"` // Chinese
	En string `json:"en"` // English
}

// Class is one class (code) of the GB/T 29264-2012 classification. It is a
// Go copy of the library's data, owned by the caller.
type Class struct {
	Code          string // 2, 4 or 6 digits
	Level         int    // 1 (大类), 2 (中类) or 3 (小类)
	Parent        string // the parent's code; "" at level 1
	NameZh        string // the standard's name
	NameEn        string // libitss's English name
	DescriptionZh string // libitss's short description, in Chinese
	DescriptionEn string // the same in English
	CatchAll      bool   // a catch-all class ("other ...")
	Includes      *Text  // what the standard's table says the class includes; nil if nothing
	Excludes      *Text  // what it says the class excludes; nil if nothing
	Source        string // where the class comes from (document and place)
}

// Mapping is one link of a crosswalk between a GB/T 29264 class and a class
// of another scheme.
type Mapping struct {
	Class    string // the GB/T 29264 code
	Target   string // the other scheme's code
	Relation string // "exact", "narrower", "broader" or "related": the class is ... the target
}

// Direction is the way a crosswalk is read (the C itss_direction).
type Direction int

const (
	// Forward maps a GB/T 29264 code to the classes of the other scheme.
	Forward Direction = C.ITSS_FORWARD
	// Reverse maps a code of the other scheme to GB/T 29264 classes.
	Reverse Direction = C.ITSS_REVERSE
)

// String returns the library's name of the direction, "forward" or
// "reverse", or "Direction(n)" for a value that is neither.
func (d Direction) String() string {
	if d == Forward || d == Reverse {
		return C.GoString(C.itss_direction_name(C.itss_direction(d)))
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// Catalog is a GB/T 29264 classification catalog: the built-in one
// (BuiltinCatalog) or one loaded from JSON (LoadCatalog), which holds C
// memory until Close. A Catalog may be used from many goroutines at once.
type Catalog struct {
	h     handle
	p     *C.itss_catalog
	owned bool
}

// BuiltinCatalog returns the built-in GB/T 29264-2012 catalog, compiled
// into the library: it cannot fail. It belongs to the library and lives
// until the process ends; Close does nothing.
func BuiltinCatalog() *Catalog {
	return builtinCatalog()
}

func builtinCatalog() *Catalog {
	return &Catalog{p: C.itss_catalog_builtin()}
}

// LoadCatalog builds a catalog from a JSON document in the itss-catalog/1
// format (docs/json-formats.md), such as the output of ExportCatalogJSON.
// The document is not retained. The caller owns the result and releases it
// with Close.
func LoadCatalog(doc []byte) (*Catalog, error) {
	var p *C.itss_catalog
	var e C.itss_error
	d, n := docPtr(doc)
	rc := C.itss_catalog_load(d, n, &p, &e)
	runtime.KeepAlive(doc)
	if rc != 0 {
		return nil, newError(rc, &e)
	}
	return newCatalog(p), nil
}

// LoadCatalogFile is LoadCatalog reading the file at path (ErrIO when it
// cannot be read). The caller owns the result and releases it with Close.
func LoadCatalogFile(path string) (*Catalog, error) {
	cp, err := cstr("path", path)
	if err != nil {
		return nil, err
	}
	defer cfree(cp)
	var p *C.itss_catalog
	var e C.itss_error
	if rc := C.itss_catalog_load_file(cp, &p, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return newCatalog(p), nil
}

func newCatalog(p *C.itss_catalog) *Catalog {
	c := &Catalog{p: p, owned: true}
	runtime.SetFinalizer(c, func(c *Catalog) { c.Close() })
	return c
}

// Close releases a loaded catalog; later calls on it fail with ErrInvalid.
// Closing twice, or closing the built-in catalog, does nothing. Close waits
// for calls in progress on other goroutines.
func (c *Catalog) Close() error {
	if c == nil || !c.owned {
		return nil // the built-in objects belong to the library
	}
	c.h.close(func() {
		C.itss_catalog_free(c.p)
		c.p = nil
	})
	runtime.SetFinalizer(c, nil)
	return nil
}

func (c *Catalog) use(f func(p *C.itss_catalog) error) error {
	if c == nil {
		return goError(cEINVAL, "nil catalog")
	}
	err := c.h.use("catalog", func() error { return f(c.p) })
	runtime.KeepAlive(c)
	return err
}

func goStr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

func text2(zh, en *C.char) *Text {
	if zh == nil && en == nil {
		return nil
	}
	return &Text{Zh: goStr(zh), En: goStr(en)}
}

// classOf copies a class borrowed from a catalog into Go memory.
func classOf(c *C.itss_class) Class {
	return Class{
		Code:          goStr(C.itss_class_code(c)),
		Level:         int(C.itss_class_level(c)),
		Parent:        goStr(C.itss_class_code(C.itss_class_parent(c))),
		NameZh:        goStr(C.itss_class_name(c, C.ITSS_LANG_ZH)),
		NameEn:        goStr(C.itss_class_name(c, C.ITSS_LANG_EN)),
		DescriptionZh: goStr(C.itss_class_description(c, C.ITSS_LANG_ZH)),
		DescriptionEn: goStr(C.itss_class_description(c, C.ITSS_LANG_EN)),
		CatchAll:      C.itss_class_is_catch_all(c) != 0,
		Includes:      text2(C.itss_class_includes(c, C.ITSS_LANG_ZH), C.itss_class_includes(c, C.ITSS_LANG_EN)),
		Excludes:      text2(C.itss_class_excludes(c, C.ITSS_LANG_ZH), C.itss_class_excludes(c, C.ITSS_LANG_EN)),
		Source:        goStr(C.itss_class_source(c)),
	}
}

func classesOf(list []*C.itss_class) []Class {
	out := make([]Class, len(list))
	for i, c := range list {
		out[i] = classOf(c)
	}
	return out
}

// lookup finds a class by code (errors as itss_class_lookup) and calls f
// with it while the catalog is held.
func (c *Catalog) lookup(code string, f func(cl *C.itss_class) error) error {
	cc, err := cstr("class code", code)
	if err != nil {
		return err
	}
	defer cfree(cc)
	return c.use(func(p *C.itss_catalog) error {
		var cl *C.itss_class
		var e C.itss_error
		if rc := C.itss_class_lookup(p, cc, &cl, &e); rc != 0 {
			return newError(rc, &e)
		}
		return f(cl)
	})
}

// Edition returns the catalog's edition, e.g. "GB/T 29264-2012".
func (c *Catalog) Edition() (string, error) {
	var s string
	err := c.use(func(p *C.itss_catalog) error {
		s = goStr(C.itss_catalog_edition(p))
		return nil
	})
	return s, err
}

// Lookup returns the class with exactly this code. A code that cannot exist
// (empty, not digits, wrong length) gives ErrValue, a well-formed unknown
// code ErrNotFound; the message names the code.
func (c *Catalog) Lookup(code string) (Class, error) {
	var out Class
	err := c.lookup(code, func(cl *C.itss_class) error {
		out = classOf(cl)
		return nil
	})
	return out, err
}

// ClassJSON returns one class as the library's class JSON object
// (docs/json-formats.md), compact.
func (c *Catalog) ClassJSON(code string) ([]byte, error) {
	var out []byte
	err := c.lookup(code, func(cl *C.itss_class) error {
		var s *C.char
		var n C.size_t
		var e C.itss_error
		if rc := C.itss_class_render(cl, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, &s, &n, &e); rc != 0 {
			return newError(rc, &e)
		}
		out = takeOutput(s, n)
		return nil
	})
	return out, err
}

// Validate checks a code and returns the library's verdict: "ok", "empty",
// "not_digits", "bad_length", "unknown_parent" or "unknown_code". err is nil
// exactly when problem is "ok"; otherwise it says what is wrong (ErrValue
// for the first three problems, ErrNotFound for the last two).
func (c *Catalog) Validate(code string) (problem string, err error) {
	cc, err := cstr("class code", code)
	if err != nil {
		return "", err
	}
	defer cfree(cc)
	err = c.use(func(p *C.itss_catalog) error {
		pr := C.itss_code_problem(255) // outside the enum: no verdict
		var e C.itss_error
		rc := C.itss_code_validate(p, cc, &pr, &e)
		problem = goStr(C.itss_code_problem_name(pr))
		if rc != 0 {
			return newError(rc, &e)
		}
		return nil
	})
	return problem, err
}

// Count returns the number of classes.
func (c *Catalog) Count() (int, error) {
	var n int
	err := c.use(func(p *C.itss_catalog) error {
		n = int(C.itss_catalog_class_count(p))
		return nil
	})
	return n, err
}

// Classes returns every class in code order (a pre-order walk of the tree).
func (c *Catalog) Classes() ([]Class, error) {
	var out []Class
	err := c.use(func(p *C.itss_catalog) error {
		n := C.itss_catalog_class_count(p)
		out = make([]Class, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			out = append(out, classOf(C.itss_catalog_class_at(p, i)))
		}
		return nil
	})
	return out, err
}

// Top returns the top-level (2-digit) classes in code order.
func (c *Catalog) Top() ([]Class, error) {
	var out []Class
	err := c.use(func(p *C.itss_catalog) error {
		n := C.itss_catalog_top_count(p)
		out = make([]Class, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			out = append(out, classOf(C.itss_catalog_top_at(p, i)))
		}
		return nil
	})
	return out, err
}

// Children returns the direct children of a class in code order.
func (c *Catalog) Children(code string) ([]Class, error) {
	var out []Class
	err := c.lookup(code, func(cl *C.itss_class) error {
		n := C.itss_class_child_count(cl)
		out = make([]Class, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			out = append(out, classOf(C.itss_class_child_at(cl, i)))
		}
		return nil
	})
	return out, err
}

// classList calls a list function of the form f(buf, cap) -> total twice:
// once to size the buffer, once to fill it.
func classList(f func(buf **C.itss_class, cap C.size_t) C.size_t) []Class {
	n := f(nil, 0)
	if n == 0 {
		return []Class{}
	}
	buf := make([]*C.itss_class, int(n))
	m := f(&buf[0], n)
	if m < n {
		buf = buf[:int(m)]
	}
	return classesOf(buf)
}

// Ancestors returns the ancestors of a class from the top-level class down
// to its parent (none for a top-level class).
func (c *Catalog) Ancestors(code string) ([]Class, error) {
	var out []Class
	err := c.lookup(code, func(cl *C.itss_class) error {
		out = classList(func(buf **C.itss_class, cap C.size_t) C.size_t {
			return C.itss_class_ancestors(cl, buf, cap)
		})
		return nil
	})
	return out, err
}

// Descendants returns every descendant of a class in code order (pre-order),
// not including the class itself.
func (c *Catalog) Descendants(code string) ([]Class, error) {
	var out []Class
	err := c.lookup(code, func(cl *C.itss_class) error {
		out = classList(func(buf **C.itss_class, cap C.size_t) C.size_t {
			return C.itss_class_descendants(cl, buf, cap)
		})
		return nil
	})
	return out, err
}

// Search returns the classes whose Chinese or English name contains text,
// ranked by the library: exact names first, then names starting with text,
// then other matches; code order within a rank. ASCII letters match
// case-insensitively. Empty or blank text gives ErrValue.
func (c *Catalog) Search(text string) ([]Class, error) {
	ct, err := cstr("search text", text)
	if err != nil {
		return nil, err
	}
	defer cfree(ct)
	var out []Class
	err = c.use(func(p *C.itss_catalog) error {
		var n C.size_t
		var e C.itss_error
		if rc := C.itss_class_search(p, ct, nil, 0, &n, &e); rc != 0 {
			return newError(rc, &e)
		}
		if n == 0 {
			out = []Class{}
			return nil
		}
		buf := make([]*C.itss_class, int(n))
		var m C.size_t
		if rc := C.itss_class_search(p, ct, &buf[0], n, &m, &e); rc != 0 {
			return newError(rc, &e)
		}
		if m < n {
			buf = buf[:int(m)]
		}
		out = classesOf(buf)
		return nil
	})
	return out, err
}

// Map returns the mappings of a code through a crosswalk ("gbt4754" or
// "db21" in the built-in catalog), in data order, read in direction dir:
// Forward (code is a GB/T 29264 code) or Reverse (code is a code of the
// other scheme). A valid code without mappings gives an empty list; an
// unknown crosswalk or code gives ErrNotFound, a malformed code ErrValue,
// a direction that is neither Forward nor Reverse ErrInvalid.
func (c *Catalog) Map(crosswalk, code string, dir Direction) ([]Mapping, error) {
	if dir != Forward && dir != Reverse { // checked here: C would see it truncated
		return nil, goError(cEINVAL, "direction %d is neither Forward (%d) nor Reverse (%d)", int(dir), int(Forward), int(Reverse))
	}
	cx, err := cstr("crosswalk id", crosswalk)
	if err != nil {
		return nil, err
	}
	defer cfree(cx)
	cc, err := cstr("code", code)
	if err != nil {
		return nil, err
	}
	defer cfree(cc)
	var out []Mapping
	err = c.use(func(p *C.itss_catalog) error {
		var x *C.itss_crosswalk
		var e C.itss_error
		if rc := C.itss_crosswalk_lookup(p, cx, &x, &e); rc != 0 {
			return newError(rc, &e)
		}
		run := func(buf **C.itss_xlink, cap C.size_t, n *C.size_t) C.int {
			return C.itss_crosswalk_map(x, C.itss_direction(dir), cc, buf, cap, n, &e)
		}
		var n C.size_t
		if rc := run(nil, 0, &n); rc != 0 {
			return newError(rc, &e)
		}
		out = make([]Mapping, 0, int(n))
		if n == 0 {
			return nil
		}
		buf := make([]*C.itss_xlink, int(n))
		var m C.size_t
		if rc := run(&buf[0], n, &m); rc != 0 {
			return newError(rc, &e)
		}
		if m < n {
			buf = buf[:int(m)]
		}
		for _, l := range buf {
			out = append(out, Mapping{
				Class:    goStr(C.itss_class_code(C.itss_xlink_class(l))),
				Target:   goStr(C.itss_xtarget_code(C.itss_xlink_target(l))),
				Relation: goStr(C.itss_relation_name(C.itss_xlink_relation(l))),
			})
		}
		return nil
	})
	return out, err
}

// render runs a catalog export or render function that writes a
// library-owned buffer and returns a Go copy of it (the library's buffer is
// released).
func (c *Catalog) render(root string, f func(p *C.itss_catalog, root *C.char, out **C.char, n *C.size_t, e *C.itss_error) C.int) ([]byte, error) {
	cr, err := cstrOrNull("class code", root)
	if err != nil {
		return nil, err
	}
	defer cfree(cr)
	var out []byte
	err = c.use(func(p *C.itss_catalog) error {
		var s *C.char
		var n C.size_t
		var e C.itss_error
		if rc := f(p, cr, &s, &n, &e); rc != 0 {
			return newError(rc, &e)
		}
		out = takeOutput(s, n)
		return nil
	})
	return out, err
}

// TreeJSON returns the class tree as compact JSON {"edition", "tree": [...]}
// with nested "children": the whole tree (root "") or the subtree of root.
func (c *Catalog) TreeJSON(root string) ([]byte, error) {
	return c.render(root, func(p *C.itss_catalog, r *C.char, out **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_catalog_tree_render(p, r, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, out, n, e)
	})
}

// ExportJSON returns the catalog as a compact itss-catalog/1 document, which
// LoadCatalog loads back: the whole catalog (root "") or the subtree of
// root.
func (c *Catalog) ExportJSON(root string) ([]byte, error) {
	return c.render(root, func(p *C.itss_catalog, r *C.char, out **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_catalog_export(p, r, C.ITSS_FORMAT_JSON, out, n, e)
	})
}

// ---- the built-in catalog ------------------------------------------------------

// LookupClass returns the class of the built-in catalog with exactly this
// code; see Catalog.Lookup. LookupClass("0407") fails with ErrNotFound and
// a message naming 0407 and the classes that do exist under 04.
func LookupClass(code string) (Class, error) {
	return builtinCatalog().Lookup(code)
}

// ClassJSON returns a class of the built-in catalog as the library's class
// JSON object; see Catalog.ClassJSON.
func ClassJSON(code string) ([]byte, error) {
	return builtinCatalog().ClassJSON(code)
}

// ValidateCode checks a code against the built-in catalog; see
// Catalog.Validate.
func ValidateCode(code string) (problem string, err error) {
	return builtinCatalog().Validate(code)
}

// Classes returns every class of the built-in catalog in code order.
func Classes() ([]Class, error) {
	return builtinCatalog().Classes()
}

// TopClasses returns the top-level classes of the built-in catalog.
func TopClasses() ([]Class, error) {
	return builtinCatalog().Top()
}

// SearchClasses searches the names of the built-in catalog; see
// Catalog.Search.
func SearchClasses(text string) ([]Class, error) {
	return builtinCatalog().Search(text)
}

// ClassChildren returns the direct children of a class of the built-in
// catalog, in code order.
func ClassChildren(code string) ([]Class, error) {
	return builtinCatalog().Children(code)
}

// ClassAncestors returns the ancestors of a class of the built-in catalog,
// from the top level down to the parent.
func ClassAncestors(code string) ([]Class, error) {
	return builtinCatalog().Ancestors(code)
}

// ClassDescendants returns the descendants of a class of the built-in
// catalog in code order.
func ClassDescendants(code string) ([]Class, error) {
	return builtinCatalog().Descendants(code)
}

// ClassTreeJSON returns the tree of the built-in catalog (code "") or of
// one of its classes as compact JSON; see Catalog.TreeJSON.
func ClassTreeJSON(code string) ([]byte, error) {
	return builtinCatalog().TreeJSON(code)
}

// ExportCatalogJSON returns the whole built-in catalog as a compact
// itss-catalog/1 document, which LoadCatalog loads back.
func ExportCatalogJSON() ([]byte, error) {
	return builtinCatalog().ExportJSON("")
}

// MapClass maps a code through a crosswalk of the built-in catalog
// ("gbt4754": GB/T 4754-2017, "db21": DB21/T 1799.1); see Catalog.Map.
func MapClass(crosswalk, code string, dir Direction) ([]Mapping, error) {
	return builtinCatalog().Map(crosswalk, code, dir)
}
