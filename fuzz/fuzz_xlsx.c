/* The XLSX worksheet reader. */
#include "fuzz_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss__book *b = (itss__book *)1;
    itss_error e;
    int rc = itss__book_read_xlsx((const char *)data, size, &b, &e);
    fuzz_check_book(rc, &e, b, ITSS_FORMAT_XLSX);
    return 0;
}
