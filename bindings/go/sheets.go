package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

import (
	"bytes"
	"encoding/json"
	"runtime"
)

// Format is the format of a document the library reads or writes: JSON, or
// a worksheet in CSV or XLSX (docs/worksheets.md).
type Format int

const (
	// FormatJSON is the JSON document of docs/maturity.md or docs/quality.md.
	FormatJSON Format = Format(C.ITSS_FORMAT_JSON)
	// FormatCSV is a worksheet as comma-separated values (UTF-8 with a
	// byte-order mark when written; another encoding may be named when
	// read).
	FormatCSV Format = Format(C.ITSS_FORMAT_CSV)
	// FormatXLSX is an Office Open XML workbook (.xlsx).
	FormatXLSX Format = Format(C.ITSS_FORMAT_XLSX)
)

// DetectFormat tells the format of a document from its content: FormatXLSX
// for a zip archive, FormatJSON when the first non-blank character is '{'
// or '[', FormatCSV otherwise (itss_format_detect).
func DetectFormat(data []byte) Format {
	d, n := docPtr(data)
	f := C.itss_format_detect(d, n)
	runtime.KeepAlive(data)
	return Format(f)
}

// Problem is one problem of a document found by a check
// (CheckAssessment, CheckEvaluation), with the fields of Error: for a
// worksheet, Path is the cell ("sheet!F37", "F37" in CSV), Line its row,
// Column its column number (A = 1), and Message starts with the sheet, row,
// column and header; for JSON, the JSON Pointer and the place in the text.
type Problem = Error

// ---- calling the worksheet functions ----------------------------------------

// readFunc is the shape of the readers: f(data, len, format, encoding,
// &out, &err).
type readFunc func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, e *C.itss_error) C.int

// readDoc runs a reader over data in format (encoding "" is UTF-8).
func readDoc(data []byte, format Format, encoding string, read readFunc) error {
	enc, err := cstrOrNull("encoding", encoding)
	if err != nil {
		return err
	}
	defer cfree(enc)
	var e C.itss_error
	d, n := docPtr(data)
	rc := read(d, n, C.itss_format(format), enc, &e)
	runtime.KeepAlive(data)
	if rc != 0 {
		return newError(rc, &e)
	}
	return nil
}

// readPath runs a file reader over path (encoding "" is UTF-8).
func readPath(path, encoding string, read func(p, enc *C.char, e *C.itss_error) C.int) error {
	cp, err := cstr("path", path)
	if err != nil {
		return err
	}
	defer cfree(cp)
	enc, err := cstrOrNull("encoding", encoding)
	if err != nil {
		return err
	}
	defer cfree(enc)
	var e C.itss_error
	if rc := read(cp, enc, &e); rc != 0 {
		return newError(rc, &e)
	}
	return nil
}

// checkFunc is the shape of the checks: f(data, len, format, encoding,
// &list, &err).
type checkFunc func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, out **C.itss_problem_list, e *C.itss_error) C.int

// problems runs a check and copies its problem list, released here.
func problems(data []byte, format Format, encoding string, check checkFunc) ([]Problem, error) {
	var list *C.itss_problem_list
	err := readDoc(data, format, encoding, func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, e *C.itss_error) C.int {
		return check(d, n, f, enc, &list, e)
	})
	if err != nil {
		return nil, err
	}
	defer C.itss_problem_list_free(list)
	count := C.itss_problem_list_problem_count(list)
	out := make([]Problem, 0, int(count))
	for i := C.size_t(0); i < count; i++ {
		rec := C.itss_problem_list_problem_at(list, i)
		out = append(out, *newError(rec.code, rec).(*Error))
	}
	return out, nil
}

// sheetLang checks a worksheet's lang.
func sheetLang(lang Lang) (C.itss_lang, error) {
	if lang != LangZH && lang != LangEN {
		return 0, goError(cEINVAL, "lang %d is not LangZH or LangEN", int(lang))
	}
	return C.itss_lang(lang), nil
}

// ---- maturity ----------------------------------------------------------------

// withAssessment runs f with a C assessment read by read, freed after.
func (m *MaturityModel) withAssessment(read func(p *C.itss_maturity_model, out **C.itss_assessment) error, f func(a *C.itss_assessment) error) error {
	return m.use(func(p *C.itss_maturity_model) error {
		var a *C.itss_assessment
		if err := read(p, &a); err != nil {
			return err
		}
		defer C.itss_assessment_free(a)
		return f(a)
	})
}

