package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

import "runtime"

// IndicatorCatalog is a catalog of GB/T 33850 quality indicators: the
// built-in one (BuiltinIndicatorCatalog) or one loaded from an
// itss-indicators/1 document (LoadIndicatorCatalog) or added to another
// catalog (Extend), which holds C memory until Close. A catalog may be used from
// many goroutines at once. A nil *IndicatorCatalog stands for the built-in
// catalog.
type IndicatorCatalog struct {
	h     handle
	p     *C.itss_indicator_catalog
	owned bool
}

// BuiltinIndicatorCatalog returns the built-in indicator catalog, compiled
// into the library: it cannot fail. It belongs to the library and lives
// until the process ends; Close does nothing.
func BuiltinIndicatorCatalog() *IndicatorCatalog {
	return builtinIndicatorCatalog()
}

func builtinIndicatorCatalog() *IndicatorCatalog {
	return &IndicatorCatalog{p: C.itss_indicator_catalog_builtin()}
}

// LoadIndicatorCatalog loads a catalog document {"indicators": [...]}
// (docs/quality.md) on its own: its indicators only. To add indicators to
// a catalog — the built-in one, typically — use its Extend method. The
// document is not retained. The caller owns the result and releases it with
// Close.
func LoadIndicatorCatalog(doc []byte) (*IndicatorCatalog, error) {
	return loadIndicatorCatalog(func(out **C.itss_indicator_catalog, e *C.itss_error) C.int {
		d, n := docPtr(doc)
		rc := C.itss_indicator_catalog_load(d, n, out, e)
		runtime.KeepAlive(doc)
		return rc
	})
}

// LoadIndicatorCatalogFile is LoadIndicatorCatalog reading the file at path
// (ErrIO when it cannot be read).
func LoadIndicatorCatalogFile(path string) (*IndicatorCatalog, error) {
	cp, err := cstr("path", path)
	if err != nil {
		return nil, err
	}
	defer cfree(cp)
	return loadIndicatorCatalog(func(out **C.itss_indicator_catalog, e *C.itss_error) C.int {
		return C.itss_indicator_catalog_load_file(cp, out, e)
	})
}

// Extend loads a catalog document on top of c: a new catalog with c's
// indicators first, then the document's (an id may not repeat one of c's).
// c is not changed, and may be closed before the new catalog. The caller
// owns the result and releases it with Close. A nil c is the built-in
// catalog.
func (c *IndicatorCatalog) Extend(doc []byte) (*IndicatorCatalog, error) {
	var out *IndicatorCatalog
	err := c.use(func(base *C.itss_indicator_catalog) error {
		var err error
		out, err = loadIndicatorCatalog(func(o **C.itss_indicator_catalog, e *C.itss_error) C.int {
			d, n := docPtr(doc)
			rc := C.itss_indicator_catalog_extend(base, d, n, o, e)
			runtime.KeepAlive(doc)
			return rc
		})
		return err
	})
	return out, err
}

// ExtendFile is Extend reading the file at path (ErrIO when it cannot be
// read).
func (c *IndicatorCatalog) ExtendFile(path string) (*IndicatorCatalog, error) {
	cp, err := cstr("path", path)
	if err != nil {
		return nil, err
	}
	defer cfree(cp)
	var out *IndicatorCatalog
	err = c.use(func(base *C.itss_indicator_catalog) error {
		var err error
		out, err = loadIndicatorCatalog(func(o **C.itss_indicator_catalog, e *C.itss_error) C.int {
			return C.itss_indicator_catalog_extend_file(base, cp, o, e)
		})
		return err
	})
	return out, err
}

