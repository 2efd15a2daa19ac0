/*
 * libitss — reading an XLSX workbook from memory into a book.
 *
 * The zip is read through minizip over the caller's buffer; each part is
 * inflated in chunks and fed to expat as it comes, so that memory stays
 * bounded by the cells kept, not by the size of the parts. Inflated bytes
 * are counted against ITSS__XLSX_MAX_INFLATED as they come, and the sizes
 * the zip declares are checked before anything is inflated. No part may
 * declare a document type: without one there are no entities to expand
 * and nothing outside the document to fetch.
 *
 * Parts read: [Content_Types].xml (finds the workbook part), the workbook
 * (sheet names, hidden sheets, the 1904 date system) and its relationships
 * (where each sheet is), the shared strings, and each worksheet.
 */
#include <expat.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unzip.h>

#include "book_internal.h"

#define CHUNK ((size_t)64 * 1024)
/* the longest name or relationship id of a sheet, in bytes */
#define SHEET_NAME_MAX 255u
/* the longest text of a string as stored: every character escaped */
#define RAW_TEXT_MAX ((size_t)7 * ITSS__SHEET_MAX_TEXT + 7)
/* Files in the zip: far more than any workbook has, few enough that
 * finding a part by name stays cheap. */
#define MAX_ENTRIES 10000u

/* ---- the zip, over a memory buffer ----------------------------------------- */

typedef struct mem_stream {
    const unsigned char *data;
    size_t len;
    size_t pos;
} mem_stream;

