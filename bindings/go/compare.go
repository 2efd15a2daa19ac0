package itss

/*
#include <stdlib.h>
#include <itss/itss.h>
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// CompareJSON rates each assessment document against the model, with
// target as in RateJSON, and compares the results, given in time order (at
// least two): compact JSON (schema maturity-comparison) with each
// assessment's label, metadata, level and domain levels, and for each
// consecutive pair the changes of level and domain levels and the clauses
// whose grade went up, down, or to or from not applicable. labels is nil or
// holds one label per assessment, such as its file name ("" for none). The
// first assessment that fails to load stops the comparison with its error.
func (m *MaturityModel) CompareJSON(assessments [][]byte, target int, labels []string) ([]byte, error) {
	if labels != nil && len(labels) != len(assessments) {
		return nil, goError(cEINVAL, "labels: %d given for %d assessments", len(labels), len(assessments))
	}
	var out []byte
	err := m.use(func(p *C.itss_maturity_model) error {
		t, err := cInt("target level", target, 0, levels(p), " (0 = the next level)")
		if err != nil {
			return err
		}
		results := make([]*C.itss_maturity_result, 0, len(assessments))
		defer func() {
			for _, r := range results {
				C.itss_maturity_result_free(r)
			}
		}()
		var e C.itss_error
		for _, doc := range assessments {
			var a *C.itss_assessment
			d, dn := docPtr(doc)
			rc := C.itss_assessment_load(p, d, dn, &a, &e)
			runtime.KeepAlive(doc)
			if rc != 0 {
				return newError(rc, &e)
			}
			var r *C.itss_maturity_result
			rc = C.itss_maturity_rate(a, t, &r, &e)
			C.itss_assessment_free(a)
			if rc != 0 {
				return newError(rc, &e)
			}
			results = append(results, r)
		}
		// the labels as a C array of C strings (NULL for none)
		var names **C.char
		if len(labels) > 0 {
			names = (**C.char)(C.calloc(C.size_t(len(labels)), C.size_t(unsafe.Sizeof((*C.char)(nil)))))
			if names == nil {
				return ErrNoMemory
			}
			list := unsafe.Slice(names, len(labels))
			defer func() {
				for _, s := range list {
					cfree(s)
				}
				C.free(unsafe.Pointer(names))
			}()
			for i, l := range labels {
				if list[i], err = cstrOrNull("label", l); err != nil {
					return err
				}
			}
		}
		var list **C.itss_maturity_result
		if len(results) > 0 {
			list = &results[0]
		}
		var c *C.itss_maturity_comparison
		if rc := C.itss_maturity_compare(list, names, C.size_t(len(results)), &c, &e); rc != 0 {
			return newError(rc, &e)
		}
		defer C.itss_maturity_comparison_free(c)
		out, err = runRender(func(o **C.char, n *C.size_t, e *C.itss_error) C.int {
			return C.itss_maturity_comparison_render(c, C.ITSS_FORMAT_JSON, C.ITSS_LANG_ZH, o, n, e)
		})
		return err
	})
	return out, err
}

// Compare is CompareJSON decoded into a MaturityComparison.
func (m *MaturityModel) Compare(assessments [][]byte, target int, labels []string) (*MaturityComparison, error) {
	return decoded[MaturityComparison](m.CompareJSON(assessments, target, labels))
}

// CompareMaturityJSON compares assessment documents rated against the
// built-in model; see MaturityModel.CompareJSON.
//
// Deprecated: use CompareMaturity, which returns the comparison decoded,
// or BuiltinMaturityModel().CompareJSON for the library's document itself.
func CompareMaturityJSON(assessments [][]byte, target int, labels []string) ([]byte, error) {
	return builtinMaturityModel().CompareJSON(assessments, target, labels)
}

// CompareMaturity compares assessment documents rated against the
// built-in model; see MaturityModel.Compare.
func CompareMaturity(assessments [][]byte, target int, labels []string) (*MaturityComparison, error) {
	return builtinMaturityModel().Compare(assessments, target, labels)
}

// MaturityComparison is a comparison of assessments of one model over time
// (docs/schema/maturity-comparison.schema.json).
type MaturityComparison struct {
	Model       ModelRef             `json:"model"`
	Assessments []ComparedAssessment `json:"assessments"`
	Changes     []MaturityChange     `json:"changes"` // one per consecutive pair
}

// ComparedAssessment is one assessment of a comparison.
type ComparedAssessment struct {
	Label *string `json:"label"` // nil when none was given
	// AssessmentMeta is the assessment's metadata, when given.
	AssessmentMeta
	Level   int             `json:"level"`   // the level reached, 0..N
	Domains []DomainLevelOf `json:"domains"` // every domain, in model order
}

// DomainLevelOf is the level a domain reaches in one assessment.
type DomainLevelOf struct {
	ID    string `json:"id"`    // the domain id
	Level int    `json:"level"` // 0..N
}

// MaturityChange is what changed from one assessment to the next.
type MaturityChange struct {
	From      int           `json:"from"`    // index into Assessments
	To        int           `json:"to"`      // From + 1
	Level     LevelChange   `json:"level"`   // the overall level (ID "")
	Domains   []LevelChange `json:"domains"` // every domain's level
	Improved  []GradeChange `json:"improved"`
	Worsened  []GradeChange `json:"worsened"`
	NAChanged []GradeChange `json:"na_changed"` // to or from not applicable
}

// LevelChange is a level from one assessment to the next: overall (ID
// "") or of the domain ID.
type LevelChange struct {
	ID   string `json:"id,omitempty"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// GradeChange is a clause whose grade changed: "N", "P", "L", "F" or
// "na"; nil for unrated (the lowest).
type GradeChange struct {
	ID   string  `json:"id"`
	From *string `json:"from"`
	To   *string `json:"to"`
}
