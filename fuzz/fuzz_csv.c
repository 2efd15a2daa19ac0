/* The CSV worksheet reader, on the input as UTF-8 and as GB18030. */
#include "fuzz_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const encodings[] = {NULL, "GB18030"};
    for (size_t i = 0; i < 2; i++) {
        itss__book *b = (itss__book *)1;
        itss_error e;
        int rc = itss__book_read_csv((const char *)data, size, encodings[i], &b, &e);
        fuzz_check_book(rc, &e, b, ITSS_FORMAT_CSV);
        if (!encodings[i] && rc == ITSS_EPARSE && e.line)
            FUZZ_CHECK(e.column >= 1);
    }
    return 0;
}
