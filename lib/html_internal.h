/*
 * libitss — building blocks of the HTML and SVG renderings: escaping,
 * a self-contained page (inline CSS for screen and A4 print, no script,
 * no external resource), sections, tables, and three SVG charts (radar,
 * horizontal bars, trend lines). lib/html.c. Every renderer of HTML or SVG
 * writes through these, so that escaping, layout and colours have one
 * definition.
 *
 * All functions append to an itss_buf and never fail loudly (the buffer
 * remembers an allocation failure, see itss__buf_finish). Every const char *
 * that reaches the output as text or as an attribute value is escaped here:
 * callers pass untrusted strings as they are. NULL text writes nothing.
 *
 * A page:
 *
 *     itss__html_begin(b, lang, "成熟度评估报告");   <!DOCTYPE html> ... <body>
 *     itss__html_section_begin(b, "summary", "概要");  <section><h2>
 *     itss__html_dl_begin(b);
 *     itss__html_dl_item(b, "组织", org);
 *     itss__html_dl_end(b);
 *     itss__html_section_end(b);
 *     itss__html_section_begin(b, "profile", "领域");
 *     static const char *const head[] = {"领域", "级别"};
 *     itss__html_table_begin(b, NULL, head, 2);      <table><thead>...<tbody>
 *     itss__html_row_begin(b, NULL);
 *     itss__html_cell(b, name);
 *     itss__html_cellf(b, "%d", level);
 *     itss__html_row_end(b);
 *     itss__html_table_end(b);
 *     itss__html_section_end(b);
 *     itss__html_end(b);                              </body></html>
 *
 * A chart: fill an itss_svg_radar, itss_svg_bars or itss_svg_trend and
 * call itss__svg_radar / itss__svg_bars / itss__svg_trend with
 * standalone = 0 to inline it in a page, 1 for an SVG document of its own
 * (XML declaration and SVG namespace). Each <svg> has a fixed viewBox, a
 * <title>, role="img" with an aria-label, and the class itss-radar,
 * itss-bars or itss-trend; drawing uses presentation attributes only, so a
 * chart looks the same inside the page and alone.
 */
#ifndef ITSS_HTML_INTERNAL_H
#define ITSS_HTML_INTERNAL_H

#include <stddef.h>

#include "internal.h"

/* A value a chart has no number for ("not evaluated", "unrated"). Any
 * negative value is taken as none. */
#define ITSS_SVG_NONE (-1.0)

/* ---- escaping ----------------------------------------------------------- */

/* Append s as HTML/XML text or attribute value: & < > " ' become entities;
 * control characters (but TAB, LF, CR) become a space, invalid UTF-8 bytes
 * U+FFFD, so that the result is well-formed XML whatever s holds. */
void itss__html_esc(itss_buf *b, const char *s);
/* The same for s[0..n). */
void itss__html_escn(itss_buf *b, const char *s, size_t n);
/* Format (printf) into a temporary string, then append it escaped. */
void itss__html_escf(itss_buf *b, const char *fmt, ...) ITSS_PRINTF(2, 3);
/* A number as shortest decimal text (itss__format_double), no locale. */
void itss__html_num(itss_buf *b, double v);

/* One colour of the palette (i taken modulo its size), "#rrggbb": the
 * series of a chart in order; 0 is a chart's value, 1 its target. */
const char *itss__html_colour(size_t i);

/* ---- page --------------------------------------------------------------- */

/* <!DOCTYPE html>, <html lang="zh-CN"|"en">, <head> with charset, title and
 * the inline style sheet, then <body> and an <h1> holding title. */
void itss__html_begin(itss_buf *b, itss_lang lang, const char *title);
/* A line under the heading (<p class="itss-sub">), e.g. the model. */
void itss__html_subtitle(itss_buf *b, const char *text);
/* </body></html> and a final newline. */
void itss__html_end(itss_buf *b);

/* <section class="itss-CLS"> (cls NULL: no class) and an <h2> heading
 * (NULL: none). In print, every section but the first starts a page. */
void itss__html_section_begin(itss_buf *b, const char *cls, const char *heading);
void itss__html_section_end(itss_buf *b);
/* <h3>text</h3>. */
void itss__html_h3(itss_buf *b, const char *text);
/* <p class="itss-CLS">text</p> (cls NULL: no class). */
void itss__html_p(itss_buf *b, const char *cls, const char *text);
/* <p class="itss-big"> with a label and a value ("等级：三级 拓展级"). */
void itss__html_big(itss_buf *b, const char *label, const char *value);

