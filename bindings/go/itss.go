// Package itss is the Go binding of libitss, a C library that implements
// China's Information Technology Service Standards (ITSS):
//
//   - GB/T 29264-2012 classification of IT services: lookup, validation,
//     hierarchy, search and crosswalks (LookupClass, ValidateCode, ...);
//   - T/CESA 1299-2023 O&M service capability maturity: rating assessments
//     against the built-in model or your own (RateMaturity, ...);
//   - GB/T 33850-2017 IT service quality: indicator catalogs, scoring,
//     comparison over time and AHP weights (ScoreQuality, AHP, ...).
//
// Every rule is computed by libitss (libitss.so.1, pkg-config name "itss");
// this package only converts between Go values and the library's C API and
// JSON documents, so Go programs get exactly the answers of the C library.
//
// # Ownership
//
// Values returned by this package (strings, byte slices, structs) are Go
// memory owned by the caller; the package copies what the library returns
// and releases the library's buffers itself. Objects you load yourself
// (Catalog, MaturityModel, IndicatorCatalog) hold C memory: release them
// with Close when you are done. A finalizer closes a forgotten handle as a
// safety net, but its timing is up to the garbage collector. The built-in
// catalog and models are part of the library and live until the process
// ends; Close on them does nothing.
//
// # Errors
//
// Failures are *Error values carrying the library's status code and its
// message, plus the JSON Pointer, line, column and byte offset of the
// offending token when an input document is at fault. Compare with the
// sentinels (errors.Is(err, itss.ErrNotFound)) or extract the details
// (errors.As(err, &e) with var e *itss.Error). Messages are in English;
// e.MessageIn(itss.LangZH) gives one in Chinese.
//
// # Names
//
// Whatever loads has a document form and a file form: LoadCatalog and
// LoadCatalogFile, LoadIndicatorCatalog and LoadIndicatorCatalogFile,
// LoadAssessment and LoadAssessmentFile, LoadEvaluation and
// LoadEvaluationFile, LoadMaturityModelJSON and LoadMaturityModelFile.
// Results come decoded into structs (MaturityResult, QualityResult,
// MaturityComparison, QualityComparison, AHPResult) whose fields carry the
// keys of the library's JSON documents (docs/json-formats.md); the
// methods named ...JSON return those documents as bytes. Package-level
// functions use the built-in catalogs and model; the methods of a Catalog,
// MaturityModel or IndicatorCatalog do the same with one you load.
//
// # Threads
//
// Every function and method may be called from any number of goroutines at
// once: the library has no global mutable state and its built-in models,
// catalogs and results are immutable. A handle may be shared between
// goroutines; Close waits for the calls in progress on it, and calls made
// after Close report ErrInvalid.
package itss

/*
#cgo pkg-config: itss
#include <stdlib.h>
#include <itss/itss.h>

#if ITSS_SOVERSION != 1
#error "this Go package needs libitss ABI 1 (libitss.so.1)"
#endif

static const char *itss_go_header_version(void) { return ITSS_VERSION_STRING; }

// A non-NULL pointer for empty inputs: the library refuses a NULL document
// even when its length is 0.
static const char itss_go_empty[1] = "";
static const char *itss_go_empty_ptr(void) { return itss_go_empty; }
*/
import "C"

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unsafe"
)

// Version returns the version of the libitss library loaded at run time, as
// "MAJOR.MINOR.PATCH" (itss_version_string).
func Version() string {
	return C.GoString(C.itss_version_string())
}

// HeaderVersion returns the version of the libitss headers this package was
// compiled against (ITSS_VERSION_STRING).
func HeaderVersion() string {
	return C.GoString(C.itss_go_header_version())
}

// CheckVersion reports an error when the library loaded at run time may
// lack what the headers this package was compiled against promise: from
// 1.0 on, a library of another major version, or of the same major version
// but an older minor one (minor versions only add to the API); before 1.0,
// a library of another major.minor version. The patch version does not
// matter. The shared object's ABI (libitss.so.1) is checked at compile
// time.
func CheckVersion() error {
	run, hdr := Version(), HeaderVersion()
	if !versionServes(run, hdr) {
		return goError(cEINVAL, "libitss %s is loaded but this Go package was built with the headers of libitss %s", run, hdr)
	}
	return nil
}

// versionServes reports whether a library of version run serves a program
// built with the headers of version hdr (see CheckVersion).
func versionServes(run, hdr string) bool {
	rmaj, rmin, ok1 := majorMinor(run)
	hmaj, hmin, ok2 := majorMinor(hdr)
	switch {
	case !ok1 || !ok2 || rmaj != hmaj:
		return false
	case hmaj == 0:
		return rmin == hmin
	default:
		return rmin >= hmin
	}
}

