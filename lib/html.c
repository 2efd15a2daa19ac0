/* libitss — HTML pages and SVG charts: escaping, the page and its style
 * sheet, sections and tables, radar, bar and trend charts (see
 * html_internal.h for how each is called). Coordinates are written with
 * integer arithmetic, so that no locale changes a decimal point. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* The palette: the colours of chart series in order (0: a chart's value,
 * 1: its target), chosen to stay apart in print and for common forms of
 * colour blindness. */
static const char *const palette[] = {
    "#2563a8", /* blue */
    "#d9822b", /* orange */
    "#2e9e5b", /* green */
    "#b83b5e", /* raspberry */
    "#6a4fb3", /* violet */
    "#8a6d1f", /* ochre */
    "#1f8a8a", /* teal */
    "#5f6b7a", /* slate */
};
#define NPALETTE (sizeof palette / sizeof palette[0])

/* Ink of the grids and texts of the charts. */
#define GRID "#c8ccd2"
#define AXIS "#8a9099"
#define INK "#222"
#define MUTED "#666"

const char *itss__html_colour(size_t i) { return palette[i % NPALETTE]; }

/* Append the strings given, up to END: the markup of the pages, without
 * the cost of printf. */
#define END ((const char *)NULL)
static void cat(itss_buf *b, ...)
{
    va_list ap;
    va_start(ap, b);
    for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *))
        itss__buf_puts(b, s);
    va_end(ap);
}

/* ---- escaping ----------------------------------------------------------- */

void itss__html_escn(itss_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* bytes p[run..i) are copied as they are */
    while (i < n) {
        unsigned char c = p[i];
        const char *rep = NULL;
        size_t adv = 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            case '\t': case '\n': case '\r': break;
            default:
                if (c < 0x20 || c == 0x7f)
                    rep = " ";
                break;
            }
        } else if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE) && i + 2 < n &&
                   (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            adv = 3; /* U+1000..U+CFFF, U+E000..U+EFFF: always characters (CJK) */
        } else {
            uint32_t cp = 0;
            adv = itss__utf8_decode(p + i, n - i, &cp);
            if (!adv) {
                adv = 1;
                rep = "\xEF\xBF\xBD";
            } else if (cp < 0xA0) { /* C1 controls */
                rep = " ";
            } else if (cp == 0xFFFE || cp == 0xFFFF) { /* not characters in XML */
                rep = "\xEF\xBF\xBD";
            }
        }
        if (rep) {
            itss__buf_append(b, s + run, i - run);
            itss__buf_puts(b, rep);
            run = i + adv;
        }
        i += adv;
    }
    itss__buf_append(b, s + run, n - run);
}

void itss__html_esc(itss_buf *b, const char *s)
{
    if (s)
        itss__html_escn(b, s, strlen(s));
}

/* Format into a scratch buffer, then append escaped. */
static void vesc(itss_buf *b, const char *fmt, va_list ap)
{
    itss_buf t;
    itss__buf_init(&t);
    itss__buf_vprintf(&t, fmt, ap);
    if (t.oom)
        b->oom = 1;
    else if (t.data)
        itss__html_escn(b, t.data, t.len);
    itss__buf_free(&t);
}

void itss__html_escf(itss_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vesc(b, fmt, ap);
    va_end(ap);
}

void itss__html_num(itss_buf *b, double v)
{
    char num[40];
    itss__format_double(num, sizeof num, isfinite(v) ? v : 0.0);
    itss__buf_puts(b, num);
}

/* s escaped, cut at max characters (the last one an ellipsis). */
static void esc_cut(itss_buf *b, const char *s, size_t max)
{
    if (!s)
        return;
    size_t n = strlen(s), i = 0, chars = 0;
    while (i < n && chars < max) {
        uint32_t cp;
        size_t adv = itss__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        i += adv ? adv : 1;
        chars++;
    }
    if (i >= n) {
        itss__html_escn(b, s, n);
        return;
    }
    /* more than max characters: keep max - 1 of them */
    size_t j = 0;
    for (size_t k = 0; k + 1 < max; k++) {
        uint32_t cp;
        size_t adv = itss__utf8_decode((const unsigned char *)s + j, n - j, &cp);
        j += adv ? adv : 1;
    }
    itss__html_escn(b, s, j);
    itss__buf_puts(b, "\xE2\x80\xA6");
}