// loadIndicatorCatalog runs a loader of the library and wraps the catalog
// it builds.
func loadIndicatorCatalog(load func(out **C.itss_indicator_catalog, e *C.itss_error) C.int) (*IndicatorCatalog, error) {
	var p *C.itss_indicator_catalog
	var e C.itss_error
	if rc := load(&p, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	c := &IndicatorCatalog{p: p, owned: true}
	runtime.SetFinalizer(c, func(c *IndicatorCatalog) { c.Close() })
	return c, nil
}

// Close releases a loaded catalog; later calls on it fail with ErrInvalid.
// Closing twice, or closing the built-in catalog, does nothing. Results
// already returned are Go values and stay valid.
func (c *IndicatorCatalog) Close() error {
	if c == nil || !c.owned {
		return nil // the built-in objects belong to the library
	}
	c.h.close(func() {
		C.itss_indicator_catalog_free(c.p)
		c.p = nil
	})
	runtime.SetFinalizer(c, nil)
	return nil
}

// use runs f with the catalog's C object; a nil *IndicatorCatalog means the
// built-in catalog.
func (c *IndicatorCatalog) use(f func(p *C.itss_indicator_catalog) error) error {
	if c == nil {
		c = builtinIndicatorCatalog()
	}
	err := c.h.use("indicator catalog", func() error { return f(c.p) })
	runtime.KeepAlive(c)
	return err
}

// renderFunc is the shape of the library's render calls: they write a
// buffer the caller must release with itss_free.
type renderFunc func(out **C.char, n *C.size_t, e *C.itss_error) C.int

func runRender(f renderFunc) ([]byte, error) {
	var s *C.char
	var n C.size_t
	var e C.itss_error
	if rc := f(&s, &n, &e); rc != 0 {
		return nil, newError(rc, &e)
	}
	return takeOutput(s, n), nil
}

// IDs returns the ids of the catalog's indicators in catalog order.
func (c *IndicatorCatalog) IDs() ([]string, error) {
	var out []string
	err := c.use(func(p *C.itss_indicator_catalog) error {
		n := C.itss_indicator_catalog_indicator_count(p)
		out = make([]string, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			out = append(out, goStr(C.itss_indicator_id(C.itss_indicator_catalog_indicator_at(p, i))))
		}
		return nil
	})
	return out, err
}

// JSON returns the catalog as a compact itss-indicators/1 document, which
// LoadIndicatorCatalog loads back: every indicator (service "") or only
// those meant for a GB/T 29264 service code (an invalid code gives ErrValue
// or ErrNotFound).
func (c *IndicatorCatalog) JSON(service string) ([]byte, error) {
	cs, err := cstrOrNull("service code", service)
	if err != nil {
		return nil, err
	}
	return c.renderService(cs, func(p *C.itss_indicator_catalog, o **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_indicator_catalog_export(p, cs, C.ITSS_FORMAT_JSON, o, n, e)
	})
}

// SchemeJSON returns the default evaluation scheme of a service: every
// indicator of the catalog meant for it, weights 1, no bands, as compact
// JSON {"service", "indicators", "weights", "bands"} usable as an
// evaluation's "scheme".
func (c *IndicatorCatalog) SchemeJSON(service string) ([]byte, error) {
	cs, err := cstr("service code", service)
	if err != nil {
		return nil, err
	}
	return c.renderService(cs, func(p *C.itss_indicator_catalog, o **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_quality_scheme_render(p, cs, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
	})
}

// renderService runs an export or render function of the catalog that
// takes the service code cs (NULL or a C copy, freed here) and returns its
// output.
func (c *IndicatorCatalog) renderService(cs *C.char, render func(p *C.itss_indicator_catalog, o **C.char, n *C.size_t, e *C.itss_error) C.int) ([]byte, error) {
	defer cfree(cs)
	var out []byte
	err := c.use(func(p *C.itss_indicator_catalog) error {
		var rerr error
		out, rerr = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return render(p, o, n, e)
		})
		return rerr
	})
	return out, err
}

// ScoreJSON loads an evaluation document (docs/quality.md) with this
// catalog, scores it and returns the result document (compact JSON, schema
// quality-result). The document is not retained. A bad document gives an
// *Error with its JSON path, line and column.
func (c *IndicatorCatalog) ScoreJSON(evaluation []byte) ([]byte, error) {
	var out []byte
	err := c.use(func(p *C.itss_indicator_catalog) error {
		var err error
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			d, dn := docPtr(evaluation)
			rc := C.itss_quality_score_json(p, d, dn, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
			runtime.KeepAlive(evaluation)
			return rc
		})
		return err
	})
	return out, err
}

// Report scores an evaluation document as ScoreJSON does and returns the
// result as a report for people in format (ReportText, ReportHTML, or
// ReportSVG: the radar of the characteristics alone) and lang. A format or
// lang other than these constants gives ErrInvalid.
func (c *IndicatorCatalog) Report(evaluation []byte, format ReportFormat, lang Lang) ([]byte, error) {
	f, err := reportArgs(format, lang)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = c.use(func(p *C.itss_indicator_catalog) error {
		var err error
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			d, dn := docPtr(evaluation)
			rc := C.itss_quality_score_json(p, d, dn, f, C.itss_lang(lang), o, n, e)
			runtime.KeepAlive(evaluation)
			return rc
		})
		return err
	})
	return out, err
}