// readAssessment is a reader of data in format for withAssessment.
func readAssessment(data []byte, format Format, encoding string) func(p *C.itss_maturity_model, out **C.itss_assessment) error {
	return func(p *C.itss_maturity_model, out **C.itss_assessment) error {
		return readDoc(data, format, encoding, func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, e *C.itss_error) C.int {
			return C.itss_assessment_read(p, d, n, f, enc, out, e)
		})
	}
}

// readAssessmentFile is a reader of the file at path for withAssessment.
func readAssessmentFile(path, encoding string) func(p *C.itss_maturity_model, out **C.itss_assessment) error {
	return func(p *C.itss_maturity_model, out **C.itss_assessment) error {
		return readPath(path, encoding, func(cp, enc *C.char, e *C.itss_error) C.int {
			return C.itss_assessment_read_file(p, cp, enc, out, e)
		})
	}
}

// assessmentJSON exports a C assessment as its compact JSON document.
func assessmentJSON(a *C.itss_assessment) ([]byte, error) {
	return runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_assessment_export(a, C.ITSS_FORMAT_JSON, o, n, e)
	})
}

// ReadAssessmentJSON reads an assessment of the model from a document in
// format — a worksheet (FormatCSV, FormatXLSX: one row per clause under a
// header row, docs/worksheets.md) or FormatJSON — and returns it as the
// compact assessment document of docs/maturity.md. encoding is "" (UTF-8)
// or, for CSV only, another encoding of the system's iconv ("GB18030").
// The first problem is an *Error with its place: for a worksheet Path is
// the cell ("评估表!F37", "F37" in CSV), Line the row and Column the column
// number. The document is not retained.
func (m *MaturityModel) ReadAssessmentJSON(data []byte, format Format, encoding string) ([]byte, error) {
	var out []byte
	err := m.withAssessment(readAssessment(data, format, encoding), func(a *C.itss_assessment) error {
		var err error
		out, err = assessmentJSON(a)
		return err
	})
	return out, err
}

// ReadAssessment is ReadAssessmentJSON decoded into an Assessment (object
// ratings become Rating values).
func (m *MaturityModel) ReadAssessment(data []byte, format Format, encoding string) (*Assessment, error) {
	return decodeAssessment(m.ReadAssessmentJSON(data, format, encoding))
}

// ReadAssessmentFile reads an assessment from the file at path, its format
// (XLSX, CSV or JSON) detected from its content; see ReadAssessmentJSON.
// A file that cannot be read gives ErrIO.
func (m *MaturityModel) ReadAssessmentFile(path, encoding string) (*Assessment, error) {
	var out []byte
	err := m.withAssessment(readAssessmentFile(path, encoding), func(a *C.itss_assessment) error {
		var err error
		out, err = assessmentJSON(a)
		return err
	})
	return decodeAssessment(out, err)
}

// decodeAssessment decodes an assessment document the library wrote.
func decodeAssessment(doc []byte, err error) (*Assessment, error) {
	if err != nil {
		return nil, err
	}
	var raw struct {
		Assessment
		Ratings map[string]json.RawMessage `json:"ratings"`
	}
	if err := decodeResult(doc, &raw); err != nil {
		return nil, err
	}
	a := raw.Assessment
	a.Ratings = make(map[string]any, len(raw.Ratings))
	for id, v := range raw.Ratings {
		if t := bytes.TrimSpace(v); len(t) > 0 && t[0] == '{' {
			var r Rating
			if err := decodeResult(v, &r); err != nil {
				return nil, err
			}
			a.Ratings[id] = r
			continue
		}
		var x any
		if err := decodeResult(v, &x); err != nil {
			return nil, err
		}
		a.Ratings[id] = x
	}
	return &a, nil
}

// CheckAssessment lists every problem of a document that ReadAssessment
// would refuse, not only the first, in the order of the document (none
// when it reads; at most 1,000). The error is for bad arguments only.
func (m *MaturityModel) CheckAssessment(data []byte, format Format, encoding string) ([]Problem, error) {
	var out []Problem
	err := m.use(func(p *C.itss_maturity_model) error {
		var err error
		out, err = problems(data, format, encoding, func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, list **C.itss_problem_list, e *C.itss_error) C.int {
			return C.itss_assessment_check(p, d, n, f, enc, list, e)
		})
		return err
	})
	return out, err
}

