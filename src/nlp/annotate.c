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

static int label_named(const dyad_nlp *m, const char *name)
{
    for (uint32_t l = 0; l < m->n_labels; l++)
        if (!strcmp(m->strs + m->labels[l], name))
            return (int)l;
    return -1;
}

/* A word the parser hung on a punctuation mark ("telephoned Nawaz Sharif ."
 * with "Nawaz" a compound of the full stop) goes to the mark's head: a
 * nominal after a verb as its object (else obl), before it as its subject
 * (else dep).  Punctuation never heads words in UD. */
static void reattach_from_punct(const dyad_nlp *m, const int *tk, int n,
                                const int *is_punct, int *heads, int *labels)
{
    if (!is_punct)
        return;
    int obj = -2, obl = -2, nsubj = -2, dep = -2, conj = -2;
    for (int i = 1; i <= n; i++) {
        int h = heads[i];
        if (h <= 0 || !is_punct[h] || is_punct[i] || heads[h] <= 0)
            continue;
        if (obj == -2) {
            obj = label_named(m, "obj");
            obl = label_named(m, "obl");
            nsubj = label_named(m, "nsubj");
            dep = label_named(m, "dep");
            conj = label_named(m, "conj");
        }
        int g = heads[h];
        int up = (int)m->tags[2 * tk[i]], gp = (int)m->tags[2 * tk[g]];
        int nominal = up == DYAD_UPOS_NOUN || up == DYAD_UPOS_PROPN || up == DYAD_UPOS_PRON ||
                      up == DYAD_UPOS_NUM;
        int has_obj = 0, has_subj = 0;
        for (int j = 1; j <= n; j++)
            if (heads[j] == g) {
                has_obj |= labels[j] == obj;
                has_subj |= labels[j] == nsubj;
            }
        int l = dep, to = g;
        if (nominal && gp == DYAD_UPOS_VERB)
            l = i > g ? (has_obj ? obl : obj) : (has_subj ? dep : nsubj);
        /* "signed by Putin, Aliyev ... and Pashinyan": after a comma, the
         * next of a list begun by a nominal of the same head */
        int comma = -1;
        for (int c = i - 1; c >= 1 && c > g && comma < 0; c--)
            if (heads[c] == i && is_punct[c])
                comma = c;
        if (nominal && comma > 0)
            for (int j = comma - 1; j >= 1 && j > g; j--)
                if (heads[j] == g) {
                    int jp = (int)m->tags[2 * tk[j]];
                    if ((jp == DYAD_UPOS_NOUN || jp == DYAD_UPOS_PROPN) && conj >= 0) {
                        to = j;
                        l = conj;
                    }
                    break;
                }
        if (l < 0)
            continue;
        heads[i] = to;
        labels[i] = l;
    }
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
    reattach_from_punct(m, tk, n, is_punct, heads, labels);
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

/* The lemma the longest learned suffix rule of the tag gives, from the
 * rule of at most maxk characters on (the form itself when none applies);
 * *k_used gets the length of the rule's suffix (0 = none applied).
 * buf: cap bytes, cap > n. */
static size_t suffix_lemma(const dyad_nlp *m, const char *lower, size_t n,
                           int tag, size_t maxk, size_t *k_used, char *buf,
                           size_t cap)
{
    if (maxk > n)
        maxk = n;
    for (size_t k = maxk + 1; k-- > 0;) {
        if (k < n && ((unsigned char)lower[n - k] & 0xC0) == 0x80)
            continue;
        const nlp_slot *s = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_SUFFIX, tag, lower + n - k, k));
        if (!s)
            continue;
        size_t strip = (s->b >> 8) & 0xff;
        if (strip > n || (strip == n && !m->strs[s->a]))
            continue;
        const char *app = m->strs + s->a;
        size_t al = strlen(app);
        if (n - strip + al >= cap)
            break;
        memcpy(buf, lower, n - strip);
        memcpy(buf + n - strip, app, al);
        *k_used = k;
        return n - strip + al;
    }
    *k_used = 0;
    memcpy(buf, lower, n);
    return n;
}

