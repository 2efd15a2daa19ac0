/*
 * libitss — the library's messages in a language.
 *
 * Every message the library writes is made by a printf format of lib/ (its
 * kind) and stays English in the error record. The catalog (the .inc files
 * of this directory) pairs each English format with a Chinese template;
 * a message is translated by recognition: the entry whose format matches
 * the whole English text gives the parameters, and its template is written
 * with them.
 *
 * Matching is dynamic programming over (segment of the format, position in
 * the text), so that its cost is polynomial whatever the text holds:
 * ok[i][j] says whether segments i.. of the format match text j.. to its
 * end. Each conversion matches a range of ends [lo, hi] from a start
 * (any text for %s; one end for a number, after all its digits), so a
 * row is filled in linear time with prefix counts of the row below. The
 * parameters are then read off from left to right, each conversion taking
 * the shortest text that still lets the rest match. A text of n bytes costs
 * O(n) per segment of each entry whose fixed start and end it has.
 *
 * Chinese templates: {N} is the N-th conversion as it was written, {N:m} a
 * parameter that is itself a message (translated again, at most
 * MSG_DEPTH levels deep), {N:p} a phrase of the catalog (ITSS_PHRASE); a
 * '{' that starts none of these is written as it is, and "%%" as "%".
 */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

typedef struct msg_entry {
    unsigned char phrase; /* 1: ITSS_PHRASE, 0: ITSS_MSG */
    const char *en;
    const char *zh;
} msg_entry;

#define ITSS_MSG(en, zh) {0, en, zh},
#define ITSS_PHRASE(en, zh) {1, en, zh},

static const msg_entry catalog[] = {
#include "core.inc"
#include "engine.inc"
#include "json.inc"
#include "sheet.inc"
#include "extra.inc"
};

#undef ITSS_MSG
#undef ITSS_PHRASE

#define NCATALOG (sizeof catalog / sizeof catalog[0])

/* The most segments a format may have (the catalog test checks it). */
#define MSG_MAX_SEGS 48
/* How deep a message may hold messages ({N:m}). */
#define MSG_DEPTH 4

enum seg_kind { S_LIT, S_TEXT, S_INT, S_UINT, S_HEX, S_REAL, S_CHAR };

typedef struct seg {
    const char *lit; /* S_LIT: the text */
    size_t len;
    enum seg_kind kind;
    int padded;      /* a width: a number may follow spaces */
} seg;

typedef struct span {
    size_t start, end;
} span;

/* Split a printf format into literal runs and conversions. Returns the
 * number of segments, or -1 for a format the engine cannot read (too many
 * segments, an unknown conversion). *lits receives the number of literal
 * bytes. */