// Sheet writes an assessment of the model as a worksheet that
// ReadAssessment reads back to an equal assessment: format FormatXLSX or
// FormatCSV (UTF-8 with a byte-order mark), headers, level labels, domain
// and item names and clause summaries in lang. One row per clause of the
// model, or only of one level (1..N; 0: all) and one domain id ("": all);
// a clause left out must be unrated (ErrValue naming it). An empty
// Assessment gives the blank template.
func (m *MaturityModel) Sheet(a Assessment, format Format, lang Lang, level int, domain string) ([]byte, error) {
	doc, err := a.document()
	if err != nil {
		return nil, err
	}
	l, err := sheetLang(lang)
	if err != nil {
		return nil, err
	}
	cd, err := cstrOrNull("domain id", domain)
	if err != nil {
		return nil, err
	}
	defer cfree(cd)
	var out []byte
	err = m.withAssessment(readAssessment(doc, FormatJSON, ""), func(ca *C.itss_assessment) error {
		lv, err := cInt("level", level, 0, levels(C.itss_assessment_model(ca)), " (0 = all levels)")
		if err != nil {
			return err
		}
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_assessment_render(ca, lv, cd, C.itss_format(format), l, o, n, e)
		})
		return err
	})
	return out, err
}

// Template is the model's blank worksheet (Sheet of an empty Assessment).
func (m *MaturityModel) Template(format Format, lang Lang, level int, domain string) ([]byte, error) {
	return m.Sheet(Assessment{}, format, lang, level, domain)
}

// RateFileJSON rates the assessment in the file at path — a worksheet or
// JSON, its format detected from its content — and returns the result
// document as RateJSON does.
func (m *MaturityModel) RateFileJSON(path, encoding string, target int) ([]byte, error) {
	var out []byte
	err := m.withAssessment(readAssessmentFile(path, encoding), func(a *C.itss_assessment) error {
		t, err := cInt("target level", target, 0, levels(C.itss_assessment_model(a)), " (0 = the next level)")
		if err != nil {
			return err
		}
		var r *C.itss_maturity_result
		var e C.itss_error
		if rc := C.itss_maturity_rate(a, t, &r, &e); rc != 0 {
			return newError(rc, &e)
		}
		defer C.itss_maturity_result_free(r)
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_maturity_result_render(r, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
		})
		return err
	})
	return out, err
}

// RateFile is RateFileJSON decoded.
func (m *MaturityModel) RateFile(path, encoding string, target int) (*MaturityResult, error) {
	return decoded[MaturityResult](m.RateFileJSON(path, encoding, target))
}

// LoadAssessment loads an assessment of the model from a document in
// memory (not retained): the JSON document of docs/maturity.md, or a
// worksheet in CSV (UTF-8) or XLSX, its format detected from its content
// (DetectFormat). ReadAssessment names the format and the encoding.
func (m *MaturityModel) LoadAssessment(doc []byte) (*Assessment, error) {
	return m.ReadAssessment(doc, DetectFormat(doc), "")
}

// LoadAssessmentFile loads an assessment of the model from the file at
// path, as LoadAssessment does (ErrIO when it cannot be read).
// ReadAssessmentFile names the encoding.
func (m *MaturityModel) LoadAssessmentFile(path string) (*Assessment, error) {
	return m.ReadAssessmentFile(path, "")
}

// LoadAssessment loads an assessment of the built-in model; see
// MaturityModel.LoadAssessment.
func LoadAssessment(doc []byte) (*Assessment, error) {
	return builtinMaturityModel().LoadAssessment(doc)
}

// LoadAssessmentFile loads an assessment of the built-in model from a
// file; see MaturityModel.LoadAssessmentFile.
func LoadAssessmentFile(path string) (*Assessment, error) {
	return builtinMaturityModel().LoadAssessmentFile(path)
}

// ReadAssessment reads an assessment of the built-in model; see
// MaturityModel.ReadAssessment.
func ReadAssessment(data []byte, format Format, encoding string) (*Assessment, error) {
	return builtinMaturityModel().ReadAssessment(data, format, encoding)
}

// ReadAssessmentFile reads an assessment of the built-in model from a
// file; see MaturityModel.ReadAssessmentFile.
func ReadAssessmentFile(path, encoding string) (*Assessment, error) {
	return builtinMaturityModel().ReadAssessmentFile(path, encoding)
}

// CheckAssessment lists the problems of an assessment document of the
// built-in model; see MaturityModel.CheckAssessment.
func CheckAssessment(data []byte, format Format, encoding string) ([]Problem, error) {
	return builtinMaturityModel().CheckAssessment(data, format, encoding)
}

// Sheet writes the assessment as a worksheet of the built-in model; see
// MaturityModel.Sheet.
func (a Assessment) Sheet(format Format, lang Lang, level int, domain string) ([]byte, error) {
	return builtinMaturityModel().Sheet(a, format, lang, level, domain)
}

// MaturityTemplate is the blank worksheet of the built-in model; see
// MaturityModel.Template.
func MaturityTemplate(format Format, lang Lang, level int, domain string) ([]byte, error) {
	return builtinMaturityModel().Template(format, lang, level, domain)
}

