package itss

import (
	"errors"
	"testing"
)

// Expected values are read by hand from the ITSS standards system report
// 5.0: tables 附B-1 to 附B-4 and the framework tables 4-1 to 4-19.

func TestShowStandard(t *testing.T) {
	for _, n := range []string{"GB/T 33850-2017", "gbt 33850 2017", "GB/T33850—2017", "ＧＢ／Ｔ　３３８５０－２０１７"} {
		s, err := ShowStandard(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		// table 附B-1 row 7, table 4-1 row 2
		if s.Number != "GB/T 33850-2017" || s.Row != 7 || s.Status != "published" ||
			s.StatusLabel.Zh != "已发布" || s.Area != "general" || s.ImplementedBy != "quality" {
			t.Errorf("%s: %+v", n, s)
		}
	}
	s, err := ShowStandard("T/CESA 1299-2023")
	if err != nil || s.Replaces != "ITSS.1-2015" || s.ImplementedBy != "maturity" || s.Table != "" || s.Note == nil {
		t.Errorf("T/CESA 1299-2023: %+v %v", s, err)
	}
	s, err = ShowStandard("B-1/57")
	if err != nil || s.Number != "" || s.Status != "proposed" || s.Area != "outsourcing" {
		t.Errorf("B-1/57: %+v %v", s, err)
	}
	if _, err := ShowStandard("GB/T 29264-2013"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown number: %v", err)
	}
	if _, err := ShowStandard("--"); !errors.Is(err, ErrValue) {
		t.Errorf("no letter or digit: %v", err)
	}
}

func TestListStandards(t *testing.T) {
	// the last row numbers of tables 附B-1 .. 附B-4; group adds T/CESA 1299-2023
	for typ, want := range map[string]int{"national": 57, "industry": 17, "group": 12, "international": 14} {
		list, err := ListStandards(StandardFilter{Type: typ})
		if err != nil || len(list) != want {
			t.Errorf("%s: %d, %v; want %d", typ, len(list), err, want)
		}
	}
	// table 附B-4 rows 13 and 14
	list, err := ListStandards(StandardFilter{Status: "cancelled"})
	if err != nil || len(list) != 2 || list[0].Row != 13 || list[0].Stage != "取消 (2020.8)" {
		t.Errorf("cancelled: %+v %v", list, err)
	}
	// table 4-10: six cloud standards
	if list, err := ListStandards(StandardFilter{Area: "cloud", Type: "国家标准"}); err != nil || len(list) != 6 {
		t.Errorf("cloud: %d %v", len(list), err)
	}
	if _, err := ListStandards(StandardFilter{Type: "regional"}); !errors.Is(err, ErrValue) {
		t.Errorf("unknown type: %v", err)
	}
}

func TestSearchAndFramework(t *testing.T) {
	list, err := SearchStandards("34960")
	if err != nil || len(list) != 5 || list[0].Number != "GB/T 34960.1-2017" {
		t.Errorf("34960: %+v %v", list, err)
	}
	if list, err := SearchStandards("zzzz"); err != nil || len(list) != 0 {
		t.Errorf("zzzz: %+v %v", list, err)
	}
	if _, err := SearchStandards(" "); !errors.Is(err, ErrValue) {
		t.Errorf("blank: %v", err)
	}
	f, err := StandardsFramework()
	if err != nil || len(f.Categories) != 6 || f.Categories[2].ID != "foundation" {
		t.Fatalf("framework: %+v %v", f, err)
	}
	placed := 0
	for _, c := range f.Categories {
		for _, a := range c.Areas {
			placed += len(a.Standards)
		}
	}
	// 23 unplaced: table 附B-1 row 38, 附B-2 rows 1-5, 14, 16, all of 附B-4, T/CESA 1299-2023
	if len(f.Unplaced) != 23 || placed+len(f.Unplaced) != 100 {
		t.Errorf("placed %d, unplaced %d", placed, len(f.Unplaced))
	}
}
