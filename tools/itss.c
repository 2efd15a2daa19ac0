/*
 * itss — command-line front end of libitss. Uses the public API only: it
 * parses arguments, calls the library and prints what the library renders.
 *
 * Exit status: 0 success; 1 not found or invalid input (message on stderr);
 * 2 usage error.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#define EXIT_NOTFOUND 1
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
    "\n"
    "Options:\n"
    "  --format text|json   output for people (default) or JSON\n"
    "  --lang zh|en         language of text output (default zh)\n"
    "  --catalog FILE       use a catalog from FILE instead of the built-in one\n"
    "  --version            print the version and exit\n"
    "  --help, help         print this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 not found or invalid input, 2 usage error.\n"
    "See itss(1) for details.\n";

typedef struct {
    itss_format format;
    itss_lang lang;
    const char *catalog;
    const char *to;
    const char *from;
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
    if (file && e->line > 0)
        fprintf(stderr, "itss: %s:%zu:%zu: %s", file, e->line, e->column, e->message);
    else if (file)
        fprintf(stderr, "itss: %s: %s", file, e->message);
    else
        fprintf(stderr, "itss: %s", e->message);
    if (e->path[0])
        fprintf(stderr, " (at %s)", e->path);
    fputc('\n', stderr);
    return e->code == ITSS_EINVAL ? EXIT_USAGE : EXIT_NOTFOUND;
}

static int print_owned(char *text)
{
    fputs(text, stdout);
    size_t n = strlen(text);
    if (n == 0 || text[n - 1] != '\n')
        fputc('\n', stdout);
    itss_free(text);
    return 0;
}

/* Parse the options that follow AREA VERB; positional arguments are kept in
 * order. Returns 0 or an exit status. */
static int parse_options(int argc, char **argv, options *o)
{
    o->format = ITSS_FORMAT_TEXT;
    o->lang = ITSS_LANG_ZH;
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->args) {
        fputs("itss: out of memory\n", stderr);
        return EXIT_NOTFOUND;
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
        const char *names[] = {"--format", "--lang", "--catalog", "--to", "--from"};
        const char *value = NULL;
        int which = -1;
        for (int k = 0; k < 5; k++) {
            size_t n = strlen(names[k]);
            if (strncmp(a, names[k], n) == 0 && (a[n] == 0 || a[n] == '=')) {
                which = k;
                if (a[n] == '=')
                    value = a + n + 1;
                else if (i + 1 < argc)
                    value = argv[++i];
                else
                    return usage_error("option %s needs a value", names[k]);
                break;
            }
        }
        switch (which) {
        case 0:
            if (strcmp(value, "text") == 0)
                o->format = ITSS_FORMAT_TEXT;
            else if (strcmp(value, "json") == 0)
                o->format = ITSS_FORMAT_JSON_PRETTY;
            else
                return usage_error("--format must be text or json, not '%s'", value);
            break;
        case 1:
            if (itss_lang_parse(value, &o->lang) != 0)
                return usage_error("--lang must be zh or en, not '%s'", value);
            break;
        case 2: o->catalog = value; break;
        case 3: o->to = value; break;
        case 4: o->from = value; break;
        default: return usage_error("unknown option '%s'", a);
        }
    }
    return 0;
}

/* ---- class ------------------------------------------------------------ */