// RateMaturityFile rates the assessment in a file (worksheet or JSON)
// against the built-in model; see MaturityModel.RateFile.
func RateMaturityFile(path string, target int) (*MaturityResult, error) {
	return builtinMaturityModel().RateFile(path, "", target)
}

// ---- quality -----------------------------------------------------------------

// withEvaluation runs f with a C evaluation read by read, freed after.
func (c *IndicatorCatalog) withEvaluation(read func(p *C.itss_indicator_catalog, out **C.itss_evaluation) error, f func(ev *C.itss_evaluation) error) error {
	return c.use(func(p *C.itss_indicator_catalog) error {
		var ev *C.itss_evaluation
		if err := read(p, &ev); err != nil {
			return err
		}
		defer C.itss_evaluation_free(ev)
		return f(ev)
	})
}

func readEvaluation(data []byte, format Format, encoding string) func(p *C.itss_indicator_catalog, out **C.itss_evaluation) error {
	return func(p *C.itss_indicator_catalog, out **C.itss_evaluation) error {
		return readDoc(data, format, encoding, func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, e *C.itss_error) C.int {
			return C.itss_evaluation_read(p, d, n, f, enc, out, e)
		})
	}
}

func readEvaluationFile(path, encoding string) func(p *C.itss_indicator_catalog, out **C.itss_evaluation) error {
	return func(p *C.itss_indicator_catalog, out **C.itss_evaluation) error {
		return readPath(path, encoding, func(cp, enc *C.char, e *C.itss_error) C.int {
			return C.itss_evaluation_read_file(p, cp, enc, out, e)
		})
	}
}

func evaluationJSON(ev *C.itss_evaluation) ([]byte, error) {
	return runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
		return C.itss_evaluation_export(ev, C.ITSS_FORMAT_JSON, o, n, e)
	})
}

// ReadEvaluationJSON reads an evaluation with this catalog from a document
// in format — a measurement sheet (FormatCSV, FormatXLSX: one row per
// selected indicator, docs/worksheets.md) or FormatJSON — and returns it as
// the compact evaluation document of docs/quality.md. encoding and errors
// as MaturityModel.ReadAssessmentJSON.
func (c *IndicatorCatalog) ReadEvaluationJSON(data []byte, format Format, encoding string) ([]byte, error) {
	var out []byte
	err := c.withEvaluation(readEvaluation(data, format, encoding), func(ev *C.itss_evaluation) error {
		var err error
		out, err = evaluationJSON(ev)
		return err
	})
	return out, err
}

// ReadEvaluation is ReadEvaluationJSON decoded into an Evaluation.
func (c *IndicatorCatalog) ReadEvaluation(data []byte, format Format, encoding string) (*Evaluation, error) {
	return decoded[Evaluation](c.ReadEvaluationJSON(data, format, encoding))
}

// ReadEvaluationFile reads an evaluation from the file at path, its format
// detected from its content.
func (c *IndicatorCatalog) ReadEvaluationFile(path, encoding string) (*Evaluation, error) {
	var out []byte
	err := c.withEvaluation(readEvaluationFile(path, encoding), func(ev *C.itss_evaluation) error {
		var err error
		out, err = evaluationJSON(ev)
		return err
	})
	return decoded[Evaluation](out, err)
}

// CheckEvaluation lists every problem of a document that ReadEvaluation
// would refuse, in the order of the document (at most 1,000).
func (c *IndicatorCatalog) CheckEvaluation(data []byte, format Format, encoding string) ([]Problem, error) {
	var out []Problem
	err := c.use(func(p *C.itss_indicator_catalog) error {
		var err error
		out, err = problems(data, format, encoding, func(d *C.char, n C.size_t, f C.itss_format, enc *C.char, list **C.itss_problem_list, e *C.itss_error) C.int {
			return C.itss_evaluation_check(p, d, n, f, enc, list, e)
		})
		return err
	})
	return out, err
}

// Sheet writes an evaluation as a measurement sheet that ReadEvaluation
// reads back: format FormatXLSX or FormatCSV, in lang; one row per selected
// indicator with its measurement and weight, and the service, period,
// metadata, node weights and bands. Weights set by AHP are written as the
// weights they give. An evaluation without measurements gives the blank
// template.
func (c *IndicatorCatalog) Sheet(ev Evaluation, format Format, lang Lang) ([]byte, error) {
	doc, err := ev.document()
	if err != nil {
		return nil, err
	}
	l, err := sheetLang(lang)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = c.withEvaluation(readEvaluation(doc, FormatJSON, ""), func(cev *C.itss_evaluation) error {
		var err error
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_evaluation_render(cev, C.itss_format(format), l, o, n, e)
		})
		return err
	})
	return out, err
}