// majorMinor reads the major and minor numbers of "MAJOR.MINOR.PATCH";
// ok is false when v does not have that form.
func majorMinor(v string) (major, minor int, ok bool) {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 || p != strconv.Itoa(x) {
			return 0, 0, false
		}
		n[i] = x
	}
	return n[0], n[1], true
}

// ---- errors ----------------------------------------------------------------

// Error is a failure reported by libitss (the C itss_error record). It is
// plain Go data owned by the caller.
type Error struct {
	// Code is the library's negative status code (ITSS_E*, e.g. -3).
	Code int
	// Name is the symbolic name of Code, e.g. "ITSS_ENOTFOUND".
	Name string
	// Message is one line naming what is wrong and the offending value.
	Message string
	// Path is the JSON Pointer (RFC 6901) of the offending value in an input
	// document, e.g. "/ratings/7.4.4.z"; "" when the error is not about a
	// document.
	Path string
	// Line and Column (1-based; columns count Unicode code points) locate
	// the offending token in an input document; 0 when there is no location.
	Line, Column int
	// Position is the 0-based byte offset of the same token; meaningful only
	// when Line > 0.
	Position int
}

// Error returns "[line:column: ]message[ (at path)]".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Column)
	}
	b.WriteString(e.Message)
	if e.Path != "" {
		fmt.Fprintf(&b, " (at %s)", e.Path)
	}
	return b.String()
}

// MessageIn returns Message in lang (LangZH or LangEN), as the library
// words it (itss_error_message): the library recognises the kind of a
// message it wrote and writes that kind in lang, the names, values and
// paths it quotes as they are. Message itself, and Error(), stay in
// English. A message of no kind the library writes (one made on the Go
// side, or one of your own) comes back as it is, and so does Message when lang
// is neither LangZH nor LangEN or the library cannot answer (out of
// memory). A nil *Error gives "".
func (e *Error) MessageIn(lang Lang) string {
	if e == nil {
		return ""
	}
	if lang != LangZH && lang != LangEN ||
		len(e.Message) >= C.ITSS_ERROR_MESSAGE_SIZE || strings.IndexByte(e.Message, 0) >= 0 {
		return e.Message // not a record the library could have written
	}
	var rec C.itss_error
	rec.code = C.int(e.Code)
	copyCString(rec.message[:], e.Message)
	copyCString(rec.path[:], e.Path)
	if e.Line > 0 {
		rec.line = C.size_t(e.Line)
		rec.column = C.size_t(e.Column)
		rec.position = C.size_t(e.Position)
	}
	var out *C.char
	var n C.size_t
	var err C.itss_error
	if rc := C.itss_error_message(&rec, C.itss_lang(lang), &out, &n, &err); rc != 0 {
		return e.Message
	}
	return string(takeOutput(out, n))
}

// copyCString writes s into the fixed C field dst, NUL-terminated, cut at
// the field's size (and at a NUL byte of s).
func copyCString(dst []C.char, s string) {
	if len(dst) == 0 {
		return
	}
	i := 0
	for ; i < len(s) && i < len(dst)-1 && s[i] != 0; i++ {
		dst[i] = C.char(s[i])
	}
	dst[i] = 0
}

// Is reports whether target is an *Error with the same Code, so that
// errors.Is(err, itss.ErrNotFound) holds for every "not found" failure.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t != nil && e != nil && t.Code == e.Code
}

func sentinel(code C.int) *Error {
	return &Error{Code: int(code), Name: codeName(int(code)), Message: C.GoString(C.itss_strerror(code))}
}

// Sentinel errors, one per libitss status code. Use them with errors.Is;
// they compare by Code only.
var (
	ErrInvalid     = sentinel(C.ITSS_EINVAL)       // invalid argument (API misuse)
	ErrNoMemory    = sentinel(C.ITSS_ENOMEM)       // out of memory
	ErrNotFound    = sentinel(C.ITSS_ENOTFOUND)    // a well-formed identifier that names nothing
	ErrParse       = sentinel(C.ITSS_EPARSE)       // not well-formed JSON (or not UTF-8)
	ErrSchema      = sentinel(C.ITSS_ESCHEMA)      // wrong type, missing or unknown key
	ErrValue       = sentinel(C.ITSS_EVALUE)       // right type, unacceptable value
	ErrDuplicate   = sentinel(C.ITSS_EDUPLICATE)   // a key or identifier appears twice
	ErrModel       = sentinel(C.ITSS_EMODEL)       // a model or catalog contradicts itself
	ErrIO          = sentinel(C.ITSS_EIO)          // a file could not be read
	ErrLimit       = sentinel(C.ITSS_ELIMIT)       // a documented limit is exceeded
	ErrConsistency = sentinel(C.ITSS_ECONSISTENCY) // an AHP matrix with CR >= 0.10
	ErrInternal    = sentinel(C.ITSS_EINTERNAL)    // the library broke one of its own rules (a bug)
)

