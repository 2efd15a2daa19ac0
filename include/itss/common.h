/*
 * libitss — common definitions: status codes, the error record, memory release,
 * the language and format selectors and the export macro.
 *
 * The grammar of every libitss header (docs/api-conventions.md has it in full):
 *  - itss_<type>_<verb or property>; <type> is the object the function works
 *    on (its first parameter) or, for constructors and lookups, the object it
 *    produces. The operations of an area are itss_<area>_<verb>
 *    (itss_maturity_rate, itss_quality_score, itss_class_search,
 *    itss_code_validate, itss_ahp_weights).
 *  - A function that can fail returns int, 0 (ITSS_OK) or a negative ITSS_E*
 *    code, and takes `itss_error *err` (may be NULL) as its last parameter.
 *    Besides the errors each header lists, any function that allocates can
 *    fail with ITSS_ENOMEM, and any that writes output with ITSS_EINTERNAL.
 *  - A getter that cannot fail returns its value directly; for a NULL object
 *    it returns NULL, 0, -1 for a level, NaN for a score or the enum value
 *    its header names. A yes/no result is an int, 1 or 0. Every _free
 *    accepts NULL.
 *  - itss_<type>_builtin(void) returns a built-in object; it cannot fail.
 *    itss_<type>_new / _load / _load_file (and _extend / _extend_file, on
 *    top of a base object) build a caller-owned object through
 *    `<type> **out`, released with itss_<type>_free.
 *  - itss_<type>_lookup(ctx, key, &out, err) finds an object by id or code
 *    (ITSS_ENOTFOUND when there is none); itss_<owner>_<elem>_count(x)
 *    returns size_t and itss_<owner>_<elem>_at(x, i) the i-th element, and
 *    itss_<owner>_<elem>_<property>(x, i) a property of it. A list computed
 *    on demand is f(x, ..., buf, cap): it writes at most cap borrowed
 *    pointers into buf and gives the total, so f(x, ..., NULL, 0) sizes it.
 *  - The context (catalog or model) is always the first parameter and is
 *    never NULL: pass itss_<type>_builtin() for the built-in one.
 *  - Objects under construction (assessments, evaluations) are built with
 *    itss_<type>_set_<what>, _add_<what> and _unset, keyed by id, and read
 *    back with getters named after what they set.
 *  - _export writes a document that the matching _load reads back;
 *    _render writes a view in the itss_format chosen.
 *  - Enumerations travel as their enum type; a yes/no choice is an enum or
 *    two functions, never an int flag.
 *  - Objects returned through an out-parameter are caller-owned; strings and
 *    buffers returned through `char **out` are released with itss_free();
 *    pointers returned by getters are borrowed from their parent object.
 *  - No global mutable state: immutable objects may be shared between threads.
 */
#ifndef ITSS_COMMON_H
#define ITSS_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(ITSS_BUILDING)
#    define ITSS_API __declspec(dllexport)
#  else
#    define ITSS_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define ITSS_API __attribute__((visibility("default")))
#else
#  define ITSS_API
#endif

/* Status codes. 0 is success; every failure is negative. New codes may be
 * added in later minor versions; existing values never change. */
#define ITSS_OK          0
#define ITSS_EINVAL     (-1)  /* invalid argument: NULL where not allowed, bad enum value */
#define ITSS_ENOMEM     (-2)  /* out of memory */
#define ITSS_ENOTFOUND  (-3)  /* well-formed identifier that names nothing */
#define ITSS_EPARSE     (-4)  /* input is not well-formed JSON (or not UTF-8) */
#define ITSS_ESCHEMA    (-5)  /* JSON is well-formed but has the wrong shape: type, missing or unknown key */
#define ITSS_EVALUE     (-6)  /* a value has the right type but is not acceptable (range, format) */
#define ITSS_EDUPLICATE (-7)  /* the same key or identifier appears twice */
#define ITSS_EMODEL     (-8)  /* a model or catalog is internally inconsistent */
#define ITSS_EIO        (-9)  /* a file could not be read or written */
#define ITSS_ELIMIT     (-10) /* the input exceeds a documented limit (size, depth, count) */
#define ITSS_ECONSISTENCY (-11) /* an AHP comparison matrix is too inconsistent (CR >= 0.10) */
#define ITSS_EINTERNAL  (-12) /* libitss broke an invariant of its own (a bug to report) */