static voidpf mem_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename, (void)mode;
    mem_stream *m = opaque;
    m->pos = 0;
    return m;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    mem_stream *m = stream;
    size_t left = m->len - m->pos;
    size_t n = size < left ? (size_t)size : left;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque, (void)stream, (void)buf, (void)size;
    return 0;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((mem_stream *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    mem_stream *m = stream;
    ZPOS64_T base;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = m->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = m->len; break;
    default: return -1;
    }
    if (offset > m->len - base)
        return -1;
    m->pos = (size_t)(base + offset);
    return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

/* ---- the reader --------------------------------------------------------------- */

typedef struct xl_sheet {
    char *name;
    char *rid;
    char *path; /* the part, once resolved; NULL: not a worksheet (a chart sheet) */
    int hidden;
    int related; /* the relationships part has its r:id */
} xl_sheet;

typedef struct xl_string {
    const char *s;
    size_t len;
} xl_string;

typedef struct xl {
    unzFile zf;
    mem_stream ms;
    size_t inflated;
    itss_error *err;
    itss_arena tmp;       /* names, paths and shared strings while reading */
    locale_t cloc;
    char *wb_path;        /* "xl/workbook.xml" */
    char *ss_path;        /* the shared strings part, or NULL */
    char *st_path;        /* the styles part, or NULL */
    xl_sheet *sheets;
    size_t nsheets, capsheets;
    xl_string *ss;
    size_t nss, capss;
    int date1904;
    /* styles: which cell formats (xf, the s of a cell) show a percentage */
    unsigned char *xf_percent;
    size_t nxf, capxf;
    unsigned char pct_fmts[65536 / 8]; /* custom number formats (ids 0..65535)
                                          that show a percentage, one bit each */
    int in_cellxfs;
    itss__book_builder bb;
} xl;

typedef enum part_kind { P_TYPES, P_WORKBOOK, P_RELS, P_STRINGS, P_STYLES, P_SHEET } part_kind;

/* The state of one part's parse. */
typedef struct part {
    xl *x;
    XML_Parser p;
    part_kind kind;
    const char *name;     /* the part, for messages */
    const char *sheet;    /* P_SHEET: the sheet's name */
    int rc;               /* set by a handler that stopped the parse */
    itss_buf text;
    int capture;          /* character data goes to text */
    int skip;             /* inside a phonetic run (ignored) */
    int in_item;          /* inside si / is */
    int in_data;          /* inside sheetData */
    /* worksheet */
    uint32_t row, next_col;
    int in_c, has_v, has_f, has_is, percent;
    uint32_t crow, ccol;
    char ctype[16];
} part;

static uint32_t parse_uint(const char *s);

static const char *local(const XML_Char *name)
{
    const char *bar = strrchr(name, '|');
    return bar ? bar + 1 : name;
}

/* The attribute with this local name (namespaced only when ns). */
static const char *attr(const XML_Char **a, const char *name, int ns)
{
    for (; a[0]; a += 2) {
        const char *bar = strrchr(a[0], '|');
        if (ns ? bar && strcmp(bar + 1, name) == 0 : !bar && strcmp(a[0], name) == 0)
            return a[1];
    }
    return NULL;
}

static int stop(part *pt, int rc)
{
    pt->rc = rc;
    XML_StopParser(pt->p, XML_FALSE);
    return rc;
}

/* Stop with code and "<part> line N: <message>". */
static int part_err(part *pt, int code, const char *fmt, ...) ITSS_PRINTF(3, 4);
static int part_err(part *pt, int code, const char *fmt, ...)
{
    char what[ITSS_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    itss__err(pt->x->err, code, "%s line %lu: %s", pt->name,
              (unsigned long)XML_GetCurrentLineNumber(pt->p), what);
    return stop(pt, code);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    part_err(ud, ITSS_EPARSE, "document type declarations are not allowed in a workbook");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param,
                              const XML_Char *value, int value_length, const XML_Char *base,
                              const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_length, (void)base, (void)sysid;
    (void)pubid, (void)notation;
    part_err(ud, ITSS_EPARSE, "entity declarations are not allowed in a workbook");
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    part *pt = ud;
    if (!pt->capture || pt->skip || pt->rc)
        return;
    /* a string's escapes (_x000D_ for one character) shrink when undone:
     * the text as stored may be 7 times the limit, which the cells check on
     * the text itself */
    if (pt->text.len + (size_t)len > RAW_TEXT_MAX) {
        if (pt->kind == P_SHEET)
            stop(pt, itss__sheet_err(pt->x->err, ITSS_ELIMIT, pt->sheet, pt->crow, pt->ccol,
                                     NULL, "the cell holds more than %u bytes of text",
                                     ITSS__SHEET_MAX_TEXT));
        else
            part_err(pt, ITSS_ELIMIT, "a string longer than %u bytes", ITSS__SHEET_MAX_TEXT);
        return;
    }
    itss__buf_append(&pt->text, s, (size_t)len);
}

static char *tmp_dup(part *pt, const char *s)
{
    char *d = itss__arena_strdup(&pt->x->tmp, s);
    if (!d)
        stop(pt, itss__err(pt->x->err, ITSS_ENOMEM, "out of memory"));
    return d;
}

/* "xl/" of "xl/workbook.xml" joined with target, "." and ".." resolved;
 * an absolute target ("/xl/...") is taken from the root. */
static char *resolve(part *pt, const char *base, const char *target)
{
    size_t blen = 0;
    if (target[0] == '/') {
        target++;
    } else {
        const char *slash = strrchr(base, '/');
        blen = slash ? (size_t)(slash - base) + 1 : 0;
    }
    size_t tlen = strlen(target);
    char *joined = itss__arena_alloc(&pt->x->tmp, blen + tlen + 1);
    if (!joined) {
        stop(pt, itss__err(pt->x->err, ITSS_ENOMEM, "out of memory"));
        return NULL;
    }
    memcpy(joined, base, blen);
    memcpy(joined + blen, target, tlen + 1);
    /* resolve segments in place */
    char *out = joined, *seg = joined;
    size_t olen = 0;
    while (*seg) {
        char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if ((n == 1 && seg[0] == '.') || n == 0) {
            /* nothing */
        } else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (olen > 0 && out[olen - 1] != '/')
                olen--;
            if (olen > 0)
                olen--;
            while (olen > 0 && out[olen - 1] != '/')
                olen--;
        } else {
            memmove(out + olen, seg, n);
            olen += n;
            if (end)
                out[olen++] = '/';
        }
        seg = end ? end + 1 : seg + n;
    }
    out[olen] = '\0';
    return joined;
}

/* ---- [Content_Types].xml ----------------------------------------------------- */

static int workbook_type(const char *t)
{
    static const char *const types[] = {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strcmp(t, types[i]) == 0)
            return 1;
    return 0;
}

static void types_start(part *pt, const char *el, const XML_Char **a)
{
    if (strcmp(el, "Override") != 0 || pt->x->wb_path)
        return;
    const char *type = attr(a, "ContentType", 0), *name = attr(a, "PartName", 0);
    if (type && name && workbook_type(type))
        pt->x->wb_path = tmp_dup(pt, name[0] == '/' ? name + 1 : name);
}

/* ---- the workbook and its relationships ---------------------------------------- */

static void workbook_start(part *pt, const char *el, const XML_Char **a)
{
    xl *x = pt->x;
    if (strcmp(el, "workbookPr") == 0) {
        const char *d = attr(a, "date1904", 0);
        x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        return;
    }
    if (strcmp(el, "sheet") != 0)
        return;
    const char *name = attr(a, "name", 0), *rid = attr(a, "id", 1);
    if (!name || !name[0] || !rid) {
        part_err(pt, ITSS_EPARSE, "a sheet without %s", !name || !name[0] ? "a name" : "r:id");
        return;
    }
    /* spreadsheet programs allow 31 characters (93 bytes of UTF-8) */
    if (strlen(name) > SHEET_NAME_MAX || strlen(rid) > SHEET_NAME_MAX) {
        part_err(pt, ITSS_ELIMIT, "a sheet %s longer than %u bytes",
                 strlen(name) > SHEET_NAME_MAX ? "name" : "r:id", SHEET_NAME_MAX);
        return;
    }
    if (x->nsheets >= ITSS__SHEET_MAX_SHEETS) {
        part_err(pt, ITSS_ELIMIT, "more than %u sheets", ITSS__SHEET_MAX_SHEETS);
        return;
    }
    if (itss__sheet_grow(&x->sheets, &x->capsheets, x->nsheets, sizeof *x->sheets, 8)) {
        stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
        return;
    }
    const char *state = attr(a, "state", 0);
    xl_sheet *s = &x->sheets[x->nsheets];
    memset(s, 0, sizeof *s);
    s->hidden = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
    if (!(s->name = tmp_dup(pt, name)) || !(s->rid = tmp_dup(pt, rid)))
        return;
    x->nsheets++;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static void rels_start(part *pt, const char *el, const XML_Char **a)
{
    xl *x = pt->x;
    if (strcmp(el, "Relationship") != 0)
        return;
    const char *id = attr(a, "Id", 0), *type = attr(a, "Type", 0);
    const char *target = attr(a, "Target", 0), *mode = attr(a, "TargetMode", 0);
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
        return;
    if (ends_with(type, "/sharedStrings")) {
        if (!x->ss_path)
            x->ss_path = resolve(pt, x->wb_path, target);
        return;
    }
    if (ends_with(type, "/styles")) {
        if (!x->st_path)
            x->st_path = resolve(pt, x->wb_path, target);
        return;
    }
    for (size_t i = 0; i < x->nsheets; i++) {
        xl_sheet *s = &x->sheets[i];
        if (s->related || strcmp(s->rid, id) != 0)
            continue;
        s->related = 1;
        if (ends_with(type, "/worksheet"))
            s->path = resolve(pt, x->wb_path, target);
    }
}

/* ---- styles: number formats that show a percentage ------------------------------ */

/* A format code shows a percentage when it has a % outside quotes,
 * brackets and escapes ("0%", "0.0%", but not "0\\%" or "0\"%\""). */
static int percent_code(const char *code)
{
    for (const char *c = code; *c; c++) {
        if (*c == '\\' && c[1]) {
            c++;
        } else if (*c == '"') {
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
        } else if (*c == '[') {
            while (c[1] && c[1] != ']')
                c++;
        } else if (*c == '%') {
            return 1;
        }
    }
    return 0;
}

static void styles_start(part *pt, const char *el, const XML_Char **a)
{
    xl *x = pt->x;
    if (strcmp(el, "numFmt") == 0) {
        const char *id = attr(a, "numFmtId", 0), *code = attr(a, "formatCode", 0);
        uint32_t n = id ? parse_uint(id) : 0;
        if (!code || !percent_code(code) || n == 0 || n > 65535)
            return;
        x->pct_fmts[n / 8] |= (unsigned char)(1u << (n % 8));
    } else if (strcmp(el, "cellXfs") == 0) {
        x->in_cellxfs = 1;
    } else if (x->in_cellxfs && strcmp(el, "xf") == 0) {
        if (x->nxf >= ITSS__SHEET_MAX_CELLS) {
            stop(pt, itss__err(x->err, ITSS_ELIMIT, "%s: more than %u cell formats", pt->name,
                               ITSS__SHEET_MAX_CELLS));
            return;
        }
        if (itss__sheet_grow(&x->xf_percent, &x->capxf, x->nxf, 1, 64)) {
            stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
            return;
        }
        const char *id = attr(a, "numFmtId", 0);
        uint32_t fmt = id ? parse_uint(id) : 0;
        int pct = fmt == 9 || fmt == 10 || /* built-in 0%, 0.00% */
                  (fmt <= 65535 && (x->pct_fmts[fmt / 8] >> (fmt % 8) & 1));
        x->xf_percent[x->nxf++] = (unsigned char)pct;
    }
}

static void styles_end(part *pt, const char *el)
{
    if (strcmp(el, "cellXfs") == 0)
        pt->x->in_cellxfs = 0;
}

/* ---- shared strings ------------------------------------------------------------ */

static void strings_start(part *pt, const char *el)
{
    if (strcmp(el, "si") == 0) {
        pt->in_item = 1;
        pt->text.len = 0;
    } else if (strcmp(el, "rPh") == 0) {
        pt->skip++;
    } else if (pt->in_item && strcmp(el, "t") == 0) {
        pt->capture = 1;
    }
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Undo the escapes of a string's text (ST_Xstring): _xHHHH_ is the
 * character U+HHHH — how writers store control characters such as a
 * carriage return, and _x005F_ an underscore that would start one. A code
 * that is no character (U+0000, surrogates) stays as written. In place:
 * the text only shrinks. */
static void unescape_x(itss_buf *t)
{
    char *s = t->data;
    size_t n = t->len, o = 0;
    if (!s)
        return;
    for (size_t i = 0; i < n;) {
        if (i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
            const int h[4] = {hexval(s[i + 2]), hexval(s[i + 3]), hexval(s[i + 4]), hexval(s[i + 5])};
            if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0) {
                uint32_t cp = (uint32_t)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
                if (cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    if (cp < 0x80) {
                        s[o++] = (char)cp;
                    } else if (cp < 0x800) {
                        s[o++] = (char)(0xC0 | cp >> 6);
                        s[o++] = (char)(0x80 | (cp & 0x3F));
                    } else {
                        s[o++] = (char)(0xE0 | cp >> 12);
                        s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                        s[o++] = (char)(0x80 | (cp & 0x3F));
                    }
                    i += 7;
                    continue;
                }
            }
        }
        s[o++] = s[i++];
    }
    t->len = o;
}

static void strings_end(part *pt, const char *el)
{
    xl *x = pt->x;
    if (strcmp(el, "rPh") == 0 && pt->skip) {
        pt->skip--;
    } else if (strcmp(el, "t") == 0) {
        pt->capture = 0;
    } else if (strcmp(el, "si") == 0 && pt->in_item) {
        pt->in_item = 0;
        unescape_x(&pt->text);
        if (x->nss >= ITSS__SHEET_MAX_CELLS) {
            part_err(pt, ITSS_ELIMIT, "more than %u shared strings", ITSS__SHEET_MAX_CELLS);
            return;
        }
        if (itss__sheet_grow(&x->ss, &x->capss, x->nss, sizeof *x->ss, 64)) {
            stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
            return;
        }
        /* kept in the book itself: every cell that uses it points at it */
        const char *copy = pt->text.len ? itss__arena_strndup(&x->bb.book->arena,
                                                              pt->text.data, pt->text.len)
                                        : "";
        if (!copy || pt->text.oom) {
            stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
            return;
        }
        x->ss[x->nss].s = copy;
        x->ss[x->nss].len = pt->text.len;
        x->nss++;
    }
}

/* ---- worksheets ------------------------------------------------------------------ */

/* A decimal number of at most 9 digits, else 0. */
static uint32_t parse_uint(const char *s)
{
    uint32_t v = 0;
    size_t n = 0;
    for (; s[n] >= '0' && s[n] <= '9'; n++) {
        if (n >= 9)
            return 0;
        v = v * 10 + (uint32_t)(s[n] - '0');
    }
    return n && !s[n] ? v : 0;
}

/* "B7" → col 2, row 7; 0 when malformed. */
static int parse_ref(const char *s, uint32_t *col, uint32_t *row)
{
    uint32_t c = 0;
    size_t i = 0;
    for (; (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'); i++) {
        if (i >= 4)
            return 0;
        c = c * 26 + (uint32_t)((s[i] | 0x20) - 'a' + 1);
    }
    uint32_t r = parse_uint(s + i);
    if (!i || !r)
        return 0;
    *col = c;
    *row = r;
    return 1;
}

static void sheet_start(part *pt, const char *el, const XML_Char **a)
{
    if (strcmp(el, "sheetData") == 0) {
        pt->in_data = 1;
        return;
    }
    if (!pt->in_data)
        return;
    if (strcmp(el, "row") == 0) {
        const char *r = attr(a, "r", 0);
        uint32_t n = r ? parse_uint(r) : pt->row + 1;
        if (!n) {
            part_err(pt, ITSS_EPARSE, "row number \"%.20s\" is not a number from 1", r);
            return;
        }
        if (n > ITSS__SHEET_MAX_ROWS) {
            stop(pt, itss__sheet_err(pt->x->err, ITSS_ELIMIT, pt->sheet, n, 0, NULL,
                                     "more than %u rows: a worksheet has at most %u rows",
                                     ITSS__SHEET_MAX_ROWS, ITSS__SHEET_MAX_ROWS));
            return;
        }
        pt->row = n;
        pt->next_col = 1;
    } else if (strcmp(el, "c") == 0) {
        const char *r = attr(a, "r", 0), *t = attr(a, "t", 0), *st = attr(a, "s", 0);
        uint32_t col = pt->next_col, row = pt->row ? pt->row : 1;
        uint32_t xf = st ? parse_uint(st) : 0;
        pt->percent = st && xf < pt->x->nxf && pt->x->xf_percent[xf];
        if (r && !parse_ref(r, &col, &row)) {
            part_err(pt, ITSS_EPARSE, "\"%.20s\" is not a cell reference such as B7", r);
            return;
        }
        pt->crow = row;
        pt->ccol = col;
        pt->next_col = col + 1;
        pt->in_c = 1;
        pt->in_item = pt->skip = pt->capture = 0;
        pt->has_v = pt->has_f = pt->has_is = 0;
        pt->text.len = 0;
        snprintf(pt->ctype, sizeof pt->ctype, "%s", t ? t : "n");
    } else if (pt->in_c && strcmp(el, "v") == 0) {
        pt->has_v = 1;
        pt->capture = 1;
    } else if (pt->in_c && strcmp(el, "f") == 0) {
        pt->has_f = 1;
    } else if (pt->in_c && strcmp(el, "is") == 0) {
        pt->has_is = 1;
        pt->in_item = 1;
    } else if (pt->in_item && strcmp(el, "rPh") == 0) {
        pt->skip++;
    } else if (pt->in_item && strcmp(el, "t") == 0) {
        pt->capture = 1;
    }
}

/* The number of a numeric cell's text, read in the C locale; 0 when it is
 * not one. */
static int parse_number(xl *x, const char *s, double *out)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    size_t digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, digits++;
    }
    if (!digits)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p)
        return 0;
    locale_t old = uselocale(x->cloc);
    double d = strtod(s, NULL);
    uselocale(old);
    if (!isfinite(d))
        return 0;
    *out = d;
    return 1;
}