// Score scores an evaluation with this catalog; see ScoreJSON.
func (c *IndicatorCatalog) Score(e Evaluation) (*QualityResult, error) {
	doc, err := e.document()
	if err != nil {
		return nil, err
	}
	return decoded[QualityResult](c.ScoreJSON(doc))
}

// CompareJSON loads and scores each evaluation document with this catalog
// and compares the results, given in time order (at least two, all of the
// same scheme): compact JSON (schema quality-compare) with the scores, the
// change from each result to the next and from the first to the last. The
// first evaluation that fails to load stops the comparison with its error;
// results of different schemes give ErrValue saying what differs.
func (c *IndicatorCatalog) CompareJSON(evaluations [][]byte) ([]byte, error) {
	var out []byte
	err := c.use(func(p *C.itss_indicator_catalog) error {
		results := make([]*C.itss_quality_result, 0, len(evaluations))
		defer func() {
			for _, r := range results {
				C.itss_quality_result_free(r)
			}
		}()
		var e C.itss_error
		for _, doc := range evaluations {
			var ev *C.itss_evaluation
			d, dn := docPtr(doc)
			rc := C.itss_evaluation_load(p, d, dn, &ev, &e)
			runtime.KeepAlive(doc)
			if rc != 0 {
				return newError(rc, &e)
			}
			var r *C.itss_quality_result
			rc = C.itss_quality_score(ev, &r, &e)
			C.itss_evaluation_free(ev)
			if rc != 0 {
				return newError(rc, &e)
			}
			results = append(results, r)
		}
		var list **C.itss_quality_result
		if len(results) > 0 {
			list = &results[0]
		}
		var err error
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_quality_compare_render(list, C.size_t(len(results)), C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
		})
		return err
	})
	return out, err
}

// Compare is CompareJSON decoded into a QualityComparison.
func (c *IndicatorCatalog) Compare(evaluations [][]byte) (*QualityComparison, error) {
	return decoded[QualityComparison](c.CompareJSON(evaluations))
}

// ---- package-level functions ---------------------------------------------------------

// ScoreQualityJSON scores an evaluation document and returns the result
// document (compact JSON). catalog nil scores with the built-in indicator
// catalog; otherwise catalog is an indicator catalog document, loaded on top
// of the built-in one for this call only (its errors are returned as such).
//
// Deprecated: use ScoreQuality, which returns the result decoded (with
// LoadEvaluation for a document and LoadIndicatorCatalog or Extend for a
// catalog), or IndicatorCatalog.ScoreJSON for the library's document
// itself.
func ScoreQualityJSON(evaluation, catalog []byte) ([]byte, error) {
	if catalog == nil {
		return (*IndicatorCatalog)(nil).ScoreJSON(evaluation)
	}
	c, err := (*IndicatorCatalog)(nil).Extend(catalog)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.ScoreJSON(evaluation)
}

// ScoreQuality scores an evaluation with catalog (nil: the built-in one)
// and returns the decoded result. The catalog stays the caller's.
func ScoreQuality(e Evaluation, catalog *IndicatorCatalog) (*QualityResult, error) {
	return catalog.Score(e)
}

// CompareQualityJSON compares evaluations scored with catalog (nil: the
// built-in one); see IndicatorCatalog.CompareJSON.
//
// Deprecated: use CompareQuality, which returns the comparison decoded, or
// IndicatorCatalog.CompareJSON for the library's document itself.
func CompareQualityJSON(evaluations [][]byte, catalog *IndicatorCatalog) ([]byte, error) {
	return catalog.CompareJSON(evaluations)
}

// CompareQuality compares evaluation documents scored with catalog (nil:
// the built-in one); see IndicatorCatalog.Compare.
func CompareQuality(evaluations [][]byte, catalog *IndicatorCatalog) (*QualityComparison, error) {
	return catalog.Compare(evaluations)
}

// QualityModelJSON returns the built-in GB/T 33850-2017 model (5
// characteristics, 16 sub-characteristics) as a compact
// itss-quality-model/1 document.
func QualityModelJSON() ([]byte, error) {
	m := C.itss_quality_model_builtin()
	return runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_quality_model_render(m, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
	})
}

// IndicatorsJSON returns the built-in indicator catalog, or only the
// indicators meant for service (a GB/T 29264 code; "" for all), as compact
// JSON.
func IndicatorsJSON(service string) ([]byte, error) {
	return (*IndicatorCatalog)(nil).JSON(service)
}

