/*
 * itss — command-line front end of libitss. Uses the public API only: it
 * parses arguments, reads input, calls the library and prints what the
 * library renders.
 *
 * Exit status: 0 success; 1 not found or invalid input (message on stderr),
 * or output that could not be written; 2 usage error.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <itss/itss.h>

#define EXIT_INVALID 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "Usage: itss [--version] [--help] AREA VERB [OPTIONS] [ARGS]\n"
    "\n"
    "GB/T 29264-2012 service classification:\n"
    "  itss class show CODE                 one class\n"
    "  itss class search TEXT               classes whose name contains TEXT\n"
    "  itss class tree [CODE]               the class tree, or the subtree of CODE\n"
    "  itss class export [CODE]             the whole catalog, or a subtree\n"
    "  itss class validate CODE...          check codes and say what is wrong\n"
    "  itss class map --to SCHEME CODE      map a class to gbt4754 or db21\n"
    "  itss class map --from SCHEME CODE    map a gbt4754 or db21 class back\n"
    "    option: --catalog FILE             use a catalog instead of the built-in one\n"
    "\n"
    "O&M service capability maturity (T/CESA 1299-2023; ITSS.1-2015 with --model):\n"
    "  itss maturity rate FILE|-            rate an assessment: level, profile, gaps\n"
    "    --target N                         list the gaps to level N (default: next;\n"
    "                                       N: ordinal, 1 the lowest, or name or label)\n"
    "    --jsonl                            one assessment per line, one result per line\n"
    "    --format html|svg|csv              a report page (A4 print), the domain chart or\n"
    "                                       one CSV row per clause\n"
    "    --rows domain                      one row per domain (--format text|json|csv)\n"
    "  itss maturity compare OLD NEW...     rate assessments of one model and show the\n"
    "                                       changes (--format text|json|html|csv)\n"
    "  itss maturity model                  the model: levels, domains, items\n"
    "  itss maturity clauses                the requirement clauses\n"
    "    --level N  --domain ID  --item N   select clauses\n"
    "  itss maturity template               a blank worksheet to rate in (CSV or XLSX;\n"
    "                                       --format, or the extension of -o FILE)\n"
    "    --level N  --domain ID             only the clauses of a level or a domain\n"
    "  itss maturity check FILE...          list every problem of each assessment\n"
    "  itss maturity convert IN -o OUT      an assessment as JSON, CSV or XLSX\n"
    "    FILE, IN: a worksheet (.xlsx, .csv) or JSON, told apart by their content\n"
    "    --input-format json|csv|xlsx       read FILE as this format\n"
    "    --encoding NAME                    a CSV's encoding, e.g. gb18030 (default UTF-8)\n"
    "    option: --model ID|FILE            another model: built-in itss1-2015 (ITSS.1-2015)\n"
    "                                       or tcesa1299-2023 (the default), or a file\n"
    "\n"
    "GB/T 33850-2017 service quality:\n"
    "  itss quality score FILE|-            score an evaluation (--jsonl: one per line)\n"
    "    --format html|svg|csv              a report page (A4 print), the radar chart or\n"
    "                                       one CSV row per node\n"
    "  itss quality model                   the 5 characteristics, 16 sub-characteristics\n"
    "  itss quality indicators [--service CODE]   the indicator catalog\n"
    "  itss quality scheme --service CODE   the default evaluation scheme of a service\n"
    "  itss quality compare OLD NEW...      score evaluations and show the changes\n"
    "    --format html                      a report page with a trend chart\n"
    "  itss quality template --service CODE a blank measurement sheet (CSV or XLSX)\n"
    "    --scheme FILE                      of this scheme: an evaluation, or the output\n"
    "                                       of quality scheme --format json\n"
    "  itss quality check FILE...           list every problem of each evaluation\n"
    "    score and check read sheets too (--input-format, --encoding)\n"
    "  itss quality ahp FILE|-              AHP weights from a pairwise comparison matrix\n"
    "    --allow-inconsistent               accept a matrix with CR >= 0.10\n"
    "    --catalog FILE                     use these indicators instead of the built-in ones\n"
    "    --catalog-add FILE                 add these indicators to the built-in ones\n"
    "\n"
    "ITSS standards registry (the ITSS 5.0 report's standards):\n"
    "  itss standard show NUMBER            one standard (lenient: gbt 29264 2012, B-1/56)\n"
    "  itss standard list                   the standards, filtered by:\n"
    "    --type national|industry|group|international\n"
    "    --status published|approval|comment|review|draft|proposed|developing|cancelled\n"
    "    --area ID                          an area or category of the framework\n"
    "  itss standard search TEXT            standards whose number, title or summary has TEXT\n"
    "  itss standard framework              the ITSS 5.0 framework tree and its standards\n"
    "\n"
    "Options:\n"
    "  --format text|json   output for people (default) or JSON\n"
    "  --format csv|xlsx    a worksheet (template, convert; XLSX only with -o or a pipe)\n"
    "  --lang zh|en         language of text output (default zh)\n"
    "  -o, --output FILE    write the output to FILE instead of standard output\n"
    "  --version            print the version and exit\n"
    "  --help, help         print this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 not found, invalid input or output not written,\n"
    "2 usage error.\n"
    "See itss(1) for details.\n";

/* ---- output ------------------------------------------------------------- */

/* Every write to standard output is checked. The first failure is reported
 * once, in the language of --lang, and makes the exit status 1; nothing
 * more is written after it. A reader that goes away (a closed pipe) ends
 * the tool through SIGPIPE, silently, as it ends other filters: main puts
 * SIGPIPE back to its default even where the parent ignored it. */
static itss_lang msg_lang = ITSS_LANG_ZH;
static int out_failed;
/* -o/--output FILE: the output goes to a temporary file next to it,
 * created at the first write, which replaces FILE when the command ends
 * (out_finish): a command that fails before it has anything to say leaves
 * FILE as it was, one that succeeds without output leaves it empty, and a
 * failed write never leaves it half-written. */
static const char *out_path;
static FILE *out_file;
static char *out_tmp; /* the temporary file's name while it exists */

static void write_failed(int err)
{
    if (out_failed)
        return;
    out_failed = 1;
    const char *why = strerror(err ? err : EIO);
    if (out_path)
        fprintf(stderr, msg_lang == ITSS_LANG_EN ? "itss: cannot write to %s: %s\n"
                                                 : "itss: 无法写入 %s：%s\n",
                out_path, why);
    else if (msg_lang == ITSS_LANG_EN)
        fprintf(stderr, "itss: cannot write to standard output: %s\n", why);
    else
        fprintf(stderr, "itss: 无法写入标准输出：%s\n", why);
}

/* Where the output goes: standard output, or the file of -o, opened now
 * if it is not yet; NULL (reported) when it cannot be opened. */
static FILE *out_stream(void)
{
    if (!out_path)
        return stdout;
    if (!out_file) {
        size_t n = strlen(out_path);
        int fd = -1;
        errno = 0;
        if ((out_tmp = malloc(n + 8))) {
            memcpy(out_tmp, out_path, n);
            memcpy(out_tmp + n, ".XXXXXX", 8);
            fd = mkstemp(out_tmp);
        }
        mode_t mask = umask(0);
        umask(mask);
        if (fd >= 0 && (fchmod(fd, 0666 & ~mask) != 0 || !(out_file = fdopen(fd, "wb")))) {
            int e = errno;
            close(fd);
            errno = e;
        }
        if (!out_file) {
            int e = errno;
            if (fd >= 0)
                unlink(out_tmp);
            free(out_tmp);
            out_tmp = NULL;
            write_failed(e);
        }
    }
    return out_file;
}

/* The end of a command with -o: the temporary file replaces the file of
 * -o when the output was written whole (created empty for a command that
 * succeeded without output); it is removed otherwise. */
