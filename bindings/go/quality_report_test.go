package itss

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The quality report as HTML has the radar of the five characteristics and
// one bar per sub-characteristic (16); the SVG is the radar alone, as XML.
func TestQualityReportHTMLAndSVG(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(sourceRoot(t), "examples", "evaluation.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := BuiltinIndicatorCatalog()
	html, err := c.Report(doc, ReportHTML, LangEN)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(html, []byte("<!DOCTYPE html>")) || !bytes.Contains(html, []byte(`<html lang="en"`)) {
		t.Errorf("not an English page: %.80s", html)
	}
	m := regexp.MustCompile(`class="itss-radar-value" points="([^"]*)"`).FindSubmatch(html)
	if m == nil || len(bytes.Fields(m[1])) != 5 {
		t.Errorf("radar value polygon: %q", m)
	}
	bars := len(regexp.MustCompile(`class="itss-bar(-none)?"`).FindAll(html, -1))
	if bars != 16 {
		t.Errorf("%d sub-characteristic bars, want 16", bars)
	}
	svg, err := c.Report(doc, ReportSVG, LangZH)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(svg, new(struct{})); err != nil {
		t.Errorf("SVG is not XML: %v", err)
	}
	if _, err := c.Report(doc, ReportFormat(9), LangZH); !errors.Is(err, ErrInvalid) {
		t.Errorf("format 9: %v", err)
	}
}
