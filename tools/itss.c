/*
 * itss — command-line front end of libitss. Uses the public API only: it
 * parses arguments, reads input, calls the library and prints what the
 * library renders.
 *
 * Exit status: 0 success; 1 not found or invalid input (message on stderr),
 * or output that could not be written; 2 usage error.
 */
#include <errno.h>
#include <iconv.h>
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

/* ---- output ------------------------------------------------------------- */

/* Every write to standard output is checked. The first failure is reported
 * once, in the language of --lang, and makes the exit status 1; nothing
 * more is written after it. A reader that goes away (a closed pipe) ends
 * the tool through SIGPIPE, silently, as it ends other filters: main puts
 * SIGPIPE back to its default even where the parent ignored it. */
static itss_lang msg_lang = ITSS_LANG_ZH;
static int out_failed;

/* A message of the tool in the language of --lang: the English text or
 * the Chinese one (two string literals, so that printf formats are still
 * checked). */
#define L(en, zh) (msg_lang == ITSS_LANG_EN ? (en) : (zh))

/* The text of an errno value in the language of --lang: in Chinese for
 * the usual ones, else the system's text inside a Chinese sentence. */
static const char *errno_text(int err)
{
    static const struct {
        int code;
        const char *zh;
    } known[] = {
        {ENOENT, "文件或目录不存在"},   {EACCES, "没有权限"},
        {EPERM, "不允许的操作"},          {EISDIR, "这是一个目录"},
        {ENOTDIR, "路径中有一项不是目录"}, {ENOSPC, "设备上没有空间"},
        {EROFS, "文件系统只读"},          {EEXIST, "文件已存在"},
        {ENAMETOOLONG, "文件名太长"},     {ELOOP, "符号链接的层数太多"},
        {EMFILE, "打开的文件太多"},       {ENFILE, "系统中打开的文件太多"},
        {EIO, "输入输出错误"},            {EPIPE, "管道已断开"},
        {EFBIG, "文件太大"},              {EDQUOT, "超出磁盘配额"},
        {ENOMEM, "内存不足"},             {ENXIO, "没有这个设备或地址"},
        {ETXTBSY, "文件正被执行"},        {EINVAL, "无效的参数"},
        {EBADF, "无效的文件描述符"},      {ENODEV, "没有这个设备"},
    };
    static char other[160];
    if (msg_lang == ITSS_LANG_EN)
        return strerror(err);
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (known[k].code == err)
            return known[k].zh;
    snprintf(other, sizeof other, "系统错误 %d（%s）", err, strerror(err));
    return other;
}

/* The hint after a usage error. */
static void usage_hint(void)
{
    fputs(L("Try 'itss help' for usage.\n", "用法见“itss help”\n"), stderr);
}

static void out_of_memory(void)
{
    fputs(L("itss: out of memory\n", "itss: 内存不足\n"), stderr);
}
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
    const char *why = errno_text(err ? err : EIO);
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
    fputc('\n', stderr);
    usage_hint();
    return EXIT_USAGE;
}

/* The message of a library error in the language of --lang (itss_free),
 * or NULL when there is no memory for it. */
static char *error_message(const itss_error *e)
{
    char *text = NULL;
    return itss_error_message(e, msg_lang, &text, NULL, NULL) == 0 ? text : NULL;
}

/* The end of the library's message for a JSON document that is not UTF-8
 * but reads as GB18030: the tool adds how to read it as it is. */
static const char not_utf8[] =
    "; the document is not UTF-8 but reads as GB18030 (GBK): convert it to UTF-8";

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), k = strlen(end);
    return n >= k && strcmp(s + n - k, end) == 0;
}

/* Print a library error; file is the input's name when the error is about
 * a document. hint: the command reads --encoding. */
static int fail_hint(const itss_error *e, const char *file, int hint)
{
    char *text = NULL;
    int got = itss_error_describe(e, 0, ITSS_FORMAT_TEXT, msg_lang, &text, NULL, NULL) == 0;
    fputs("itss: ", stderr);
    if (file)
        fprintf(stderr, "%s:%s", file, e->line ? "" : " ");
    fputs(got ? text : e->message, stderr);
    if (hint && ends_with(e->message, not_utf8))
        fputs(L(" (or read it as it is with --encoding gb18030)",
                "（也可以用 --encoding gb18030 直接读取）"),
              stderr);
    fputc('\n', stderr);
    itss_free(text);
    return e->code == ITSS_EINVAL ? EXIT_USAGE : EXIT_INVALID;
}

static int fail(const itss_error *e, const char *file)
{
    return fail_hint(e, file, 0);
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
        return usage_error(L("%s needs a whole number from %d to %d, not '%s'",
                             "%s 须为 %d 到 %d 的整数，而不是“%s”"),
                           opt, min, max, s);
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
    if (itss_maturity_level_lookup(m, text, &l, &e)) {
        char *why = error_message(&e);
        int rc = usage_error(L("%s needs a whole number from 1 to %zu or the name or label of "
                               "a level, not '%s' (%s)",
                               "%s 须为 1 到 %zu 的整数或级别的名称、标签，而不是“%s”（%s）"),
                             opt, itss_maturity_model_level_count(m), text,
                             why ? why : e.message);
        itss_free(why);
        return rc;
    }
    *number = itss_maturity_level_ordinal(l);
    return 0;
}

/* The --format values a verb takes beyond text and json and the bits
 * that say so: text and json unless OPT_NO_TEXT / OPT_NO_JSON, the others
 * when allowed. */