static void out_finish(int status)
{
    if (!out_path)
        return;
    if (!out_file && status == 0 && !out_failed)
        out_stream();
    if (!out_file)
        return;
    errno = 0;
    if (fclose(out_file) != 0)
        write_failed(errno);
    out_file = NULL;
    errno = 0;
    if (!out_failed && rename(out_tmp, out_path) != 0)
        write_failed(errno);
    if (out_failed)
        unlink(out_tmp);
    free(out_tmp);
    out_tmp = NULL;
}

/* Write n bytes to the output: 0, or -1 once writing has failed. */
static int out_write(const char *s, size_t n)
{
    FILE *f;
    if (out_failed || !(f = out_stream()))
        return -1;
    errno = 0;
    if (fwrite(s, 1, n, f) != n || ferror(f)) {
        write_failed(errno);
        return -1;
    }
    return 0;
}

/* Push buffered output out now: 0, or -1 once writing has failed. */
static int out_flush(void)
{
    FILE *f = out_path ? out_file : stdout;
    if (out_failed)
        return -1;
    if (!f)
        return 0; /* nothing written to the file of -o */
    errno = 0;
    if (fflush(f) != 0 || ferror(f)) {
        write_failed(errno);
        return -1;
    }
    return 0;
}

/* ---- options ------------------------------------------------------------ */

enum {
    OPT_FORMAT = 1 << 0,
    OPT_LANG = 1 << 1,
    OPT_CATALOG = 1 << 2,
    OPT_TO = 1 << 3,
    OPT_FROM = 1 << 4,
    OPT_MODEL = 1 << 5,
    OPT_TARGET = 1 << 6,
    OPT_JSONL = 1 << 7,
    OPT_LEVEL = 1 << 8,
    OPT_DOMAIN = 1 << 9,
    OPT_ITEM = 1 << 10,
    OPT_SERVICE = 1 << 11,
    OPT_CATALOG_ADD = 1 << 12,
    OPT_ALLOW_INCONSISTENT = 1 << 13,
    OPT_TYPE = 1 << 14,
    OPT_STATUS = 1 << 15,
    OPT_AREA = 1 << 16,
    OPT_OUTPUT = 1 << 17, /* every verb takes it */
    /* not options: the --format values a verb takes beyond text and json */
    OPT_HTML = 1 << 18,
    OPT_SVG = 1 << 19,
    OPT_CSV = 1 << 20,
    OPT_INPUT_FORMAT = 1 << 21,
    OPT_ENCODING = 1 << 22,
    OPT_ROWS = 1 << 23,
    OPT_SCHEME = 1 << 24,
    OPT_XLSX = 1 << 25,    /* --format xlsx */
    OPT_NO_TEXT = 1 << 26, /* --format text does not apply */
    OPT_NO_JSON = 1 << 27, /* --format json does not apply */
};

static const struct {
    const char *name;
    int bit;
    int has_value;
} optdefs[] = {
    {"--format", OPT_FORMAT, 1}, {"--lang", OPT_LANG, 1},     {"--catalog", OPT_CATALOG, 1},
    {"--to", OPT_TO, 1},         {"--from", OPT_FROM, 1},     {"--model", OPT_MODEL, 1},
    {"--target", OPT_TARGET, 1}, {"--jsonl", OPT_JSONL, 0},   {"--level", OPT_LEVEL, 1},
    {"--domain", OPT_DOMAIN, 1}, {"--item", OPT_ITEM, 1},     {"--service", OPT_SERVICE, 1},
    {"--catalog-add", OPT_CATALOG_ADD, 1}, {"--allow-inconsistent", OPT_ALLOW_INCONSISTENT, 0},
    {"--type", OPT_TYPE, 1},     {"--status", OPT_STATUS, 1}, {"--area", OPT_AREA, 1},
    {"--output", OPT_OUTPUT, 1}, {"-o", OPT_OUTPUT, 1},
    {"--input-format", OPT_INPUT_FORMAT, 1}, {"--encoding", OPT_ENCODING, 1},
    {"--rows", OPT_ROWS, 1},     {"--scheme", OPT_SCHEME, 1},
};

typedef struct {
    int given; /* OPT_* bits */
    itss_format format;
    itss_lang lang;
    const char *catalog, *to, *from, *model, *domain, *service, *catalog_add;
    const char *type, *status, *area;
    const char *encoding, *scheme;
    itss_format input_format; /* --input-format */
    int domain_rows;          /* --rows domain */
    int target, level, item;
    const char *target_text, *level_text; /* a level's name or label, resolved later */
    const char **args; /* positional arguments after AREA VERB */
    int nargs;
} options;

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("itss: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'itss help' for usage.\n", stderr);
    return EXIT_USAGE;
}

/* Print a library error; file is the input's name when the error is about
 * a document. */
static int fail(const itss_error *e, const char *file)
{
    char *text = NULL;
    if (itss_error_render(e, 0, ITSS_FORMAT_TEXT, &text, NULL, NULL) == 0) {
        if (file)
            fprintf(stderr, "itss: %s:%s%s\n", file, e->line ? "" : " ", text);
        else
            fprintf(stderr, "itss: %s\n", text);
    } else {
        fprintf(stderr, "itss: %s\n", e->message);
    }
    itss_free(text);
    return e->code == ITSS_EINVAL ? EXIT_USAGE : EXIT_INVALID;
}

/* Print a rendered text, ending it with a newline, and free it. */
static void print_owned(char *text)
{
    size_t n = strlen(text);
    if (out_write(text, n) == 0 && (n == 0 || text[n - 1] != '\n'))
        out_write("\n", 1);
    itss_free(text);
}

static int parse_int(const char *opt, const char *s, int min, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return usage_error("%s needs a whole number from %d to %d, not '%s'", opt, min, max, s);
    *out = (int)v;
    return 0;
}

/* --target and --level: a number now, or a level's name or label kept
 * for the model to resolve. */
static int level_option(const char *opt, const char *s, int *number, const char **text)
{
    char *end;
    (void)strtol(s, &end, 10);
    if (end != s && !*end)
        return parse_int(opt, s, 1, 9, number);
    *text = s;
    *number = 0;
    return 0;
}

/* The ordinal of a level option given as a name or label. */
static int resolve_level(const itss_maturity_model *m, const char *opt, const char *text,
                         int *number)
{
    const itss_maturity_level *l;
    itss_error e;
    if (!text)
        return 0;
    if (itss_maturity_level_lookup(m, text, &l, &e))
        return usage_error("%s needs a whole number from 1 to %zu or the name or label of a "
                           "level, not '%s' (%s)",
                           opt, itss_maturity_model_level_count(m), text, e.message);
    *number = itss_maturity_level_ordinal(l);
    return 0;
}

/* --format VALUE among the formats a verb writes: text and json unless
 * OPT_NO_TEXT / OPT_NO_JSON, html, svg, csv and xlsx when allowed. */
static int format_option(const char *value, int allowed, itss_format *format)
{
    static const struct {
        const char *name;
        int bit;
        itss_format format;
    } formats[] = {
        {"text", OPT_NO_TEXT, ITSS_FORMAT_TEXT}, {"json", OPT_NO_JSON, ITSS_FORMAT_JSON_PRETTY},
        {"html", OPT_HTML, ITSS_FORMAT_HTML},    {"svg", OPT_SVG, ITSS_FORMAT_SVG},
        {"csv", OPT_CSV, ITSS_FORMAT_CSV},       {"xlsx", OPT_XLSX, ITSS_FORMAT_XLSX},
    };
    const size_t n = sizeof formats / sizeof formats[0];
    char names[64] = "";
    size_t taken = 0, count = 0;
    for (size_t k = 0; k < n; k++) {
        int takes = k < 2 ? !(allowed & formats[k].bit) : !!(allowed & formats[k].bit);
        if (!takes)
            continue;
        if (strcmp(value, formats[k].name) == 0) {
            *format = formats[k].format;
            return 0;
        }
        count++;
    }
    for (size_t k = 0, i = 0; k < n; k++) {
        int takes = k < 2 ? !(allowed & formats[k].bit) : !!(allowed & formats[k].bit);
        if (!takes)
            continue;
        i++;
        taken += (size_t)snprintf(names + taken, sizeof names - taken, "%s%s",
                                  i == 1 ? "" : i == count ? " or " : ", ", formats[k].name);
    }
    return usage_error("--format must be %s, not '%s'", names, value);
}