// QualitySchemeJSON returns the default evaluation scheme of a service with
// the built-in indicator catalog; see IndicatorCatalog.SchemeJSON.
func QualitySchemeJSON(service string) ([]byte, error) {
	return (*IndicatorCatalog)(nil).SchemeJSON(service)
}

// AHPResult holds the weights derived from a pairwise comparison matrix.
type AHPResult struct {
	Labels     []string  `json:"labels"`     // as given, or "1", "2", ...
	Weights    []float64 `json:"weights"`    // the principal eigenvector, summing to 1
	LambdaMax  float64   `json:"lambda_max"` // the principal eigenvalue
	CI         float64   `json:"ci"`         // consistency index (λmax − n)/(n − 1)
	CR         float64   `json:"cr"`         // consistency ratio CI/RI
	Consistent bool      `json:"consistent"` // CR < 0.10
}

// AHP derives weights from an n x n pairwise comparison matrix (n 1..15,
// positive, reciprocal, unit diagonal) with optional labels (unique, one per
// row; nil for "1", "2", ...). A matrix with CR >= 0.10 gives
// ErrConsistency unless allowInconsistent. A bad matrix gives ErrValue
// naming the cell (values JSON cannot carry, NaN and infinities, also give
// ErrValue), and so do comparisons so far apart that the weights cannot be
// computed in doubles; more than 15 rows ErrLimit.
func AHP(matrix [][]float64, labels []string, allowInconsistent bool) (AHPResult, error) {
	doc, err := marshalDoc("AHP matrix", struct {
		Matrix [][]float64 `json:"matrix"`
		Labels []string    `json:"labels,omitempty"`
	}{matrix, labels})
	if err != nil {
		return AHPResult{}, err
	}
	out, err := AHPJSON(doc, allowInconsistent)
	if err != nil {
		return AHPResult{}, err
	}
	var r AHPResult
	if err := decodeResult(out, &r); err != nil {
		return AHPResult{}, err
	}
	return r, nil
}

// AHPJSON derives weights from a document {"matrix": [[...], ...],
// "labels": [...]} and returns {"labels", "weights", "lambda_max", "ci",
// "cr", "consistent"} (compact JSON); errors as AHP, located in the
// document.
func AHPJSON(doc []byte, allowInconsistent bool) ([]byte, error) {
	mode := C.itss_ahp_mode(C.ITSS_AHP_STRICT)
	if allowInconsistent {
		mode = C.ITSS_AHP_ALLOW_INCONSISTENT
	}
	return runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
		d, dn := docPtr(doc)
		rc := C.itss_ahp_json(d, dn, mode, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
		runtime.KeepAlive(doc)
		return rc
	})
}

// ---- documents ---------------------------------------------------------------------

// Evaluation is a quality evaluation, written as the evaluation document of
// docs/quality.md. Empty metadata is left out; a nil Scheme means the
// default scheme of the service.
type Evaluation struct {
	Service string `json:"service"` // the GB/T 29264 code of the service evaluated
	// The metadata, copied into the result.
	ID        string  `json:"id,omitempty"`        // the evaluation's identifier
	Provider  string  `json:"provider,omitempty"`  // who provides the service
	Customer  string  `json:"customer,omitempty"`  // who receives it
	Evaluator string  `json:"evaluator,omitempty"` // who evaluates
	Date      string  `json:"date,omitempty"`      // when
	Period    string  `json:"period,omitempty"`    // the period measured, "2026-Q3"
	Notes     string  `json:"notes,omitempty"`     // free text
	Scheme    *Scheme `json:"scheme,omitempty"`    // nil: the service's default scheme
	// Measurements maps indicator ids to measurements (Ratio, Scores, NA). A
	// nil map is written as {} (nothing measured).
	Measurements map[string]Measurement `json:"measurements"`
}

// MarshalJSON writes the evaluation document.
func (e Evaluation) MarshalJSON() ([]byte, error) { return e.document() }

func (e Evaluation) document() ([]byte, error) {
	type plain Evaluation
	p := plain(e)
	if p.Measurements == nil {
		p.Measurements = map[string]Measurement{}
	}
	return marshalDoc("evaluation", p)
}

// Scheme is an evaluation scheme (评价方案). Empty fields are left out: no
// Indicators means the default selection of the service.
type Scheme struct {
	// Service is the service the scheme was written for, as
	// QualitySchemeJSON gives it; "" for none. When given it must be the
	// evaluation's (ErrValue at /scheme/service otherwise).
	Service    string             `json:"service,omitempty"`
	Indicators []string           `json:"indicators,omitempty"` // the selected indicator ids
	Weights    map[string]float64 `json:"weights,omitempty"`    // node id -> weight (default 1)
	AHP        []SchemeAHP        `json:"ahp,omitempty"`        // weights from comparison matrices
	Bands      []Band             `json:"bands,omitempty"`      // grade bands
}

