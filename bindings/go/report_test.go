package itss

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func exampleAssessment(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(sourceRoot(t), "examples", "assessment.json"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// The gaps carry the evidence and the note the assessment gives for them
// (examples/assessment.json: 7.4.9.b has both, 7.6.4.d a note only).
func TestGapEvidenceAndNote(t *testing.T) {
	out, err := BuiltinMaturityModel().RateJSON(exampleAssessment(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	r := new(MaturityResult)
	if err := decodeResult(out, r); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, g := range r.Gaps.Clauses {
		switch g.ID {
		case "7.4.9.b":
			found++
			if g.Evidence != "《服务可用性与连续性计划》2026版" || g.Note != "计划已编制，两个核心系统的演练记录缺失" {
				t.Errorf("7.4.9.b: evidence %q, note %q", g.Evidence, g.Note)
			}
		case "7.6.4.d":
			found++
			if g.Evidence != "" || g.Note != "软件库每月备份，但 3 月、6 月的备份未留记录" {
				t.Errorf("7.6.4.d: evidence %q, note %q", g.Evidence, g.Note)
			}
		}
	}
	if found != 2 {
		t.Errorf("%d of the 2 gaps with evidence or a note found", found)
	}
}

// The HTML report is a page in the language asked for, with the radar of
// the model's 8 domains; the SVG is well-formed XML with the same radar.
func TestReportHTMLAndSVG(t *testing.T) {
	m := BuiltinMaturityModel()
	doc := exampleAssessment(t)
	html, err := m.Report(doc, 0, ReportHTML, LangEN)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(html, []byte("<!DOCTYPE html>")) || !bytes.Contains(html, []byte(`<html lang="en">`)) {
		t.Errorf("not an English page: %.80s", html)
	}
	poly := regexp.MustCompile(`class="itss-radar-value" points="([^"]*)"`).FindSubmatch(html)
	if poly == nil || len(strings.Fields(string(poly[1]))) != 8 {
		t.Errorf("radar polygon: %q", poly)
	}
	svg, err := m.Report(doc, 0, ReportSVG, LangZH)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
	}
	text, err := m.Report(doc, 0, ReportText, LangZH)
	if err != nil || !bytes.Contains(text, []byte("三级 拓展级")) {
		t.Errorf("text report: %v %.80s", err, text)
	}
	for _, bad := range []struct {
		f ReportFormat
		l Lang
	}{{ReportCSV + 1, LangZH}, {-1, LangZH}, {ReportHTML, LangEN + 1}} {
		if _, err := m.Report(doc, 0, bad.f, bad.l); !errors.Is(err, ErrInvalid) {
			t.Errorf("format %d lang %d: %v", bad.f, bad.l, err)
		}
	}
}
