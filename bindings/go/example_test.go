package itss_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"libitss/itss"
)

func ExampleLookupClass() {
	c, err := itss.LookupClass("040201")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Code, c.NameZh, "parent", c.Parent, "level", c.Level)
	fmt.Println(c.NameEn)
	// Output:
	// 040201 网络运维服务 parent 0402 level 3
	// Network O&M services
}

func ExampleSearchClasses() {
	list, err := itss.SearchClasses("存储服务")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range list {
		fmt.Println(c.Code, c.NameZh)
	}
	// Output:
	// 0502 存储服务
	// 05 数据处理和存储服务
	// 0599 其他数据处理和存储服务
}

func ExampleValidateCode() {
	for _, code := range []string{"040201", "04020", "0407"} {
		problem, err := itss.ValidateCode(code)
		fmt.Println(code, problem, err != nil)
	}
	// Output:
	// 040201 ok false
	// 04020 bad_length true
	// 0407 unknown_code true
}

func ExampleMapClass() {
	links, err := itss.MapClass("gbt4754", "040201", itss.Forward)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.Class, l.Relation, l.Target)
	}
	// Output:
	// 040201 narrower 6540
}

func ExampleRateMaturity() {
	a := itss.Assessment{
		Organization: "示例公司",
		Scale:        "nplf",
		Ratings: map[string]any{
			"6.1.1.a": "F",
			"6.1.1.b": 90.0, // a percentage: more than 85 % is F
			"6.3.1.b": itss.Rating{Rating: "L", Evidence: "岗位说明书"},
			"6.8.1.a": itss.Rating{Rating: "na", Reason: "不涉及"},
		},
	}
	r, err := itss.RateMaturity(a, 0) // 0: gaps to the next level
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("level", r.Level)
	fmt.Println("gaps to level", *r.Gaps.Target, len(r.Gaps.Clauses))
	fmt.Println("unrated", len(r.Unrated))
	fmt.Println("not applicable", r.NotApplicable[0].ID, r.NotApplicable[0].Reason)
	// Output:
	// level 0
	// gaps to level 1 40
	// unrated 515
	// not applicable 6.8.1.a 不涉及
}

func ExampleRateMaturity_levelOne() {
	// rate every level-1 clause F, except 6.3.1.b L
	doc, err := itss.MaturityClausesJSON(1, "", 0)
	if err != nil {
		log.Fatal(err)
	}
	var level1 struct {
		Clauses []struct {
			ID string `json:"id"`
		} `json:"clauses"`
	}
	if err := json.Unmarshal(doc, &level1); err != nil {
		log.Fatal(err)
	}
	a := itss.Assessment{Ratings: map[string]any{}}
	for _, c := range level1.Clauses {
		a.Ratings[c.ID] = "F"
	}
	a.Ratings["6.3.1.b"] = "L"

	r, err := itss.RateMaturity(a, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(level1.Clauses), "clauses at level 1")
	fmt.Println("level", r.Level, r.LevelName.Zh, r.LevelName.En, *r.ITSSLabel)
	g := r.Gaps.Clauses[0]
	fmt.Println("for level", *r.Gaps.Target, "first", g.ID, "must be", g.Required)
	// Output:
	// 44 clauses at level 1
	// level 1 基本级 Basic 四级
	// for level 2 first 6.3.1.b must be fully
}