static const struct {
    const char *name;
    int bit;
    itss_format format;
} formats[] = {
    {"text", OPT_NO_TEXT, ITSS_FORMAT_TEXT}, {"json", OPT_NO_JSON, ITSS_FORMAT_JSON_PRETTY},
    {"html", OPT_HTML, ITSS_FORMAT_HTML},    {"svg", OPT_SVG, ITSS_FORMAT_SVG},
    {"csv", OPT_CSV, ITSS_FORMAT_CSV},       {"xlsx", OPT_XLSX, ITSS_FORMAT_XLSX},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

static int takes_format(int allowed, size_t k)
{
    return k < 2 ? !(allowed & formats[k].bit) : !!(allowed & formats[k].bit);
}

/* The formats a verb writes, in words: "text, json or csv". */
static void format_names(int allowed, char *names, size_t size)
{
    size_t taken = 0, count = 0;
    names[0] = 0;
    for (size_t k = 0; k < NFORMATS; k++)
        count += (size_t)takes_format(allowed, k);
    for (size_t k = 0, i = 0; k < NFORMATS && taken < size; k++) {
        if (!takes_format(allowed, k))
            continue;
        i++;
        taken += (size_t)snprintf(names + taken, size - taken, "%s%s",
                                  i == 1       ? ""
                                  : i == count ? L(" or ", " 或 ")
                                               : L(", ", "、"),
                                  formats[k].name);
    }
}

/* --format VALUE among the formats a verb writes: text and json unless
 * OPT_NO_TEXT / OPT_NO_JSON, html, svg, csv and xlsx when allowed. */
static int format_option(const char *value, int allowed, itss_format *format)
{
    for (size_t k = 0; k < NFORMATS; k++)
        if (takes_format(allowed, k) && strcmp(value, formats[k].name) == 0) {
            *format = formats[k].format;
            return 0;
        }
    char names[64];
    format_names(allowed, names, sizeof names);
    return usage_error(L("--format must be %s, not '%s'", "--format 须为 %s，而不是“%s”"), names,
                       value);
}

/* Parse the options that follow AREA VERB; `allowed` are the OPT_* bits
 * the verb accepts. Positional arguments are kept in order. */
static int parse_options(int argc, char **argv, int allowed, const char *verb, options *o)
{
    o->format = ITSS_FORMAT_TEXT;
    o->lang = msg_lang; /* --lang before AREA, or ZH */
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->args) {
        out_of_memory();
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
                    return usage_error(L("option %s takes no value", "选项 %s 不带值"),
                                       optdefs[k].name);
            } else if (a[n] == '=') {
                value = a + n + 1;
            } else if (i + 1 < argc) {
                value = argv[++i];
            } else {
                return usage_error(L("option %s needs a value", "选项 %s 需要一个值"),
                                   optdefs[k].name);
            }
            break;
        }
        if (!bit)
            return usage_error(L("unknown option '%s'", "未知的选项“%s”"), a);
        if (!(allowed & bit) && bit != OPT_OUTPUT)
            return usage_error(L("option %.*s does not apply to '%s'", "选项 %.*s 不适用于“%s”"),
                               (int)strcspn(a, "="), a, verb);
        o->given |= bit;
        int rc = 0;
        switch (bit) {
        case OPT_FORMAT: rc = format_option(value, allowed, &o->format); break;
        case OPT_LANG:
            if (itss_lang_parse(value, &o->lang, NULL) != 0)
                rc = usage_error(L("--lang must be zh or en, not '%s'",
                                   "--lang 须为 zh 或 en，而不是“%s”"),
                                 value);
            break; /* the language of the messages: scan_lang */
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
                rc = usage_error(L("--input-format must be json, csv or xlsx, not '%s'",
                                   "--input-format 须为 json、csv 或 xlsx，而不是“%s”"),
                                 value);
            break;
        case OPT_ROWS:
            if (strcmp(value, "domain") == 0 || strcmp(value, "clause") == 0)
                o->domain_rows = strcmp(value, "domain") == 0;
            else
                rc = usage_error(L("--rows must be clause or domain, not '%s'",
                                   "--rows 须为 clause 或 domain，而不是“%s”"),
                                 value);
            break;
        case OPT_OUTPUT:
            if (!*value)
                rc = usage_error(L("%.*s needs a file name", "%.*s 需要一个文件名"),
                                 (int)strcspn(a, "="), a);
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
        return min == 1 ? usage_error(L("'%s' needs an argument", "“%s”需要一个参数"), verb)
                        : usage_error(L("'%s' needs more arguments", "“%s”需要更多参数"), verb);
    if (o->nargs > max)
        return usage_error(L("too many arguments for '%s'", "“%s”的参数太多"), verb);
    return 0;
}

typedef struct {
    const char *name;
    int opts;             /* the OPT_* bits the verb accepts */
    int min, max;         /* positional arguments */
    const char *synopsis; /* its arguments and required options, for the help */
    const char *en, *zh;  /* what it does */
} verbspec;

enum { READ = OPT_INPUT_FORMAT | OPT_ENCODING, COMMON = OPT_FORMAT | OPT_LANG };

/* The verbs of each area; the index of a verb is the case of its area's
 * switch. */