/* A definition list of metadata: dl_item writes nothing when value is
 * NULL. */
void itss__html_dl_begin(itss_buf *b);
void itss__html_dl_item(itss_buf *b, const char *term, const char *value);
void itss__html_dl_end(itss_buf *b);

/* A bulleted list: li writes one item, li_pair "first: second" (second
 * may be NULL) with first in <strong>. */
void itss__html_ul_begin(itss_buf *b);
void itss__html_li(itss_buf *b, const char *text);
void itss__html_li_pair(itss_buf *b, const char *first, const char *second);
void itss__html_ul_end(itss_buf *b);

/* A table with n column headings (repeated on every printed page) and a
 * body; cls is added to class="itss-table". Rows: row_begin (cls NULL or a
 * row class), cells, row_end. */
void itss__html_table_begin(itss_buf *b, const char *cls, const char *const *heads, size_t n);
void itss__html_row_begin(itss_buf *b, const char *cls);
void itss__html_cell(itss_buf *b, const char *text);
void itss__html_cellf(itss_buf *b, const char *fmt, ...) ITSS_PRINTF(2, 3);
/* A cell with a class (e.g. "itss-num", "itss-bad"). */
void itss__html_cell_cls(itss_buf *b, const char *cls, const char *text);
void itss__html_row_end(itss_buf *b);
void itss__html_table_end(itss_buf *b);

/* <div class="itss-charts"> lays out the charts inside it side by side on a
 * screen and one under the other in print. */
void itss__html_charts_begin(itss_buf *b);
void itss__html_charts_end(itss_buf *b);

/* ---- SVG charts ----------------------------------------------------------- */

/* A radar: n >= 3 axes from the centre, axis i at angle 360° * i / n from
 * the top, clockwise; rings (regular polygons) at max * k / rings for
 * k = 1..rings, labelled with their value; the value polygon
 * (class itss-radar-value, one point per axis; a none value at the centre,
 * its axis label marked with the class itss-none); the target, when not
 * none, as a ring polygon (class itss-radar-target). Values above max are
 * drawn at max. n < 3 writes nothing (use bars). */
typedef struct itss_svg_radar {
    const char *title;         /* <title> and aria-label */
    size_t n;                  /* axes */
    const char *const *labels; /* n axis labels (cut at 20 characters, the
                                  whole label in a <title> of its own) */
    const double *values;      /* n values in 0..max, or ITSS_SVG_NONE */
    double max;                /* > 0: the outer ring */
    int rings;                 /* >= 1 */
    double target;             /* 0..max, or ITSS_SVG_NONE */
    const char *value_name;    /* legend entries; NULL: no legend entry */
    const char *target_name;
} itss_svg_radar;
void itss__svg_radar(itss_buf *b, const itss_svg_radar *r, int standalone);

/* Horizontal bars, one per entry, each labelled on the left with its value
 * written at its end; a bar's length is value / max of the track. A none
 * value is drawn as an empty track with a dashed outline (class
 * itss-bar-none) and none_text in it: never as a zero bar. A bar of class
 * itss-bar has length value / max. */
typedef struct itss_svg_bar {
    const char *label;
    double value; /* 0..max, or ITSS_SVG_NONE */
    const char *text; /* shown after the bar; NULL: the value as a number */
} itss_svg_bar;
typedef struct itss_svg_bars {
    const char *title;
    size_t n;
    const itss_svg_bar *bars;
    double max;            /* > 0 */
    const char *none_text; /* "未评价", "not evaluated" */
    double mark;           /* a vertical line at this value (a threshold),
                              or ITSS_SVG_NONE */
} itss_svg_bars;
void itss__svg_bars(itss_buf *b, const itss_svg_bars *c, int standalone);

/* Lines over time: npoints labelled time points along the x axis, each
 * series a polyline (class itss-trend-series) with a marker per value in
 * the colour of its index; a none value breaks the line. The y axis runs
 * 0..max with grid lines at max * k / grid. */
typedef struct itss_svg_series {
    const char *name;
    const double *values; /* npoints values in 0..max, or ITSS_SVG_NONE */
} itss_svg_series;
typedef struct itss_svg_trend {
    const char *title;
    size_t npoints;            /* >= 1 */
    const char *const *points; /* npoints labels (dates, file names) */
    size_t nseries;
    const itss_svg_series *series;
    double max; /* > 0 */
    int grid;   /* >= 1 */
} itss_svg_trend;
void itss__svg_trend(itss_buf *b, const itss_svg_trend *t, int standalone);

#endif /* ITSS_HTML_INTERNAL_H */