static void cell_end(part *pt)
{
    xl *x = pt->x;
    pt->in_c = 0;
    if (pt->text.oom) {
        stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
        return;
    }
    itss__buf_putc(&pt->text, '\0');
    if (pt->text.oom) {
        stop(pt, itss__err(x->err, ITSS_ENOMEM, "out of memory"));
        return;
    }
    pt->text.len--;
    const char *v = pt->text.data ? pt->text.data : "";
    size_t vlen = pt->text.len;
    const char *t = pt->ctype;
    uint32_t row = pt->crow, col = pt->ccol;
    int rc = ITSS_OK;
    /* a formula's value is its cached v; an empty v is a value only for a
     * string result */
    int no_value = !pt->has_is && (!pt->has_v || (vlen == 0 && strcmp(t, "str") != 0));
    if (no_value) {
        if (pt->has_f)
            rc = itss__sheet_err(x->err, ITSS_EVALUE, pt->sheet, row, col, NULL,
                                 "the formula has no saved value: open and save the workbook "
                                 "in a spreadsheet program");
        else /* an empty (styled) cell: still checked against the limits */
            rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_TEXT, "", 0, 0.0, x->err);
    } else if (strcmp(t, "s") == 0) {
        char *end;
        unsigned long long i = vlen && v[0] >= '0' && v[0] <= '9' ? strtoull(v, &end, 10) : 0;
        if (!vlen || !(v[0] >= '0' && v[0] <= '9') || *end || i >= x->nss) {
            char shown[64];
            rc = itss__sheet_err(x->err, ITSS_EPARSE, pt->sheet, row, col, NULL,
                                 "shared string %s does not exist (the workbook has %zu)",
                                 itss__shown(shown, sizeof shown, v), x->nss);
        } else {
            rc = itss__book_cell_ref(&x->bb, row, col, x->ss[i].s, x->ss[i].len, x->err);
        }
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
        if (pt->has_is && pt->text.data) { /* an inline string is escaped like a shared one */
            unescape_x(&pt->text);
            vlen = pt->text.len;
            pt->text.data[vlen] = '\0';
        }
        rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_TEXT, v, vlen, 0.0, x->err);
    } else if (strcmp(t, "b") == 0) {
        if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0 && vlen) {
            char shown[64];
            rc = itss__sheet_err(x->err, ITSS_EPARSE, pt->sheet, row, col, NULL,
                                 "boolean cell holds %s, not 0 or 1",
                                 itss__shown(shown, sizeof shown, v));
        } else if (vlen) {
            const char *b = v[0] == '1' ? "TRUE" : "FALSE";
            rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_BOOL, b, strlen(b), 0.0, x->err);
        }
    } else if (strcmp(t, "e") == 0) {
        rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_ERROR, v, vlen, 0.0, x->err);
    } else if (strcmp(t, "n") == 0) {
        double d;
        if (!vlen) {
            rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_TEXT, "", 0, 0.0, x->err);
        } else if (!parse_number(x, v, &d)) {
            char shown[64];
            rc = itss__sheet_err(x->err, ITSS_EPARSE, pt->sheet, row, col, NULL,
                                 "numeric cell holds %s, not a number",
                                 itss__shown(shown, sizeof shown, v));
        } else {
            char num[40];
            size_t n = itss__format_double(num, sizeof num, d);
            rc = itss__book_cell(&x->bb, row, col, ITSS__CELL_NUMBER, num, n, d, x->err);
            /* shown as a percentage: a rating reads it as the percentage shown */
            if (!rc && pt->percent)
                x->bb.cells[x->bb.ncells - 1].percent = 1;
        }
    } else {
        char shown[64];
        rc = itss__sheet_err(x->err, ITSS_EPARSE, pt->sheet, row, col, NULL,
                             "unknown cell type %s", itss__shown(shown, sizeof shown, t));
    }
    if (rc)
        stop(pt, rc);
}

