package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

import "runtime"

// MaturityModel is an O&M capability maturity model: the built-in T/CESA
// 1299-2023 one (BuiltinMaturityModel), built-in ITSS.1-2015
// (BuiltinMaturityModelByID) or an organisation's own, loaded from
// an itss-maturity-model/1 document (LoadMaturityModel), which holds C
// memory until Close. A model may be used from many goroutines at once.
type MaturityModel struct {
	h     handle
	p     *C.itss_maturity_model
	owned bool
}

// BuiltinMaturityModel returns the built-in T/CESA 1299-2023 model,
// compiled into the library: it cannot fail. It belongs to the library and
// lives until the process ends; Close does nothing.
func BuiltinMaturityModel() *MaturityModel {
	return builtinMaturityModel()
}

func builtinMaturityModel() *MaturityModel {
	return &MaturityModel{p: C.itss_maturity_model_builtin()}
}

// BuiltinMaturityModelByID returns a built-in model by its id:
// "tcesa1299-2023" (the one BuiltinMaturityModel returns) or "itss1-2015"
// (ITSS.1-2015, the edition T/CESA 1299-2023 replaced). Like
// BuiltinMaturityModel, it belongs to the library and Close does nothing.
// Another id is an *Error with code ErrNotFound naming the ids there are.
func BuiltinMaturityModelByID(id string) (*MaturityModel, error) {
	cid, err := cstr("id", id)
	if err != nil {
		return nil, err
	}
	defer cfree(cid)
	var p *C.itss_maturity_model
	var e C.itss_error
	if rc := C.itss_maturity_model_builtin_lookup(cid, &p, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return &MaturityModel{p: p}, nil
}

// LoadMaturityModel is LoadMaturityModelFile.
//
// Deprecated: use LoadMaturityModelFile, named like every loader of a file
// (LoadCatalogFile, LoadIndicatorCatalogFile, LoadAssessmentFile, ...).
func LoadMaturityModel(path string) (*MaturityModel, error) {
	return LoadMaturityModelFile(path)
}

// LoadMaturityModelFile loads a model from the itss-maturity-model/1 file
// at path (docs/maturity.md; ErrIO when it cannot be read). It is rated by
// the same engine as the built-in model. The caller owns the result and
// releases it with Close.
func LoadMaturityModelFile(path string) (*MaturityModel, error) {
	cp, err := cstr("path", path)
	if err != nil {
		return nil, err
	}
	defer cfree(cp)
	var p *C.itss_maturity_model
	var e C.itss_error
	if rc := C.itss_maturity_model_load_file(cp, &p, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return newMaturityModel(p), nil
}

// LoadMaturityModelJSON loads a model from an itss-maturity-model/1
// document in memory (not retained); see LoadMaturityModelFile. The caller
// owns the result and releases it with Close.
func LoadMaturityModelJSON(doc []byte) (*MaturityModel, error) {
	var p *C.itss_maturity_model
	var e C.itss_error
	d, n := docPtr(doc)
	rc := C.itss_maturity_model_load(d, n, &p, &e)
	runtime.KeepAlive(doc)
	if rc != 0 {
		return nil, newError(rc, &e)
	}
	return newMaturityModel(p), nil
}

func newMaturityModel(p *C.itss_maturity_model) *MaturityModel {
	m := &MaturityModel{p: p, owned: true}
	runtime.SetFinalizer(m, func(m *MaturityModel) { m.Close() })
	return m
}

// Close releases a loaded model; later calls on it fail with ErrInvalid.
// Closing twice, or closing the built-in model, does nothing. Results
// already returned are Go values and stay valid.
func (m *MaturityModel) Close() error {
	if m == nil || !m.owned {
		return nil // the built-in objects belong to the library
	}
	m.h.close(func() {
		C.itss_maturity_model_free(m.p)
		m.p = nil
	})
	runtime.SetFinalizer(m, nil)
	return nil
}

func (m *MaturityModel) use(f func(p *C.itss_maturity_model) error) error {
	if m == nil {
		return goError(cEINVAL, "nil maturity model")
	}
	err := m.h.use("maturity model", func() error { return f(m.p) })
	runtime.KeepAlive(m)
	return err
}

// maxNumber is the largest item (and domain) number of any model
// (docs/maturity.md).
const maxNumber = 1000000

// levels is the number of levels N of the model (levels are 1..N).
func levels(p *C.itss_maturity_model) int {
	return int(C.itss_maturity_model_level_count(p))
}

// RateJSON rates an assessment document (docs/maturity.md) against the
// model and returns the result document (compact JSON, schema
// maturity-result). target is the level whose gaps to list, 1..N, or 0 for
// the default (the level reached + 1); any other value (however large)
// gives ErrInvalid. The document is not retained. A bad document gives an
// *Error with its JSON path, line and column.
func (m *MaturityModel) RateJSON(doc []byte, target int) ([]byte, error) {
	return m.rateIn(doc, target, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH)
}

// rateIn loads, rates and renders an assessment document in one call.
func (m *MaturityModel) rateIn(doc []byte, target int, f C.itss_format, lang C.itss_lang) ([]byte, error) {
	var out []byte
	err := m.use(func(p *C.itss_maturity_model) error {
		t, err := cInt("target level", target, 0, levels(p), " (0 = the next level)")
		if err != nil {
			return err
		}
		var s *C.char
		var n C.size_t
		var e C.itss_error
		d, dn := docPtr(doc)
		rc := C.itss_maturity_rate_json(p, d, dn, t, f, lang, &s, &n, &e)
		runtime.KeepAlive(doc)
		if rc != 0 {
			return newError(rc, &e)
		}
		out = takeOutput(s, n)
		return nil
	})
	return out, err
}

// ReportFormat selects what Report writes.
type ReportFormat int

const (
	// ReportText is aligned text for people.
	ReportText ReportFormat = iota
	// ReportHTML is one self-contained UTF-8 HTML page (inline CSS and
	// SVG, no script, no external resource) that prints on A4.
	ReportHTML
	// ReportSVG is the chart of the domains alone, an SVG document.
	ReportSVG
	// ReportCSV is the result as a flat table, UTF-8 with a byte-order
	// mark and an English header whatever the lang: for a maturity result
	// one row per clause (clause, level, domain, item, rating, grade,
	// satisfied, blocks_target, evidence, note), for a quality result one
	// row per node (node, kind, parent, name, weight, score, coverage,
	// status); docs/worksheets.md.
	ReportCSV
)

// Lang is the language of a report, a worksheet or an error message
// (Error.MessageIn).
type Lang int

const (
	LangZH Lang = iota // Chinese
	LangEN             // English
)

// Report rates an assessment document as RateJSON does and returns the
// result as a report for people in format and lang. A format or lang
// other than the constants above gives ErrInvalid; so do the targets
// RateJSON refuses.
func (m *MaturityModel) Report(doc []byte, target int, format ReportFormat, lang Lang) ([]byte, error) {
	f, err := reportArgs(format, lang)
	if err != nil {
		return nil, err
	}
	return m.rateIn(doc, target, f, C.itss_lang(lang))
}

// reportArgs checks a report's format and lang; the format in C.
func reportArgs(format ReportFormat, lang Lang) (C.itss_format, error) {
	formats := map[ReportFormat]C.itss_format{
		ReportText: C.ITSS_FORMAT_TEXT, ReportHTML: C.ITSS_FORMAT_HTML, ReportSVG: C.ITSS_FORMAT_SVG,
		ReportCSV: C.ITSS_FORMAT_CSV,
	}
	f, ok := formats[format]
	if !ok {
		return 0, goError(cEINVAL, "report format %d is not ReportText, ReportHTML, ReportSVG or ReportCSV", int(format))
	}
	if lang != LangZH && lang != LangEN {
		return 0, goError(cEINVAL, "lang %d is not LangZH or LangEN", int(lang))
	}
	return f, nil
}

// Rate rates an assessment against the model; see RateJSON.
func (m *MaturityModel) Rate(a Assessment, target int) (*MaturityResult, error) {
	doc, err := a.document()
	if err != nil {
		return nil, err
	}
	return decoded[MaturityResult](m.RateJSON(doc, target))
}

// JSON returns the whole model as a compact itss-maturity-model/1 document
// (loadable with LoadMaturityModelJSON).
func (m *MaturityModel) JSON() ([]byte, error) {
	var out []byte
	err := m.use(func(p *C.itss_maturity_model) error {
		var s *C.char
		var n C.size_t
		var e C.itss_error
		if rc := C.itss_maturity_model_export(p, C.ITSS_FORMAT_JSON, &s, &n, &e); rc != 0 {
			return newError(rc, &e)
		}
		out = takeOutput(s, n)
		return nil
	})
	return out, err
}

// satisfaction names the itss_satisfaction values a rule uses.
func satisfaction(s C.itss_satisfaction) string {
	if s == C.ITSS_SAT_FULLY {
		return "fully"
	}
	return "largely"
}

// Level returns the ordinal of a level given by text: its ordinal ("3"),
// its name or its label in either language ("协同级", "二级"). Ordinal 1 is
// the lowest. No such level gives ErrNotFound, a text that names two
// levels ErrValue.
func (m *MaturityModel) Level(text string) (int, error) {
	ctext, err := cstr("level", text)
	if err != nil {
		return 0, err
	}
	defer cfree(ctext)
	var ord int
	err = m.use(func(p *C.itss_maturity_model) error {
		var l *C.itss_maturity_level
		var e C.itss_error
		if rc := C.itss_maturity_level_lookup(p, ctext, &l, &e); rc != 0 {
			return newError(rc, &e)
		}
		ord = int(C.itss_maturity_level_ordinal(l))
		return nil
	})
	return ord, err
}

// Warning is what the loader found suspicious in a model but accepted (a
// domain or item without clauses), with its JSON path in the document.
type Warning struct {
	Message string
	Path    string
}

// Warnings returns the model's loader warnings: each domain, then each
// item, that has no clause. None for the built-in model.
func (m *MaturityModel) Warnings() ([]Warning, error) {
	var ws []Warning
	err := m.use(func(p *C.itss_maturity_model) error {
		n := C.itss_maturity_model_warning_count(p)
		for i := C.size_t(0); i < n; i++ {
			ws = append(ws, Warning{
				Message: C.GoString(C.itss_maturity_model_warning_message(p, i)),
				Path:    C.GoString(C.itss_maturity_model_warning_path(p, i)),
			})
		}
		return nil
	})
	return ws, err
}

// Rule returns the model's rating rule.
func (m *MaturityModel) Rule() (MaturityRule, error) {
	var r MaturityRule
	err := m.use(func(p *C.itss_maturity_model) error {
		r.AtLevel = satisfaction(C.itss_maturity_model_rule_at_level(p))
		r.Below = satisfaction(C.itss_maturity_model_rule_below(p))
		return nil
	})
	return r, err
}

// Thresholds returns the model's percentage bands.
func (m *MaturityModel) Thresholds() (Thresholds, error) {
	var t Thresholds
	err := m.use(func(p *C.itss_maturity_model) error {
		t.P = float64(C.itss_maturity_model_threshold(p, C.ITSS_RATING_P))
		t.L = float64(C.itss_maturity_model_threshold(p, C.ITSS_RATING_L))
		t.F = float64(C.itss_maturity_model_threshold(p, C.ITSS_RATING_F))
		return nil
	})
	return t, err
}

// ClausesJSON returns the requirement clauses selected by level (0: all),
// domain id ("": all) and item number (0: all), in model order, as compact
// JSON {"clauses": [...]}. An unknown domain or item gives ErrNotFound, a
// level outside 0..N or an item outside 0..1,000,000 (the numbers any
// model may use) ErrInvalid.
func (m *MaturityModel) ClausesJSON(level int, domain string, item int) ([]byte, error) {
	cd, err := cstrOrNull("domain id", domain)
	if err != nil {
		return nil, err
	}
	defer cfree(cd)
	var out []byte
	err = m.use(func(p *C.itss_maturity_model) error {
		lv, err := cInt("level", level, 0, levels(p), " (0 = all levels)")
		if err != nil {
			return err
		}
		it, err := cInt("item", item, 0, maxNumber, " (0 = all items)")
		if err != nil {
			return err
		}
		var s *C.char
		var n C.size_t
		var e C.itss_error
		if rc := C.itss_maturity_clauses_render(p, lv, cd, it, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, &s, &n, &e); rc != 0 {
			return newError(rc, &e)
		}
		out = takeOutput(s, n)
		return nil
	})
	return out, err
}

// ---- the built-in model ----------------------------------------------------------

// RateMaturityJSON rates an assessment document against the built-in model
// with the default target and returns the result document; see
// MaturityModel.RateJSON.
//
// Deprecated: use RateMaturity, which returns the result decoded (with
// LoadAssessment for a document), or BuiltinMaturityModel().RateJSON for
// the library's document itself.
func RateMaturityJSON(doc []byte) ([]byte, error) {
	return RateMaturityJSONTarget(doc, 0)
}

// RateMaturityJSONTarget is RateMaturityJSON listing the gaps to target
// (1..5; 0 for the level reached + 1).
//
// Deprecated: use RateMaturity (with LoadAssessment for a document), or
// BuiltinMaturityModel().RateJSON for the library's document itself.
func RateMaturityJSONTarget(doc []byte, target int) ([]byte, error) {
	return builtinMaturityModel().RateJSON(doc, target)
}

// RateMaturity rates an assessment against the built-in model (target as
// in RateMaturityJSONTarget) and returns the decoded result.
func RateMaturity(a Assessment, target int) (*MaturityResult, error) {
	return builtinMaturityModel().Rate(a, target)
}

// MaturityModelJSON returns the built-in model as a compact
// itss-maturity-model/1 document.
func MaturityModelJSON() ([]byte, error) {
	return builtinMaturityModel().JSON()
}

// MaturityClausesJSON returns clauses of the built-in model; see
// MaturityModel.ClausesJSON.
func MaturityClausesJSON(level int, domain string, item int) ([]byte, error) {
	return builtinMaturityModel().ClausesJSON(level, domain, item)
}

// ---- documents ---------------------------------------------------------------------

// Assessment is a maturity assessment, written as the assessment document
// of docs/maturity.md. Empty metadata and Scale are left out.
type Assessment struct {
	// The metadata, copied into the result.
	ID           string `json:"id,omitempty"`           // the assessment's identifier
	Organization string `json:"organization,omitempty"` // the organisation assessed
	Scope        string `json:"scope,omitempty"`        // the services assessed
	Date         string `json:"date,omitempty"`         // when it was assessed
	Assessor     string `json:"assessor,omitempty"`     // who assessed
	Notes        string `json:"notes,omitempty"`        // free text
	// Scale is "binary", "nplf" or "any"; "" means the default ("any").
	Scale string `json:"scale,omitempty"`
	// Ratings maps clause ids ("7.4.4.c") to a rating: a string ("met",
	// "not_met", "N", "P", "L", "F"), a number (a percentage 0..100) or a
	// Rating (with evidence, a note, or "na" with its reason). The library
	// checks every value. A nil map is written as {} (everything unrated).
	Ratings map[string]any `json:"ratings"`
}

// MarshalJSON writes the assessment document.
func (a Assessment) MarshalJSON() ([]byte, error) { return a.document() }

func (a Assessment) document() ([]byte, error) {
	type plain Assessment
	p := plain(a)
	if p.Ratings == nil {
		p.Ratings = map[string]any{}
	}
	return marshalDoc("assessment", p)
}

// Rating is the object form of a rating in Assessment.Ratings.
type Rating struct {
	Rating   any    `json:"rating"`             // a string or a number as in Assessment.Ratings, or "na"
	Reason   string `json:"reason,omitempty"`   // why the clause is not applicable (required with "na", refused otherwise)
	Evidence string `json:"evidence,omitempty"` // what the rating rests on
	Note     string `json:"note,omitempty"`     // free text
}

// MaturityResult is the result document of a rating (docs/maturity.md,
// schema maturity-result), decoded into Go values owned by the caller.
type MaturityResult struct {
	Model ModelRef `json:"model"` // the model rated with
	// AssessmentMeta is the assessment's metadata, when given.
	AssessmentMeta

	Scale      string       `json:"scale"`      // "any", "binary" or "nplf"
	Rule       MaturityRule `json:"rule"`       // the model's rating rule
	Thresholds Thresholds   `json:"thresholds"` // the model's percentage bands
	Level      int          `json:"level"`      // the level reached overall, 0..N
	LevelName  *Text        `json:"level_name"` // nil at level 0
	// ITSSLabel is the ITSS grade label ("三级"); nil at level 0 or when the
	// model has no labels. Labels run backwards: compare Level, not labels.
	ITSSLabel *string        `json:"itss_label"`
	Levels    []LevelResult  `json:"levels"`  // every level of the model
	Domains   []DomainResult `json:"domains"` // every domain, in model order
	Items     []ItemResult   `json:"items"`   // every item, in model order
	Gaps      Gaps           `json:"gaps"`    // what blocks the target level
	// Recommendations are the model's "should" clauses, counted apart:
	// they never block a level and are never gaps.
	Recommendations Recommendations `json:"recommendations"`
	// LevelWide are the model's level-wide requirements (shall clauses of
	// no domain), which count for the overall level and for no domain; nil
	// when the model has none.
	LevelWide     *LevelWide      `json:"level_wide,omitempty"`
	Unrated       []string        `json:"unrated"`        // unrated clause ids, in model order
	NotApplicable []NotApplicable `json:"not_applicable"` // na clauses with their reasons
}

// AssessmentMeta is the metadata of an assessment as a result or a
// comparison repeats it; a field is "" when the assessment does not give
// it. MaturityResult and ComparedAssessment embed it, so that r.Organization
// is the organisation of either.
type AssessmentMeta struct {
	ID           string `json:"id,omitempty"`           // the assessment's identifier
	Organization string `json:"organization,omitempty"` // the organisation assessed
	Scope        string `json:"scope,omitempty"`        // the services assessed
	Date         string `json:"date,omitempty"`         // when it was assessed
	Assessor     string `json:"assessor,omitempty"`     // who assessed
	Notes        string `json:"notes,omitempty"`        // free text
}

// MaturityRule is a model's rating rule: what level k needs of its own
// clauses (AtLevel) and of the clauses of the levels below it (Below),
// "largely" or "fully"; largely and fully by default (T/CESA 1299-2023).
type MaturityRule struct {
	AtLevel string `json:"at_level"`
	Below   string `json:"below"`
}

// Thresholds are a model's percentage bands: the percentage a rating must
// exceed to be graded P, L and F (15, 50, 85 by default).
type Thresholds struct {
	P float64 `json:"P"`
	L float64 `json:"L"`
	F float64 `json:"F"`
}

// ModelRef names the model a result was rated with.
type ModelRef struct {
	ID      string `json:"id"`      // "tcesa1299-2023" for the built-in model
	Edition string `json:"edition"` // "T/CESA 1299-2023"
}

// ClauseStats counts the clauses of a group (a level, a domain, or a domain
// at one level).
type ClauseStats struct {
	Clauses       int `json:"clauses"`        // clauses in the group
	Applicable    int `json:"applicable"`     // those not rated na
	Fully         int `json:"fully"`          // applicable and fully satisfied
	Largely       int `json:"largely"`        // applicable and at least largely satisfied
	Unrated       int `json:"unrated"`        // not rated (counted as not satisfied)
	NotApplicable int `json:"not_applicable"` // rated na
	// Coverage is the share of applicable clauses fully satisfied; nil when
	// no clause is applicable.
	Coverage *float64 `json:"coverage"`
}

// LevelResult is one level of a result.
type LevelResult struct {
	Level   int  `json:"level"`   // the ordinal, 1..N
	Name    Text `json:"name"`    // "基本级" / "Basic", ...
	Reached bool `json:"reached"` // whether the rule for this level holds
	ClauseStats
	Indicators []Text `json:"indicators,omitempty"` // the level's key indicators, if any
}

// DomainResult is one domain of a result.
type DomainResult struct {
	ID        string `json:"id"`         // "capability_management", ...
	Name      Text   `json:"name"`       // the domain's name
	Part      string `json:"part"`       // the part the domain belongs to
	Level     int    `json:"level"`      // the level the domain reaches
	LevelName *Text  `json:"level_name"` // nil at level 0
	ClauseStats
	Levels []DomainLevel `json:"levels"` // the levels where the domain has clauses
}

// DomainLevel is a domain at one level.
type DomainLevel struct {
	Level int `json:"level"` // the ordinal
	ClauseStats
}

// ItemResult is one item of a result.
type ItemResult struct {
	Number int    `json:"number"` // the item's number in the model
	Domain string `json:"domain"` // its domain id
	// Status has, for each level where the item has clauses ("1", "2", ...),
	// "fully", "largely", "not_satisfied" or "not_applicable".
	Status map[string]string `json:"status"`
}

// Recommendations are the "should" clauses of a result: their counts
// (ClauseStats) and every one of them.
type Recommendations struct {
	ClauseStats
	List []Recommendation `json:"list"` // every should clause, in model order
}

// LevelWide are the level-wide requirements of a result: their counts
// (ClauseStats), their counts per level, and every one of them.
type LevelWide struct {
	ClauseStats
	Levels []DomainLevel    `json:"levels"` // the levels that have such clauses
	List   []ClauseStanding `json:"list"`   // every level-wide clause, in model order
}

// Recommendation is a "should" clause of a result and how it stands.
type Recommendation = ClauseStanding

// ClauseStanding is a clause of a result and how it stands: a "should"
// clause (Recommendations) or a level-wide one (LevelWide).
type ClauseStanding struct {
	ID     string `json:"id"`
	Level  int    `json:"level"`
	Domain string `json:"domain"` // "" for a level-wide clause
	Item   *int   `json:"item"`   // nil for a domain-wide clause
	// Items are the items of a clause that names several (Item is the
	// first); nil otherwise.
	Items []int `json:"items,omitempty"`
	// Rating is the rating as given: a string, a float64, or nil when unrated.
	Rating  any     `json:"rating"`
	Grade   *string `json:"grade"`  // N, P, L or F; nil for binary ratings and unrated clauses
	Status  string  `json:"status"` // "fully", "largely", "not_satisfied" or "not_applicable"
	Summary Text    `json:"summary"`
}

// Gaps lists the clauses that block the target level.
type Gaps struct {
	Target     *int  `json:"target"`      // nil when the top level is reached
	TargetName *Text `json:"target_name"` // nil with Target
	Clauses    []Gap `json:"clauses"`     // by level, domain, item and clause
}

// Gap is one clause that blocks the target level.
type Gap struct {
	ID     string `json:"id"`     // the clause id, "7.4.4.c"
	Level  int    `json:"level"`  // the clause's level
	Domain string `json:"domain"` // the clause's domain id; "" for a level-wide clause
	Item   *int   `json:"item"`   // nil for a domain-wide clause
	// Items are the items of a clause that names several (Item is the
	// first); nil otherwise.
	Items []int `json:"items,omitempty"`
	// Rating is the rating as given: a string, a float64, or nil when unrated.
	Rating   any     `json:"rating"`
	Grade    *string `json:"grade"`    // N, P, L or F; nil for binary ratings and unrated clauses
	Required string  `json:"required"` // "fully" or "largely"
	Needs    string  `json:"needs"`    // "met" on the binary scale, else Required
	// Indicators are the clause's key indicators, if the model gives any.
	Indicators []Text `json:"indicators,omitempty"`
	Summary    Text   `json:"summary"` // what the clause asks, in libitss's words
	// Evidence and Note are what the assessment says about the clause
	// ("" when it says nothing).
	Evidence string `json:"evidence,omitempty"`
	Note     string `json:"note,omitempty"`
}

// NotApplicable is a clause rated not applicable, with its reason.
type NotApplicable struct {
	ID     string `json:"id"`     // the clause id
	Reason string `json:"reason"` // the reason given
}