/* Parse the options that follow AREA VERB; `allowed` are the OPT_* bits
 * the verb accepts. Positional arguments are kept in order. */
static int parse_options(int argc, char **argv, int allowed, const char *verb, options *o)
{
    o->format = ITSS_FORMAT_TEXT;
    o->lang = ITSS_LANG_ZH;
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->args) {
        fputs("itss: out of memory\n", stderr);
        return EXIT_INVALID;
    }
    int only_args = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || a[1] == 0) {
            o->args[o->nargs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        const char *value = NULL;
        int bit = 0;
        for (size_t k = 0; k < sizeof optdefs / sizeof optdefs[0]; k++) {
            size_t n = strlen(optdefs[k].name);
            if (strncmp(a, optdefs[k].name, n) != 0 || (a[n] != 0 && a[n] != '='))
                continue; /* "--catalog" does not match "--catalog-add" */
            bit = optdefs[k].bit;
            if (!optdefs[k].has_value) {
                if (a[n] == '=')
                    return usage_error("option %s takes no value", optdefs[k].name);
            } else if (a[n] == '=') {
                value = a + n + 1;
            } else if (i + 1 < argc) {
                value = argv[++i];
            } else {
                return usage_error("option %s needs a value", optdefs[k].name);
            }
            break;
        }
        if (!bit)
            return usage_error("unknown option '%s'", a);
        if (!(allowed & bit) && bit != OPT_OUTPUT)
            return usage_error("option %.*s does not apply to '%s'", (int)strcspn(a, "="), a,
                               verb);
        o->given |= bit;
        int rc = 0;
        switch (bit) {
        case OPT_FORMAT: rc = format_option(value, allowed, &o->format); break;
        case OPT_LANG:
            if (itss_lang_parse(value, &o->lang, NULL) != 0)
                rc = usage_error("--lang must be zh or en, not '%s'", value);
            else
                msg_lang = o->lang;
            break;
        case OPT_CATALOG: o->catalog = value; break;
        case OPT_TO: o->to = value; break;
        case OPT_FROM: o->from = value; break;
        case OPT_MODEL: o->model = value; break;
        case OPT_DOMAIN: o->domain = value; break;
        case OPT_SERVICE: o->service = value; break;
        case OPT_CATALOG_ADD: o->catalog_add = value; break;
        case OPT_TYPE: o->type = value; break;
        case OPT_STATUS: o->status = value; break;
        case OPT_AREA: o->area = value; break;
        case OPT_ENCODING: o->encoding = value; break;
        case OPT_SCHEME: o->scheme = value; break;
        case OPT_INPUT_FORMAT:
            if (strcmp(value, "json") == 0)
                o->input_format = ITSS_FORMAT_JSON;
            else if (strcmp(value, "csv") == 0)
                o->input_format = ITSS_FORMAT_CSV;
            else if (strcmp(value, "xlsx") == 0)
                o->input_format = ITSS_FORMAT_XLSX;
            else
                rc = usage_error("--input-format must be json, csv or xlsx, not '%s'", value);
            break;
        case OPT_ROWS:
            if (strcmp(value, "domain") == 0 || strcmp(value, "clause") == 0)
                o->domain_rows = strcmp(value, "domain") == 0;
            else
                rc = usage_error("--rows must be clause or domain, not '%s'", value);
            break;
        case OPT_OUTPUT:
            if (!*value)
                rc = usage_error("%.*s needs a file name", (int)strcspn(a, "="), a);
            out_path = value;
            break;
        case OPT_TARGET:
            rc = level_option("--target", value, &o->target, &o->target_text);
            break;
        case OPT_LEVEL: rc = level_option("--level", value, &o->level, &o->level_text); break;
        case OPT_ITEM: rc = parse_int("--item", value, 1, INT_MAX, &o->item); break;
        default: break;
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int check_nargs(const options *o, const char *verb, int min, int max)
{
    if (o->nargs < min)
        return usage_error("'%s' needs %s", verb, min == 1 ? "an argument" : "more arguments");
    if (o->nargs > max)
        return usage_error("too many arguments for '%s'", verb);
    return 0;
}

typedef struct {
    const char *name;
    int opts;     /* the OPT_* bits the verb accepts */
    int min, max; /* positional arguments */
} verbspec;

/* Find the verb of an area, parse its options and check its arguments.
 * Returns 0 and the verb's index in *which, or an exit status (options'
 * args are then freed). */
static int prepare(const char *area, const verbspec *verbs, int nverbs, const char *verb,
                   int argc, char **argv, options *o, int *which)
{
    *which = -1;
    for (int k = 0; k < nverbs; k++)
        if (strcmp(verb, verbs[k].name) == 0)
            *which = k;
    if (*which < 0)
        return usage_error("unknown verb '%s %s'", area, verb);
    char what[64];
    snprintf(what, sizeof what, "%s %s", area, verb);
    const verbspec *v = &verbs[*which];
    int status = parse_options(argc, argv, v->opts, what, o);
    if (!status)
        status = check_nargs(o, what, v->min, v->max);
    if (status) {
        free(o->args);
        o->args = NULL;
    }
    return status;
}

/* Read a whole file, or standard input for "-", but no more than one byte
 * beyond the library's document limit: a larger input (or an endless one
 * such as /dev/zero) is then refused by the library with ITSS_ELIMIT. */
static char *read_input(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "itss: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    const size_t most = ITSS_MAX_DOCUMENT_SIZE + 1;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || n == most)
            break;
        cap = cap * 2 < most ? cap * 2 : most;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
        }
    }
    int failed = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || failed) {
        fprintf(stderr, "itss: cannot read %s: %s\n", path, buf ? strerror(errno) : "out of memory");
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* ---- worksheets ---------------------------------------------------------- */

/* The name of an input in messages: standard input is <stdin>. */
static const char *shown(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Print a library error about an input document of format f: for JSON as
 * fail does; for a worksheet the message, which names its sheet, row and
 * column, after the file name. */
static int fail_doc(const itss_error *e, const char *path, itss_format f)
{
    if (f == ITSS_FORMAT_JSON)
        return fail(e, shown(path));
    fprintf(stderr, "itss: %s: %s\n", shown(path), e->message);
    return e->code == ITSS_EINVAL ? EXIT_USAGE : EXIT_INVALID;
}

/* Write a rendered output of *len bytes and free it: text and JSON end
 * with a newline, CSV and XLSX are written as they are (XLSX holds NUL
 * bytes). */
static void print_rendered(char *out, size_t len, itss_format f)
{
    if (f != ITSS_FORMAT_CSV && f != ITSS_FORMAT_XLSX) {
        print_owned(out);
        return;
    }
    out_write(out, len);
    itss_free(out);
}

/* Read an input document: its bytes and its format, from --input-format
 * or from its content. NULL when it cannot be read (said). */
static char *read_doc(const options *o, const char *path, size_t *len, itss_format *f)
{
    char *doc = read_input(path, len);
    if (doc)
        *f = (o->given & OPT_INPUT_FORMAT) ? o->input_format : itss_format_detect(doc, *len);
    return doc;
}

/* The format of a worksheet or document to write: --format, else the
 * extension of -o (.csv, .xlsx; .json when json_ok), else CSV when
 * dflt_csv. An XLSX workbook is not written to a terminal. */
static int output_format(const options *o, const char *verb, int json_ok, int dflt_csv,
                         itss_format *f)
{
    const char *dot = out_path ? strrchr(out_path, '.') : NULL;
    if (dot && strchr(dot, '/'))
        dot = NULL;
    if (o->given & OPT_FORMAT)
        *f = o->format;
    else if (dot && strcasecmp(dot, ".csv") == 0)
        *f = ITSS_FORMAT_CSV;
    else if (dot && strcasecmp(dot, ".xlsx") == 0)
        *f = ITSS_FORMAT_XLSX;
    else if (dot && json_ok && strcasecmp(dot, ".json") == 0)
        *f = ITSS_FORMAT_JSON_PRETTY;
    else if (dflt_csv && !out_path)
        *f = ITSS_FORMAT_CSV;
    else if (out_path)
        return usage_error("'%s' cannot tell the format from the name '%s': name it %s, "
                           "or give --format",
                           verb, out_path, json_ok ? ".json, .csv or .xlsx" : ".csv or .xlsx");
    else
        return usage_error("'%s' needs --format %s or -o FILE", verb,
                           json_ok ? "json|csv|xlsx" : "csv|xlsx");
    if (*f == ITSS_FORMAT_XLSX && !out_path && isatty(STDOUT_FILENO))
        return usage_error("an XLSX workbook is binary and standard output is a terminal: "
                           "give -o FILE.xlsx or redirect the output");
    return 0;
}

/* --input-format and --encoding read one document: not with --jsonl. */
static int jsonl_reads_json(const options *o)
{
    if ((o->given & OPT_INPUT_FORMAT) && o->input_format != ITSS_FORMAT_JSON)
        return usage_error("--jsonl reads JSON lines: --input-format %s does not apply",
                           o->input_format == ITSS_FORMAT_CSV ? "csv" : "xlsx");
    if (o->given & OPT_ENCODING)
        return usage_error("--jsonl reads JSON lines: --encoding does not apply");
    return 0;
}

typedef int (*read_fn)(const void *ctx, const char *data, size_t len, itss_format f,
                       const char *encoding, void **out, itss_error *e);

/* What a reader (an assessment's, an evaluation's) makes of a file in any
 * of the formats: 0, or the exit status of the failure (said). */
static int read_object(const options *o, const char *path, read_fn read, const void *ctx,
                       void **out)
{
    size_t len = 0;
    itss_format f;
    itss_error e;
    char *doc = read_doc(o, path, &len, &f);
    if (!doc)
        return EXIT_INVALID;
    int status = read(ctx, doc, len, f, o->encoding, out, &e) ? fail_doc(&e, path, f) : 0;
    free(doc);
    return status;
}

typedef int (*check_fn)(const void *ctx, const char *data, size_t len, itss_format f,
                        const char *encoding, itss_problem_list **out, itss_error *e);

/* Check each input and list its problems: exit status 1 when there are
 * any (or an input cannot be read), 0 with one line per input saying it
 * has none. --format json: one object per input, one per line. */
static int check_files(const options *o, check_fn check, const void *ctx)
{
    int status = 0;
    for (int i = 0; i < o->nargs && !out_failed; i++) {
        const char *path = o->args[i];
        size_t len = 0;
        itss_format f;
        char *doc = read_doc(o, path, &len, &f);
        if (!doc) {
            status = status > EXIT_INVALID ? status : EXIT_INVALID;
            continue;
        }
        itss_problem_list *p = NULL;
        itss_error e;
        char *out = NULL;
        size_t n = 0;
        int json = o->format != ITSS_FORMAT_TEXT;
        if (check(ctx, doc, len, f, o->encoding, &p, &e) ||
            itss_problem_list_render(p, shown(path), json ? ITSS_FORMAT_JSON : ITSS_FORMAT_TEXT,
                                     o->lang, &out, &n, &e)) {
            int rc = fail_doc(&e, path, f);
            status = status > rc ? status : rc;
        } else {
            if (itss_problem_list_total(p) > 0)
                status = status > EXIT_INVALID ? status : EXIT_INVALID;
            if (json) {
                print_owned(out);
            } else if (itss_problem_list_total(p) > 0) {
                out_write(out, n);
                itss_free(out);
            } else {
                itss_free(out);
                char line[64];
                snprintf(line, sizeof line, "%s\n",
                         o->lang == ITSS_LANG_EN ? "no problems" : "没有发现问题");
                if (out_write(shown(path), strlen(shown(path))) == 0)
                    out_write(": ", 2), out_write(line, strlen(line));
            }
        }
        itss_problem_list_free(p);
        free(doc);
    }
    return status;
}

/* ---- class -------------------------------------------------------------- */

static int class_main(const char *verb, int argc, char **argv)
{
    static const verbspec verbs[] = {
        {"show", OPT_FORMAT | OPT_LANG | OPT_CATALOG, 1, 1},
        {"search", OPT_FORMAT | OPT_LANG | OPT_CATALOG, 1, 1},
        {"tree", OPT_FORMAT | OPT_LANG | OPT_CATALOG, 0, 1},
        {"export", OPT_FORMAT | OPT_LANG | OPT_CATALOG, 0, 1},
        {"validate", OPT_FORMAT | OPT_LANG | OPT_CATALOG, 1, INT_MAX},
        {"map", OPT_FORMAT | OPT_LANG | OPT_CATALOG | OPT_TO | OPT_FROM, 1, 1},
    };
    options o = {0};
    int v;
    int status = prepare("class", verbs, 6, verb, argc, argv, &o, &v);
    if (status)
        return status;
    if (v == 5 && !!o.to == !!o.from) {
        free(o.args);
        return usage_error("'class map' needs exactly one of --to SCHEME or --from SCHEME");
    }

    itss_error e;
    const itss_catalog *cat = NULL;
    itss_catalog *own = NULL;
    char *out = NULL;
    int rc = 0;
    if (o.catalog) {
        if ((rc = itss_catalog_load_file(o.catalog, &own, &e)))
            status = fail(&e, o.catalog);
        cat = own;
    } else {
        cat = itss_catalog_builtin();
    }
    const char *arg = o.nargs ? o.args[0] : NULL;
    switch (rc ? -1 : v) {
    case 0: {
        const itss_class *c;
        rc = itss_class_lookup(cat, arg, &c, &e);
        if (!rc)
            rc = itss_class_render(c, o.format, o.lang, &out, NULL, &e);
        break;
    }
    case 1: {
        size_t n = 0;
        if ((rc = itss_class_search(cat, arg, NULL, 0, &n, &e)))
            break;
        const itss_class **list = calloc(n ? n : 1, sizeof *list);
        if (!list) {
            fputs("itss: out of memory\n", stderr);
            status = EXIT_INVALID;
            break;
        }
        rc = itss_class_search(cat, arg, list, n, &n, &e);
        if (!rc)
            rc = itss_class_list_render(list, n, o.format, o.lang, &out, NULL, &e);
        free(list);
        if (!rc && n == 0) {
            fprintf(stderr, "itss: no class name contains '%s'\n", arg);
            status = EXIT_INVALID;
        }
        break;
    }
    case 2: rc = itss_catalog_tree_render(cat, arg, o.format, o.lang, &out, NULL, &e); break;
    case 3:
        rc = o.format == ITSS_FORMAT_TEXT
                 ? itss_catalog_render(cat, arg, o.format, o.lang, &out, NULL, &e)
                 : itss_catalog_export(cat, arg, o.format, &out, NULL, &e);
        break;
    case 4: {
        size_t invalid = 0;
        rc = itss_code_validate_render(cat, o.args, (size_t)o.nargs, o.format, o.lang, &invalid,
                                       &out, NULL, &e);
        if (!rc && invalid) {
            fprintf(stderr, "itss: %zu of %d codes are not valid\n", invalid, o.nargs);
            status = EXIT_INVALID;
        }
        break;
    }
    case 5: {
        const itss_crosswalk *x;
        if (itss_crosswalk_lookup(cat, o.to ? o.to : o.from, &x, &e)) {
            status = usage_error("%s", e.message);
            break;
        }
        size_t n = 0;
        itss_direction dir = o.to ? ITSS_FORWARD : ITSS_REVERSE;
        rc = itss_crosswalk_map(x, dir, arg, NULL, 0, &n, &e);
        if (!rc)
            rc = itss_crosswalk_render(x, dir, arg, o.format, o.lang, &out, NULL, &e);
        if (!rc && n == 0) {
            fprintf(stderr, "itss: %s has no counterpart in %s\n", arg,
                    o.to ? itss_crosswalk_scheme(x) : itss_catalog_edition(cat));
            status = EXIT_INVALID;
        }
        break;
    }
    default: break;
    }
    if (rc && !status)
        status = fail(&e, NULL);
    else if (out)
        print_owned(out);
    itss_catalog_free(own);
    free(o.args);
    return status;
}

/* ---- maturity ----------------------------------------------------------- */

/* One document per line; one result or error object per output line.
 * Memory stays flat: one line and one result at a time. */
/* Lines of a file, read in blocks. */
typedef struct {
    FILE *f;
    char block[65536];
    size_t pos, end;
    int eof;
    int skipping; /* the rest of an over-long line is still to be passed over */
} line_reader;

/* Make sure the block has unread bytes: 1, or 0 at the end of the input. */
static int fill(line_reader *r)
{
    if (r->pos < r->end)
        return 1;
    if (r->eof)
        return 0;
    r->end = fread(r->block, 1, sizeof r->block, r->f);
    r->pos = 0;
    if (r->end == 0)
        r->eof = 1;
    return r->end != 0;
}

/* Read the next line into *line, without its newline. A line is kept up to
 * ITSS_MAX_DOCUMENT_SIZE + 1 bytes, enough for the library to refuse it
 * (ITSS_ELIMIT). As soon as a line has more than that, it is handed out
 * with *cut set, at once, and the next call first passes over the rest of
 * it up to its newline without keeping it: an endless line such as
 * /dev/zero is reported, and memory stays bounded by the limit. Returns 1
 * for a line, 0 at the end, -1 when out of memory. */
static int next_line(line_reader *r, char **line, size_t *cap, size_t *len, int *cut)
{
    const size_t most = ITSS_MAX_DOCUMENT_SIZE + 1;
    while (r->skipping && fill(r)) {
        const char *from = r->block + r->pos;
        const char *nl = memchr(from, '\n', r->end - r->pos);
        r->pos = nl ? (size_t)(nl - r->block) + 1 : r->end;
        r->skipping = nl == NULL;
    }
    size_t n = 0;
    int got = 0;
    *cut = 0;
    while (fill(r)) {
        got = 1;
        const char *from = r->block + r->pos;
        size_t avail = r->end - r->pos;
        const char *nl = memchr(from, '\n', avail);
        size_t take = nl ? (size_t)(nl - from) : avail; /* without the newline */
        if (n + take > most) {
            take = most - n;
            *cut = 1;
            r->skipping = 1;
        }
        if (n + take + 1 > *cap) {
            size_t ncap = *cap ? *cap : 4096;
            while (ncap < n + take + 1)
                ncap = ncap * 2 < most + 1 ? ncap * 2 : most + 1;
            char *nline = realloc(*line, ncap);
            if (!nline)
                return -1;
            *line = nline;
            *cap = ncap;
        }
        memcpy(*line + n, from, take);
        n += take;
        r->pos += take;
        if (*cut)
            break;
        if (nl) {
            r->pos++; /* the newline */
            break;
        }
    }
    *len = n;
    return got;
}

typedef int (*line_fn)(const void *ctx, const char *line, size_t len, char **out,
                       size_t *outlen, itss_error *e);

static int jsonl(const char *path, line_fn fn, const void *ctx)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "itss: cannot open %s: %s\n", path, strerror(errno));
        return EXIT_INVALID;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, failed = 0, len;
    int more, cut;
    line_reader *reader = calloc(1, sizeof *reader);
    if (!reader) {
        if (f != stdin)
            fclose(f);
        fputs("itss: out of memory\n", stderr);
        return EXIT_INVALID;
    }
    reader->f = f;
    while ((more = next_line(reader, &line, &cap, &len, &cut)) > 0) {
        lineno++;
        while (!cut && len && line[len - 1] == '\r')
            len--;
        itss_error e;
        char *out = NULL;
        size_t outlen = 0;
        int rc = fn(ctx, line, len, &out, &outlen, &e);
        if (rc) {
            failed++;
            char *msg = NULL;
            if (itss_error_render(&e, lineno, ITSS_FORMAT_TEXT, &msg, NULL, NULL) == 0)
                fprintf(stderr, "itss: %s:%s\n", path, msg);
            itss_free(msg);
            if (itss_error_render(&e, lineno, ITSS_FORMAT_JSON, &out, &outlen, NULL) != 0) {
                fputs("itss: out of memory\n", stderr);
                break;
            }
        }
        /* the rest of an over-long line may never end: its error goes out now */
        int written = out_write(out, outlen) == 0 && out_write("\n", 1) == 0 &&
                      (!cut || out_flush() == 0);
        itss_free(out);
        if (!written)
            break; /* reported; the batch stops */
    }
    int read_error = ferror(f) || more < 0;
    free(reader);
    free(line);
    if (f != stdin)
        fclose(f);
    if (out_failed)
        return EXIT_INVALID;
    if (read_error) {
        fprintf(stderr, "itss: cannot read %s\n", path);
        return EXIT_INVALID;
    }
    if (failed)
        fprintf(stderr, "itss: %zu of %zu lines failed\n", failed, lineno);
    return failed ? EXIT_INVALID : 0;
}

typedef struct {
    const itss_maturity_model *m;
    int target;
} rate_ctx;

static int rate_line(const void *ctx, const char *line, size_t len, char **out, size_t *outlen,
                     itss_error *e)
{
    const rate_ctx *c = ctx;
    return itss_maturity_rate_json(c->m, line, len, c->target, ITSS_FORMAT_JSON, ITSS_LANG_ZH,
                                   out, outlen, e);
}

static int assessment_read(const void *ctx, const char *data, size_t len, itss_format f,
                           const char *encoding, void **out, itss_error *e)
{
    itss_assessment *a = NULL;
    int rc = itss_assessment_read(ctx, data, len, f, encoding, &a, e);
    *out = a;
    return rc;
}

/* Rate the assessment in a file (JSON, CSV or XLSX) against m (for
 * compare). */
static int rate_file(const itss_maturity_model *m, const options *o, const char *path,
                     itss_maturity_result **out)
{
    itss_error e;
    void *a = NULL;
    int status = read_object(o, path, assessment_read, m, &a);
    if (!status && itss_maturity_rate(a, o->target, out, &e))
        status = fail(&e, shown(path));
    itss_assessment_free(a);
    return status;
}

/* Rate the assessments of files and render their comparison into *out. */
static int compare_files(const itss_maturity_model *m, const options *o, char **out)
{
    size_t n = (size_t)o->nargs;
    itss_maturity_result **rs = calloc(n, sizeof *rs);
    if (!rs) {
        fputs("itss: out of memory\n", stderr);
        return EXIT_INVALID;
    }
    int status = 0;
    for (size_t i = 0; !status && i < n; i++)
        status = rate_file(m, o, o->args[i], &rs[i]);
    itss_maturity_comparison *c = NULL;
    itss_error e;
    const char **labels = calloc(n, sizeof *labels); /* standard input as <stdin> */
    for (size_t i = 0; labels && i < n; i++)
        labels[i] = strcmp(o->args[i], "-") == 0 ? "<stdin>" : o->args[i];
    if (!status && !labels) {
        fputs("itss: out of memory\n", stderr);
        status = EXIT_INVALID;
    }
    if (!status && (itss_maturity_compare((const itss_maturity_result *const *)rs, labels, n,
                                          &c, &e) ||
                    itss_maturity_comparison_render(c, o->format, o->lang, out, NULL, &e)))
        status = fail(&e, NULL);
    itss_maturity_comparison_free(c);
    for (size_t i = 0; i < n; i++)
        itss_maturity_result_free(rs[i]);
    free(rs);
    free(labels);
    return status;
}

static int assessment_check(const void *ctx, const char *data, size_t len, itss_format f,
                            const char *encoding, itss_problem_list **out, itss_error *e)
{
    return itss_assessment_check(ctx, data, len, f, encoding, out, e);
}

/* maturity rate of one document (not --jsonl): the result, or with
 * --rows domain its domain table, in the format asked. */
static int rate_one(const itss_maturity_model *m, const options *o)
{
    void *a = NULL;
    itss_maturity_result *r = NULL;
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    int status = read_object(o, o->args[0], assessment_read, m, &a);
    if (!status &&
        (itss_maturity_rate(a, o->target, &r, &e) ||
         (o->domain_rows
              ? itss_maturity_result_domains_render(r, o->format, o->lang, &out, &len, &e)
              : itss_maturity_result_render(r, o->format, o->lang, &out, &len, &e))))
        status = fail(&e, shown(o->args[0]));
    if (out)
        print_rendered(out, len, o->format);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
    return status;
}

/* maturity template and convert: a blank template, or a document read in
 * one format written in another. */
static int write_assessment(const itss_maturity_model *m, const options *o, int convert)
{
    itss_format f;
    int status = output_format(o, convert ? "maturity convert" : "maturity template", convert,
                               !convert, &f);
    if (status)
        return status;
    void *read = NULL;
    itss_assessment *a = NULL;
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    if (convert)
        status = read_object(o, o->args[0], assessment_read, m, &read);
    else if (itss_assessment_new(m, &a, &e))
        status = fail(&e, NULL);
    if (read)
        a = read;
    if (!status && (f == ITSS_FORMAT_JSON_PRETTY
                        ? itss_assessment_export(a, f, &out, &len, &e)
                        : itss_assessment_render(a, o->level, o->domain, f, o->lang, &out,
                                                 &len, &e)))
        status = fail(&e, NULL);
    if (out)
        print_rendered(out, len, f);
    itss_assessment_free(a);
    return status;
}

static int maturity_main(const char *verb, int argc, char **argv)
{
    enum { READ = OPT_INPUT_FORMAT | OPT_ENCODING };
    static const verbspec verbs[] = {
        {"rate",
         OPT_FORMAT | OPT_LANG | OPT_MODEL | OPT_TARGET | OPT_JSONL | OPT_HTML | OPT_SVG |
             OPT_CSV | OPT_ROWS | READ,
         1, 1},
        {"model", OPT_FORMAT | OPT_LANG | OPT_MODEL, 0, 0},
        {"clauses", OPT_FORMAT | OPT_LANG | OPT_MODEL | OPT_LEVEL | OPT_DOMAIN | OPT_ITEM, 0, 0},
        {"compare", OPT_FORMAT | OPT_LANG | OPT_MODEL | OPT_TARGET | OPT_HTML | OPT_CSV | READ, 2,
         INT_MAX},
        {"template",
         OPT_FORMAT | OPT_LANG | OPT_MODEL | OPT_LEVEL | OPT_DOMAIN | OPT_CSV | OPT_XLSX |
             OPT_NO_TEXT | OPT_NO_JSON,
         0, 0},
        {"check", OPT_FORMAT | OPT_LANG | OPT_MODEL | READ, 1, INT_MAX},
        {"convert", OPT_FORMAT | OPT_LANG | OPT_MODEL | OPT_CSV | OPT_XLSX | OPT_NO_TEXT | READ,
         1, 1},
    };
    options o = {0};
    int v;
    int status = prepare("maturity", verbs, 7, verb, argc, argv, &o, &v);
    if (status)
        return status;
    if ((o.given & OPT_JSONL) && (o.given & OPT_FORMAT) && o.format != ITSS_FORMAT_JSON_PRETTY)
        status = usage_error("--jsonl writes JSON lines: --format %s does not apply",
                             o.format == ITSS_FORMAT_TEXT   ? "text"
                             : o.format == ITSS_FORMAT_HTML ? "html"
                             : o.format == ITSS_FORMAT_CSV  ? "csv"
                                                            : "svg");
    else if (o.given & OPT_JSONL)
        status = jsonl_reads_json(&o);
    if (!status && (o.given & OPT_ROWS) && o.domain_rows &&
        (o.format == ITSS_FORMAT_HTML || o.format == ITSS_FORMAT_SVG || (o.given & OPT_JSONL)))
        status = usage_error("--rows domain writes text, json or csv");
    if (status) {
        free(o.args);
        return status;
    }

    itss_error e;
    const itss_maturity_model *m = NULL;
    itss_maturity_model *own = NULL;
    char *out = NULL;
    int rc = 0;
    if (o.model && itss_maturity_model_builtin_lookup(o.model, &m, NULL) == ITSS_OK) {
        /* a built-in model by id (tcesa1299-2023, itss1-2015) */
    } else if (o.model) {
        if ((rc = itss_maturity_model_load_file(o.model, &own, &e)))
            status = fail(&e, o.model);
        m = own;
        for (size_t i = 0; !rc && i < itss_maturity_model_warning_count(m); i++)
            fprintf(stderr,
                    msg_lang == ITSS_LANG_EN ? "itss: %s: warning: %s (at %s)\n"
                                             : "itss: %s: 警告：%s（位置 %s）\n",
                    o.model, itss_maturity_model_warning_message(m, i),
                    itss_maturity_model_warning_path(m, i));
    } else {
        m = itss_maturity_model_builtin();
    }
    if (!rc)
        status = resolve_level(m, "--target", o.target_text, &o.target);
    if (!rc && !status)
        status = resolve_level(m, "--level", o.level_text, &o.level);
    if (!rc && !status && (size_t)o.target > itss_maturity_model_level_count(m))
        status = usage_error("--target %d: the model has levels 1 to %zu", o.target,
                             itss_maturity_model_level_count(m));
    if (!rc && !status && (size_t)o.level > itss_maturity_model_level_count(m))
        status = usage_error("--level %d: the model has levels 1 to %zu", o.level,
                             itss_maturity_model_level_count(m));
    switch (rc || status ? -1 : v) {
    case 0:
        if (o.given & OPT_JSONL) {
            rate_ctx rc_ = {m, o.target};
            status = jsonl(o.args[0], rate_line, &rc_);
        } else {
            status = rate_one(m, &o);
        }
        break;
    case 1:
        if (itss_maturity_model_render(m, o.format, o.lang, &out, NULL, &e))
            status = fail(&e, NULL);
        break;
    case 2:
        if (itss_maturity_clauses_render(m, o.level, o.domain, o.item, o.format, o.lang, &out,
                                         NULL, &e))
            status = fail(&e, NULL) == EXIT_USAGE ? EXIT_USAGE : EXIT_INVALID;
        break;
    case 3: status = compare_files(m, &o, &out); break;
    case 4: status = write_assessment(m, &o, 0); break;
    case 5: status = check_files(&o, assessment_check, m); break;
    case 6: status = write_assessment(m, &o, 1); break;
    default: break;
    }
    if (out)
        print_owned(out);
    itss_maturity_model_free(own);
    free(o.args);
    return status;
}

/* ---- quality -------------------------------------------------------------------- */

static int score_line(const void *ctx, const char *line, size_t len, char **out, size_t *outlen,
                      itss_error *e)
{
    return itss_quality_score_json(ctx, line, len, ITSS_FORMAT_JSON, ITSS_LANG_ZH, out, outlen,
                                   e);
}

static int evaluation_read(const void *ctx, const char *data, size_t len, itss_format f,
                           const char *encoding, void **out, itss_error *e)
{
    itss_evaluation *ev = NULL;
    int rc = itss_evaluation_read(ctx, data, len, f, encoding, &ev, e);
    *out = ev;
    return rc;
}

/* Score the evaluation in a file (JSON, CSV or XLSX) into a result (for
 * compare). */
static int score_file(const itss_indicator_catalog *c, const options *o, const char *path,
                      itss_quality_result **out)
{
    itss_error e;
    void *ev = NULL;
    int status = read_object(o, path, evaluation_read, c, &ev);
    if (!status && itss_quality_score(ev, out, &e))
        status = fail(&e, shown(path));
    itss_evaluation_free(ev);
    return status;
}

static int evaluation_check(const void *ctx, const char *data, size_t len, itss_format f,
                            const char *encoding, itss_problem_list **out, itss_error *e)
{
    return itss_evaluation_check(ctx, data, len, f, encoding, out, e);
}

/* The byte range of the member `key` of the top-level object of a JSON
 * text (its key to its value, with the comma that separates it from a
 * neighbour): 1 and [*from, *to), or 0 when there is none. Only looks for
 * the member; the library judges the document. */
static int json_member(const char *s, size_t n, const char *key, size_t *from, size_t *to)
{
    size_t klen = strlen(key), comma = 0;
    int depth = 0, want_key = 0, found = 0, object = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            size_t start = i++;
            while (i < n && s[i] != '"')
                i += s[i] == '\\' ? 2 : 1;
            if (depth == 1 && want_key) {
                want_key = 0;
                if (i < n && i - start - 1 == klen && memcmp(s + start + 1, key, klen) == 0) {
                    *from = start;
                    found = 1;
                }
            }
        } else if (c == '{' || c == '[') {
            if (++depth == 1)
                want_key = object = c == '{';
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && found) {
                *from = comma ? comma : *from; /* the last member: its comma before it */
                *to = i;
                return 1;
            }
            if (depth <= 0)
                return 0;
        } else if (c == ',' && depth == 1 && object) {
            if (found) {
                *to = i + 1;
                return 1;
            }
            comma = i;
            want_key = 1;
        }
    }
    return 0;
}