/* A coordinate, rounded to tenths: "12.3", "-4", "0". */
static void coord(itss_buf *b, double v)
{
    if (!isfinite(v))
        v = 0;
    long t = lround(v * 10);
    char digits[32], *d = digits + sizeof digits;
    int neg = t < 0;
    unsigned long u = neg ? 0UL - (unsigned long)t : (unsigned long)t;
    if (u % 10) {
        *--d = (char)('0' + u % 10);
        *--d = '.';
    }
    u /= 10;
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        *--d = '-';
    itss__buf_append(b, d, (size_t)(digits + sizeof digits - d));
}

/* " NAME=\"X\"" with a coordinate. */
static void attr_xy(itss_buf *b, const char *name, double v)
{
    cat(b, " ", name, "=\"", END);
    coord(b, v);
    itss__buf_putc(b, '"');
}

/* "x,y " of a polygon's or a polyline's points. */
static void point(itss_buf *b, double x, double y)
{
    coord(b, x);
    itss__buf_putc(b, ',');
    coord(b, y);
    itss__buf_putc(b, ' ');
}

/* A value for a chart: none below 0, clipped to max. */
static double clip(double v, double max) { return v < 0 ? ITSS_SVG_NONE : v > max ? max : v; }

/* The value of a ring or a grid line, rounded to thousandths. */
static void tick(itss_buf *b, double max, int k, int of)
{
    itss__html_num(b, round(max * k / of * 1000) / 1000);
}

/* ---- page --------------------------------------------------------------- */

static const char style[] =
    ":root{color-scheme:light}"
    "body{font-family:sans-serif;color:" INK ";background:#fff;margin:0 auto;"
    "max-width:64rem;padding:1.5rem;line-height:1.45}"
    "h1{font-size:1.6rem;margin:0 0 .3rem}"
    "h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #2563a8;"
    "padding-bottom:.2rem}"
    "h3{font-size:1.05rem;margin:1.1rem 0 .4rem}"
    ".itss-sub{color:" MUTED ";margin:0 0 1rem}"
    ".itss-big{font-size:1.35rem;margin:.4rem 0}"
    ".itss-big strong{color:#2563a8}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}"
    "dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}"
    "th,td{border:1px solid " GRID ";padding:.25rem .45rem;text-align:left;"
    "vertical-align:top;overflow-wrap:anywhere;word-break:break-word}"
    "thead th{background:#eef2f7}"
    "td.itss-num{text-align:right;white-space:nowrap}"
    "td:first-child,td.itss-bad{white-space:nowrap}"
    "td.itss-bad{color:#b83b5e;font-weight:bold}"
    "td.itss-good{color:#2e9e5b}"
    "ul{margin:.3rem 0 1rem;padding-left:1.4rem}"
    ".itss-charts{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}"
    ".itss-charts svg{flex:1 1 22rem;max-width:100%;height:auto}"
    "svg{max-width:100%;height:auto}"
    ".itss-note{color:" MUTED ";font-size:.9rem}"
    "@page{size:A4;margin:15mm}"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "section+section{break-before:page}"
    "thead{display:table-header-group}"
    "tr,svg,dl{break-inside:avoid}"
    "h2,h3{break-after:avoid}"
    ".itss-charts{display:block}"
    ".itss-charts svg{display:block;margin:0 auto .5rem;max-height:120mm}}";

void itss__html_begin(itss_buf *b, itss_lang lang, const char *title)
{
    itss__buf_printf(b,
                     "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>",
                     lang == ITSS_LANG_ZH ? "zh-CN" : "en");
    itss__html_esc(b, title);
    itss__buf_puts(b, "</title>\n<style>");
    itss__buf_append(b, style, sizeof style - 1);
    itss__buf_puts(b, "</style>\n</head>\n<body>\n<h1>");
    itss__html_esc(b, title);
    itss__buf_puts(b, "</h1>\n");
}

void itss__html_subtitle(itss_buf *b, const char *text) { itss__html_p(b, "sub", text); }

void itss__html_end(itss_buf *b) { itss__buf_puts(b, "</body>\n</html>\n"); }

/* <TAG class="itss-CLS"> or <TAG>. */
static void open_cls(itss_buf *b, const char *tag, const char *cls)
{
    cat(b, "<", tag, END);
    if (cls) {
        itss__buf_puts(b, " class=\"itss-");
        itss__html_esc(b, cls);
        itss__buf_putc(b, '"');
    }
    itss__buf_putc(b, '>');
}

/* <TAG>text</TAG>\n */
static void elem(itss_buf *b, const char *tag, const char *text)
{
    cat(b, "<", tag, ">", END);
    itss__html_esc(b, text);
    cat(b, "</", tag, ">\n", END);
}

