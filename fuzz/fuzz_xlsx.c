/* The XLSX worksheet reader. An input whose first byte is odd is parts
 * to wrap into a workbook: the rest up to a byte 0x01 is the worksheet
 * part, the rest after it the shared strings part, stored (not deflated)
 * with fixed content types, workbook and relationships, so that the
 * mutations reach the XML handlers past the zip's checksums. Any other
 * input is read as the workbook itself. */
#include "fuzz_sheet.h"

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

typedef struct zbuf {
    unsigned char *data;
    size_t len;
} zbuf;

static void put(zbuf *z, const void *p, size_t n)
{
    memcpy(z->data + z->len, p, n);
    z->len += n;
}

static void le(zbuf *z, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        z->data[z->len++] = (unsigned char)(v >> (8 * i));
}

typedef struct zpart {
    const char *name;
    const unsigned char *data;
    size_t len;
    uint32_t offset, crc;
} zpart;

/* A stored zip of the parts in a malloc'd buffer. */
static zbuf zip(zpart *parts, size_t n)
{
    size_t cap = 22;
    for (size_t i = 0; i < n; i++)
        cap += 30 + 46 + 2 * strlen(parts[i].name) + parts[i].len;
    zbuf z = {malloc(cap), 0};
    FUZZ_CHECK(z.data != NULL);
    for (size_t i = 0; i < n; i++) {
        zpart *p = &parts[i];
        size_t nl = strlen(p->name);
        p->offset = (uint32_t)z.len;
        p->crc = crc32_of(p->data, p->len);
        le(&z, 0x04034B50u, 4), le(&z, 20, 2), le(&z, 0, 2), le(&z, 0, 2), le(&z, 0, 4);
        le(&z, p->crc, 4), le(&z, (uint32_t)p->len, 4), le(&z, (uint32_t)p->len, 4);
        le(&z, (uint32_t)nl, 2), le(&z, 0, 2);
        put(&z, p->name, nl);
        put(&z, p->data, p->len);
    }
    size_t cd = z.len;
    for (size_t i = 0; i < n; i++) {
        zpart *p = &parts[i];
        size_t nl = strlen(p->name);
        le(&z, 0x02014B50u, 4), le(&z, 20, 2), le(&z, 20, 2), le(&z, 0, 2), le(&z, 0, 2);
        le(&z, 0, 4), le(&z, p->crc, 4), le(&z, (uint32_t)p->len, 4);
        le(&z, (uint32_t)p->len, 4), le(&z, (uint32_t)nl, 2), le(&z, 0, 2), le(&z, 0, 2);
        le(&z, 0, 2), le(&z, 0, 2), le(&z, 0, 4), le(&z, p->offset, 4);
        put(&z, p->name, nl);
    }
    size_t cdlen = z.len - cd;
    le(&z, 0x06054B50u, 4), le(&z, 0, 2), le(&z, 0, 2), le(&z, (uint32_t)n, 2);
    le(&z, (uint32_t)n, 2), le(&z, (uint32_t)cdlen, 4), le(&z, (uint32_t)cd, 4), le(&z, 0, 2);
    return z;
}

#define S(text) (const unsigned char *)(text), sizeof(text) - 1

static void read_one(const char *data, size_t size)
{
    itss__book *b = (itss__book *)1;
    itss_error e;
    int rc = itss__book_read_xlsx(data, size, &b, &e);
    fuzz_check_book(rc, &e, b, ITSS_FORMAT_XLSX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size || !(data[0] & 1)) {
        read_one((const char *)data, size);
        return 0;
    }
    const unsigned char *sheet = data + 1, *end = data + size;
    const unsigned char *sep = memchr(sheet, 1, (size_t)(end - sheet));
    const unsigned char *strings = sep ? sep + 1 : end;
    zpart parts[] = {
        {"[Content_Types].xml",
         S("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"), 0, 0},
        {"xl/workbook.xml",
         S("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
           "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"), 0, 0},
        {"xl/_rels/workbook.xml.rels",
         S("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
           "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
           "2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
         0, 0},
        {"xl/worksheets/sheet1.xml", sheet, (size_t)((sep ? sep : end) - sheet), 0, 0},
        {"xl/sharedStrings.xml", strings, (size_t)(end - strings), 0, 0},
    };
    zbuf z = zip(parts, sizeof parts / sizeof *parts);
    read_one((const char *)z.data, z.len);
    free(z.data);
    return 0;
}
