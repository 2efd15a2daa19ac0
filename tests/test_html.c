/*
 * The HTML and SVG building blocks (lib/html.c): escaping of text and
 * attributes, the page's frame, and the structure of the three charts
 * (points of the radar's polygons, a none bar drawn as such, a gap in a
 * trend line). Expected strings are written out by hand from the rules of
 * lib/html_internal.h.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "html_internal.h"

static itss_buf out;

static const char *escaped(const char *s)
{
    itss__buf_free(&out);
    itss__buf_init(&out);
    itss__html_esc(&out, s);
    ck_assert_int_eq(out.oom, 0);
    return out.data ? out.data : "";
}

/* Occurrences of needle in hay. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + strlen(needle), needle))
        n++;
    return n;
}

/* The number of "x,y" pairs in the points attribute that follows marker. */
static size_t points_after(const char *hay, const char *marker)
{
    const char *p = strstr(hay, marker);
    ck_assert_ptr_nonnull(p);
    p = strstr(p, "points=\"");
    ck_assert_ptr_nonnull(p);
    p += strlen("points=\"");
    size_t n = 0;
    for (; *p && *p != '"'; p++)
        n += *p == ',';
    return n;
}

/* The chart in b, checked to be a whole <svg> of class cls. */
static const char *drawn(const itss_buf *b, const char *cls)
{
    char head[64];
    snprintf(head, sizeof head, "<svg class=\"%s\"", cls);
    ck_assert_int_eq(b->broken, 0);
    ck_assert_int_eq(b->oom, 0);
    ck_assert(strncmp(b->data, head, strlen(head)) == 0);
    ck_assert(strcmp(b->data + b->len - 7, "</svg>\n") == 0);
    return b->data;
}

START_TEST(escapes_markup)
{
    ck_assert_str_eq(escaped("<script>alert(1)</script>"),
                     "&lt;script&gt;alert(1)&lt;/script&gt;");
    ck_assert_str_eq(escaped("\"><img src=x onerror=alert(1)>"),
                     "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    ck_assert_str_eq(escaped("]]>"), "]]&gt;");
    ck_assert_str_eq(escaped("a & b 'c'"), "a &amp; b &#39;c&#39;");
    ck_assert_str_eq(escaped("=HYPERLINK(\"http://x\",\"y\")"),
                     "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
    ck_assert_str_eq(escaped("运维 ok"), "运维 ok");
}
END_TEST

START_TEST(keeps_xml_well_formed)
{
    /* controls but TAB, LF, CR become a space; C1 controls too */
    ck_assert_str_eq(escaped("a\x01" "b\x1b[0m\tc\nd\x7f"), "a b [0m\tc\nd ");
    ck_assert_str_eq(escaped("x\xc2\x85y"), "x y"); /* U+0085 */
    /* invalid UTF-8 and the non-characters U+FFFE/U+FFFF: U+FFFD */
    ck_assert_str_eq(escaped("a\xff" "b"), "a\xef\xbf\xbd" "b");
    ck_assert_str_eq(escaped("\xef\xbf\xbe"), "\xef\xbf\xbd");
    /* a sequence cut short at the end: each byte left is U+FFFD */
    ck_assert_str_eq(escaped("a\xe4\xb8"), "a\xef\xbf\xbd\xef\xbf\xbd");
    ck_assert_str_eq(escaped("\xe4\xb8" "x"), "\xef\xbf\xbd\xef\xbf\xbd" "x");
    ck_assert_str_eq(escaped(NULL), "");
    itss__buf_free(&out);
    itss__buf_init(&out);
    itss__html_escf(&out, "%s=%d", "<a>", 7);
    ck_assert_str_eq(out.data, "&lt;a&gt;=7");
    itss__buf_free(&out);
}
END_TEST