static const verbspec class_verbs[] = {
    {"show", COMMON | OPT_CATALOG, 1, 1, "CODE", "one class", "一个类别"},
    {"search", COMMON | OPT_CATALOG, 1, 1, "TEXT", "classes whose name contains TEXT",
     "名称含 TEXT 的类别"},
    {"tree", COMMON | OPT_CATALOG, 0, 1, "[CODE]", "the class tree, or the subtree of CODE",
     "类别树，或 CODE 的子树"},
    {"export", COMMON | OPT_CATALOG, 0, 1, "[CODE]", "the whole catalog, or a subtree",
     "整个目录，或其中一棵子树"},
    {"validate", COMMON | OPT_CATALOG, 1, INT_MAX, "CODE...",
     "check codes and say what is wrong", "检查代码并指出问题"},
    {"map", COMMON | OPT_CATALOG | OPT_TO | OPT_FROM, 1, 1, "--to|--from SCHEME CODE",
     "map a class to gbt4754 or db21, or back", "把类别映射到 gbt4754 或 db21，或反向映射"},
};

static const verbspec maturity_verbs[] = {
    {"rate",
     COMMON | OPT_MODEL | OPT_TARGET | OPT_JSONL | OPT_HTML | OPT_SVG | OPT_CSV | OPT_ROWS | READ,
     1, 1, "FILE|-", "rate an assessment: level, profile, gaps", "评定一份评估：级别、概况和差距"},
    {"model", COMMON | OPT_MODEL, 0, 0, "", "the model: levels, domains, items",
     "模型：级别、能力域、能力项"},
    {"clauses", COMMON | OPT_MODEL | OPT_LEVEL | OPT_DOMAIN | OPT_ITEM, 0, 0, "",
     "the requirement clauses", "要求条款"},
    {"compare", COMMON | OPT_MODEL | OPT_TARGET | OPT_HTML | OPT_CSV | READ, 2, INT_MAX,
     "OLD NEW...", "rate assessments of one model and show the changes",
     "评定同一模型的多份评估并显示变化"},
    {"template",
     COMMON | OPT_MODEL | OPT_LEVEL | OPT_DOMAIN | OPT_CSV | OPT_XLSX | OPT_NO_TEXT | OPT_NO_JSON,
     0, 0, "", "a blank worksheet to rate in (CSV or XLSX)", "用于评级的空白工作表（CSV 或 XLSX）"},
    {"check", COMMON | OPT_MODEL | READ, 1, INT_MAX, "FILE...",
     "list every problem of each assessment", "列出每份评估的全部问题"},
    {"convert", COMMON | OPT_MODEL | OPT_CSV | OPT_XLSX | OPT_NO_TEXT | READ, 1, 1, "IN",
     "an assessment as JSON, CSV or XLSX", "把评估转换为 JSON、CSV 或 XLSX"},
};

static const verbspec quality_verbs[] = {
    {"score", COMMON | OPT_CATALOG | OPT_CATALOG_ADD | OPT_JSONL | OPT_HTML | OPT_SVG | OPT_CSV |
                  READ,
     1, 1, "FILE|-", "score an evaluation", "为一份评价计分"},
    {"model", COMMON, 0, 0, "", "the 5 characteristics, 16 sub-characteristics",
     "5 个特性、16 个子特性"},
    {"indicators", COMMON | OPT_CATALOG | OPT_CATALOG_ADD | OPT_SERVICE, 0, 0, "",
     "the indicator catalog", "指标目录"},
    {"scheme", COMMON | OPT_CATALOG | OPT_CATALOG_ADD | OPT_SERVICE, 0, 0, "--service CODE",
     "the default evaluation scheme of a service", "一项服务的默认评价方案"},
    {"compare", COMMON | OPT_CATALOG | OPT_CATALOG_ADD | OPT_HTML | READ, 2, INT_MAX,
     "OLD NEW...", "score evaluations and show the changes", "为多份评价计分并显示变化"},
    {"ahp", COMMON | OPT_ALLOW_INCONSISTENT, 1, 1, "FILE|-",
     "AHP weights from a pairwise comparison matrix", "由判断矩阵计算 AHP 权重"},
    {"template",
     COMMON | OPT_CATALOG | OPT_CATALOG_ADD | OPT_SERVICE | OPT_SCHEME | OPT_CSV | OPT_XLSX |
         OPT_NO_TEXT | OPT_NO_JSON,
     0, 0, "--service CODE", "a blank measurement sheet (CSV or XLSX)",
     "空白的测量表（CSV 或 XLSX）"},
    {"check", COMMON | OPT_CATALOG | OPT_CATALOG_ADD | READ, 1, INT_MAX, "FILE...",
     "list every problem of each evaluation", "列出每份评价的全部问题"},
};

static const verbspec standard_verbs[] = {
    {"show", COMMON, 1, 1, "NUMBER", "one standard", "一项标准"},
    {"list", COMMON | OPT_TYPE | OPT_STATUS | OPT_AREA, 0, 0, "",
     "the standards, by type, status or area", "标准列表，可按类型、状态或领域筛选"},
    {"search", COMMON, 1, 1, "TEXT", "standards whose number, title or summary has TEXT",
     "编号、名称或摘要含 TEXT 的标准"},
    {"framework", COMMON, 0, 0, "", "the ITSS 5.0 framework tree and its standards",
     "ITSS 5.0 体系框架树及其标准"},
};

#define NVERBS(a) ((int)(sizeof(a) / sizeof(a)[0]))

static const struct {
    const char *name;
    const verbspec *verbs;
    int n;
    const char *en, *zh; /* the heading of its part of the help */
} areas[] = {
    {"class", class_verbs, NVERBS(class_verbs), "GB/T 29264-2012 service classification:",
     "GB/T 29264-2012 服务分类："},
    {"maturity", maturity_verbs, NVERBS(maturity_verbs),
     "O&M service capability maturity (T/CESA 1299-2023; ITSS.1-2015 with --model):",
     "运维服务能力成熟度（T/CESA 1299-2023；ITSS.1-2015 用 --model）："},
    {"quality", quality_verbs, NVERBS(quality_verbs), "GB/T 33850-2017 service quality:",
     "GB/T 33850-2017 服务质量："},
    {"standard", standard_verbs, NVERBS(standard_verbs),
     "ITSS standards registry (the ITSS 5.0 report's standards):",
     "ITSS 标准库（ITSS 5.0 报告中的标准）："},
};