/* Whether the model saw s as a word of this UPOS that is its own lemma:
 * evidence that a candidate lemma is a real word. */
static int known_lemma(const dyad_nlp *m, int upos, const char *s, size_t n)
{
    const nlp_slot *e = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_LEMMA_UPOS, upos, s, n));
    if (!e || (e->b & 1))
        return 0;
    const char *l = m->strs + e->a;
    return strncmp(l, s, n) == 0 && l[n] == 0;
}

static int open_class(int upos)
{
    return upos == DYAD_UPOS_VERB || upos == DYAD_UPOS_NOUN ||
           upos == DYAD_UPOS_ADJ || upos == DYAD_UPOS_ADV;
}

/* Lower-case ASCII letters and inner hyphens only: English word shapes
 * whose spelling rules below apply. */
static int plain_word(const char *s, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (!(s[j] >= 'a' && s[j] <= 'z') && !(s[j] == '-' && j > 0 && j + 1 < n))
            return 0;
    return 1;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

#define LEM_MAX 64   /* longest word the candidate search works on */
#define LEM_CANDS 24

typedef struct lem_cands {
    char s[LEM_CANDS][LEM_MAX + 2];
    size_t len[LEM_CANDS];
    int n;
} lem_cands;

static void cand_add(lem_cands *c, const char *s, size_t n)
{
    /* Open-class words of one or two letters are all known already. */
    if (n < 3 || n > LEM_MAX + 1 || c->n == LEM_CANDS)
        return;
    for (int i = 0; i < c->n; i++)
        if (c->len[i] == n && memcmp(c->s[i], s, n) == 0)
            return;
    memcpy(c->s[c->n], s, n);
    c->len[c->n++] = n;
}

/* A candidate, then its English spelling variants: a restored final e
 * ("telephon" -> "telephone", "shak" -> "shake"; after an e only when the
 * form starts so: "freed" -> "free", not "retired" -> "retiree") and an
 * undoubled final consonant leaving three letters or more ("bann" ->
 * "ban", not "err" -> "er"). */
static void cand_add_variants(lem_cands *c, const char *s, size_t n,
                              const char *form, size_t fn)
{
    cand_add(c, s, n);
    if (n < 2 || n > LEM_MAX)
        return;
    char v[LEM_MAX + 2];
    memcpy(v, s, n);
    v[n] = 'e';
    char last = s[n - 1];
    if (last != 'e' || (n < fn && memcmp(v, form, n + 1) == 0))
        cand_add(c, v, n + 1);
    if (n >= 4 && last == s[n - 2] && !is_vowel(last) && last != 'y')
        cand_add(c, s, n - 1);
}

/* Whether s is a lemma of some open class the model knows. */
static int known_open_lemma(const dyad_nlp *m, int upos, const char *s, size_t n)
{
    static const int open[] = { DYAD_UPOS_VERB, DYAD_UPOS_NOUN,
                                DYAD_UPOS_ADJ, DYAD_UPOS_ADV };
    if (known_lemma(m, upos, s, n))
        return 1;
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (open[i] != upos && known_lemma(m, open[i], s, n))
            return 1;
    return 0;
}

/* Length of the English word-forming prefix lower starts with ("over",
 * "up", "mis", "de-"), 0 if none; the longest one wins. */
static size_t word_prefix(const char *lower, size_t n)
{
    static const char *const pre[] = {
        "back", "be", "co", "counter", "de", "dis", "down", "fore", "in",
        "inter", "mis", "out", "over", "pre", "re", "un", "under", "up",
        "with",
    };
    size_t best = 0;
    for (size_t i = 0; i < sizeof pre / sizeof *pre; i++) {
        size_t pl = strlen(pre[i]);
        if (pl < n && pl > best && memcmp(lower, pre[i], pl) == 0)
            best = pl;
    }
    if (best < n && lower[best] == '-')
        best++;
    for (size_t j = 1; j + 1 < n; j++) /* "self-imposed": after the last hyphen */
        if (lower[j] == '-')
            best = best > j + 1 ? best : j + 1;
    return best;
}

/* For a word the model has no lemma entry for: the learned rule's lemma
 * when it is a known word; otherwise the first other reading that is a
 * known word of an open class (shorter rules, with their spelling
 * variants); otherwise, after a word-forming prefix, the lemma the model
 * knows for the rest with the same tag ("overrode" -> "over" + "ride",
 * "upheld" -> "up" + "hold"); otherwise the rule's lemma.
 * Writes the lowercase lemma into buf; returns its length. */
static size_t guess_lemma(const dyad_nlp *m, const char *lower, size_t n,
                          int tag, int upos, char *buf, size_t cap)
{
    size_t k = 0;
    size_t bl = suffix_lemma(m, lower, n, tag, 8, &k, buf, cap);
    if (!open_class(upos) || n < 3 || n > LEM_MAX || !plain_word(lower, n) ||
        known_open_lemma(m, upos, buf, bl))
        return bl;
    lem_cands c;
    c.n = 0;
    char tmp[LEM_MAX + 16];
    while (k > 0) {
        size_t k2 = 0;
        size_t tl = suffix_lemma(m, lower, n, tag, k, &k2, tmp, sizeof tmp);
        if (k2 == 0)
            break;
        if (tl <= LEM_MAX && !(tl == n && memcmp(tmp, lower, n) == 0))
            cand_add_variants(&c, tmp, tl, lower, n);
        k = k2 - 1;
    }
    for (int i = 0; i < c.n; i++) {
        if (c.len[i] < cap && known_open_lemma(m, upos, c.s[i], c.len[i])) {
            memcpy(buf, c.s[i], c.len[i]);
            return c.len[i];
        }
    }
    size_t p = word_prefix(lower, n);
    if (p > 0 && p + 3 <= n) {
        const nlp_slot *e = nlp_ktab_find(&m->lex, nlp_lex_key(NLP_LEX_LEMMA_XPOS, tag, lower + p, n - p));
        if (e && !(e->b & 1)) {
            const char *l = m->strs + e->a;
            size_t ll = strlen(l);
            if (plain_word(l, ll) && p + ll < cap) {
                memcpy(buf, lower, p);
                memcpy(buf + p, l, ll);
                return p + ll;
            }
        }
    }
    return bl;
}

/* A learned lemma of an inflected open-class word that is no word the
 * model knows: likely a slip of the treebank ("freed" -> "fre"), to be
 * replaced by a guess that is a known word. */
static int suspect_lemma(const dyad_nlp *m, const char *lower, size_t n,
                         int upos, const char *l, size_t ll)
{
    if (!open_class(upos) || n < 3 || n > LEM_MAX || (ll == n && memcmp(l, lower, n) == 0))
        return 0;
    return plain_word(lower, n) && !known_open_lemma(m, upos, l, ll);
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
        size_t ll = strlen(l);
        if (!(s->b & 1) && suspect_lemma(m, lower, n, upos, l, ll)) {
            char g[LEM_MAX + 16];
            size_t gl = guess_lemma(m, lower, n, tag, upos, g, sizeof g);
            /* Guesses of one or two letters are rule artefacts ("erred"
             * -> "er"): every such open-class lemma is seen as itself. */
            if (gl >= 3 && (gl != ll || memcmp(g, l, ll) != 0) &&
                known_open_lemma(m, upos, g, gl))
                return emit_lemma(g, gl, form, n, 0, out, cap);
        }
        return emit_lemma(l, ll, form, n, (int)(s->b & 1), out, cap);
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
    char buf[512];
    if (n >= sizeof buf)
        return emit_lemma(lower, n, form, n, keep, out, cap);
    size_t bl = guess_lemma(m, lower, n, tag, upos, buf, sizeof buf);
    return emit_lemma(buf, bl, form, n, keep, out, cap);
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