/* The largest document (bytes) the loaders read; a larger one fails with
 * ITSS_ELIMIT. Programs that read input themselves can stop at one byte
 * more and leave the verdict to the library. */
#define ITSS_MAX_DOCUMENT_SIZE ((size_t)64 * 1024 * 1024)

/* Sizes of the fixed text fields of itss_error (bytes, including the NUL). */
#define ITSS_ERROR_MESSAGE_SIZE 320
#define ITSS_ERROR_PATH_SIZE 256

/*
 * Error record filled by failing functions when the caller supplies one.
 * Plain data, owned by the caller (usually on the stack); no cleanup needed.
 *  code      the same negative status the function returned
 *  message   UTF-8, one line, names what is wrong (and the offending value)
 *  path      JSON Pointer (RFC 6901) of the offending value in an input
 *            document, e.g. "/classes/3/code"; for a worksheet the cell,
 *            "sheet!F37" ("F37" in CSV); "" when not about a document.
 *            Truncated with "..." if longer than the field.
 *  line      1-based line of the offending token in the input (a
 *            worksheet's row); 0 = no location
 *  column    1-based column, counted in Unicode code points (a worksheet's
 *            column number, A = 1); 0 = no location
 *  position  0-based byte offset of the offending token; meaningful only
 *            when line > 0
 */
typedef struct itss_error {
    int code;
    char message[ITSS_ERROR_MESSAGE_SIZE];
    char path[ITSS_ERROR_PATH_SIZE];
    size_t line;
    size_t column;
    size_t position;
} itss_error;

/* Language selector for names, descriptions and text reports. */
typedef enum itss_lang {
    ITSS_LANG_ZH = 0, /* Chinese (the standards' own language) */
    ITSS_LANG_EN = 1  /* English (libitss's translations) */
} itss_lang;

/* Output format selector for the render functions. Every _render says
 * which formats it writes; JSON, JSON_PRETTY and TEXT are written by all,
 * the others by the functions that name them (ITSS_EINVAL otherwise). */
typedef enum itss_format {
    ITSS_FORMAT_JSON = 0,        /* compact JSON on one line, no trailing newline */
    ITSS_FORMAT_JSON_PRETTY = 1, /* JSON indented by two spaces, trailing newline */
    ITSS_FORMAT_TEXT = 2,        /* aligned text for people, in the chosen language */
    ITSS_FORMAT_HTML = 3,        /* one self-contained UTF-8 HTML page: inline CSS and SVG,
                                    no script, no external resource; prints on A4 */
    ITSS_FORMAT_SVG = 4,         /* one SVG chart (UTF-8 XML), to embed in a page */
    ITSS_FORMAT_CSV = 5,         /* comma-separated values (RFC 4180, UTF-8, CRLF, a header
                                    row); a cell a spreadsheet would read as a formula is
                                    prefixed with an apostrophe */
    ITSS_FORMAT_XLSX = 6         /* an Office Open XML workbook (.xlsx): binary, with NUL
                                    bytes, so use the length given with it */
} itss_format;

/* The format of an input document, from its content: ITSS_FORMAT_XLSX
 * for a zip archive (it starts "PK\3\4"), ITSS_FORMAT_JSON when the
 * first character after an optional UTF-8 byte-order mark and white space
 * is '{' or '[', ITSS_FORMAT_CSV otherwise (also for an empty or NULL
 * input). Cannot fail. */
ITSS_API itss_format itss_format_detect(const char *data, size_t len);

/*
 * A list of the problems found in an input document (the _check functions),
 * each as an error record: code, message, and the place — a JSON path,
 * line and column for JSON; for a worksheet the path is the cell as
 * "sheet!F37" (just "F37" for CSV), line its row and column its column
 * number (A = 1), and the message starts with "sheet S, row R, column C
 * (header): " (without the sheet for CSV). Problems come in the order of
 * the document. At most ITSS_PROBLEM_LIST_MAX are kept; _total counts every
 * one found. Caller-owned (itss_problem_list_free); the records are
 * borrowed from the list. Immutable.
 */
typedef struct itss_problem_list itss_problem_list;
#define ITSS_PROBLEM_LIST_MAX 1000