// SchemeAHP derives the weights of one node's children (Labels, each child
// in the scheme once) from a pairwise comparison matrix.
type SchemeAHP struct {
	Node              string      `json:"node"`                         // "overall", a characteristic or a sub-characteristic
	Labels            []string    `json:"labels"`                       // the node's children, one per row
	Matrix            [][]float64 `json:"matrix"`                       // the pairwise comparisons
	AllowInconsistent bool        `json:"allow_inconsistent,omitempty"` // accept CR >= 0.10
}

// Band is a grade band: the overall score earns the band with the highest
// Min (0..1) it reaches.
type Band struct {
	Grade string  `json:"grade"` // the grade's name, "优"
	Min   float64 `json:"min"`   // the lowest overall score that earns it
}

// Measurement is the measurement of one indicator, in one of three forms:
// a ratio A of B (Ratio), rating scores 1..5 (Scores), or not applicable
// with a reason (NA). Fields left nil are not written; the library refuses
// a measurement that mixes forms.
type Measurement struct {
	A      *float64 `json:"A,omitempty"`      // ratio: the items meeting the requirement
	B      *float64 `json:"B,omitempty"`      // ratio: all items
	Scores []int    `json:"scores,omitempty"` // rating: one score 1..5 per rater
	NA     *string  `json:"na,omitempty"`     // not applicable: the reason
}

// MarshalJSON writes the measurement object; a non-nil empty Scores is
// written (and refused by the library) rather than dropped.
func (m Measurement) MarshalJSON() ([]byte, error) {
	d := struct {
		A      *float64 `json:"A,omitempty"`
		B      *float64 `json:"B,omitempty"`
		Scores *[]int   `json:"scores,omitempty"`
		NA     *string  `json:"na,omitempty"`
	}{A: m.A, B: m.B, NA: m.NA}
	if m.Scores != nil {
		d.Scores = &m.Scores
	}
	return marshalDoc("measurement", d)
}

// Ratio is a ratio measurement: a items meet the requirement out of b
// (0 <= a <= b; b = 0 means nothing happened in the period).
func Ratio(a, b float64) Measurement { return Measurement{A: &a, B: &b} }

// Scores is a rating measurement: one score 1..5 per rater.
func Scores(scores ...int) Measurement {
	if scores == nil {
		scores = []int{}
	}
	return Measurement{Scores: scores}
}

// NA declares an indicator not applicable, with a non-empty reason.
func NA(reason string) Measurement { return Measurement{NA: &reason} }

// QualityResult is the result document of a quality score
// (docs/quality.md, schema quality-result), decoded into Go values owned by
// the caller. Scores are nil where nothing was evaluated.
type QualityResult struct {
	Model   string `json:"model"`   // "GB/T 33850-2017"
	Service string `json:"service"` // the service code
	// EvaluationMeta is the evaluation's metadata, when given.
	EvaluationMeta

	Overall            QualityOverall    `json:"overall"`            // the overall score
	Characteristics    []QualityNode     `json:"characteristics"`    // all 5
	Subcharacteristics []QualityNode     `json:"subcharacteristics"` // all 16
	Indicators         []IndicatorResult `json:"indicators"`         // the selected ones, in scheme order
	NotEvaluated       []NotEvaluated    `json:"not_evaluated"`      // selected indicators without a value
	Bands              []Band            `json:"bands"`              // the scheme's bands, highest first
}

// EvaluationMeta is the metadata of an evaluation as a result or a
// comparison repeats it; a field is "" when the evaluation does not give
// it. QualityResult and ComparedEvaluation embed it.
type EvaluationMeta struct {
	ID        string `json:"id,omitempty"`        // the evaluation's identifier
	Provider  string `json:"provider,omitempty"`  // who provides the service
	Customer  string `json:"customer,omitempty"`  // who receives it
	Evaluator string `json:"evaluator,omitempty"` // who evaluates
	Date      string `json:"date,omitempty"`      // when
	Period    string `json:"period,omitempty"`    // the period measured, "2026-Q3"
	Notes     string `json:"notes,omitempty"`     // free text
}