/* The evaluation of quality template --scheme FILE: FILE is an evaluation
 * document, or a scheme as `quality scheme --format json` prints it
 * ({"service", "indicators", ...}), which becomes the scheme of an
 * evaluation of the service of --service. */
static int scheme_evaluation(const itss_indicator_catalog *c, const options *o,
                             const char *service, itss_evaluation **out)
{
    size_t len = 0, from, to;
    itss_error e;
    char *doc = read_input(o->scheme, &len);
    if (!doc)
        return EXIT_INVALID;
    int status = 0;
    if (itss_evaluation_load(c, doc, len, out, &e) == 0) {
        if (strcmp(itss_evaluation_service(*out), service) != 0) {
            fprintf(stderr, "itss: %s: the evaluation is of service %s, not %s\n",
                    shown(o->scheme), itss_evaluation_service(*out), service);
            status = EXIT_INVALID;
        }
    } else if (json_member(doc, len, "indicators", &from, &to) &&
               !json_member(doc, len, "scheme", &from, &to)) {
        /* a scheme, under the service asked (the library checks its own
         * "service") */
        char *svc = NULL;
        size_t svclen = 0;
        FILE *w = open_memstream(&svc, &svclen);
        long prefix = 0;
        if (w) {
            /* the service is a code the library took (quality_template) */
            prefix = fprintf(w, "{\"service\":\"%s\",\"measurements\":{},\"scheme\":",
                             service);
            fwrite(doc, 1, len, w);
            fputc('}', w);
        }
        if (!w || fclose(w) != 0) {
            fputs("itss: out of memory\n", stderr);
            status = EXIT_INVALID;
        } else if (itss_evaluation_load(c, svc, svclen, out, &e)) {
            /* placed in the file: without the text put before it */
            if (e.line == 1)
                e.column -= (size_t)prefix;
            if (e.line)
                e.position -= (size_t)prefix;
            if (strncmp(e.path, "/scheme", 7) == 0)
                memmove(e.path, e.path + 7, strlen(e.path + 7) + 1);
            status = fail(&e, shown(o->scheme));
        }
        free(svc);
    } else {
        status = fail(&e, shown(o->scheme));
    }
    free(doc);
    return status;
}

