/* libitss — an index of keys for the loaders: a hash set of byte strings,
 * each with the position of its element (internal.h). Every document is
 * read with it in time linear in its size: a repeated id or a reference is
 * found in constant expected time instead of by a scan of what came before.
 *
 * The hash is keyed by a secret drawn for each index, so that a document
 * cannot be made of keys that all land in one slot and turn the index back
 * into a scan. The keys are borrowed, never copied. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __linux__ /* glibc 2.25 and later, musl 1.1.20 and later */
#  include <sys/random.h>
#  define ITSS_HAVE_GETRANDOM 1
#endif

#include "internal.h"

struct itss_index_slot {
    const void *key; /* NULL: empty */
    size_t len;
    size_t pos;
    uint64_t hash;
    unsigned gen; /* the slot holds a key of this index only when gen == ix->gen */
};

/* ---- the keyed hash: SipHash with one compression and three finalization
 * rounds (SipHash-1-3) ------------------------------------------------- */

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

/* one SipRound over the four words of the state */
static inline void sip_round(uint64_t v[4])
{
    v[0] += v[1], v[1] = rotl(v[1], 13), v[1] ^= v[0], v[0] = rotl(v[0], 32);
    v[2] += v[3], v[3] = rotl(v[3], 16), v[3] ^= v[2];
    v[0] += v[3], v[3] = rotl(v[3], 21), v[3] ^= v[0];
    v[2] += v[1], v[1] = rotl(v[1], 17), v[1] ^= v[2], v[2] = rotl(v[2], 32);
}

static uint64_t keyed_hash(const uint64_t k[2], const unsigned char *s, size_t len)
{
    uint64_t v[4] = {k[0] ^ 0x736f6d6570736575ull, k[1] ^ 0x646f72616e646f6dull,
                     k[0] ^ 0x6c7967656e657261ull, k[1] ^ 0x7465646279746573ull};
    size_t whole = len - len % 8;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t m = 0;
        for (int b = 0; b < 8; b++) /* little-endian, whatever the machine */
            m |= (uint64_t)s[i + (size_t)b] << (8 * b);
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    uint64_t last = (uint64_t)(len & 0xff) << 56;
    for (size_t b = 0; b < len % 8; b++)
        last |= (uint64_t)s[whole + b] << (8 * b);
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int r = 0; r < 3; r++)
        sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* A secret for one index: the system's random bytes where there are
 * some; the clock and this index's addresses (which vary from process to
 * process) are mixed in in every case. */
static void random_words(uint64_t k[2])
{
    k[0] = k[1] = 0;
#ifdef ITSS_HAVE_GETRANDOM
    if (getrandom(k, 2 * sizeof *k, GRND_NONBLOCK) != (ssize_t)(2 * sizeof *k))
        k[0] = k[1] = 0;
#endif
}

static void draw_secret(itss_index *ix)
{
    uint64_t k[2];
    random_words(k);
    struct timespec t = {0, 0};
    clock_gettime(CLOCK_MONOTONIC, &t);
    uint64_t v[4] = {k[0] ^ (uint64_t)t.tv_sec, k[1] ^ (uint64_t)t.tv_nsec,
                     k[0] ^ (uint64_t)(uintptr_t)ix, k[1] ^ (uint64_t)(uintptr_t)ix->slots};
    for (int r = 0; r < 4; r++) /* spread every bit of the inputs over the state */
        sip_round(v);
    ix->secret[0] = v[0] ^ v[1];
    sip_round(v);
    ix->secret[1] = v[2] ^ v[3];
}

/* ---- the table: open addressing with linear probing, at most half full */

void itss__index_init(itss_index *ix) { memset(ix, 0, sizeof *ix); }

void itss__index_free(itss_index *ix)
{
    free(ix->slots);
    itss__index_init(ix);
}

void itss__index_clear(itss_index *ix)
{
    ix->n = 0;
    if (++ix->gen == 0) { /* wrapped: forget the old generations for good */
        if (ix->slots)
            memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
        ix->gen = 1;
    }
}

static itss_index_slot *probe(const itss_index *ix, const void *key, size_t len, uint64_t h)
{
    size_t mask = ix->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        itss_index_slot *s = &ix->slots[i];
        if (s->gen != ix->gen || !s->key)
            return s;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

static int grow(itss_index *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 16;
    if (cap > SIZE_MAX / sizeof *ix->slots)
        return ITSS_ENOMEM;
    itss_index_slot *old = ix->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return ITSS_ENOMEM;
    size_t oldcap = ix->cap;
    unsigned oldgen = ix->gen;
    ix->slots = slots;
    ix->cap = cap;
    ix->gen = 1;
    if (!old)
        draw_secret(ix);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].gen == oldgen && old[i].key) {
            itss_index_slot *s = probe(ix, old[i].key, old[i].len, old[i].hash);
            *s = old[i];
            s->gen = 1;
        }
    free(old);
    return ITSS_OK;
}

int itss__index_add(itss_index *ix, const void *key, size_t len, size_t pos, size_t *prev)
{
    if ((ix->n + 1) * 2 > ix->cap && grow(ix))
        return ITSS_ENOMEM;
    uint64_t h = keyed_hash(ix->secret, key, len);
    itss_index_slot *s = probe(ix, key, len, h);
    if (s->gen == ix->gen && s->key) {
        if (prev)
            *prev = s->pos;
        return 1;
    }
    *s = (itss_index_slot){key, len, pos, h, ix->gen};
    ix->n++;
    return 0;
}

size_t itss__index_find(const itss_index *ix, const void *key, size_t len)
{
    if (!ix->n)
        return (size_t)-1;
    const itss_index_slot *s = probe(ix, key, len, keyed_hash(ix->secret, key, len));
    return s->gen == ix->gen && s->key ? s->pos : (size_t)-1;
}

int itss__index_first_repeat(const void *list, size_t n,
                             const void *(*key)(const void *list, size_t i, size_t *len),
                             size_t *dup)
{
    itss_index ix;
    itss__index_init(&ix);
    int found = 0;
    for (size_t i = 0; !found && i < n; i++) {
        size_t len;
        const void *k = key(list, i, &len);
        found = itss__index_add(&ix, k, len, i, NULL);
        if (found == 1)
            *dup = i;
    }
    itss__index_free(&ix);
    return found;
}
