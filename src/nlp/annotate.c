/* annotate.c — running the models on one sentence: greedy left-to-right
 * tagging, lemmas (learned exceptions, then learned suffix rules), FEATS
 * (learned per form and tag, Voice fixed from the parse), and greedy
 * arc-eager parsing. */
#include "nlp/model.h"

#include <stdlib.h>
#include <string.h>

void nlp_tag(const dyad_nlp *m, const nlp_tok *toks, size_t n, int *tags)
{
    uint64_t keys[NLP_TAG_MAX_FEATS];
    float scores[NLP_MAX_CLASSES];
    int *prev = tags; /* features read tags[j] + 1 for j < i */
    for (size_t i = 0; i < n; i++) {
        size_t nk = nlp_tag_features(toks, n, i, prev, keys);
        memset(scores, 0, sizeof scores);
        nlp_perc_score(&m->tagger, keys, nk, scores);
        int best = 0;
        for (uint32_t c = 1; c < m->n_tags; c++)
            if (scores[c] > scores[best])
                best = (int)c;
        tags[i] = best + 1;
    }
    for (size_t i = 0; i < n; i++)
        tags[i] -= 1;
}

void nlp_parse(const dyad_nlp *m, const uint64_t *wk, const int *tk, int n,
               const int *is_punct, void *scratch, int *heads, int *labels)
{
    nlp_pstate st;
    nlp_pstate_init(&st, n, scratch);
    uint64_t keys[NLP_PAR_MAX_FEATS];
    float scores[256]; /* any 8-bit class index */
    int root = (int)m->root_label;
    nlp_perc_memo memo;
    memo.n = 0;
    while (st.b <= n) {
        size_t nk = nlp_par_features(&st, wk, tk, keys);
        memset(scores, 0, sizeof scores);
        nlp_perc_score_memo(&m->parser, keys, nk, &memo, scores);
        /* Legality by kind of transition, once per step. */
        int s0 = st.stack[st.sp - 1];
        int can_reduce = s0 != 0 && st.head[s0] >= 0;
        int can_left = s0 != 0 && st.head[s0] < 0;
        int best = NLP_T_SHIFT;
        if (can_reduce && scores[NLP_T_REDUCE] > scores[best])
            best = NLP_T_REDUCE;
        for (int l = 0; l < (int)m->n_labels; l++) {
            if (l == root) {
                if (s0 == 0 && st.root_child < 0 && scores[NLP_T_RIGHT(l)] > scores[best])
                    best = NLP_T_RIGHT(l);
                continue;
            }
            if (can_left && scores[NLP_T_LEFT(l)] > scores[best])
                best = NLP_T_LEFT(l);
            if (s0 != 0 && scores[NLP_T_RIGHT(l)] > scores[best])
                best = NLP_T_RIGHT(l);
        }
        nlp_pstate_apply(&st, best);
    }
    nlp_pstate_finish(&st, root, (int)m->dep_label, (int)m->punct_label,
                      is_punct);
    for (int i = 1; i <= n; i++) {
        heads[i] = st.head[i];
        labels[i] = st.label[i];
    }
}

/* Copy lemma, taking the case of the form where they agree letter for letter. */
static size_t emit_lemma(const char *lemma, size_t ln, const char *form,
                         size_t n, int keep_case, char *out, size_t cap)
{
    if (ln >= cap)
        ln = cap - 1;
    for (size_t j = 0; j < ln; j++) {
        char c = lemma[j];
        if (keep_case && j < n && form[j] >= 'A' && form[j] <= 'Z' &&
            form[j] + 32 == c)
            c = form[j];
        out[j] = c;
    }
    out[ln] = 0;
    return ln;
}