START_TEST(page_frame)
{
    itss_buf b;
    itss__buf_init(&b);
    itss__html_begin(&b, ITSS_LANG_EN, "T <1>");
    itss__html_section_begin(&b, "x", "H");
    static const char *const head[] = {"A", "B"};
    itss__html_table_begin(&b, NULL, head, 2);
    itss__html_row_begin(&b, NULL);
    itss__html_cell(&b, "<c>");
    itss__html_cellf(&b, "%d", 42);
    itss__html_row_end(&b);
    itss__html_table_end(&b);
    itss__html_dl_begin(&b);
    itss__html_dl_item(&b, "k", NULL); /* nothing */
    itss__html_dl_item(&b, "k", "v");
    itss__html_dl_end(&b);
    itss__html_section_end(&b);
    itss__html_end(&b);
    ck_assert_int_eq(b.oom, 0);
    ck_assert_int_eq(b.broken, 0);
    const char *s = b.data;
    ck_assert(strncmp(s, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    ck_assert_ptr_nonnull(strstr(s, "<title>T &lt;1&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(s, "<h1>T &lt;1&gt;</h1>"));
    ck_assert_ptr_nonnull(strstr(s, "@page{size:A4"));
    ck_assert_ptr_nonnull(strstr(s, "<section class=\"itss-x\">\n<h2>H</h2>"));
    ck_assert_ptr_nonnull(
        strstr(s, "<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n"
                  "<tr><td>&lt;c&gt;</td><td>42</td></tr>\n</tbody>\n</table>"));
    ck_assert_uint_eq(count(s, "<dt>"), 1);
    ck_assert(strcmp(s + strlen(s) - 16, "</body>\n</html>\n") == 0);
    /* self-contained: no script, no URL */
    ck_assert_ptr_null(strstr(s, "<script"));
    ck_assert_ptr_null(strstr(s, "://"));
    itss__buf_free(&b);
    itss__buf_init(&b);
    itss__html_begin(&b, ITSS_LANG_ZH, "t");
    ck_assert_ptr_nonnull(strstr(b.data, "<html lang=\"zh-CN\">"));
    itss__buf_free(&b);
}
END_TEST

START_TEST(radar_points)
{
    static const char *const labels[] = {"a", "b", "c", "<d>", "e"};
    static const double values[] = {1, 2, ITSS_SVG_NONE, 3, 9};
    itss_svg_radar r = {"R", 5, labels, values, 4, 4, 2, "v", "t"};
    itss_buf b;
    itss__buf_init(&b);
    itss__svg_radar(&b, &r, 0);
    const char *s = drawn(&b, "itss-radar");
    ck_assert_ptr_null(strstr(s, "xmlns")); /* inline in a page: no namespace URL */
    ck_assert_ptr_nonnull(strstr(s, "aria-label=\"R\""));
    ck_assert_ptr_nonnull(strstr(s, "<title>R</title>"));
    /* one point per axis in the value polygon and in the target ring; 4 rings */
    ck_assert_uint_eq(points_after(s, "class=\"itss-radar-value\""), 5);
    ck_assert_uint_eq(count(s, "itss-radar-target"), 1);
    ck_assert_uint_eq(count(s, "<polygon"), 4 + 2);
    /* the none value is marked on its axis label; the label is escaped */
    ck_assert_uint_eq(count(s, "class=\"itss-none\""), 1);
    ck_assert_ptr_nonnull(strstr(s, "&lt;d&gt;"));
    /* 4 markers: none has no marker */
    ck_assert_uint_eq(count(s, "<circle"), 4);
    itss__buf_free(&b);

    /* no target: no ring; standalone: declaration and namespace */
    r.target = ITSS_SVG_NONE;
    itss__buf_init(&b);
    itss__svg_radar(&b, &r, 1);
    ck_assert(strncmp(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 50) == 0);
    ck_assert_ptr_null(strstr(b.data, "itss-radar-target"));
    itss__buf_free(&b);

    /* fewer than 3 axes is a caller's mistake */
    r.n = 2;
    itss__buf_init(&b);
    itss__svg_radar(&b, &r, 0);
    ck_assert_int_eq(b.broken, 1);
    itss__buf_free(&b);
}
END_TEST

START_TEST(bars_none_is_not_zero)
{
    static const itss_svg_bar bars[] = {
        {"a", 0.5, "50%"}, {"b", ITSS_SVG_NONE, NULL}, {"c", 0, NULL}};
    itss_svg_bars c = {"B", 3, bars, 1, "n/e <x>", ITSS_SVG_NONE};
    itss_buf b;
    itss__buf_init(&b);
    itss__svg_bars(&b, &c, 0);
    const char *s = drawn(&b, "itss-bars");
    /* a and c are bars (c of length 0); b is an outlined empty track */
    ck_assert_uint_eq(count(s, "class=\"itss-bar\""), 2);
    ck_assert_uint_eq(count(s, "class=\"itss-bar-none\""), 1);
    ck_assert_ptr_nonnull(strstr(s, ">n/e &lt;x&gt;</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">50%</text>"));
    /* the track is 280 long: a's bar is half of it */
    ck_assert_ptr_nonnull(strstr(s, "width=\"140\" height=\"16\" class=\"itss-bar\""));
    ck_assert_ptr_nonnull(strstr(s, "width=\"0\" height=\"16\" class=\"itss-bar\""));
    ck_assert_ptr_null(strstr(s, "itss-bars-mark"));
    itss__buf_free(&b);
}
END_TEST

START_TEST(trend_gap_breaks_the_line)
{
    static const char *const points[] = {"2024", "2025", "2026", "2027"};
    static const double s1[] = {1, ITSS_SVG_NONE, 2, 3};
    static const double s2[] = {1, 2, 3, 4};
    const itss_svg_series series[] = {{"one", s1}, {"two", s2}};
    itss_svg_trend t = {"T", 4, points, 2, series, 4, 4};
    itss_buf b;
    itss__buf_init(&b);
    itss__svg_trend(&b, &t, 0);
    const char *s = drawn(&b, "itss-trend");
    ck_assert_uint_eq(count(s, "class=\"itss-trend-series\""), 2);
    /* one: a lone point, then a line of 2; two: a line of 4 */
    ck_assert_uint_eq(count(s, "<polyline"), 2);
    ck_assert_uint_eq(count(s, "<circle"), 3 + 4);
    ck_assert_uint_eq(points_after(s, "<polyline"), 2);
    ck_assert_ptr_nonnull(strstr(s, ">2027</text>"));
    itss__buf_free(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html");
    ADD(s, escapes_markup);
    ADD(s, keeps_xml_well_formed);
    ADD(s, page_frame);
    ADD(s, radar_points);
    ADD(s, bars_none_is_not_zero);
    ADD(s, trend_gap_breaks_the_line);
    return itss_test_run(s);
}
