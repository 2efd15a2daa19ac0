package itss

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The code in docs/go.md is code that go test runs: every ```go block of
// the page appears verbatim in example_test.go, whose Example functions
// check their printed output.
func TestDocsShowTestedCode(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(sourceRoot(t), "docs", "go.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?ms)^```go\n(.*?)^```$").FindAllSubmatch(doc, -1)
	if len(blocks) < 5 {
		t.Fatalf("docs/go.md has %d go blocks", len(blocks))
	}
	for _, b := range blocks {
		code := string(b[1])
		if strings.TrimSpace(code) == "" {
			t.Error("an empty go block")
			continue
		}
		if !strings.Contains(string(examples), code) {
			t.Errorf("this block of docs/go.md is not in example_test.go:\n%s", code)
		}
	}
	// and every example is shown
	for _, m := range regexp.MustCompile(`(?m)^func (Example\w*)\(\)`).FindAllSubmatch(examples, -1) {
		if !strings.Contains(string(doc), "func "+string(m[1])+"()") {
			t.Errorf("%s is not shown in docs/go.md", m[1])
		}
	}
}