void itss__html_section_begin(itss_buf *b, const char *cls, const char *heading)
{
    open_cls(b, "section", cls);
    itss__buf_putc(b, '\n');
    if (heading)
        elem(b, "h2", heading);
}

void itss__html_section_end(itss_buf *b) { itss__buf_puts(b, "</section>\n"); }

void itss__html_h3(itss_buf *b, const char *text) { elem(b, "h3", text); }

void itss__html_p(itss_buf *b, const char *cls, const char *text)
{
    open_cls(b, "p", cls);
    itss__html_esc(b, text);
    itss__buf_puts(b, "</p>\n");
}

void itss__html_big(itss_buf *b, const char *label, const char *value)
{
    itss__buf_puts(b, "<p class=\"itss-big\">");
    itss__html_esc(b, label);
    itss__buf_puts(b, " <strong>");
    itss__html_esc(b, value);
    itss__buf_puts(b, "</strong></p>\n");
}

void itss__html_dl_begin(itss_buf *b) { itss__buf_puts(b, "<dl>\n"); }

void itss__html_dl_item(itss_buf *b, const char *term, const char *value)
{
    if (!value)
        return;
    elem(b, "dt", term);
    elem(b, "dd", value);
}

void itss__html_dl_end(itss_buf *b) { itss__buf_puts(b, "</dl>\n"); }

void itss__html_ul_begin(itss_buf *b) { itss__buf_puts(b, "<ul>\n"); }

void itss__html_li(itss_buf *b, const char *text) { elem(b, "li", text); }

void itss__html_li_pair(itss_buf *b, const char *first, const char *second)
{
    itss__buf_puts(b, "<li><strong>");
    itss__html_esc(b, first);
    itss__buf_puts(b, "</strong>");
    if (second) {
        itss__buf_puts(b, ": ");
        itss__html_esc(b, second);
    }
    itss__buf_puts(b, "</li>\n");
}

void itss__html_ul_end(itss_buf *b) { itss__buf_puts(b, "</ul>\n"); }

void itss__html_table_begin(itss_buf *b, const char *cls, const char *const *heads, size_t n)
{
    itss__buf_puts(b, "<table class=\"itss-table");
    if (cls) {
        itss__buf_puts(b, " itss-");
        itss__html_esc(b, cls);
    }
    itss__buf_puts(b, "\">\n<thead><tr>");
    for (size_t i = 0; i < n; i++) {
        itss__buf_puts(b, "<th>");
        itss__html_esc(b, heads[i]);
        itss__buf_puts(b, "</th>");
    }
    itss__buf_puts(b, "</tr></thead>\n<tbody>\n");
}

void itss__html_row_begin(itss_buf *b, const char *cls)
{
    open_cls(b, "tr", cls);
}

void itss__html_cell(itss_buf *b, const char *text) { itss__html_cell_cls(b, NULL, text); }

void itss__html_cell_cls(itss_buf *b, const char *cls, const char *text)
{
    open_cls(b, "td", cls);
    itss__html_esc(b, text);
    itss__buf_puts(b, "</td>");
}

void itss__html_cellf(itss_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itss__buf_puts(b, "<td>");
    vesc(b, fmt, ap);
    itss__buf_puts(b, "</td>");
    va_end(ap);
}

void itss__html_row_end(itss_buf *b) { itss__buf_puts(b, "</tr>\n"); }

void itss__html_table_end(itss_buf *b) { itss__buf_puts(b, "</tbody>\n</table>\n"); }

void itss__html_charts_begin(itss_buf *b) { itss__buf_puts(b, "<div class=\"itss-charts\">\n"); }

void itss__html_charts_end(itss_buf *b) { itss__buf_puts(b, "</div>\n"); }

/* ---- SVG ------------------------------------------------------------------ */

/* <svg> with the viewBox 0 0 w h, its class, title and label. */
static void svg_begin(itss_buf *b, int standalone, const char *cls, double w, double h,
                      const char *title)
{
    if (standalone)
        itss__buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    itss__buf_puts(b, "<svg");
    if (standalone)
        itss__buf_puts(b, " xmlns=\"http://www.w3.org/2000/svg\"");
    cat(b, " class=\"", cls, "\" viewBox=\"0 0 ", END);
    coord(b, w);
    itss__buf_putc(b, ' ');
    coord(b, h);
    itss__buf_puts(b, "\"");
    attr_xy(b, "width", w);
    attr_xy(b, "height", h);
    itss__buf_puts(b, " role=\"img\" aria-label=\"");
    itss__html_esc(b, title);
    itss__buf_puts(b, "\" font-family=\"sans-serif\" font-size=\"12\" fill=\"" INK "\">\n<title>");
    itss__html_esc(b, title);
    itss__buf_puts(b, "</title>\n");
}