static void sheet_end(part *pt, const char *el)
{
    if (strcmp(el, "sheetData") == 0) {
        pt->in_data = 0;
    } else if (!pt->in_data) {
        return;
    } else if (strcmp(el, "c") == 0 && pt->in_c) {
        cell_end(pt);
    } else if (strcmp(el, "v") == 0) {
        pt->capture = 0;
    } else if (strcmp(el, "is") == 0) {
        pt->in_item = 0;
    } else if (strcmp(el, "rPh") == 0 && pt->skip) {
        pt->skip--;
    } else if (strcmp(el, "t") == 0) {
        pt->capture = 0;
    }
}

/* ---- the parse of a part ----------------------------------------------------------- */

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    part *pt = ud;
    if (pt->rc)
        return;
    const char *el = local(name);
    switch (pt->kind) {
    case P_TYPES: types_start(pt, el, a); break;
    case P_WORKBOOK: workbook_start(pt, el, a); break;
    case P_RELS: rels_start(pt, el, a); break;
    case P_STRINGS: strings_start(pt, el); break;
    case P_STYLES: styles_start(pt, el, a); break;
    case P_SHEET: sheet_start(pt, el, a); break;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    part *pt = ud;
    if (pt->rc)
        return;
    const char *el = local(name);
    if (pt->kind == P_STRINGS)
        strings_end(pt, el);
    else if (pt->kind == P_STYLES)
        styles_end(pt, el);
    else if (pt->kind == P_SHEET)
        sheet_end(pt, el);
}

