/* libitss — a maturity comparison as JSON
 * (docs/schema/maturity-comparison.schema.json). */
#include "json_internal.h"
#include "../maturity_internal.h"

static void grade(itss_jw *w, const char *key, unsigned char g)
{
    const char *token = itss__grade_token((itss_rating_kind)g);
    itss__jw_key(w, key);
    if (token)
        itss__jw_str(w, token);
    else
        itss__jw_null(w);
}

/* {"id", "from", "to"}: a change of grade, of level (id NULL) or of a
 * domain's level. */
static void change_obj(itss_jw *w, const char *id, const itss_mchange *ch)
{
    itss__jw_obj(w);
    if (id)
        itss__jw_kstr(w, "id", id);
    grade(w, "from", ch->from);
    grade(w, "to", ch->to);
    itss__jw_obj_end(w);
}

/* The changes of one kind of the pair p, each {"id", "from", "to"}. */
static void change_list(itss_jw *w, const char *key, const itss_maturity_comparison *c, size_t p,
                        itss_grade_change kind)
{
    itss__jw_key(w, key);
    itss__jw_arr(w);
    for (size_t i = 0; i < c->nchanges; i++)
        if (c->changes[i].pair == p && c->changes[i].kind == kind)
            change_obj(w, c->model->clauses[c->changes[i].clause].id, &c->changes[i]);
    itss__jw_arr_end(w);
}

static void from_to(itss_jw *w, long long from, long long to)
{
    itss__jw_kint(w, "from", from);
    itss__jw_kint(w, "to", to);
}

void itss__json_mcompare(itss_buf *b, const itss_maturity_comparison *c, int pretty)
{
    const itss_maturity_model *m = c->model;
    size_t nd = m->ndomains;
    itss_jw w;
    itss__jw_init(&w, b, pretty);
    itss__jw_obj(&w);
    itss__json_mmodel_ref(&w, m);

    itss__jw_key(&w, "assessments");
    itss__jw_arr(&w);
    for (size_t i = 0; i < c->n; i++) {
        itss__jw_obj(&w);
        itss__jw_key(&w, "label");
        if (c->labels[i])
            itss__jw_str(&w, c->labels[i]);
        else
            itss__jw_null(&w);
        itss__jw_meta(&w, itss__assessment_meta_keys, ITSS_ASSESSMENT_META_COUNT,
                      c->meta + i * ITSS_ASSESSMENT_META_COUNT);
        itss__jw_kint(&w, "level", c->level[i]);
        itss__jw_key(&w, "domains");
        itss__jw_arr(&w);
        for (size_t d = 0; d < nd; d++) {
            itss__jw_obj(&w);
            itss__jw_kstr(&w, "id", m->domains[d].id);
            itss__jw_kint(&w, "level", c->domain_level[i * nd + d]);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);

    itss__jw_key(&w, "changes");
    itss__jw_arr(&w);
    for (size_t p = 0; p + 1 < c->n; p++) {
        itss__jw_obj(&w);
        from_to(&w, (long long)p, (long long)p + 1);
        itss__jw_key(&w, "level");
        itss__jw_obj(&w);
        from_to(&w, c->level[p], c->level[p + 1]);
        itss__jw_obj_end(&w);
        itss__jw_key(&w, "domains");
        itss__jw_arr(&w);
        for (size_t d = 0; d < nd; d++) {
            itss__jw_obj(&w);
            itss__jw_kstr(&w, "id", m->domains[d].id);
            from_to(&w, c->domain_level[p * nd + d], c->domain_level[(p + 1) * nd + d]);
            itss__jw_obj_end(&w);
        }
        itss__jw_arr_end(&w);
        change_list(&w, "improved", c, p, ITSS_CHANGE_IMPROVED);
        change_list(&w, "worsened", c, p, ITSS_CHANGE_WORSENED);
        change_list(&w, "na_changed", c, p, ITSS_CHANGE_NA);
        itss__jw_obj_end(&w);
    }
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
}