/* quality score of one document (not --jsonl). */
static int score_one(const itss_indicator_catalog *c, const options *o)
{
    void *ev = NULL;
    itss_quality_result *r = NULL;
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    int status = read_object(o, o->args[0], evaluation_read, c, &ev);
    if (!status && (itss_quality_score(ev, &r, &e) ||
                    itss_quality_result_render(r, o->format, o->lang, &out, &len, &e)))
        status = fail(&e, shown(o->args[0]));
    if (out)
        print_rendered(out, len, o->format);
    itss_quality_result_free(r);
    itss_evaluation_free(ev);
    return status;
}

/* quality template: the measurement sheet of a service's default scheme,
 * or of the scheme of --scheme. */
static int quality_template(const itss_indicator_catalog *c, const options *o)
{
    itss_format f;
    int status = output_format(o, "quality template", 0, 1, &f);
    if (status)
        return status;
    itss_evaluation *ev = NULL;
    itss_error e;
    char *out = NULL;
    size_t len = 0;
    if (itss_evaluation_new(c, o->service, &ev, &e))
        status = fail(&e, NULL);
    if (!status && o->scheme) {
        itss_evaluation *blank = ev;
        ev = NULL;
        status = scheme_evaluation(c, o, itss_evaluation_service(blank), &ev);
        itss_evaluation_free(blank);
    }
    if (!status && itss_evaluation_render(ev, f, o->lang, &out, &len, &e))
        status = fail(&e, NULL);
    if (out)
        print_rendered(out, len, f);
    itss_evaluation_free(ev);
    return status;
}