static int parse_format(const char *f, seg *s, size_t *lits)
{
    int n = 0;
    *lits = 0;
    while (*f) {
        if (n == MSG_MAX_SEGS)
            return -1;
        if (*f != '%' || f[1] == '%') {
            const char *start = f;
            size_t len;
            if (*f == '%') { /* "%%": a literal '%' */
                len = 1;
                f += 2;
            } else {
                while (*f && *f != '%')
                    f++;
                len = (size_t)(f - start);
            }
            s[n++] = (seg){start, len, S_LIT, 0};
            *lits += len;
            continue;
        }
        f++;
        int padded = 0;
        while (*f && strchr("-+ #0", *f))
            f++;
        if (*f == '*' || (*f >= '1' && *f <= '9'))
            padded = 1;
        while (*f == '*' || (*f >= '0' && *f <= '9'))
            f++;
        if (*f == '.') {
            f++;
            while (*f == '*' || (*f >= '0' && *f <= '9'))
                f++;
        }
        while (*f && strchr("hljztL", *f))
            f++;
        enum seg_kind k;
        switch (*f) {
        case 's': case 'p': k = S_TEXT; break;
        case 'd': case 'i': k = S_INT; break;
        case 'u': case 'o': k = S_UINT; break;
        case 'x': case 'X': k = S_HEX; break;
        case 'f': case 'F': case 'g': case 'G': case 'e': case 'E': k = S_REAL; break;
        case 'c': k = S_CHAR; break;
        default: return -1;
        }
        f++;
        s[n++] = (seg){NULL, 0, k, padded};
    }
    return n;
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_hex(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int word_at(const char *t, size_t n, size_t i, const char *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= n || (t[i + k] | 0x20) != w[k])
            return 0;
    return 1;
}

/* A number as printf writes it with %g, %f or %e, from i: its end, or 0
 * when there is none (a number never ends at 0: it starts at i >= 0 and
 * holds at least one character). */
static size_t real_end(const char *t, size_t n, size_t i)
{
    if (i < n && (t[i] == '-' || t[i] == '+'))
        i++;
    if (word_at(t, n, i, "inf") || word_at(t, n, i, "nan"))
        return i + 3;
    if (i >= n || !is_digit((unsigned char)t[i]))
        return 0;
    while (i < n && is_digit((unsigned char)t[i]))
        i++;
    if (i + 1 < n && t[i] == '.' && is_digit((unsigned char)t[i + 1])) {
        i++;
        while (i < n && is_digit((unsigned char)t[i]))
            i++;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        size_t k = i + 1;
        if (k < n && (t[k] == '+' || t[k] == '-'))
            k++;
        if (k < n && is_digit((unsigned char)t[k])) {
            while (k < n && is_digit((unsigned char)t[k]))
                k++;
            i = k;
        }
    }
    return i;
}

/* The ends a conversion can reach from j: every e in [*lo, *hi]. Returns
 * 0 when it matches nothing there. */
static int conv_range(const seg *g, const char *t, size_t n, size_t j, size_t *lo, size_t *hi)
{
    size_t i = j;
    switch (g->kind) {
    case S_TEXT:
        *lo = j;
        *hi = n;
        return 1;
    case S_CHAR: {
        uint32_t cp;
        size_t k = i < n ? itss__utf8_decode((const unsigned char *)t + i, n - i, &cp) : 0;
        /* a control character is shown as \xNN in a message */
        if (i + 4 <= n && t[i] == '\\' && t[i + 1] == 'x' && is_hex((unsigned char)t[i + 2]) &&
            is_hex((unsigned char)t[i + 3]))
            k = 4;
        if (k == 0)
            return 0;
        *lo = *hi = i + k;
        return 1;
    }
    case S_REAL: {
        while (g->padded && i < n && t[i] == ' ')
            i++;
        size_t e = real_end(t, n, i);
        if (e == 0)
            return 0;
        *lo = *hi = e;
        return 1;
    }
    default: /* the integers */
        while (g->padded && i < n && t[i] == ' ')
            i++;
        if (g->kind == S_INT && i < n && t[i] == '-')
            i++;
        size_t d = i;
        while (d < n && (g->kind == S_HEX ? is_hex((unsigned char)t[d])
                                          : is_digit((unsigned char)t[d])))
            d++;
        if (d == i)
            return 0;
        *lo = *hi = d; /* printf writes every digit */
        return 1;
    }
}

/* Match the whole text t[0..n) against the segments: 1 with the span of
 * each conversion in sp (in order), 0 when they do not match, -1 when out
 * of memory. */
static int match(const seg *s, int nseg, const char *t, size_t n, span *sp)
{
    size_t w = n + 1;
    unsigned char *ok = calloc((size_t)(nseg + 1) * w, 1);
    size_t *count = malloc((n + 2) * sizeof *count);
    if (!ok || !count) {
        free(ok);
        free(count);
        return -1;
    }
    ok[(size_t)nseg * w + n] = 1;
    for (int i = nseg - 1; i >= 0; i--) {
        unsigned char *row = ok + (size_t)i * w, *next = row + w;
        const seg *g = &s[i];
        if (g->kind == S_LIT) {
            for (size_t j = 0; j + g->len <= n; j++)
                row[j] = next[j + g->len] && memcmp(t + j, g->lit, g->len) == 0;
            continue;
        }
        /* count[e] = ends before e from which the rest matches */
        count[0] = 0;
        for (size_t e = 0; e <= n; e++)
            count[e + 1] = count[e] + next[e];
        for (size_t j = 0; j <= n; j++) {
            size_t lo, hi;
            row[j] = conv_range(g, t, n, j, &lo, &hi) && lo <= hi && hi <= n &&
                     count[hi + 1] > count[lo];
        }
    }
    int matched = ok[0];
    if (matched) {
        size_t j = 0;
        int c = 0;
        for (int i = 0; i < nseg; i++) {
            const unsigned char *next = ok + (size_t)(i + 1) * w;
            if (s[i].kind == S_LIT) {
                j += s[i].len;
                continue;
            }
            size_t lo, hi;
            conv_range(&s[i], t, n, j, &lo, &hi);
            size_t e = lo;
            while (!next[e]) /* one exists: ok[i][j] holds */
                e++;
            sp[c++] = (span){j, e};
            j = e;
        }
    }
    free(ok);
    free(count);
    return matched;
}

/* The phrase entry for t[0..n), or NULL. */
static const msg_entry *find_phrase(const char *t, size_t n)
{
    for (size_t k = 0; k < NCATALOG; k++)
        if (catalog[k].phrase && strlen(catalog[k].en) == n && memcmp(catalog[k].en, t, n) == 0)
            return &catalog[k];
    return NULL;
}

static int put_msg(itss_buf *b, const char *t, size_t n, itss_lang lang, int depth);

/* Write the template zh with the parameters sp of the text t. */
static void put_template(itss_buf *b, const char *zh, const char *t, const span *sp, int nsp,
                         itss_lang lang, int depth)
{
    const char *p = zh;
    while (*p) {
        const char *q = p;
        if (*q == '{' && is_digit((unsigned char)q[1])) {
            int num = 0;
            q++;
            while (is_digit((unsigned char)*q) && num < 1000)
                num = num * 10 + (*q++ - '0');
            char how = 0;
            if (q[0] == ':' && (q[1] == 'm' || q[1] == 'p')) {
                how = q[1];
                q += 2;
            }
            if (*q == '}' && num >= 1 && num <= nsp) {
                const char *v = t + sp[num - 1].start;
                size_t vn = sp[num - 1].end - sp[num - 1].start;
                const msg_entry *ph;
                if (how == 'm')
                    put_msg(b, v, vn, lang, depth + 1);
                else if (how == 'p' && (ph = find_phrase(v, vn)) != NULL)
                    itss__buf_puts(b, ph->zh);
                else
                    itss__buf_append(b, v, vn);
                p = q + 1;
                continue;
            }
        }
        if (p[0] == '%' && p[1] == '%') /* as in the English format */
            p++;
        itss__buf_putc(b, *p++);
    }
}

/* Recognise t[0..n) as a message of the catalog and write it in Chinese:
 * 1 when written, 0 when no entry matches (nothing written), -1 when out
 * of memory. */
static int recognise(itss_buf *b, const char *t, size_t n, itss_lang lang, int depth)
{
    seg s[MSG_MAX_SEGS];
    span sp[MSG_MAX_SEGS], best_sp[MSG_MAX_SEGS];
    const msg_entry *best = NULL;
    size_t best_lits = 0, best_lead = 0;
    int best_n = 0;
    for (size_t k = 0; k < NCATALOG; k++) {
        const msg_entry *m = &catalog[k];
        if (m->phrase)
            continue;
        /* the text before the first conversion, before parsing */
        size_t head = strcspn(m->en, "%");
        if (head > n || memcmp(t, m->en, head) != 0)
            continue;
        size_t lits;
        int nseg = parse_format(m->en, s, &lits);
        /* The entry with the longer literal start wins, then the one with
         * more literal text: a place written before a message ("row 12,
         * column C (evidence): ...") is the outer message even when the
         * inner one, which starts with a parameter, has more words. */
        size_t lead = nseg > 0 && s[0].kind == S_LIT ? s[0].len : 0;
        if (nseg <= 0 ||
            (best && (lead < best_lead || (lead == best_lead && lits <= best_lits))))
            continue;
        /* the literal text at either end, before the table */
        if (s[0].kind == S_LIT && (s[0].len > n || memcmp(t, s[0].lit, s[0].len) != 0))
            continue;
        const seg *last = &s[nseg - 1];
        if (last->kind == S_LIT &&
            (last->len > n || memcmp(t + n - last->len, last->lit, last->len) != 0))
            continue;
        int r = match(s, nseg, t, n, sp);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        best = m;
        best_lits = lits;
        best_lead = lead;
        best_n = 0;
        for (int i = 0; i < nseg; i++)
            best_n += s[i].kind != S_LIT;
        memcpy(best_sp, sp, (size_t)best_n * sizeof *sp);
    }
    if (!best)
        return 0;
    put_template(b, best->zh, t, best_sp, best_n, lang, depth);
    return 1;
}

/* The function name of an argument message, "itss_xxx: ...": the length
 * of "itss_xxx", or 0. */
static size_t einval_prefix(const char *t, size_t n)
{
    if (n < 7 || memcmp(t, "itss_", 5) != 0)
        return 0;
    size_t i = 5;
    while (i < n && ((t[i] >= 'a' && t[i] <= 'z') || is_digit((unsigned char)t[i]) || t[i] == '_'))
        i++;
    return i + 1 < n && t[i] == ':' && t[i + 1] == ' ' ? i : 0;
}

/* Write t[0..n) in lang: 0, or -1 when out of memory (the buffer says so). */
static int put_msg(itss_buf *b, const char *t, size_t n, itss_lang lang, int depth)
{
    if (lang == ITSS_LANG_EN || depth > MSG_DEPTH) {
        itss__buf_append(b, t, n);
        return 0;
    }
    size_t fn = einval_prefix(t, n);
    size_t mark = b->len;
    int r = 0;
    if (fn) {
        itss__buf_append(b, t, fn);
        itss__buf_puts(b, "：");
        r = recognise(b, t + fn + 2, n - fn - 2, lang, depth);
        if (r == 0 && !b->oom) { /* not an argument message after all */
            b->len = mark;
            if (b->data)
                b->data[mark] = 0;
        }
    }
    if (r == 0)
        r = recognise(b, t, n, lang, depth);
    if (r == 0)
        itss__buf_append(b, t, n);
    if (r < 0) {
        b->oom = 1;
        return -1;
    }
    return 0;
}

void itss__msg_put(itss_buf *b, const char *english, itss_lang lang)
{
    if (english)
        put_msg(b, english, strlen(english), lang, 0);
}

/* A message cut at the size of the record: "..." at its end, and too long
 * to have been written whole (the record keeps ITSS_ERROR_MESSAGE_SIZE - 4
 * bytes before the "..."; a character of up to four bytes did not fit). */
static int cut_short(const char *m, size_t n)
{
    return n + 4 >= ITSS_ERROR_MESSAGE_SIZE && memcmp(m + n - 3, "...", 3) == 0;
}

void itss__msg_put_record(itss_buf *b, const itss_error *e, itss_lang lang)
{
    /* the record is the caller's: its message may lack its NUL */
    const char *nul = memchr(e->message, 0, sizeof e->message);
    size_t n = nul ? (size_t)(nul - e->message) : sizeof e->message;
    if (cut_short(e->message, n))
        itss__buf_append(b, e->message, n);
    else
        put_msg(b, e->message, n, lang, 0);
}

int itss_error_message(const itss_error *e, itss_lang lang, char **out, size_t *len,
                       itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)lang);
    itss_buf b;
    itss__buf_init(&b);
    itss__msg_put_record(&b, e, lang);
    return itss__buf_finish(&b, out, len, err);
}