func ExampleLoadAssessment() {
	a, err := itss.LoadAssessment([]byte(`{"organization": "示例公司", "ratings": {"6.1.1.a": "F"}}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := itss.RateMaturity(*a, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Organization, "level", r.Level, "unrated", len(r.Unrated))
	// Output:
	// 示例公司 level 0 unrated 518
}

func ExampleRateMaturityFile() {
	// an assessment in a workbook, as an assessor fills it in
	a := itss.Assessment{Organization: "示例公司", Ratings: map[string]any{
		"6.1.1.a": itss.Rating{Rating: "P", Evidence: "服务目录草稿"},
	}}
	sheet, err := a.Sheet(itss.FormatXLSX, itss.LangZH, 1, "")
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "itss")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "评估.xlsx")
	if err := os.WriteFile(path, sheet, 0o600); err != nil {
		log.Fatal(err)
	}

	r, err := itss.RateMaturityFile(path, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Organization, "level", r.Level, "domains", len(r.Domains))
	g := r.Gaps.Clauses[0]
	fmt.Println(g.ID, *g.Grade, "needs", g.Needs, "evidence:", g.Evidence)
	// level 1 needs its own clauses largely achieved: P keeps the
	// assessment at level 0; T/CESA 1299-2023 has 8 domains (table 1)
	// Output:
	// 示例公司 level 0 domains 8
	// 6.1.1.a P needs largely evidence: 服务目录草稿
}

func ExampleLoadMaturityModelJSON() {
	m, err := itss.LoadMaturityModelJSON([]byte(`{
  "format": "itss-maturity-model/1", "id": "mini", "edition": "Mini 1",
  "title": {"zh": "小模型", "en": "Mini model"},
  "levels": [{"level": 1, "name": {"zh": "起步", "en": "Starting"}},
             {"level": 2, "name": {"zh": "规范", "en": "Defined"}}],
  "parts": [{"id": "core", "name": {"zh": "核心", "en": "Core"}}],
  "domains": [{"id": "ops", "number": 1, "part": "core", "name": {"zh": "运行", "en": "Operations"}}],
  "items": [{"number": 1, "domain": "ops", "name": {"zh": "监控", "en": "Monitoring"}}],
  "clauses": [
    {"id": "ops-1", "level": 1, "domain": "ops", "item": 1,
     "summary": {"zh": "有监控", "en": "Monitoring exists"}},
    {"id": "ops-2", "level": 2, "domain": "ops", "item": 1,
     "summary": {"zh": "监控全覆盖", "en": "Monitoring covers everything"}}]}`))
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close() // the model holds C memory until Close

	r, err := m.Rate(itss.Assessment{Ratings: map[string]any{"ops-1": "F", "ops-2": "P"}}, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Model.ID, "level", r.Level, r.LevelName.En)
	fmt.Println("gap", r.Gaps.Clauses[0].ID, r.Gaps.Clauses[0].Required)
	// Output:
	// mini level 1 Starting
	// gap ops-2 largely
}

func ExampleScoreQuality() {
	e := itss.Evaluation{
		Service: "01",
		Scheme:  &itss.Scheme{Indicators: []string{"timely_response_rate"}},
		Measurements: map[string]itss.Measurement{
			"timely_response_rate": itss.Ratio(45, 50), // 45 of 50 requests answered in time
		},
	}
	r, err := itss.ScoreQuality(e, nil) // nil: the built-in indicator catalog
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("overall %.3f, coverage %.0f%%\n", *r.Overall.Score, r.Overall.Coverage*100)
	x := r.Indicators[0]
	fmt.Printf("%s: x = %.2f (%s)\n", x.ID, *x.X, x.Status)
	// Output:
	// overall 0.900, coverage 100%
	// timely_response_rate: x = 0.90 (evaluated)
}

func ExampleIndicatorCatalog_Extend() {
	cat, err := itss.BuiltinIndicatorCatalog().Extend([]byte(`{"indicators": [
  {"id": "patch_rate", "name": {"zh": "补丁及时率", "en": "Patch rate"},
   "subcharacteristic": "integrity", "method": "ratio", "polarity": "positive",
   "services": ["0404"],
   "a": {"zh": "按时安装的补丁数", "en": "patches installed on time"},
   "b": {"zh": "应安装的补丁数", "en": "patches due"}}]}`))
	if err != nil {
		log.Fatal(err)
	}
	defer cat.Close() // the catalog holds C memory until Close

	r, err := itss.ScoreQuality(itss.Evaluation{
		Service: "0404",
		Scheme:  &itss.Scheme{Indicators: []string{"patch_rate", "call_answer_rate"}},
		Measurements: map[string]itss.Measurement{
			"patch_rate":       itss.Ratio(19, 20),
			"call_answer_rate": itss.NA("no call centre"),
		},
	}, cat)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("overall %.2f, coverage %.2f\n", *r.Overall.Score, r.Overall.Coverage)
	for _, n := range r.NotEvaluated {
		fmt.Println("not evaluated:", n.ID, n.Status, n.Reason)
	}
	// Output:
	// overall 0.95, coverage 0.50
	// not evaluated: call_answer_rate na no call centre
}

func ExampleAHP() {
	r, err := itss.AHP([][]float64{
		{1, 2, 4},
		{0.5, 1, 2},
		{0.25, 0.5, 1},
	}, []string{"timeliness", "interactivity", "visibility"}, false)
	if err != nil {
		log.Fatal(err)
	}
	for i, w := range r.Weights {
		fmt.Printf("%-13s %.3f\n", r.Labels[i], w)
	}
	fmt.Printf("lambda_max %.3f, CR %.3f, consistent %v\n", r.LambdaMax, r.CR, r.Consistent)
	// Output:
	// timeliness    0.571
	// interactivity 0.286
	// visibility    0.143
	// lambda_max 3.000, CR 0.000, consistent true
}

func ExampleError() {
	_, err := itss.LookupClass("0407")
	if errors.Is(err, itss.ErrNotFound) {
		fmt.Println("not found:", err)
	}

	_, err = itss.LoadAssessment([]byte(`{"ratings": {"6.1.1.a": "yes"}}`))
	var e *itss.Error
	if errors.As(err, &e) {
		fmt.Println(e.Name, e.Path, e.Line, e.Column)
		fmt.Println(e)
	}
	// Output:
	// not found: class code "0407" does not exist in GB/T 29264-2012 (the classes under 04 are 0401, 0402, 0403, 0404, 0405, 0499)
	// ITSS_EVALUE /ratings/6.1.1.a 1 25
	// 1:25: unknown rating "yes": use met, not_met, N, P, L, F, a number 0..100, or {"rating": "na", "reason": ...} (at /ratings/6.1.1.a)
}

func ExampleError_MessageIn() {
	_, err := itss.LookupClass("0407")
	var e *itss.Error
	if errors.As(err, &e) {
		fmt.Println(e.MessageIn(itss.LangEN) == e.Message) // Message is in English
		fmt.Println(e.MessageIn(itss.LangZH))              // the same message in Chinese
	}
	// Output:
	// true
	// GB/T 29264-2012 中没有类别代码“0407”（04 的下级类别为 0401, 0402, 0403, 0404, 0405, 0499）
}

func ExampleQualityResult_SubcharacteristicsOf() {
	r, err := itss.ScoreQuality(itss.Evaluation{
		Service: "04",
		Scheme:  &itss.Scheme{Indicators: []string{"incident_resolution_rate", "timely_response_rate"}},
		Measurements: map[string]itss.Measurement{
			"incident_resolution_rate": itss.Ratio(18, 20),
			"timely_response_rate":     itss.Ratio(40, 50),
		},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	// characteristics -> sub-characteristics -> indicators, where scored
	for _, c := range r.Characteristics {
		if c.Score == nil {
			continue
		}
		fmt.Printf("%s %.2f\n", c.ID, *c.Score)
		for _, sc := range r.SubcharacteristicsOf(c.ID) {
			for _, x := range r.IndicatorsOf(sc.ID) {
				fmt.Printf("  %s / %s %.2f\n", sc.ID, x.ID, *x.X)
			}
		}
	}
	// Output:
	// reliability 0.90
	//   effectiveness / incident_resolution_rate 0.90
	// responsiveness 0.80
	//   timeliness / timely_response_rate 0.80
}

func ExampleCompareQuality() {
	q := func(period string, answered float64) []byte {
		doc, err := itss.Evaluation{
			Service: "04", Period: period,
			Scheme:       &itss.Scheme{Indicators: []string{"timely_response_rate"}},
			Measurements: map[string]itss.Measurement{"timely_response_rate": itss.Ratio(answered, 50)},
		}.MarshalJSON()
		if err != nil {
			log.Fatal(err)
		}
		return doc
	}
	c, err := itss.CompareQuality([][]byte{q("2026-Q2", 40), q("2026-Q3", 45)}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Results[0].Period, "->", c.Results[1].Period)
	fmt.Printf("overall %.2f -> %.2f, change %+.2f\n", *c.Overall.Scores[0], *c.Overall.Scores[1], *c.Overall.Change)
	// Output:
	// 2026-Q2 -> 2026-Q3
	// overall 0.80 -> 0.90, change +0.10
}

func ExampleReadAssessment() {
	filled := []byte("clause,rating,evidence\r\n6.1.1.a,F,《服务目录》\r\n6.1.1.b,85%,\r\n")
	a, err := itss.ReadAssessment(filled, itss.DetectFormat(filled), "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Ratings["6.1.1.a"], a.Ratings["6.1.1.b"])
	sheet, err := a.Sheet(itss.FormatXLSX, itss.LangEN, 0, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(itss.DetectFormat(sheet) == itss.FormatXLSX)
	// Output:
	// {F  《服务目录》 } 85
	// true
}

func ExampleCheckAssessment() {
	bad := []byte("clause,rating\r\n6.1.1.a,Q\r\n9.9.9.z,F\r\n")
	problems, err := itss.CheckAssessment(bad, itss.FormatCSV, "")
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range problems {
		fmt.Println(p.Name, p.Path, p.Line, p.Column)
	}
	_, err = itss.ReadAssessment(bad, itss.FormatCSV, "")
	fmt.Println(err)
	// Output:
	// ITSS_EVALUE B2 2 2
	// ITSS_ENOTFOUND A3 3 1
	// 2:2: row 2, column B (rating): "Q" is not a rating (F, L, P, N, met, not_met, na or a number 0-100) (at B2)
}