func codeName(code int) string {
	if n := C.itss_strerror_name(C.int(code)); n != nil {
		return C.GoString(n)
	}
	return fmt.Sprintf("ITSS_E%d", code)
}

// newError copies a C error record returned with status rc.
func newError(rc C.int, e *C.itss_error) error {
	code := int(rc)
	if e.code != 0 {
		code = int(e.code)
	}
	out := &Error{
		Code:    code,
		Name:    codeName(code),
		Message: C.GoString(&e.message[0]),
		Path:    C.GoString(&e.path[0]),
	}
	if e.line > 0 {
		out.Line = int(e.line)
		out.Column = int(e.column)
		out.Position = int(e.position)
	}
	if out.Message == "" {
		out.Message = C.GoString(C.itss_strerror(rc))
	}
	return out
}

// goError is an error detected on the Go side before the library is called
// (a Go value that cannot be handed to C), with the library's codes.
func goError(code int, format string, args ...any) error {
	return &Error{Code: code, Name: codeName(code), Message: fmt.Sprintf(format, args...)}
}

// Status codes used by errors made on the Go side.
const (
	cEINVAL = int(C.ITSS_EINVAL)
	cEVALUE = int(C.ITSS_EVALUE)
	cEPARSE = int(C.ITSS_EPARSE)
)

// ---- passing data to C and back ----------------------------------------------

// cstr is a C copy of a Go string; free it with C.free (it is our memory,
// not the library's). Strings with a NUL byte cannot be passed to C.
func cstr(what, s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, goError(cEINVAL, "%s %q contains a NUL byte", what, s)
	}
	return C.CString(s), nil
}

// cInt is an int argument for C, checked against the range low..high that
// the argument documents (a range a C int holds), so that no value reaches
// the library truncated: outside it, ErrInvalid naming the value and the
// range, with note (e.g. " (0 = all levels)") added.
func cInt(what string, v, low, high int, note string) (C.int, error) {
	if v < low || v > high {
		return 0, goError(cEINVAL, "%s %d is outside %d..%d%s", what, v, low, high, note)
	}
	return C.int(v), nil
}

// cstrOrNull is cstr, with "" giving NULL.
func cstrOrNull(what, s string) (*C.char, error) {
	if s == "" {
		return nil, nil
	}
	return cstr(what, s)
}

func cfree(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// docPtr points C at a document held in Go memory (the library copies what
// it keeps and does not retain the pointer). An empty document gets a valid
// pointer too.
func docPtr(doc []byte) (*C.char, C.size_t) {
	if len(doc) == 0 {
		return C.itss_go_empty_ptr(), 0
	}
	return (*C.char)(unsafe.Pointer(&doc[0])), C.size_t(len(doc))
}

// takeOutput copies a buffer the library returned through an out-parameter
// and releases it with itss_free.
func takeOutput(p *C.char, n C.size_t) []byte {
	if p == nil {
		return nil
	}
	defer C.itss_free(unsafe.Pointer(p))
	out := make([]byte, int(n))
	copy(out, unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)))
	return out
}

// marshalDoc writes a Go value as a JSON document for the library: no HTML
// escaping, no trailing newline. Values JSON cannot carry (NaN, infinities,
// channels...) are reported as library-style errors.
func marshalDoc(what string, v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		var ie *Error
		if errors.As(err, &ie) { // from a MarshalJSON method of this package
			return nil, ie
		}
		code := cEINVAL
		var uv *json.UnsupportedValueError
		if errors.As(err, &uv) {
			code = cEVALUE
		}
		return nil, goError(code, "%s cannot be written as JSON: %v", what, err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// decodeResult decodes a JSON document written by the library.
func decodeResult(doc []byte, v any) error {
	if err := json.Unmarshal(doc, v); err != nil {
		return goError(cEPARSE, "cannot decode the library's JSON output: %v", err)
	}
	return nil
}

// decoded is a JSON output of the library decoded into a new T, or the
// error that came instead of it.
func decoded[T any](doc []byte, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	v := new(T)
	if err := decodeResult(doc, v); err != nil {
		return nil, err
	}
	return v, nil
}