/* Find a part: 1 found, 0 absent. */
static int locate(xl *x, const char *name)
{
    return unzLocateFile(x->zf, name, 2) == UNZ_OK;
}

static int damaged(xl *x, const char *name, int code)
{
    return itss__err(x->err, ITSS_EPARSE, "%s: the zip is damaged or truncated (%s, %d)", name,
                     code == UNZ_CRCERROR ? "checksum mismatch" : "cannot inflate", code);
}

/* Read and parse one part; ITSS_ENOTFOUND (no message) when it is absent. */
static int read_part(xl *x, const char *name, part_kind kind, const char *sheet)
{
    if (!locate(x, name))
        return ITSS_ENOTFOUND;
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return damaged(x, name, UNZ_BADZIPFILE);
    if (info.uncompressed_size > ITSS__XLSX_MAX_INFLATED - x->inflated)
        return itss__err(x->err, ITSS_ELIMIT,
                         "%s: the part inflates to %llu bytes: the workbook's parts may "
                         "inflate to %zu MiB in all", name,
                         (unsigned long long)info.uncompressed_size,
                         ITSS__XLSX_MAX_INFLATED >> 20);
    int zr = unzOpenCurrentFile(x->zf);
    if (zr != UNZ_OK)
        return damaged(x, name, zr);
    part pt = {.x = x, .kind = kind, .name = name, .sheet = sheet};
    itss__buf_init(&pt.text);
    pt.p = XML_ParserCreateNS(NULL, '|');
    char *buf = malloc(CHUNK);
    int rc = ITSS_OK;
    if (!pt.p || !buf) {
        rc = itss__err(x->err, ITSS_ENOMEM, "out of memory");
        goto done;
    }
    XML_SetUserData(pt.p, &pt);
    XML_SetElementHandler(pt.p, on_start, on_end);
    XML_SetCharacterDataHandler(pt.p, on_text);
    XML_SetStartDoctypeDeclHandler(pt.p, on_doctype);
    XML_SetEntityDeclHandler(pt.p, on_entity);
    XML_SetParamEntityParsing(pt.p, XML_PARAM_ENTITY_PARSING_NEVER);
    for (;;) {
        int n = unzReadCurrentFile(x->zf, buf, (unsigned)CHUNK);
        if (n < 0) {
            rc = damaged(x, name, n);
            break;
        }
        x->inflated += (size_t)n;
        if (x->inflated > ITSS__XLSX_MAX_INFLATED) {
            rc = itss__err(x->err, ITSS_ELIMIT, "%s: the workbook's parts inflate to more "
                           "than %zu MiB", name, ITSS__XLSX_MAX_INFLATED >> 20);
            break;
        }
        if (XML_Parse(pt.p, buf, n, n == 0) != XML_STATUS_OK) {
            rc = pt.rc ? pt.rc
                       : itss__err(x->err, ITSS_EPARSE, "%s line %lu: %s", name,
                                   (unsigned long)XML_GetCurrentLineNumber(pt.p),
                                   XML_ErrorString(XML_GetErrorCode(pt.p)));
            break;
        }
        if (pt.rc) {
            rc = pt.rc;
            break;
        }
        if (n == 0)
            break;
    }
done:
    zr = unzCloseCurrentFile(x->zf);
    if (!rc && zr != UNZ_OK)
        rc = damaged(x, name, zr);
    if (!rc && pt.text.oom)
        rc = itss__err(x->err, ITSS_ENOMEM, "out of memory");
    free(buf);
    if (pt.p)
        XML_ParserFree(pt.p);
    itss__buf_free(&pt.text);
    return rc;
}