ITSS_API size_t itss_problem_list_problem_count(const itss_problem_list *p); /* 0 for NULL */
ITSS_API const itss_error *itss_problem_list_problem_at(const itss_problem_list *p, size_t i);
/* Every problem found, kept or not (>= _problem_count). 0 for NULL. */
ITSS_API size_t itss_problem_list_total(const itss_problem_list *p);
ITSS_API void itss_problem_list_free(itss_problem_list *p);
/* The list for people or programs. label names the input (a file name;
 * NULL: none) and starts each text line as "label: ". TEXT: one line per
 * problem, then a line saying how many more were found when the list is
 * cut; JSON: {"input": label or null, "total": n, "problems": [records as
 * itss_error_describe writes them, without the outer "error" key]}. The
 * messages, and the words around them, are in lang. Writes
 * JSON, JSON_PRETTY and TEXT. *out is caller-owned (itss_free). Errors:
 * ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_problem_list_render(const itss_problem_list *p, const char *label,
                                      itss_format format, itss_lang lang, char **out,
                                      size_t *len, itss_error *err);

/* A short static English description of a status code ("invalid argument",
 * ...). Never NULL: unknown codes give "unknown error". Borrowed, static. */
ITSS_API const char *itss_strerror(int code);

/* The symbolic name of a status code ("ITSS_EINVAL", ...), or NULL for a
 * value that is not a libitss code. Borrowed, static. */
ITSS_API const char *itss_strerror_name(int code);

/* Release a string or buffer that libitss returned through an out-parameter.
 * NULL is accepted and ignored. Never pass memory from another allocator. */
ITSS_API void itss_free(void *ptr);

/* Parse a language tag: "zh" or "en" (ASCII, case-insensitive) into *out.
 * Errors: ITSS_EINVAL (tag or out NULL), ITSS_EVALUE (another tag). */
ITSS_API int itss_lang_parse(const char *tag, itss_lang *out, itss_error *err);

/* The tag of a language: "zh" or "en"; NULL for a value outside the enum. */
ITSS_API const char *itss_lang_tag(itss_lang lang);

/* Describe an error record, e.g. for one line of a batch, its message as
 * it is (English; itss_error_describe writes it in a language). JSON:
 * {"error": {"code": "ITSS_EPARSE", "status": -4, "message", "path",
 * "line", "column", "position", "input_line"}} where the location keys are
 * present only when known and input_line only when not 0. Text: one line
 * "[input_line:][line:column: ]message[ (at path)]". *out is caller-owned
 * (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_error_render(const itss_error *e, size_t input_line, itss_format format,
                               char **out, size_t *len, itss_error *err);

/*
 * The message of an error record in a language. Every message the library
 * writes is of a kind from a closed catalog (a template with parameters:
 * names, values, numbers, paths); e->message holds it in English. This
 * gives the same message in lang: it recognises the kind and its
 * parameters in the English text and writes that kind in lang, the
 * parameters as they are (a parameter that is itself a message, or an
 * English phrase of the catalog, is translated too, at most five levels
 * deep). An argument message "itss_xxx: ..." keeps its function name. A
 * text of no kind of the catalog, or a message cut short at
 * ITSS_ERROR_MESSAGE_SIZE (it ends in "..."), comes back as it is, and so
 * does every message for ITSS_LANG_EN; a text of a caller's own is
 * recognised like any other (translated if it has the shape of a kind). The message is read up to its NUL
 * or the end of its field; recognising it takes time polynomial in its
 * length, whatever it holds. *out is caller-owned (itss_free); *len (if
 * len is not NULL) its length. Errors: ITSS_EINVAL, ITSS_ENOMEM.
 */
ITSS_API int itss_error_message(const itss_error *e, itss_lang lang, char **out, size_t *len,
                                itss_error *err);

/* itss_error_render with the message (and the words around it) in lang,
 * as itss_error_message gives it: TEXT "[input_line:][line:column:] message[（位置 path）]"
 * in Chinese (a space before the message after a location); in JSON only
 * "message" changes. ITSS_LANG_EN gives what itss_error_render gives.
 * The record's fields are read up to their NUL or their end. Writes JSON,
 * JSON_PRETTY and TEXT. *out is caller-owned (itss_free); *len (if len is
 * not NULL) its length. Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_error_describe(const itss_error *e, size_t input_line, itss_format format,
                                 itss_lang lang, char **out, size_t *len, itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_COMMON_H */