static void svg_end(itss_buf *b) { itss__buf_puts(b, "</svg>\n"); }

/* <text x y anchor>label</text>, cut at max characters, with the whole
 * label as its <title> when cut; cls NULL: no class. */
static void svg_text(itss_buf *b, double x, double y, const char *anchor, const char *cls,
                     const char *label, size_t max)
{
    itss__buf_puts(b, "<text");
    attr_xy(b, "x", x);
    attr_xy(b, "y", y);
    cat(b, " text-anchor=\"", anchor, "\"", END);
    if (cls)
        cat(b, " class=\"", cls, "\"", END);
    itss__buf_putc(b, '>');
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)(label ? label : ""); *p; p++)
        chars += (*p & 0xC0) != 0x80;
    if (chars > max) {
        itss__buf_puts(b, "<title>");
        itss__html_esc(b, label);
        itss__buf_puts(b, "</title>");
    }
    esc_cut(b, label, max);
    itss__buf_puts(b, "</text>\n");
}

static void line(itss_buf *b, double x1, double y1, double x2, double y2, const char *stroke,
                 const char *extra)
{
    itss__buf_puts(b, "<line");
    attr_xy(b, "x1", x1);
    attr_xy(b, "y1", y1);
    attr_xy(b, "x2", x2);
    attr_xy(b, "y2", y2);
    cat(b, " stroke=\"", stroke, "\"", extra ? extra : "", "/>\n", END);
}

/* A legend entry: a swatch and its name at (x, y). */
static void legend(itss_buf *b, double x, double y, const char *colour, int dashed,
                   const char *name)
{
    char extra[64];
    snprintf(extra, sizeof extra, " stroke-width=\"3\"%s",
             dashed ? " stroke-dasharray=\"6 3\"" : "");
    line(b, x, y - 4, x + 22, y - 4, colour, extra);
    svg_text(b, x + 28, y, "start", NULL, name, 40);
}

/* ---- radar ---------------------------------------------------------------- */

#define RADAR_W 600.0
#define RADAR_H 420.0
#define RADAR_CX 300.0
#define RADAR_CY 215.0
#define RADAR_R 150.0
#define PI 3.14159265358979323846

static double radar_x(size_t i, size_t n, double r)
{
    return RADAR_CX + r * sin(2 * PI * (double)i / (double)n);
}

static double radar_y(size_t i, size_t n, double r)
{
    return RADAR_CY - r * cos(2 * PI * (double)i / (double)n);
}