static int quality_main(const char *verb, int argc, char **argv)
{
    enum {
        CAT = OPT_CATALOG | OPT_CATALOG_ADD,
        COMMON = OPT_FORMAT | OPT_LANG,
        READ = OPT_INPUT_FORMAT | OPT_ENCODING
    };
    static const verbspec verbs[] = {
        {"score", COMMON | CAT | OPT_JSONL | OPT_HTML | OPT_SVG | OPT_CSV | READ, 1, 1},
        {"model", COMMON, 0, 0},
        {"indicators", COMMON | CAT | OPT_SERVICE, 0, 0},
        {"scheme", COMMON | CAT | OPT_SERVICE, 0, 0},
        {"compare", COMMON | CAT | OPT_HTML | READ, 2, INT_MAX},
        {"ahp", COMMON | OPT_ALLOW_INCONSISTENT, 1, 1},
        {"template",
         COMMON | CAT | OPT_SERVICE | OPT_SCHEME | OPT_CSV | OPT_XLSX | OPT_NO_TEXT | OPT_NO_JSON,
         0, 0},
        {"check", COMMON | CAT | READ, 1, INT_MAX},
    };
    options o = {0};
    int v;
    int status = prepare("quality", verbs, 8, verb, argc, argv, &o, &v);
    if (status)
        return status;
    if (o.catalog && o.catalog_add)
        status = usage_error("give --catalog (instead of the built-in indicators) or "
                             "--catalog-add (on top of them), not both");
    else if ((v == 3 || v == 6) && !o.service)
        status = usage_error("'quality %s' needs --service CODE", v == 3 ? "scheme" : "template");
    else if ((o.given & OPT_JSONL) && (o.given & OPT_FORMAT) &&
             o.format != ITSS_FORMAT_JSON_PRETTY)
        status = usage_error("--jsonl writes JSON lines: --format %s does not apply",
                             o.format == ITSS_FORMAT_TEXT   ? "text"
                             : o.format == ITSS_FORMAT_HTML ? "html"
                             : o.format == ITSS_FORMAT_CSV  ? "csv"
                                                            : "svg");
    else if (o.given & OPT_JSONL)
        status = jsonl_reads_json(&o);
    if (status) {
        free(o.args);
        return status;
    }

    itss_error e;
    const itss_indicator_catalog *cat = NULL;
    itss_indicator_catalog *own = NULL;
    char *out = NULL;
    const char *file = o.catalog ? o.catalog : o.catalog_add;
    if (file) {
        if (o.catalog_add ? itss_indicator_catalog_extend_file(itss_indicator_catalog_builtin(),
                                                               file, &own, &e)
                          : itss_indicator_catalog_load_file(file, &own, &e))
            status = fail(&e, file);
        cat = own;
    } else {
        cat = itss_indicator_catalog_builtin();
    }
    switch (status ? -1 : v) {
    case 0:
        if (o.given & OPT_JSONL) {
            status = jsonl(o.args[0], score_line, cat);
        } else {
            status = score_one(cat, &o);
        }
        break;
    case 1:
        if (itss_quality_model_render(itss_quality_model_builtin(), o.format, o.lang, &out,
                                      NULL, &e))
            status = fail(&e, NULL);
        break;
    case 2:
        if (itss_indicator_catalog_render(cat, o.service, o.format, o.lang, &out, NULL, &e))
            status = fail(&e, NULL);
        break;
    case 3:
        if (itss_quality_scheme_render(cat, o.service, o.format, o.lang, &out, NULL, &e))
            status = fail(&e, NULL);
        break;
    case 4: {
        itss_quality_result **rs = calloc((size_t)o.nargs, sizeof *rs);
        const char **labels = calloc((size_t)o.nargs, sizeof *labels);
        if (!rs || !labels) {
            fputs("itss: out of memory\n", stderr);
            status = EXIT_INVALID;
        }
        for (int i = 0; !status && i < o.nargs; i++) {
            /* each result is labelled by its file name */
            labels[i] = strcmp(o.args[i], "-") == 0 ? "<stdin>" : o.args[i];
            status = score_file(cat, &o, o.args[i], &rs[i]);
        }
        if (!status && itss_quality_compare_labeled_render(
                           (const itss_quality_result *const *)rs, labels, (size_t)o.nargs,
                           o.format, o.lang, &out, NULL, &e))
            status = fail(&e, NULL);
        free(labels);
        for (int i = 0; rs && i < o.nargs; i++)
            itss_quality_result_free(rs[i]);
        free(rs);
        break;
    }
    case 5: {
        size_t len = 0;
        char *doc = read_input(o.args[0], &len);
        if (!doc)
            status = EXIT_INVALID;
        else if (itss_ahp_json(doc, len,
                               (o.given & OPT_ALLOW_INCONSISTENT) ? ITSS_AHP_ALLOW_INCONSISTENT
                                                                  : ITSS_AHP_STRICT,
                               o.format, o.lang, &out, NULL, &e))
            status = fail(&e, strcmp(o.args[0], "-") == 0 ? "<stdin>" : o.args[0]);
        free(doc);
        break;
    }
    case 6: status = quality_template(cat, &o); break;
    case 7: status = check_files(&o, evaluation_check, cat); break;
    default: break;
    }
    if (out)
        print_owned(out);
    itss_indicator_catalog_free(own);
    free(o.args);
    return status;
}