size_t nlp_lemmatize(const dyad_nlp *m, const char *form, size_t n,
                     const char *lower, int tag, int first, char *out,
                     size_t cap)
{
    int upos = (int)m->tags[2 * tag];
    const nlp_slot *s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_LEMMA_FORM, tag, form, n));
    if (!s)
        s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_LEMMA_XPOS, tag, lower, n));
    if (!s)
        s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_LEMMA_UPOS, upos, lower, n));
    if (s) {
        const char *l = m->strs + s->a;
        return emit_lemma(l, strlen(l), form, n, (int)(s->b & 1), out, cap);
    }
    int cap_word = form[0] >= 'A' && form[0] <= 'Z';
    int all_caps = 1;
    for (size_t j = 0; j < n; j++)
        if (form[j] >= 'a' && form[j] <= 'z')
            all_caps = 0;
    int keep = upos == DYAD_UPOS_PROPN || (cap_word && !all_caps && !first);
    /* Unseen punctuation and symbols are their own lemma. */
    if (upos == DYAD_UPOS_PUNCT || upos == DYAD_UPOS_SYM)
        return emit_lemma(form, n, form, n, 0, out, cap);
    /* Longest learned suffix rule of this tag. */
    size_t maxk = n < 8 ? n : 8;
    for (size_t k = maxk + 1; k-- > 0;) {
        if (k < n && ((unsigned char)lower[n - k] & 0xC0) == 0x80)
            continue;
        s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_SUFFIX, tag, lower + n - k, k));
        if (!s)
            continue;
        size_t strip = (s->b >> 8) & 0xff;
        if (strip > n || (strip == n && !m->strs[s->a]))
            continue;
        char buf[512];
        const char *app = m->strs + s->a;
        size_t al = strlen(app);
        if (n - strip + al >= sizeof buf)
            break;
        memcpy(buf, lower, n - strip);
        memcpy(buf + n - strip, app, al);
        return emit_lemma(buf, n - strip + al, form, n, keep, out, cap);
    }
    return emit_lemma(lower, n, form, n, keep, out, cap);
}

static const char *feats_of(const dyad_nlp *m, const char *lower, size_t n, int tag)
{
    const nlp_slot *s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_FEATS_FORM, tag, lower, n));
    if (!s)
        s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_FEATS_TAG, tag, "", 0));
    return s ? m->strs + s->a : "_";
}

/* VBN words: passive unless a perfect "have" auxiliary governs them. */
static const char *fix_voice(dyad_arena *a, dyad_word *w, size_t n, size_t i)
{
    const char *f = w[i].feats;
    if (strcmp(w[i].xpos, "VBN") != 0)
        return f;
    int passive = 0, perfect = 0, active_obj = 0;
    for (size_t j = 0; j < n; j++) {
        if (w[j].head != (int32_t)i + 1)
            continue;
        const char *r = w[j].deprel;
        if (!strcmp(r, "aux:pass") || !strcmp(r, "nsubj:pass") ||
            !strcmp(r, "obl:agent") || !strcmp(r, "csubj:pass"))
            passive = 1;
        else if (!strcmp(r, "aux") && w[j].lemma && !strcmp(w[j].lemma, "have"))
            perfect = 1;
        else if (!strcmp(r, "obj") || !strcmp(r, "nsubj"))
            active_obj = 1;
    }
    if (!passive && !perfect && !active_obj)
        passive = 1; /* reduced relatives and bare participles */
    const char *v = strstr(f, "Voice=Pass");
    if (passive == (v != NULL))
        return f;
    if (passive) {
        if (!strcmp(f, "_"))
            return "Voice=Pass";
        size_t fl = strlen(f);
        char *o = dyad_arena_alloc(a, fl + 12);
        if (!o)
            return f;
        memcpy(o, f, fl);
        memcpy(o + fl, "|Voice=Pass", 12);
        return o;
    }
    size_t fl = strlen(f);
    char *o = dyad_arena_alloc(a, fl + 1);
    if (!o)
        return f;
    size_t pre = (size_t)(v - f);
    size_t k = 0;
    memcpy(o, f, pre);
    k = pre;
    const char *rest = v + 10;
    if (*rest == '|')
        rest++;
    else if (k > 0 && o[k - 1] == '|')
        k--;
    size_t rl = strlen(rest);
    memcpy(o + k, rest, rl);
    k += rl;
    o[k] = 0;
    return k ? o : "_";
}