/* The sizes the zip declares for the parts still to read, against the
 * limit, before any of them is inflated. */
static int check_declared(xl *x)
{
    unsigned long long sum = x->inflated;
    for (size_t i = 0; i <= x->nsheets + 1; i++) {
        const char *name = i < x->nsheets ? x->sheets[i].path
                                          : i == x->nsheets ? x->ss_path : x->st_path;
        unz_file_info64 info;
        if (!name || !locate(x, name) ||
            unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
            continue;
        sum += info.uncompressed_size;
        if (sum > ITSS__XLSX_MAX_INFLATED)
            return itss__err(x->err, ITSS_ELIMIT,
                             "the workbook's parts declare more than %zu MiB inflated "
                             "(at %s)", ITSS__XLSX_MAX_INFLATED >> 20, name);
    }
    return ITSS_OK;
}

static int read_book(xl *x)
{
    static const char types[] = "[Content_Types].xml";
    int rc = read_part(x, types, P_TYPES, NULL);
    if (rc == ITSS_ENOTFOUND)
        return itss__err(x->err, ITSS_EPARSE, "not an XLSX workbook: the zip has no %s",
                         types);
    if (rc)
        return rc;
    if (!x->wb_path)
        return itss__err(x->err, ITSS_EPARSE, "%s: not an XLSX workbook (no part has the "
                         "content type of a workbook)", types);
    rc = read_part(x, x->wb_path, P_WORKBOOK, NULL);
    if (rc == ITSS_ENOTFOUND)
        return itss__err(x->err, ITSS_EPARSE, "not an XLSX workbook: %s names the workbook "
                         "part %s, which the zip does not have", types, x->wb_path);
    if (rc)
        return rc;
    if (!x->nsheets)
        return itss__err(x->err, ITSS_EPARSE, "%s: the workbook has no sheets", x->wb_path);
    /* the relationships part of a/b.xml is a/_rels/b.xml.rels */
    const char *slash = strrchr(x->wb_path, '/');
    size_t dir = slash ? (size_t)(slash - x->wb_path) + 1 : 0;
    size_t n = strlen(x->wb_path) + sizeof "_rels/.rels";
    char *rels = itss__arena_alloc(&x->tmp, n);
    if (!rels)
        return itss__err(x->err, ITSS_ENOMEM, "out of memory");
    snprintf(rels, n, "%.*s_rels/%s.rels", (int)dir, x->wb_path, x->wb_path + dir);
    rc = read_part(x, rels, P_RELS, NULL);
    if (rc == ITSS_ENOTFOUND)
        return itss__err(x->err, ITSS_EPARSE, "the workbook has no part %s (where its sheets "
                         "are)", rels);
    if (rc)
        return rc;
    for (size_t i = 0; i < x->nsheets; i++)
        if (!x->sheets[i].related)
            return itss__err(x->err, ITSS_EPARSE, "%s: sheet %s has the relationship %s, "
                             "which %s does not have", x->wb_path, x->sheets[i].name,
                             x->sheets[i].rid, rels);
    rc = check_declared(x);
    if (!rc)
        rc = itss__book_begin(&x->bb, ITSS_FORMAT_XLSX, x->err);
    if (rc)
        return rc;
    if (x->ss_path) {
        rc = read_part(x, x->ss_path, P_STRINGS, NULL);
        if (rc == ITSS_ENOTFOUND)
            return itss__err(x->err, ITSS_EPARSE, "%s names the shared strings part %s, "
                             "which the zip does not have", rels, x->ss_path);
        if (rc)
            return rc;
    }
    if (x->st_path) {
        rc = read_part(x, x->st_path, P_STYLES, NULL);
        if (rc == ITSS_ENOTFOUND)
            return itss__err(x->err, ITSS_EPARSE, "%s names the styles part %s, which the "
                             "zip does not have", rels, x->st_path);
        if (rc)
            return rc;
    }
    x->bb.book->date1904 = x->date1904;
    for (size_t i = 0; i < x->nsheets; i++) {
        xl_sheet *s = &x->sheets[i];
        rc = itss__book_sheet(&x->bb, s->name, s->hidden, x->err);
        if (rc)
            return rc;
        if (!s->path) /* a chart or dialog sheet: no cells */
            continue;
        rc = read_part(x, s->path, P_SHEET, x->bb.sheets[x->bb.nsheets - 1].name);
        if (rc == ITSS_ENOTFOUND)
            return itss__err(x->err, ITSS_EPARSE, "sheet %s: its part %s is not in the zip",
                             s->name, s->path);
        if (rc)
            return rc;
    }
    return ITSS_OK;
}

int itss__book_read_xlsx(const char *data, size_t len, itss__book **out, itss_error *err)
{
    *out = NULL;
    itss__err_clear(err);
    xl x = {.err = err};
    x.ms.data = (const unsigned char *)data;
    x.ms.len = len;
    zlib_filefunc64_def ff = {
        .zopen64_file = mem_open, .zread_file = mem_read, .zwrite_file = mem_write,
        .ztell64_file = mem_tell, .zseek64_file = mem_seek, .zclose_file = mem_close,
        .zerror_file = mem_error, .opaque = &x.ms,
    };
    x.zf = unzOpen2_64("", &ff);
    if (!x.zf)
        return itss__err(err, ITSS_EPARSE, "not an XLSX workbook: not a zip archive, or a "
                         "truncated one (no central directory)");
    unz_global_info64 gi;
    int rc;
    if (unzGetGlobalInfo64(x.zf, &gi) != UNZ_OK) {
        rc = itss__err(err, ITSS_EPARSE, "not an XLSX workbook: the zip is damaged");
    } else if (gi.number_entry > MAX_ENTRIES) {
        rc = itss__err(err, ITSS_ELIMIT, "the zip holds %llu files; a workbook may hold %u",
                       (unsigned long long)gi.number_entry, MAX_ENTRIES);
    } else if (!(x.cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0))) {
        rc = itss__err(err, ITSS_ENOMEM, "out of memory");
    } else {
        rc = read_book(&x);
    }
    if (!rc)
        rc = itss__book_end(&x.bb, out, err);
    if (rc)
        itss__book_abandon(&x.bb);
    if (x.cloc)
        freelocale(x.cloc);
    unzClose(x.zf);
    free(x.sheets);
    free(x.ss);
    free(x.xf_percent);
    itss__arena_free(&x.tmp);
    return rc;
}