/* The options in the help of a verb, in this order; area NULL: in every
 * area. The text of --format names the formats of the verb. */
static const struct {
    int bit;
    const char *area, *name, *en, *zh;
} opthelp[] = {
    {OPT_FORMAT, NULL, "--format FORMAT", "the output: %s", "输出格式：%s"},
    {OPT_LANG, NULL, "--lang zh|en", "language of the output and the messages (default zh)",
     "输出和提示信息的语言（默认 zh）"},
    {OPT_CATALOG, "class", "--catalog FILE", "a class catalog instead of the built-in one",
     "用此类别目录代替内置目录"},
    {OPT_CATALOG, "quality", "--catalog FILE", "indicators instead of the built-in ones",
     "用这些指标代替内置指标"},
    {OPT_CATALOG_ADD, NULL, "--catalog-add FILE", "indicators added to the built-in ones",
     "在内置指标之外加上这些指标"},
    {OPT_TO, NULL, "--to SCHEME", "map to gbt4754 or db21", "映射到 gbt4754 或 db21"},
    {OPT_FROM, NULL, "--from SCHEME", "map a class of gbt4754 or db21 back",
     "把 gbt4754 或 db21 的类别映射回来"},
    {OPT_MODEL, NULL, "--model ID|FILE",
     "the model: tcesa1299-2023 (default), itss1-2015 or a file",
     "模型：tcesa1299-2023（默认）、itss1-2015 或模型文件"},
    {OPT_TARGET, NULL, "--target N",
     "the gaps to level N (default: the next; N: ordinal, name or label)",
     "列出到达级别 N 的差距（默认下一级；N 为序号、名称或标签）"},
    {OPT_LEVEL, NULL, "--level N", "only the clauses of level N (ordinal, name or label)",
     "只取级别 N 的条款（序号、名称或标签）"},
    {OPT_DOMAIN, NULL, "--domain ID", "only the clauses of a domain", "只取一个能力域的条款"},
    {OPT_ITEM, NULL, "--item N", "only the clauses of item N", "只取第 N 个能力项的条款"},
    {OPT_SERVICE, NULL, "--service CODE", "the service, by its class code", "服务的类别代码"},
    {OPT_SCHEME, NULL, "--scheme FILE",
     "the scheme: an evaluation, or the output of quality scheme --format json",
     "方案：一份评价，或 quality scheme --format json 的输出"},
    {OPT_ALLOW_INCONSISTENT, NULL, "--allow-inconsistent", "accept a matrix with CR >= 0.10",
     "接受 CR >= 0.10 的判断矩阵"},
    {OPT_TYPE, NULL, "--type TYPE", "national, industry, group or international",
     "类型：national、industry、group 或 international"},
    {OPT_STATUS, NULL, "--status STATUS",
     "published, approval, comment, review, draft, proposed, developing or cancelled",
     "状态：published、approval、comment、review、draft、proposed、developing 或 cancelled"},
    {OPT_AREA, NULL, "--area ID", "an area or category of the framework",
     "体系框架中的领域或类别"},
    {OPT_JSONL, NULL, "--jsonl", "one document per input line, one result per output line",
     "每行输入一个文档，每行输出一个结果"},
    {OPT_ROWS, NULL, "--rows clause|domain", "one row per clause (default) or per domain",
     "每个条款一行（默认）或每个能力域一行"},
    {OPT_INPUT_FORMAT, NULL, "--input-format json|csv|xlsx",
     "read the input as this format (default: told by its content)",
     "按此格式读取输入（默认按内容判断）"},
    {OPT_ENCODING, NULL, "--encoding NAME",
     "the encoding of a CSV or JSON input, e.g. gb18030 (default UTF-8)",
     "CSV 或 JSON 输入的编码，如 gb18030（默认 UTF-8）"},
    {OPT_OUTPUT, NULL, "-o, --output FILE", "write the output to FILE, not standard output",
     "输出写入 FILE，而不是标准输出"},
};

/* A line of the help: the left column padded to width, then the text. */
static void help_line(FILE *w, const char *left, const char *text, int width)
{
    int n = fprintf(w, "  %s", left);
    fprintf(w, "%*s%s\n", n < width ? width - n : 1, "", text);
}

static void verb_line(FILE *w, const char *area, const verbspec *v)
{
    char left[96];
    snprintf(left, sizeof left, "itss %s %s%s%s", area, v->name, *v->synopsis ? " " : "",
             v->synopsis);
    help_line(w, left, L(v->en, v->zh), 41);
}

/* The help of a verb: what it does and its options. */
static void verb_help(FILE *w, const char *area, const verbspec *v)
{
    fprintf(w, L("Usage: itss %s %s%s%s [OPTIONS]\n", "用法：itss %s %s%s%s [选项]\n"), area,
            v->name, *v->synopsis ? " " : "", v->synopsis);
    fprintf(w, "%s\n\n%s\n", L(v->en, v->zh), L("Options:", "选项："));
    for (size_t k = 0; k < sizeof opthelp / sizeof opthelp[0]; k++) {
        int bit = opthelp[k].bit;
        if ((!(v->opts & bit) && bit != OPT_OUTPUT) ||
            (opthelp[k].area && strcmp(opthelp[k].area, area) != 0))
            continue;
        char text[256], names[64];
        format_names(v->opts, names, sizeof names);
        snprintf(text, sizeof text, bit == OPT_FORMAT ? L(opthelp[k].en, opthelp[k].zh) : "%s",
                 bit == OPT_FORMAT ? names : L(opthelp[k].en, opthelp[k].zh));
        help_line(w, opthelp[k].name, text, 32);
    }
    help_line(w, "--help", L("print this help and exit", "显示本帮助并退出"), 32);
}