int dyad_nlp_annotate(const dyad_nlp *m, dyad_arena *a, dyad_word *words,
                      size_t n, dyad_error *err)
{
    if (!m || !a || (!words && n))
        return dyad_error_set(err, DYAD_EUSAGE, NULL, -1,
                              "dyad_nlp_annotate: NULL argument");
    if (n == 0)
        return 0;
    if (n > 100000)
        return dyad_error_set(err, DYAD_ETOOBIG, NULL, -1,
                              "sentence of %zu words is too long", n);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += words[i].len + 1;
    nlp_tok *toks = dyad_arena_alloc(a, sizeof *toks * n);
    int *tags = dyad_arena_alloc(a, sizeof(int) * (n + 1) * 5);
    uint64_t *wk = dyad_arena_alloc(a, sizeof(uint64_t) * (n + 1));
    char *lowbuf = dyad_arena_alloc(a, total + 1);
    void *scratch = dyad_arena_alloc(a, nlp_pstate_size((int)n));
    if (!toks || !tags || !wk || !lowbuf || !scratch)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    int *tk = tags + (n + 1), *is_punct = tk + (n + 1);
    int *heads = is_punct + (n + 1), *labels = heads + (n + 1);
    const char **lower = (const char **)(void *)dyad_arena_alloc(a, sizeof(char *) * n);
    if (!lower)
        return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
    char *lp = lowbuf;
    uint64_t *ak = wk; /* ambiguity-class keys, before wk is filled */
    for (size_t i = 0; i < n; i++) {
        const char *f = words[i].form ? words[i].form : "";
        size_t len = words[i].form ? words[i].len : 0;
        nlp_tok_init(&toks[i], f, len, lp);
        ak[i] = nlp_lex_key(NLP_LEX_AMBIG, 0, lp, len);
        nlp_ktab_prefetch(&m->lex, ak[i]);
        lower[i] = lp;
        lp += len + 1;
    }
    for (size_t i = 0; i < n; i++) {
        const nlp_slot *amb = nlp_ktab_find(&m->lex, ak[i]);
        toks[i].amb = amb ? amb->b : 0;
    }
    nlp_tag(m, toks, n, tags);
    wk[0] = 0x5eed;
    tk[0] = (int)m->n_tags;
    is_punct[0] = 0;
    for (size_t i = 0; i < n; i++) {
        wk[i + 1] = toks[i].lower;
        tk[i + 1] = tags[i];
        is_punct[i + 1] = m->tags[2 * tags[i]] == DYAD_UPOS_PUNCT;
    }
    nlp_parse(m, wk, tk, (int)n, is_punct, scratch, heads, labels);
    for (size_t i = 0; i < n; i++) {
        dyad_word *w = &words[i];
        int t = tags[i];
        w->upos = (uint8_t)m->tags[2 * t];
        w->xpos = m->strs + m->tags[2 * t + 1];
        size_t len = w->form ? w->len : 0;
        char buf[600];
        if (len < 256) {
            size_t ln = nlp_lemmatize(m, w->form ? w->form : "", len, lower[i], t,
                                      i == 0, buf, sizeof buf);
            w->lemma = dyad_arena_strndup(a, buf, ln);
        } else {
            w->lemma = dyad_arena_strndup(a, w->form, len); /* URLs and the like */
        }
        if (!w->lemma)
            return dyad_error_set(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        w->feats = feats_of(m, lower[i], len, t);
        w->head = heads[i + 1];
        w->deprel = m->strs + m->labels[labels[i + 1]];
    }
    for (size_t i = 0; i < n; i++)
        words[i].feats = fix_voice(a, words, n, i);
    return 0;
}
