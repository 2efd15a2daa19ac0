package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

// Standard is one standard or plan of the ITSS standards registry: every
// standard of tables 附B-1 to 附B-4 of the ITSS standards system report 5.0,
// and T/CESA 1299-2023 (docs/standards.md). A Go copy, owned by the caller.
type Standard struct {
	Number        string `json:"number"`         // as printed, ASCII hyphen; "" for a plan without one
	Table         string `json:"table"`          // "B-1" ... "B-4"; "" for an edition the report does not list
	Row           int    `json:"row"`            // 1-based row of Table; 0 without one
	Type          string `json:"type"`           // "national", "industry", "group" or "international"
	Status        string `json:"status"`         // "published", "approval", "comment", "review", "draft", "proposed", "developing", "cancelled"
	StatusLabel   Text   `json:"status_label"`   // 已发布 / published ...
	Stage         string `json:"stage"`          // international: the ISO/IEC stage as printed
	Role          string `json:"role"`           // international: China's role as printed
	Title         Text   `json:"title"`          // Chinese as printed, English by libitss
	Category      string `json:"category"`       // framework category id; "" when placed in no area
	Area          string `json:"area"`           // framework area id; "" when placed in no area
	Summary       Text   `json:"summary"`        // its subject in one line, by libitss
	Note          *Text  `json:"note"`           // what to know about the entry; nil if nothing
	ImplementedBy string `json:"implemented_by"` // "classification", "quality", "maturity" or ""
	Replaces      string `json:"replaces"`       // the edition it replaces, or ""
	ReplacedBy    string `json:"replaced_by"`    // the edition that replaces it, or ""
	Source        string `json:"source"`         // document, table and row
}

// StandardFilter selects standards for ListStandards; "" means no filter.
// Type and Status take the library's names ("national", "published") or
// the Chinese ones (国家标准, 已发布); Area an area or category id.
type StandardFilter struct {
	Type, Status, Area string
}

// StandardRef names a standard in the framework tree.
type StandardRef struct {
	Number string `json:"number"`
	Table  string `json:"table"`
	Row    int    `json:"row"`
	Title  Text   `json:"title"`
	Status string `json:"status"`
}

// FrameworkArea is an area of the ITSS 5.0 framework with its standards
// in the order of its table in the report.
type FrameworkArea struct {
	ID        string        `json:"id"`
	Name      Text          `json:"name"`
	Source    string        `json:"source"`
	Standards []StandardRef `json:"standards"`
}

// FrameworkCategory is one of the six categories of the framework.
type FrameworkCategory struct {
	ID     string          `json:"id"`
	Name   Text            `json:"name"`
	Source string          `json:"source"`
	Areas  []FrameworkArea `json:"areas"`
}

// Framework is the ITSS 5.0 framework tree, and the standards the report
// places in no area.
type Framework struct {
	Categories []FrameworkCategory `json:"categories"`
	Unplaced   []StandardRef       `json:"unplaced"`
}

func standardsOf(list []*C.itss_standard) ([]Standard, error) {
	out := []Standard{}
	if len(list) == 0 {
		return out, nil
	}
	var s *C.char
	var n C.size_t
	var e C.itss_error
	if rc := C.itss_standard_list_render(&list[0], C.size_t(len(list)), C.ITSS_FORMAT_JSON,
		C.ITSS_LANG_ZH, &s, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	err := decodeResult(takeOutput(s, n), &out)
	return out, err
}

// ShowStandard returns the standard with this number, matched leniently
// ("GB/T 29264-2012", "gbt 29264 2012", full-width characters), or a plan
// by its table and row ("B-1/56"). An unknown number gives ErrNotFound,
// text without a letter or digit ErrValue.
func ShowStandard(number string) (Standard, error) {
	cn, err := cstr("standard number", number)
	if err != nil {
		return Standard{}, err
	}
	defer cfree(cn)
	var p *C.itss_standard
	var e C.itss_error
	if rc := C.itss_standard_lookup(C.itss_registry_builtin(), cn, &p, &e); rc != 0 {
		return Standard{}, newError(rc, &e)
	}
	list, err := standardsOf([]*C.itss_standard{p})
	if err != nil {
		return Standard{}, err
	}
	return list[0], nil
}

// ListStandards returns the standards that pass every filter, in registry
// order (table 附B-1 row 1 first). An unknown filter value gives ErrValue.
func ListStandards(f StandardFilter) ([]Standard, error) {
	var cs [3]*C.char
	for i, v := range []struct{ what, s string }{{"type", f.Type}, {"status", f.Status}, {"area", f.Area}} {
		c, err := cstrOrNull(v.what, v.s)
		if err != nil {
			return nil, err
		}
		defer cfree(c)
		cs[i] = c
	}
	r := C.itss_registry_builtin()
	var n C.size_t
	var e C.itss_error
	if rc := C.itss_standard_list(r, cs[0], cs[1], cs[2], nil, 0, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	if n == 0 {
		return []Standard{}, nil
	}
	buf := make([]*C.itss_standard, int(n))
	if rc := C.itss_standard_list(r, cs[0], cs[1], cs[2], &buf[0], n, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return standardsOf(buf[:int(n)])
}

// SearchStandards returns the standards whose number, title or summary
// contains text: an equal number first, then numbers and titles, then
// summaries. Nothing found is an empty list; blank text gives ErrValue.
func SearchStandards(text string) ([]Standard, error) {
	ct, err := cstr("search text", text)
	if err != nil {
		return nil, err
	}
	defer cfree(ct)
	r := C.itss_registry_builtin()
	var n C.size_t
	var e C.itss_error
	if rc := C.itss_standard_search(r, ct, nil, 0, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	if n == 0 {
		return []Standard{}, nil
	}
	buf := make([]*C.itss_standard, int(n))
	if rc := C.itss_standard_search(r, ct, &buf[0], n, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return standardsOf(buf[:int(n)])
}

// StandardsFramework returns the ITSS 5.0 framework tree with the
// standards of each area.
func StandardsFramework() (Framework, error) {
	var s *C.char
	var n C.size_t
	var e C.itss_error
	var out Framework
	if rc := C.itss_registry_framework_render(C.itss_registry_builtin(), C.ITSS_FORMAT_JSON,
		C.ITSS_LANG_ZH, &s, &n, &e); rc != 0 {
		return out, newError(rc, &e)
	}
	err := decodeResult(takeOutput(s, n), &out)
	return out, err
}