// QualityComparison is a comparison of quality results over time
// (docs/quality.md, schema quality-compare): for the overall score and
// every characteristic, sub-characteristic and selected indicator, the
// scores of each result in order and how they changed.
type QualityComparison struct {
	Service            string               `json:"service"`            // the service code
	Results            []ComparedEvaluation `json:"results"`            // one per result, in order
	Overall            Series               `json:"overall"`            // the overall score
	Characteristics    []Series             `json:"characteristics"`    // all 5
	Subcharacteristics []Series             `json:"subcharacteristics"` // all 16
	Indicators         []Series             `json:"indicators"`         // the scheme's, in scheme order
}

// ComparedEvaluation is one result of a comparison: its label, if given,
// and the evaluation's metadata.
type ComparedEvaluation struct {
	Label string `json:"label,omitempty"` // "" when none was given
	EvaluationMeta
}

// Series is one node of a comparison: its scores, one per result, the
// change from each to the next (Deltas, one fewer) and from the first to
// the last (Change). A score or change is nil where a score is missing.
type Series struct {
	ID     string     `json:"id,omitempty"` // "" for the overall score
	Scores []*float64 `json:"scores"`
	Deltas []*float64 `json:"deltas"`
	Change *float64   `json:"change"`
}

// SubcharacteristicsOf returns the sub-characteristics of the
// characteristic id in the result, in model order (none for an id that is
// not a characteristic).
func (r *QualityResult) SubcharacteristicsOf(characteristic string) []QualityNode {
	return filter(r.Subcharacteristics, func(n QualityNode) bool { return n.Characteristic == characteristic })
}

// IndicatorsOf returns the selected indicators of the sub-characteristic
// id in the result, in scheme order (none for an id that is not a
// sub-characteristic or has no selected indicator).
func (r *QualityResult) IndicatorsOf(subcharacteristic string) []IndicatorResult {
	return filter(r.Indicators, func(x IndicatorResult) bool { return x.Subcharacteristic == subcharacteristic })
}

// filter returns the elements of list that keep accepts, in order.
func filter[T any](list []T, keep func(T) bool) []T {
	var out []T
	for _, x := range list {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// QualityOverall is the overall score of a result.
type QualityOverall struct {
	Score      *float64 `json:"score"`            // nil when not evaluated
	Coverage   float64  `json:"coverage"`         // share of the scheme's weight evaluated
	Band       *string  `json:"band"`             // the grade earned; nil when none
	Indicators int      `json:"indicators"`       // indicators selected
	Status     string   `json:"status"`           // "evaluated" or "not_evaluated"
	Reason     string   `json:"reason,omitempty"` // why not evaluated
}

// QualityNode is a characteristic or sub-characteristic of a result.
type QualityNode struct {
	ID             string   `json:"id"`                       // "timeliness", ...
	Characteristic string   `json:"characteristic,omitempty"` // sub-characteristics only
	Score          *float64 `json:"score"`                    // nil when not evaluated
	Weight         float64  `json:"weight"`                   // within its parent
	Coverage       *float64 `json:"coverage"`                 // nil when every child weighs 0
	Indicators     int      `json:"indicators"`               // selected indicators under it
	Status         string   `json:"status"`                   // "evaluated" or "not_evaluated"
	Reason         string   `json:"reason,omitempty"`         // "no_indicators", "nothing_evaluated", "zero_weight"
}

// IndicatorResult is one selected indicator of a result, with its
// measurement.
type IndicatorResult struct {
	ID                string   `json:"id"`                // the indicator id
	Subcharacteristic string   `json:"subcharacteristic"` // the sub-characteristic it belongs to
	Method            string   `json:"method"`            // "ratio" or "rating"
	Polarity          string   `json:"polarity"`          // "positive" or "negative"
	Weight            float64  `json:"weight"`            // within its sub-characteristic
	X                 *float64 `json:"x"`                 // the score; nil when not evaluated
	Status            string   `json:"status"`            // "evaluated", "na", "no_events", "missing"
	A                 *float64 `json:"A,omitempty"`       // ratio measurement
	B                 *float64 `json:"B,omitempty"`       // ratio measurement
	Scores            []int    `json:"scores,omitempty"`  // rating measurement
	NA                string   `json:"na,omitempty"`      // the na reason
}

// NotEvaluated is a selected indicator without a value.
type NotEvaluated struct {
	ID     string `json:"id"`               // the indicator id
	Status string `json:"status"`           // "na", "no_events" or "missing"
	Reason string `json:"reason,omitempty"` // the na reason
}