static int class_main(const char *verb, options *o)
{
    itss_error e;
    const itss_catalog *cat = NULL;
    itss_catalog *own = NULL;
    char *out = NULL;
    int status = 0;

    static const char *const verbs[] = {"show", "search", "tree", "export", "validate", "map"};
    int v = -1;
    for (int k = 0; k < 6; k++)
        if (strcmp(verb, verbs[k]) == 0)
            v = k;
    if (v < 0)
        return usage_error("unknown verb 'class %s'", verb);
    /* argument counts: show 1, search 1, tree 0-1, export 0-1, validate 1+, map 1 */
    int need_min = (v == 2 || v == 3) ? 0 : 1;
    int need_max = v == 4 ? 1 << 30 : 1;
    if (o->nargs < need_min)
        return usage_error("'class %s' needs an argument", verb);
    if (o->nargs > need_max)
        return usage_error("too many arguments for 'class %s'", verb);
    if ((o->to || o->from) && v != 5)
        return usage_error("--to and --from only apply to 'class map'");
    if (v == 5 && !!o->to == !!o->from)
        return usage_error("'class map' needs exactly one of --to SCHEME or --from SCHEME");

    if (o->catalog) {
        if (itss_catalog_load_file(o->catalog, &own, &e))
            return fail(&e, o->catalog);
        cat = own;
    } else if (itss_catalog_builtin(&cat, &e)) {
        return fail(&e, NULL);
    }

    const char *arg = o->nargs ? o->args[0] : NULL;
    int rc = 0;
    switch (v) {
    case 0: {
        const itss_class *c;
        rc = itss_class_lookup(cat, arg, &c, &e);
        if (!rc)
            rc = itss_class_render(c, o->format, o->lang, &out, NULL, &e);
        break;
    }
    case 1: {
        size_t n = 0;
        rc = itss_class_search(cat, arg, NULL, 0, &n, &e);
        if (rc)
            break;
        const itss_class **list = calloc(n ? n : 1, sizeof *list);
        if (!list) {
            fputs("itss: out of memory\n", stderr);
            status = EXIT_NOTFOUND;
            break;
        }
        rc = itss_class_search(cat, arg, list, n, &n, &e);
        if (!rc)
            rc = itss_class_list_render(list, n, o->format, o->lang, &out, NULL, &e);
        free(list);
        if (!rc && n == 0) {
            fprintf(stderr, "itss: no class name contains '%s'\n", arg);
            status = EXIT_NOTFOUND;
        }
        break;
    }
    case 2: rc = itss_catalog_tree(cat, arg, o->format, o->lang, &out, NULL, &e); break;
    case 3: rc = itss_catalog_export(cat, arg, o->format, o->lang, &out, NULL, &e); break;
    case 4: {
        size_t invalid = 0;
        rc = itss_code_validate_render(cat, o->args, (size_t)o->nargs, o->format, o->lang,
                                       &out, NULL, &invalid, &e);
        if (!rc && invalid) {
            fprintf(stderr, "itss: %zu of %d codes are not valid\n", invalid, o->nargs);
            status = EXIT_NOTFOUND;
        }
        break;
    }
    case 5: {
        const itss_crosswalk *x;
        const char *scheme = o->to ? o->to : o->from;
        rc = itss_catalog_crosswalk(cat, scheme, &x, &e);
        if (rc) {
            itss_catalog_free(own);
            return usage_error("%s", e.message);
        }
        size_t n = 0;
        rc = o->to ? itss_crosswalk_map(x, arg, NULL, 0, &n, &e)
                   : itss_crosswalk_map_reverse(x, arg, NULL, 0, &n, &e);
        if (!rc)
            rc = itss_crosswalk_render(x, arg, o->from != NULL, o->format, o->lang, &out,
                                       NULL, &e);
        if (!rc && n == 0) {
            fprintf(stderr, "itss: %s has no counterpart in %s\n", arg,
                    o->to ? itss_crosswalk_scheme(x) : itss_catalog_edition(cat));
            status = EXIT_NOTFOUND;
        }
        break;
    }
    }
    if (rc)
        status = fail(&e, NULL);
    else if (out)
        print_owned(out);
    itss_catalog_free(own);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *area = argv[1];
    if (strcmp(area, "--version") == 0 || strcmp(area, "version") == 0) {
        printf("itss %s (libitss %s)\n", ITSS_VERSION_STRING, itss_version_string());
        return 0;
    }
    if (strcmp(area, "--help") == 0 || strcmp(area, "-h") == 0 || strcmp(area, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(area, "class") != 0)
        return usage_error("unknown command '%s'", area);
    if (argc < 3)
        return usage_error("'%s' needs a verb", area);
    if (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    options o;
    memset(&o, 0, sizeof o);
    int rc = parse_options(argc - 3, argv + 3, &o);
    if (rc == 0)
        rc = class_main(argv[2], &o);
    free(o.args);
    return rc;
}