/* The help of the tool (area < 0) or of an area: its verbs. */
static void tool_help(FILE *w, int area)
{
    if (area < 0)
        fputs(L("Usage: itss [--version] [--help] AREA VERB [OPTIONS] [ARGS]\n",
                "用法：itss [--version] [--help] AREA VERB [选项] [参数]\n"),
              w);
    else
        fprintf(w, L("Usage: itss %s VERB [OPTIONS] [ARGS]\n", "用法：itss %s VERB [选项] [参数]\n"),
                areas[area].name);
    for (int a = 0; a < (int)(sizeof areas / sizeof areas[0]); a++) {
        if (area >= 0 && a != area)
            continue;
        fprintf(w, "\n%s\n", L(areas[a].en, areas[a].zh));
        for (int k = 0; k < areas[a].n; k++)
            verb_line(w, areas[a].name, &areas[a].verbs[k]);
    }
    if (area < 0) {
        fprintf(w, "\n%s\n", L("Options:", "选项："));
        help_line(w, "--format text|json",
                  L("output for people (default) or JSON; some verbs write",
                    "给人看的文本（默认）或 JSON；有的子命令也能输出"),
                  23);
        help_line(w, "", L("html, svg, csv or xlsx too", "html、svg、csv 或 xlsx"), 23);
        help_line(w, "--lang zh|en",
                  L("language of the output and the messages (default zh)",
                    "输出和提示信息的语言（默认 zh）"),
                  23);
        help_line(w, "-o, --output FILE",
                  L("write the output to FILE, not standard output",
                    "输出写入 FILE，而不是标准输出"),
                  23);
        help_line(w, "--version", L("print the version and exit", "显示版本并退出"), 23);
        help_line(w, "--help, help", L("print this help and exit", "显示本帮助并退出"), 23);
    }
    fprintf(w, L("\nThe options of a verb: itss %s VERB --help\n",
                 "\n子命令的选项：itss %s VERB --help\n"),
            area < 0 ? "AREA" : areas[area].name);
    if (area < 0)
        fputs(L("\nExit status: 0 success, 1 not found, invalid input or output not written,\n"
                "2 usage error.\nSee itss(1) for details.\n",
                "\n退出状态：0 成功；1 未找到、输入无效或输出未能写入；2 用法错误。\n"
                "详见 itss(1)。\n"),
              w);
}

/* Write a help to standard output, or to standard error (exit status 2). */
static int print_help(int to_stdout, int area, const verbspec *v)
{
    char *text = NULL;
    size_t len = 0;
    FILE *w = open_memstream(&text, &len);
    if (w) {
        if (v)
            verb_help(w, areas[area].name, v);
        else
            tool_help(w, area);
    }
    if (!w || fclose(w) != 0) {
        out_of_memory();
        return EXIT_INVALID;
    }
    if (to_stdout)
        out_write(text, len);
    else
        fputs(text, stderr);
    free(text);
    return to_stdout ? 0 : EXIT_USAGE;
}

/* 1 if the arguments of a verb ask for its help: --help or -h before --. */
static int wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

static int find_area(const char *name)
{
    for (int a = 0; a < (int)(sizeof areas / sizeof areas[0]); a++)
        if (strcmp(name, areas[a].name) == 0)
            return a;
    return -1;
}

static int find_verb(int area, const char *verb)
{
    for (int k = 0; k < areas[area].n; k++)
        if (strcmp(verb, areas[area].verbs[k].name) == 0)
            return k;
    return -1;
}

/* Find the verb of an area, parse its options and check its arguments.
 * Returns 0 and the verb's index in *which, or an exit status (options'
 * args are then freed); -1 when the help of the verb was asked for and
 * printed. */
static int prepare(const char *area, const char *verb, int argc, char **argv, options *o,
                   int *which)
{
    int a = find_area(area);
    *which = find_verb(a, verb);
    if (*which < 0)
        return usage_error(L("unknown verb '%s %s'", "未知的子命令“%s %s”"), area, verb);
    const verbspec *v = &areas[a].verbs[*which];
    if (wants_help(argc, argv)) {
        int rc = print_help(1, a, v);
        return rc ? rc : -1;
    }
    char what[64];
    snprintf(what, sizeof what, "%s %s", area, verb);
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
        fprintf(stderr, L("itss: cannot open %s: %s\n", "itss: 无法打开 %s：%s\n"), path,
                errno_text(errno));
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
        fprintf(stderr, L("itss: cannot read %s: %s\n", "itss: 无法读取 %s：%s\n"), path,
                buf ? errno_text(errno) : L("out of memory", "内存不足"));
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
        return fail_hint(e, shown(path), 1);
    char *why = error_message(e);
    fprintf(stderr, "itss: %s: %s\n", shown(path), why ? why : e->message);
    itss_free(why);
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

/* A JSON document in the encoding of --encoding made UTF-8, the only
 * encoding of JSON the library reads: the converted text replaces *doc.
 * 0, or the exit status of the failure (said). */
static int json_to_utf8(const char *path, const char *encoding, char **doc, size_t *len)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1) {
        if (errno == EINVAL)
            return usage_error(L("unknown encoding '%s' (try UTF-8 or GB18030)",
                                 "未知的编码“%s”（可用 UTF-8 或 GB18030）"),
                               encoding);
        out_of_memory();
        return EXIT_INVALID;
    }
    size_t cap = *len + *len / 2 + 16, used = 0, left = *len;
    char *in = *doc, *buf = malloc(cap);
    int status = 0;
    while (buf && left) {
        char *at = buf + used;
        size_t room = cap - used;
        size_t r = iconv(cd, &in, &left, &at, &room);
        used = (size_t)(at - buf);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
            continue;
        }
        fprintf(stderr, L("itss: %s: the bytes at offset %zu are not %s text\n",
                          "itss: %s：从字节偏移 %zu 处起不是 %s 编码的文本\n"),
                shown(path), (size_t)(in - *doc), encoding);
        status = EXIT_INVALID;
        break;
    }
    iconv_close(cd);
    if (!buf) {
        out_of_memory();
        return EXIT_INVALID;
    }
    if (status) {
        free(buf);
        return status;
    }
    free(*doc);
    *doc = buf;
    *len = used;
    return 0;
}

