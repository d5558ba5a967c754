/* model.c — loading the nlp model file (see nlp_impl.h for its layout):
 * mmap, check magic/version/bounds, and point the dyad_nlp views into the
 * mapping.  Nothing is copied, so loading is fast and the pages are shared
 * between processes; the loaded model is read-only and thread-safe. */
#include "nlp/model.h"

#include "util/mapfile.h"

#include <stdlib.h>
#include <string.h>

static const char *const upos_names[DYAD_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

const char *dyad_upos_name(int upos)
{
    if (upos < 0 || upos >= DYAD_UPOS_COUNT)
        return "_";
    return upos_names[upos];
}

int nlp_upos_from_name(const char *s)
{
    for (int i = 1; i < DYAD_UPOS_COUNT; i++)
        if (strcmp(s, upos_names[i]) == 0)
            return i;
    return DYAD_UPOS_X;
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static int bad(dyad_error *err, const char *what)
{
    return dyad_error_set(err, DYAD_EMODEL, DYAD_NLP_MODEL_FILE, -1,
                          "corrupt model: %s", what);
}

static int setup_ktab(nlp_ktab *t, const unsigned char *p, uint64_t size)
{
    uint64_t n = size / sizeof(nlp_slot);
    if (size % sizeof(nlp_slot) || n == 0 || (n & (n - 1)) || n > (1ull << 31))
        return -1;
    t->slots = (const nlp_slot *)(const void *)p;
    t->mask = (uint32_t)(n - 1);
    return 0;
}

static int setup_perc(nlp_perc *p, const unsigned char *tab, uint64_t tab_size,
                      const unsigned char *w, uint64_t w_size, uint32_t n_cls)
{
    if (n_cls == 0 || n_cls > 255)
        return -1;
    p->n_cls = n_cls;
    p->wf = (const float *)(const void *)w;
    uint64_t n = tab_size / sizeof(nlp_pslot);
    if (tab_size % sizeof(nlp_pslot) || n == 0 || n > (1ull << 31) ||
        w_size % sizeof(nlp_weight))
        return -1;
    p->slots = (const nlp_pslot *)(const void *)tab;
    p->n_slots = (uint32_t)n;
    p->w = (const nlp_weight *)(const void *)w;
    p->n_w = w_size / sizeof(nlp_weight);
    return 0;
}

static int map_sections(dyad_nlp *m, dyad_error *err)
{
    const unsigned char *base = m->map;
    size_t len = m->map_len;
    if (len < 16 || memcmp(base, DYAD_NLP_MAGIC, 8) != 0)
        return dyad_error_set(err, DYAD_EMODEL, DYAD_NLP_MODEL_FILE, -1,
                              "not a dyad nlp model (bad magic)");
    uint32_t ver = rd32(base + 8);
    if (ver != DYAD_NLP_FORMAT_VERSION)
        return dyad_error_set(err, DYAD_EMODEL, DYAD_NLP_MODEL_FILE, -1,
                              "model format version %u, this build reads %u",
                              (unsigned)ver, (unsigned)DYAD_NLP_FORMAT_VERSION);
    uint32_t ns = rd32(base + 12);
    if (ns > 64 || 16 + (uint64_t)ns * 24 > len)
        return bad(err, "section table");
    const unsigned char *sec[NLP_SEC_COUNT_] = {0};
    uint64_t size[NLP_SEC_COUNT_] = {0};
    for (uint32_t i = 0; i < ns; i++) {
        const unsigned char *e = base + 16 + (size_t)i * 24;
        uint32_t id = rd32(e);
        uint64_t off = rd64(e + 8), sz = rd64(e + 16);
        if (off > len || sz > len - off || off % 16)
            return bad(err, "section out of bounds");
        if (id > 0 && id < NLP_SEC_COUNT_) {
            sec[id] = base + off;
            size[id] = sz;
        }
    }
    for (int id = 1; id < NLP_SEC_COUNT_; id++)
        if (!sec[id])
            return bad(err, "missing section");
    m->strs = (const char *)sec[NLP_SEC_STRINGS];
    m->strs_len = size[NLP_SEC_STRINGS];
    if (m->strs_len == 0 || m->strs[m->strs_len - 1] != 0)
        return bad(err, "string pool");
    if (size[NLP_SEC_META] < NLP_META_COUNT_ * 4)
        return bad(err, "meta");
    const unsigned char *meta = sec[NLP_SEC_META];
    m->n_tags = rd32(meta + 4 * NLP_META_N_TAGS);
    m->n_labels = rd32(meta + 4 * NLP_META_N_LABELS);
    m->root_label = rd32(meta + 4 * NLP_META_ROOT_LABEL);
    m->punct_label = rd32(meta + 4 * NLP_META_PUNCT_LABEL);
    m->dep_label = rd32(meta + 4 * NLP_META_DEP_LABEL);
    if (m->n_tags == 0 || m->n_tags > NLP_MAX_CLASSES ||
        m->n_labels == 0 || m->n_labels > NLP_MAX_LABELS ||
        m->root_label >= m->n_labels || m->punct_label >= m->n_labels ||
        m->dep_label >= m->n_labels)
        return bad(err, "meta values");
    if (size[NLP_SEC_TAGS] < (uint64_t)m->n_tags * 8 ||
        size[NLP_SEC_LABELS] < (uint64_t)m->n_labels * 4)
        return bad(err, "tag or label table");
    m->tags = (const uint32_t *)(const void *)sec[NLP_SEC_TAGS];
    m->labels = (const uint32_t *)(const void *)sec[NLP_SEC_LABELS];
    for (uint32_t i = 0; i < m->n_tags; i++)
        if (m->tags[2 * i] >= DYAD_UPOS_COUNT || m->tags[2 * i + 1] >= m->strs_len)
            return bad(err, "tag entry");
    for (uint32_t i = 0; i < m->n_labels; i++)
        if (m->labels[i] >= m->strs_len)
            return bad(err, "label entry");
    if (setup_ktab(&m->lex, sec[NLP_SEC_LEX_TAB], size[NLP_SEC_LEX_TAB]))
        return bad(err, "lexicon table size");
    for (uint32_t i = 0; i <= m->lex.mask; i++)
        if (m->lex.slots[i].key && m->lex.slots[i].a >= m->strs_len)
            return bad(err, "lexicon entry");
    if (setup_perc(&m->tagger, sec[NLP_SEC_TAG_TAB], size[NLP_SEC_TAG_TAB],
                   sec[NLP_SEC_TAG_W], size[NLP_SEC_TAG_W], m->n_tags) ||
        setup_perc(&m->parser, sec[NLP_SEC_PAR_TAB], size[NLP_SEC_PAR_TAB],
                   sec[NLP_SEC_PAR_W], size[NLP_SEC_PAR_W], 2 + 2 * m->n_labels))
        return bad(err, "perceptron tables");
    return 0;
}

int dyad_nlp_load(const char *dir, dyad_nlp **out, dyad_error *err)
{
    if (!out)
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1, "out is NULL");
    *out = NULL;
    if (!dyad_host_is_le())
        return dyad_error_set(err, DYAD_EMODEL, NULL, -1,
                              "model files are little-endian; this host is not");
    char path[1024];
    const void *map;
    size_t map_len;
    int rc0;
    if ((rc0 = dyad_model_path(dir, DYAD_NLP_MODEL_FILE, path, sizeof path, err)) ||
        (rc0 = dyad_map_file(path, "model", 16, DYAD_EMODEL, &map, &map_len, err)))
        return rc0;
    dyad_nlp *m = calloc(1, sizeof *m);
    if (!m) {
        dyad_unmap(map, map_len);
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    }
    m->map = map;
    m->map_len = map_len;
    int rc = map_sections(m, err);
    if (rc) {
        if (err) {
            size_t pl = strlen(path);
            if (pl >= sizeof err->path)
                pl = sizeof err->path - 1;
            memcpy(err->path, path, pl);
            err->path[pl] = 0;
        }
        dyad_nlp_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void dyad_nlp_free(dyad_nlp *nlp)
{
    if (!nlp)
        return;
    dyad_unmap(nlp->map, nlp->map_len);
    free(nlp);
}