/* ---- standard ----------------------------------------------------------- */

static int standard_main(const char *verb, int argc, char **argv)
{
    static const verbspec verbs[] = {
        {"show", OPT_FORMAT | OPT_LANG, 1, 1},
        {"list", OPT_FORMAT | OPT_LANG | OPT_TYPE | OPT_STATUS | OPT_AREA, 0, 0},
        {"search", OPT_FORMAT | OPT_LANG, 1, 1},
        {"framework", OPT_FORMAT | OPT_LANG, 0, 0},
    };
    options o = {0};
    int v;
    int status = prepare("standard", verbs, 4, verb, argc, argv, &o, &v);
    if (status)
        return status;
    const itss_registry *r = itss_registry_builtin();
    const char *arg = o.nargs ? o.args[0] : NULL;
    itss_error e;
    char *out = NULL;
    int rc = 0;
    if (v == 0) {
        const itss_standard *s;
        rc = itss_standard_lookup(r, arg, &s, &e);
        if (!rc)
            rc = itss_standard_render(s, o.format, o.lang, &out, NULL, &e);
    } else if (v == 1 || v == 2) {
        size_t n = 0;
        const itss_standard **list = NULL;
        /* size the list, then fill it */
        for (int pass = 0; pass < 2 && !rc && !status; pass++) {
            if (pass && !(list = calloc(n ? n : 1, sizeof *list))) {
                fputs("itss: out of memory\n", stderr);
                status = EXIT_INVALID;
                break;
            }
            rc = v == 1 ? itss_standard_list(r, o.type, o.status, o.area, list, n, &n, &e)
                        : itss_standard_search(r, arg, list, n, &n, &e);
        }
        if (!rc && !status)
            rc = itss_standard_list_render(list, n, o.format, o.lang, &out, NULL, &e);
        free(list);
        if (!rc && !status && v == 2 && n == 0) {
            fprintf(stderr,
                    o.lang == ITSS_LANG_EN ? "itss: no standard matches '%s'\n"
                                           : "itss: 没有与“%s”相符的标准\n",
                    arg);
            status = EXIT_INVALID;
        }
    } else {
        rc = itss_registry_framework_render(r, o.format, o.lang, &out, NULL, &e);
    }
    if (rc && !status)
        status = fail(&e, NULL);
    else if (out)
        print_owned(out);
    free(o.args);
    return status;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *area = argv[1];
    if (strcmp(area, "--version") == 0 || strcmp(area, "version") == 0) {
        char line[128];
        int n = snprintf(line, sizeof line, "itss %s (libitss %s)\n", ITSS_VERSION_STRING,
                         itss_version_string());
        out_write(line, n > 0 && (size_t)n < sizeof line ? (size_t)n : 0);
        return 0;
    }
    if (strcmp(area, "--help") == 0 || strcmp(area, "-h") == 0 || strcmp(area, "help") == 0) {
        out_write(usage_text, sizeof usage_text - 1);
        return 0;
    }
    int is_class = strcmp(area, "class") == 0, is_maturity = strcmp(area, "maturity") == 0,
        is_quality = strcmp(area, "quality") == 0, is_standard = strcmp(area, "standard") == 0;
    if (!is_class && !is_maturity && !is_quality && !is_standard)
        return usage_error("unknown command '%s'", area);
    if (argc < 3)
        return usage_error("'%s' needs a verb", area);
    if (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "help") == 0) {
        out_write(usage_text, sizeof usage_text - 1);
        return 0;
    }
    return is_class      ? class_main(argv[2], argc - 3, argv + 3)
           : is_maturity ? maturity_main(argv[2], argc - 3, argv + 3)
           : is_quality  ? quality_main(argv[2], argc - 3, argv + 3)
                         : standard_main(argv[2], argc - 3, argv + 3);
}

int main(int argc, char **argv)
{
    /* each run starts afresh (the fuzz harness calls main many times) */
    msg_lang = ITSS_LANG_ZH;
    out_failed = 0;
    clearerr(stdout);
    clearerr(stderr);
    signal(SIGPIPE, SIG_DFL);
    out_path = NULL;
    out_file = NULL;
    int status = run(argc, argv);
    /* What is still buffered is written now: a full disk shows here. */
    out_flush();
    out_finish(status);
    if (out_failed && status != EXIT_USAGE)
        status = EXIT_INVALID;
    /* A message that could not be written still fails the command. */
    if ((fflush(stderr) != 0 || ferror(stderr)) && status == 0)
        status = EXIT_INVALID;
    return status;
}