/* Read an input document: its bytes and its format, from --input-format
 * or from its content, and the encoding to read it in (*enc: NULL for a
 * JSON document, made UTF-8 here). NULL when it cannot be read (said,
 * *status the exit status). */
static char *read_doc(const options *o, const char *path, size_t *len, itss_format *f,
                      const char **enc, int *status)
{
    char *doc = read_input(path, len);
    *status = EXIT_INVALID;
    *enc = o->encoding;
    if (!doc)
        return NULL;
    *f = (o->given & OPT_INPUT_FORMAT) ? o->input_format : itss_format_detect(doc, *len);
    if (*f == ITSS_FORMAT_JSON && *enc && strcasecmp(*enc, "UTF-8") != 0 &&
        strcasecmp(*enc, "UTF8") != 0) {
        if ((*status = json_to_utf8(path, *enc, &doc, len))) {
            free(doc);
            return NULL;
        }
        *enc = NULL;
    }
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
        return usage_error(L("'%s' cannot tell the format from the name '%s': name it %s, "
                             "or give --format",
                             "“%s”无法从文件名“%s”看出格式：请以 %s 结尾，或指定 --format"),
                           verb, out_path,
                           json_ok ? L(".json, .csv or .xlsx", ".json、.csv 或 .xlsx")
                                   : L(".csv or .xlsx", ".csv 或 .xlsx"));
    else
        return usage_error(L("'%s' needs --format %s or -o FILE", "“%s”需要 --format %s 或 -o FILE"),
                           verb, json_ok ? "json|csv|xlsx" : "csv|xlsx");
    if (*f == ITSS_FORMAT_XLSX && !out_path && isatty(STDOUT_FILENO))
        return usage_error(L("an XLSX workbook is binary and standard output is a terminal: "
                             "give -o FILE.xlsx or redirect the output",
                             "XLSX 工作簿是二进制文件，而标准输出是终端：请用 -o FILE.xlsx "
                             "或重定向输出"));
    return 0;
}