/* A regular polygon through the n axes at radius r. */
static void radar_ring(itss_buf *b, size_t n, double r, const char *attrs)
{
    itss__buf_puts(b, "<polygon points=\"");
    for (size_t i = 0; i < n; i++)
        point(b, radar_x(i, n, r), radar_y(i, n, r));
    if (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = 0;
    cat(b, "\" ", attrs, "/>\n", END);
}

void itss__svg_radar(itss_buf *b, const itss_svg_radar *r, int standalone)
{
    if (r->n < 3 || !(r->max > 0) || r->rings < 1) {
        b->broken = 1; /* a caller's mistake: n < 3 is drawn as bars */
        return;
    }
    const size_t n = r->n;
    svg_begin(b, standalone, "itss-radar", RADAR_W, RADAR_H, r->title);
    /* rings and their values along the first axis */
    itss__buf_puts(b, "<g class=\"itss-radar-grid\">\n");
    for (int k = 1; k <= r->rings; k++)
        radar_ring(b, n, RADAR_R * k / r->rings,
                   "fill=\"none\" stroke=\"" GRID "\" stroke-width=\"1\"");
    for (size_t i = 0; i < n; i++)
        line(b, RADAR_CX, RADAR_CY, radar_x(i, n, RADAR_R), radar_y(i, n, RADAR_R), AXIS, NULL);
    for (int k = 0; k <= r->rings; k++) {
        itss__buf_puts(b, "<text");
        attr_xy(b, "x", RADAR_CX + 4);
        attr_xy(b, "y", RADAR_CY - RADAR_R * k / r->rings - 3);
        itss__buf_puts(b, " font-size=\"10\" fill=\"" MUTED "\">");
        tick(b, r->max, k, r->rings);
        itss__buf_puts(b, "</text>\n");
    }
    itss__buf_puts(b, "</g>\n");
    /* the target ring */
    double target = clip(r->target, r->max);
    if (target >= 0) {
        char attrs[160];
        snprintf(attrs, sizeof attrs,
                 "class=\"itss-radar-target\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                 "stroke-dasharray=\"6 3\"",
                 palette[1]);
        radar_ring(b, n, RADAR_R * target / r->max, attrs);
    }
    /* the values */
    itss__buf_puts(b, "<polygon class=\"itss-radar-value\" points=\"");
    for (size_t i = 0; i < n; i++) {
        double v = clip(r->values[i], r->max);
        double rad = v < 0 ? 0 : RADAR_R * v / r->max;
        point(b, radar_x(i, n, rad), radar_y(i, n, rad));
    }
    if (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = 0;
    itss__buf_printf(b,
                     "\" fill=\"%s\" fill-opacity=\"0.25\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                     palette[0], palette[0]);
    for (size_t i = 0; i < n; i++) {
        double v = clip(r->values[i], r->max);
        if (v < 0)
            continue;
        itss__buf_puts(b, "<circle");
        attr_xy(b, "cx", radar_x(i, n, RADAR_R * v / r->max));
        attr_xy(b, "cy", radar_y(i, n, RADAR_R * v / r->max));
        cat(b, " r=\"3.5\" fill=\"", palette[0], "\"/>\n", END);
    }
    /* axis labels, outside the outer ring */
    for (size_t i = 0; i < n; i++) {
        double x = radar_x(i, n, RADAR_R + 12), y = radar_y(i, n, RADAR_R + 12);
        double dx = x - RADAR_CX, dy = y - RADAR_CY;
        const char *anchor = dx > 8 ? "start" : dx < -8 ? "end" : "middle";
        y += dy > 8 ? 10 : dy < -8 ? -6 : 4;
        int none = r->values[i] < 0;
        svg_text(b, x, y, anchor, none ? "itss-none" : NULL, r->labels[i], 20);
    }
    /* legend */
    double lx = 20;
    if (r->value_name) {
        legend(b, lx, RADAR_H - 12, palette[0], 0, r->value_name);
        lx += 240;
    }
    if (r->target_name && target >= 0)
        legend(b, lx, RADAR_H - 12, palette[1], 1, r->target_name);
    svg_end(b);
}

/* ---- bars ----------------------------------------------------------------- */

#define BARS_W 600.0
#define BARS_LABEL 200.0 /* right edge of the labels */
#define BARS_X 210.0     /* start of the tracks */
#define BARS_LEN 280.0   /* length of a full track */
#define BARS_ROW 26.0
#define BARS_TOP 12.0

static void rect(itss_buf *b, double x, double y, double w, double h, const char *attrs)
{
    itss__buf_puts(b, "<rect");
    attr_xy(b, "x", x);
    attr_xy(b, "y", y);
    attr_xy(b, "width", w);
    attr_xy(b, "height", h);
    cat(b, " ", attrs, "/>\n", END);
}

void itss__svg_bars(itss_buf *b, const itss_svg_bars *c, int standalone)
{
    if (!(c->max > 0)) {
        b->broken = 1;
        return;
    }
    double h = BARS_TOP * 2 + BARS_ROW * (double)c->n;
    svg_begin(b, standalone, "itss-bars", BARS_W, h, c->title);
    char attrs[160];
    for (size_t i = 0; i < c->n; i++) {
        const itss_svg_bar *bar = &c->bars[i];
        double y = BARS_TOP + BARS_ROW * (double)i;
        svg_text(b, BARS_LABEL, y + 16, "end", NULL, bar->label, 24);
        double v = clip(bar->value, c->max);
        if (v < 0) {
            rect(b, BARS_X, y + 4, BARS_LEN, 16,
                 "class=\"itss-bar-none\" fill=\"none\" stroke=\"" AXIS
                 "\" stroke-dasharray=\"4 3\"");
            svg_text(b, BARS_X + BARS_LEN / 2, y + 16, "middle", NULL, c->none_text, 24);
            continue;
        }
        rect(b, BARS_X, y + 4, BARS_LEN, 16, "fill=\"#eef2f7\"");
        snprintf(attrs, sizeof attrs, "class=\"itss-bar\" fill=\"%s\"", palette[0]);
        rect(b, BARS_X, y + 4, BARS_LEN * v / c->max, 16, attrs);
        itss__buf_puts(b, "<text");
        attr_xy(b, "x", BARS_X + BARS_LEN + 8);
        attr_xy(b, "y", y + 16);
        itss__buf_putc(b, '>');
        if (bar->text)
            esc_cut(b, bar->text, 16);
        else
            itss__html_num(b, bar->value);
        itss__buf_puts(b, "</text>\n");
    }
    double mark = clip(c->mark, c->max);
    if (mark >= 0) {
        snprintf(attrs, sizeof attrs, " class=\"itss-bars-mark\" stroke-width=\"2\"");
        double x = BARS_X + BARS_LEN * mark / c->max;
        line(b, x, BARS_TOP - 4, x, h - BARS_TOP + 4, palette[1], attrs);
    }
    svg_end(b);
}

/* ---- trend ---------------------------------------------------------------- */

#define TREND_W 640.0
#define TREND_LEFT 50.0
#define TREND_RIGHT 450.0
#define TREND_TOP 20.0
#define TREND_BOTTOM 250.0
#define TREND_LEGEND 470.0

static double trend_x(size_t i, size_t n)
{
    if (n < 2)
        return (TREND_LEFT + TREND_RIGHT) / 2;
    return TREND_LEFT + 20 + (TREND_RIGHT - TREND_LEFT - 40) * (double)i / (double)(n - 1);
}

static double trend_y(double v, double max) { return TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * v / max; }

void itss__svg_trend(itss_buf *b, const itss_svg_trend *t, int standalone)
{
    if (!t->npoints || !(t->max > 0) || t->grid < 1) {
        b->broken = 1;
        return;
    }
    double legend_h = TREND_TOP + 20.0 * (double)t->nseries + 10;
    double h = legend_h > 300 ? legend_h : 300;
    svg_begin(b, standalone, "itss-trend", TREND_W, h, t->title);
    itss__buf_puts(b, "<g class=\"itss-trend-grid\">\n");
    for (int k = 0; k <= t->grid; k++) {
        double y = trend_y(t->max * k / t->grid, t->max);
        line(b, TREND_LEFT, y, TREND_RIGHT, y, k ? GRID : AXIS, NULL);
        itss__buf_puts(b, "<text");
        attr_xy(b, "x", TREND_LEFT - 6);
        attr_xy(b, "y", y + 4);
        itss__buf_puts(b, " text-anchor=\"end\" font-size=\"10\" fill=\"" MUTED "\">");
        tick(b, t->max, k, t->grid);
        itss__buf_puts(b, "</text>\n");
    }
    for (size_t i = 0; i < t->npoints; i++)
        svg_text(b, trend_x(i, t->npoints), TREND_BOTTOM + 18, "middle", NULL, t->points[i],
                 t->npoints > 4 ? 8 : 14);
    itss__buf_puts(b, "</g>\n");
    for (size_t s = 0; s < t->nseries; s++) {
        const itss_svg_series *se = &t->series[s];
        const char *colour = palette[s % NPALETTE];
        itss__buf_puts(b, "<g class=\"itss-trend-series\">\n");
        /* one polyline per run of values without a gap */
        size_t i = 0;
        while (i < t->npoints) {
            while (i < t->npoints && se->values[i] < 0)
                i++;
            size_t start = i;
            while (i < t->npoints && se->values[i] >= 0)
                i++;
            if (i - start >= 2) {
                itss__buf_puts(b, "<polyline points=\"");
                for (size_t k = start; k < i; k++)
                    point(b, trend_x(k, t->npoints), trend_y(clip(se->values[k], t->max), t->max));
                if (b->len && b->data[b->len - 1] == ' ')
                    b->data[--b->len] = 0;
                itss__buf_printf(b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                                 colour);
            }
        }
        for (size_t k = 0; k < t->npoints; k++) {
            if (se->values[k] < 0)
                continue;
            itss__buf_puts(b, "<circle");
            attr_xy(b, "cx", trend_x(k, t->npoints));
            attr_xy(b, "cy", trend_y(clip(se->values[k], t->max), t->max));
            cat(b, " r=\"3.5\" fill=\"", colour, "\"><title>", END);
            itss__html_esc(b, se->name);
            itss__buf_puts(b, ": ");
            itss__html_num(b, se->values[k]);
            itss__buf_puts(b, "</title></circle>\n");
        }
        legend(b, TREND_LEGEND, TREND_TOP + 20.0 * (double)s + 4, colour, 0, se->name);
        itss__buf_puts(b, "</g>\n");
    }
    svg_end(b);
}