// Template is the blank measurement sheet of a service: one row per
// indicator of scheme (nil: the service's default scheme).
func (c *IndicatorCatalog) Template(service string, scheme *Scheme, format Format, lang Lang) ([]byte, error) {
	return c.Sheet(Evaluation{Service: service, Scheme: scheme}, format, lang)
}

// ScoreFileJSON scores the evaluation in the file at path — a measurement
// sheet or JSON, its format detected from its content — and returns the
// result document as ScoreJSON does.
func (c *IndicatorCatalog) ScoreFileJSON(path, encoding string) ([]byte, error) {
	var out []byte
	err := c.withEvaluation(readEvaluationFile(path, encoding), func(ev *C.itss_evaluation) error {
		var r *C.itss_quality_result
		var e C.itss_error
		if rc := C.itss_quality_score(ev, &r, &e); rc != 0 {
			return newError(rc, &e)
		}
		defer C.itss_quality_result_free(r)
		var err error
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_quality_result_render(r, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
		})
		return err
	})
	return out, err
}

// ScoreFile is ScoreFileJSON decoded.
func (c *IndicatorCatalog) ScoreFile(path, encoding string) (*QualityResult, error) {
	return decoded[QualityResult](c.ScoreFileJSON(path, encoding))
}

// LoadEvaluation loads an evaluation with this catalog from a document in
// memory (not retained): the JSON document of docs/quality.md, or a
// measurement sheet in CSV (UTF-8) or XLSX, its format detected from its
// content (DetectFormat). ReadEvaluation names the format and the
// encoding.
func (c *IndicatorCatalog) LoadEvaluation(doc []byte) (*Evaluation, error) {
	return c.ReadEvaluation(doc, DetectFormat(doc), "")
}

// LoadEvaluationFile loads an evaluation with this catalog from the file at
// path, as LoadEvaluation does (ErrIO when it cannot be read).
// ReadEvaluationFile names the encoding.
func (c *IndicatorCatalog) LoadEvaluationFile(path string) (*Evaluation, error) {
	return c.ReadEvaluationFile(path, "")
}

// LoadEvaluation loads an evaluation with the built-in indicators; see
// IndicatorCatalog.LoadEvaluation.
func LoadEvaluation(doc []byte) (*Evaluation, error) {
	return (*IndicatorCatalog)(nil).LoadEvaluation(doc)
}

// LoadEvaluationFile loads an evaluation file with the built-in
// indicators; see IndicatorCatalog.LoadEvaluationFile.
func LoadEvaluationFile(path string) (*Evaluation, error) {
	return (*IndicatorCatalog)(nil).LoadEvaluationFile(path)
}

// ReadEvaluation reads an evaluation with the built-in indicators; see
// IndicatorCatalog.ReadEvaluation.
func ReadEvaluation(data []byte, format Format, encoding string) (*Evaluation, error) {
	return (*IndicatorCatalog)(nil).ReadEvaluation(data, format, encoding)
}

// ReadEvaluationFile reads an evaluation file with the built-in
// indicators; see IndicatorCatalog.ReadEvaluationFile.
func ReadEvaluationFile(path, encoding string) (*Evaluation, error) {
	return (*IndicatorCatalog)(nil).ReadEvaluationFile(path, encoding)
}

// CheckEvaluation lists the problems of an evaluation document with the
// built-in indicators; see IndicatorCatalog.CheckEvaluation.
func CheckEvaluation(data []byte, format Format, encoding string) ([]Problem, error) {
	return (*IndicatorCatalog)(nil).CheckEvaluation(data, format, encoding)
}

// Sheet writes the evaluation as a measurement sheet with the built-in
// indicators; see IndicatorCatalog.Sheet.
func (e Evaluation) Sheet(format Format, lang Lang) ([]byte, error) {
	return (*IndicatorCatalog)(nil).Sheet(e, format, lang)
}

// QualityTemplate is the blank measurement sheet of a service with the
// built-in indicators; see IndicatorCatalog.Template.
func QualityTemplate(service string, scheme *Scheme, format Format, lang Lang) ([]byte, error) {
	return (*IndicatorCatalog)(nil).Template(service, scheme, format, lang)
}

// ScoreQualityFile scores the evaluation in a file (measurement sheet or
// JSON) with the built-in indicators; see IndicatorCatalog.ScoreFile.
func ScoreQualityFile(path string) (*QualityResult, error) {
	return (*IndicatorCatalog)(nil).ScoreFile(path, "")
}