/* --input-format and --encoding read one document: not with --jsonl. */
static int jsonl_reads_json(const options *o)
{
    if ((o->given & OPT_INPUT_FORMAT) && o->input_format != ITSS_FORMAT_JSON)
        return usage_error(L("--jsonl reads JSON lines: --input-format %s does not apply",
                             "--jsonl 读取的是 JSON 行：--input-format %s 不适用"),
                           o->input_format == ITSS_FORMAT_CSV ? "csv" : "xlsx");
    if (o->given & OPT_ENCODING)
        return usage_error(L("--jsonl reads JSON lines: --encoding does not apply",
                             "--jsonl 读取的是 JSON 行：--encoding 不适用"));
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
    const char *enc;
    int status;
    char *doc = read_doc(o, path, &len, &f, &enc, &status);
    if (!doc)
        return status;
    status = read(ctx, doc, len, f, enc, out, &e) ? fail_doc(&e, path, f) : 0;
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
        const char *enc;
        int rc;
        char *doc = read_doc(o, path, &len, &f, &enc, &rc);
        if (!doc) {
            status = status > rc ? status : rc;
            continue;
        }
        itss_problem_list *p = NULL;
        itss_error e;
        char *out = NULL;
        size_t n = 0;
        int json = o->format != ITSS_FORMAT_TEXT;
        if (check(ctx, doc, len, f, enc, &p, &e) ||
            itss_problem_list_render(p, shown(path), json ? ITSS_FORMAT_JSON : ITSS_FORMAT_TEXT,
                                     o->lang, &out, &n, &e)) {
            rc = fail_doc(&e, path, f);
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
    options o = {0};
    int v;
    int status = prepare("class", verb, argc, argv, &o, &v);
    if (status)
        return status > 0 ? status : 0;
    if (v == 5 && !!o.to == !!o.from) {
        free(o.args);
        return usage_error(L("'class map' needs exactly one of --to SCHEME or --from SCHEME",
                             "“class map”需要 --to SCHEME 或 --from SCHEME，二者只取其一"));
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
            out_of_memory();
            status = EXIT_INVALID;
            break;
        }
        rc = itss_class_search(cat, arg, list, n, &n, &e);
        if (!rc)
            rc = itss_class_list_render(list, n, o.format, o.lang, &out, NULL, &e);
        free(list);
        if (!rc && n == 0) {
            fprintf(stderr, L("itss: no class name contains '%s'\n", "itss: 没有名称含“%s”的类别\n"),
                    arg);
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
            fprintf(stderr, L("itss: %zu of %d codes are not valid\n",
                              "itss: %zu 个代码无效（共 %d 个）\n"),
                    invalid, o.nargs);
            status = EXIT_INVALID;
        }
        break;
    }
    case 5: {
        const itss_crosswalk *x;
        if (itss_crosswalk_lookup(cat, o.to ? o.to : o.from, &x, &e)) {
            char *why = error_message(&e);
            status = usage_error("%s", why ? why : e.message);
            itss_free(why);
            break;
        }
        size_t n = 0;
        itss_direction dir = o.to ? ITSS_FORWARD : ITSS_REVERSE;
        rc = itss_crosswalk_map(x, dir, arg, NULL, 0, &n, &e);
        if (!rc)
            rc = itss_crosswalk_render(x, dir, arg, o.format, o.lang, &out, NULL, &e);
        if (!rc && n == 0) {
            fprintf(stderr, L("itss: %s has no counterpart in %s\n", "itss: %s 在 %s 中没有对应的类别\n"),
                    arg,
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

/* 1 if the line holds nothing but JSON white space. */
static int blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return 0;
    return 1;
}

/* The error of a line on standard error: FILE:LINE:COLUMN: message, the
 * column counted in the line, or FILE:LINE: message when the error has no
 * place in it. */
static void jsonl_error(const char *path, size_t lineno, const itss_error *e)
{
    itss_error bare = *e; /* the message and its path, without the place */
    bare.line = bare.column = bare.position = 0;
    char *text = NULL;
    int got = itss_error_describe(&bare, 0, ITSS_FORMAT_TEXT, msg_lang, &text, NULL, NULL) == 0;
    fprintf(stderr, "itss: %s:%zu:", shown(path), lineno);
    if (e->line)
        fprintf(stderr, "%zu:", e->column);
    fprintf(stderr, " %s\n", got ? text : e->message);
    itss_free(text);
}

static int jsonl(const char *path, line_fn fn, const void *ctx)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, L("itss: cannot open %s: %s\n", "itss: 无法打开 %s：%s\n"), path,
                errno_text(errno));
        return EXIT_INVALID;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, failed = 0, len;
    int more, cut;
    line_reader *reader = calloc(1, sizeof *reader);
    if (!reader) {
        if (f != stdin)
            fclose(f);
        out_of_memory();
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
        int rc, own = !cut && blank(line, len);
        if (own) { /* the tool's own message: nothing for the library to read */
            memset(&e, 0, sizeof e);
            e.code = rc = ITSS_EPARSE;
            snprintf(e.message, sizeof e.message, "%s",
                     L("the line is empty: each line holds one JSON document",
                       "空行：每一行应是一个 JSON 文档"));
        } else {
            rc = fn(ctx, line, len, &out, &outlen, &e);
        }
        if (rc) {
            failed++;
            jsonl_error(path, lineno, &e);
            if ((own ? itss_error_render(&e, lineno, ITSS_FORMAT_JSON, &out, &outlen, NULL)
                     : itss_error_describe(&e, lineno, ITSS_FORMAT_JSON, msg_lang, &out,
                                           &outlen, NULL)) != 0) {
                out_of_memory();
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
        fprintf(stderr, L("itss: cannot read %s\n", "itss: 无法读取 %s\n"), shown(path));
        return EXIT_INVALID;
    }
    if (failed)
        fprintf(stderr, L("itss: %zu of %zu lines failed\n", "itss: %zu 行出错（共 %zu 行）\n"),
                failed, lineno);
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
        out_of_memory();
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
        out_of_memory();
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
    options o = {0};
    int v;
    int status = prepare("maturity", verb, argc, argv, &o, &v);
    if (status)
        return status > 0 ? status : 0;
    if ((o.given & OPT_JSONL) && (o.given & OPT_FORMAT) && o.format != ITSS_FORMAT_JSON_PRETTY)
        status = usage_error(L("--jsonl writes JSON lines: --format %s does not apply",
                               "--jsonl 输出的是 JSON 行：--format %s 不适用"),
                             o.format == ITSS_FORMAT_TEXT   ? "text"
                             : o.format == ITSS_FORMAT_HTML ? "html"
                             : o.format == ITSS_FORMAT_CSV  ? "csv"
                                                            : "svg");
    else if (o.given & OPT_JSONL)
        status = jsonl_reads_json(&o);
    if (!status && (o.given & OPT_ROWS) && o.domain_rows &&
        (o.format == ITSS_FORMAT_HTML || o.format == ITSS_FORMAT_SVG || (o.given & OPT_JSONL)))
        status = usage_error(L("--rows domain writes text, json or csv",
                               "--rows domain 只输出 text、json 或 csv"));
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
        for (size_t i = 0; !rc && i < itss_maturity_model_warning_count(m); i++) {
            itss_error w = {0}; /* a message of the library, in the language */
            snprintf(w.message, sizeof w.message, "%s", itss_maturity_model_warning_message(m, i));
            char *why = error_message(&w);
            fprintf(stderr, L("itss: %s: warning: %s (at %s)\n", "itss: %s: 警告：%s（位置 %s）\n"),
                    o.model, why ? why : w.message, itss_maturity_model_warning_path(m, i));
            itss_free(why);
        }
    } else {
        m = itss_maturity_model_builtin();
    }
    if (!rc)
        status = resolve_level(m, "--target", o.target_text, &o.target);
    if (!rc && !status)
        status = resolve_level(m, "--level", o.level_text, &o.level);
    if (!rc && !status && (size_t)o.target > itss_maturity_model_level_count(m))
        status = usage_error(L("--target %d: the model has levels 1 to %zu",
                               "--target %d：该模型的级别为 1 到 %zu"),
                             o.target,
                             itss_maturity_model_level_count(m));
    if (!rc && !status && (size_t)o.level > itss_maturity_model_level_count(m))
        status = usage_error(L("--level %d: the model has levels 1 to %zu",
                               "--level %d：该模型的级别为 1 到 %zu"),
                             o.level,
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
            fprintf(stderr, L("itss: %s: the evaluation is of service %s, not %s\n",
                              "itss: %s：该评价的服务是 %s，而不是 %s\n"),
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
            out_of_memory();
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
    options o = {0};
    int v;
    int status = prepare("quality", verb, argc, argv, &o, &v);
    if (status)
        return status > 0 ? status : 0;
    if (o.catalog && o.catalog_add)
        status = usage_error(L("give --catalog (instead of the built-in indicators) or "
                               "--catalog-add (on top of them), not both",
                               "--catalog（代替内置指标）和 --catalog-add（加在内置指标之上）"
                               "只能给出一个"));
    else if ((v == 3 || v == 6) && !o.service)
        status = usage_error(L("'quality %s' needs --service CODE", "“quality %s”需要 --service CODE"),
                             v == 3 ? "scheme" : "template");
    else if ((o.given & OPT_JSONL) && (o.given & OPT_FORMAT) &&
             o.format != ITSS_FORMAT_JSON_PRETTY)
        status = usage_error(L("--jsonl writes JSON lines: --format %s does not apply",
                               "--jsonl 输出的是 JSON 行：--format %s 不适用"),
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
            out_of_memory();
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
    options o = {0};
    int v;
    int status = prepare("standard", verb, argc, argv, &o, &v);
    if (status)
        return status > 0 ? status : 0;
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
                out_of_memory();
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

/* --lang takes effect before anything else is read, so that every
 * message is in its language, also one about the options before it. The
 * last --lang wins, as in the parse; a value that is not a language is
 * said in both languages. 0, or the exit status. */
static int scan_lang(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *a = argv[i], *value = NULL;
        if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            value = argv[++i];
        } else if (strncmp(a, "--lang=", 7) == 0) {
            value = a + 7;
        } else {
            for (size_t k = 0; k < sizeof optdefs / sizeof optdefs[0]; k++)
                if (optdefs[k].has_value && strcmp(a, optdefs[k].name) == 0)
                    i++; /* its value is not an option */
            continue;
        }
        itss_lang lang;
        if (itss_lang_parse(value, &lang, NULL) != 0) {
            fprintf(stderr,
                    "itss: --lang 须为 zh 或 en，而不是“%s”\n"
                    "itss: --lang must be zh or en, not '%s'\n"
                    "用法见“itss help”\nTry 'itss help' for usage.\n",
                    value, value);
            return EXIT_USAGE;
        }
        msg_lang = lang;
    }
    return 0;
}

/* itss help [AREA [VERB]]: the help of the tool, an area or a verb. */
static int help_command(int argc, char **argv)
{
    const char *words[2] = {NULL, NULL};
    int n = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            i++; /* read by scan_lang */
        else if (strncmp(argv[i], "--lang=", 7) == 0 || strcmp(argv[i], "--help") == 0)
            continue;
        else if (argv[i][0] == '-')
            return usage_error(L("unknown option '%s'", "未知的选项“%s”"), argv[i]);
        else if (n == 2)
            return usage_error(L("too many arguments for '%s'", "“%s”的参数太多"), "help");
        else
            words[n++] = argv[i];
    }
    int area = -1, verb = -1;
    if (words[0] && (area = find_area(words[0])) < 0)
        return usage_error(L("unknown command '%s'", "未知的命令“%s”"), words[0]);
    if (words[1] && (verb = find_verb(area, words[1])) < 0)
        return usage_error(L("unknown verb '%s %s'", "未知的子命令“%s %s”"), words[0], words[1]);
    return print_help(1, area, verb < 0 ? NULL : &areas[area].verbs[verb]);
}

static int run(int argc, char **argv)
{
    int status = scan_lang(argc, argv);
    if (status)
        return status;
    /* --lang may also come first: itss --lang en help */
    while (argc > 1 && (strncmp(argv[1], "--lang=", 7) == 0 ||
                        (strcmp(argv[1], "--lang") == 0 && argc > 2))) {
        int n = argv[1][6] ? 1 : 2;
        argv += n;
        argc -= n;
    }
    if (argc < 2)
        return print_help(0, -1, NULL);
    const char *area = argv[1];
    if (strcmp(area, "--version") == 0 || strcmp(area, "version") == 0) {
        char line[128];
        int n = snprintf(line, sizeof line, "itss %s (libitss %s)\n", ITSS_VERSION_STRING,
                         itss_version_string());
        out_write(line, n > 0 && (size_t)n < sizeof line ? (size_t)n : 0);
        return 0;
    }
    if (strcmp(area, "--help") == 0 || strcmp(area, "-h") == 0 || strcmp(area, "help") == 0)
        return help_command(argc, argv);
    int a = find_area(area);
    if (a < 0)
        return usage_error(L("unknown command '%s'", "未知的命令“%s”"), area);
    if (argc < 3)
        return usage_error(L("'%s' needs a verb", "“%s”后面需要一个子命令"), area);
    if (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0 ||
        strcmp(argv[2], "help") == 0)
        return print_help(1, a, NULL);
    return a == 0   ? class_main(argv[2], argc - 3, argv + 3)
           : a == 1 ? maturity_main(argv[2], argc - 3, argv + 3)
           : a == 2 ? quality_main(argv[2], argc - 3, argv + 3)
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
