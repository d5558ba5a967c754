/* test_nlp.c — unit cases of the nlp stage: the committed models (models/)
 * must get the subject and object of plain news sentences, passive voice,
 * negation and irregular lemmas right; broken model files must fail with
 * DYAD_EMODEL.  Behaviour only: no accuracy figures, no timings. */
#include "unit.h"
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const dyad_nlp *models(void)
{
    static dyad_nlp *nlp;
    static int tried;
    if (!tried) {
        tried = 1;
        dyad_error e;
        if (dyad_nlp_load("models", &nlp, &e) != 0) {
            fprintf(stderr, "  cannot load models/: %s\n", e.message);
            nlp = NULL;
        }
    }
    return nlp;
}

/* Annotate a space-separated sentence; returns the words or NULL. */
static dyad_word *parse(dyad_arena *a, const char *sentence, size_t *n)
{
    const dyad_nlp *nlp = models();
    if (!nlp)
        return NULL;
    char *copy = dyad_arena_strdup(a, sentence);
    size_t cap = 64, k = 0;
    dyad_word *w = dyad_arena_calloc(a, sizeof *w * cap);
    for (char *tok = strtok(copy, " "); tok && k < cap; tok = strtok(NULL, " ")) {
        w[k].form = tok;
        w[k].len = (uint32_t)strlen(tok);
        k++;
    }
    dyad_error e;
    if (dyad_nlp_annotate(nlp, a, w, k, &e) != 0)
        return NULL;
    *n = k;
    return w;
}

/* 1-based index of the word with this form, 0 if none. */
static int find(const dyad_word *w, size_t n, const char *form)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].len == strlen(form) && memcmp(w[i].form, form, w[i].len) == 0)
            return (int)i + 1;
    return 0;
}

static int has_feat(const char *feats, const char *f)
{
    return feats && strstr(feats, f) != NULL;
}

static void test_active_subject_object(void)
{
    dyad_arena *a = dyad_arena_new(0);
    size_t n = 0;
    dyad_word *w = parse(a, "Putin met Trump in Helsinki .", &n);
    CHECK(w != NULL);
    if (w) {
        int met = find(w, n, "met");
        CHECK_EQ_INT(w[met - 1].head, 0);
        CHECK_STR(w[met - 1].deprel, "root");
        CHECK_EQ_INT(w[met - 1].upos, DYAD_UPOS_VERB);
        CHECK_STR(w[met - 1].lemma, "meet");
        CHECK(has_feat(w[met - 1].feats, "Tense=Past"));
        CHECK_EQ_INT(w[find(w, n, "Putin") - 1].head, met);
        CHECK_STR(w[find(w, n, "Putin") - 1].deprel, "nsubj");
        CHECK_EQ_INT(w[find(w, n, "Trump") - 1].head, met);
        CHECK_STR(w[find(w, n, "Trump") - 1].deprel, "obj");
        CHECK_EQ_INT(w[find(w, n, "Helsinki") - 1].head, met);
        CHECK_STR(w[find(w, n, "Helsinki") - 1].deprel, "obl");
        CHECK_EQ_INT(w[find(w, n, "Putin") - 1].upos, DYAD_UPOS_PROPN);
        CHECK_STR(w[find(w, n, "Putin") - 1].xpos, "NNP");
    }
    dyad_arena_free(a);
}

static void test_passive_agent(void)
{
    dyad_arena *a = dyad_arena_new(0);
    size_t n = 0;
    dyad_word *w = parse(a, "Russia was sanctioned by the United States .", &n);
    CHECK(w != NULL);
    if (w) {
        int v = find(w, n, "sanctioned");
        CHECK_EQ_INT(w[v - 1].head, 0);
        CHECK_STR(w[v - 1].lemma, "sanction");
        CHECK(has_feat(w[v - 1].feats, "Voice=Pass"));
        CHECK_EQ_INT(w[find(w, n, "Russia") - 1].head, v);
        CHECK_STR(w[find(w, n, "Russia") - 1].deprel, "nsubj:pass");
        CHECK_STR(w[find(w, n, "was") - 1].deprel, "aux:pass");
        int us = find(w, n, "States");
        CHECK_EQ_INT(w[us - 1].head, v);
        CHECK(strncmp(w[us - 1].deprel, "obl", 3) == 0);
        CHECK_EQ_INT(w[find(w, n, "by") - 1].head, us);
        CHECK_STR(w[find(w, n, "by") - 1].deprel, "case");
    }
    dyad_arena_free(a);
}

static void test_negation(void)
{
    dyad_arena *a = dyad_arena_new(0);
    size_t n = 0;
    dyad_word *w = parse(a, "The minister did not meet the envoy .", &n);
    CHECK(w != NULL);
    if (w) {
        int v = find(w, n, "meet");
        CHECK_EQ_INT(w[v - 1].head, 0);
        int neg = find(w, n, "not");
        CHECK_EQ_INT(w[neg - 1].head, v);
        CHECK_STR(w[neg - 1].deprel, "advmod");
        CHECK(has_feat(w[neg - 1].feats, "Polarity=Neg"));
        CHECK_EQ_INT(w[find(w, n, "minister") - 1].head, v);
        CHECK_STR(w[find(w, n, "minister") - 1].deprel, "nsubj");
        CHECK_EQ_INT(w[find(w, n, "envoy") - 1].head, v);
        CHECK_STR(w[find(w, n, "envoy") - 1].deprel, "obj");
        CHECK_STR(w[find(w, n, "did") - 1].deprel, "aux");
        CHECK_STR(w[find(w, n, "did") - 1].lemma, "do");
    }
    w = parse(a, "Iran does n't want talks .", &n);
    CHECK(w != NULL);
    if (w) {
        int neg = find(w, n, "n't");
        CHECK_STR(w[neg - 1].lemma, "not");
        CHECK_EQ_INT(w[neg - 1].head, find(w, n, "want"));
    }
    dyad_arena_free(a);
}

static void test_irregular_lemmas(void)
{
    dyad_arena *a = dyad_arena_new(0);
    size_t n = 0;
    dyad_word *w = parse(a, "The rebels sought a truce after the army struck their camps and Moscow met demands .", &n);
    CHECK(w != NULL);
    if (w) {
        CHECK_STR(w[find(w, n, "sought") - 1].lemma, "seek");
        CHECK_STR(w[find(w, n, "struck") - 1].lemma, "strike");
        CHECK_STR(w[find(w, n, "met") - 1].lemma, "meet");
        CHECK_STR(w[find(w, n, "rebels") - 1].lemma, "rebel");
        CHECK_STR(w[find(w, n, "camps") - 1].lemma, "camp");
        CHECK_STR(w[find(w, n, "Moscow") - 1].lemma, "Moscow");
        CHECK_STR(w[find(w, n, "rebels") - 1].deprel, "nsubj");
        CHECK_EQ_INT(w[find(w, n, "truce") - 1].head, find(w, n, "sought"));
    }
    dyad_arena_free(a);
}

/* Words the treebanks lack: the suffix rules' reading is checked against
 * the words the model knows (e restored, consonant undoubled, a prefix
 * over a known irregular form), and a treebank slip ("freed" -> "fre")
 * gives way to a known word. */
static void test_unseen_lemmas(void)
{
    static const struct { const char *sentence, *form, *lemma; } cases[] = {
        { "Clinton telephoned Sharif on Monday .", "telephoned", "telephone" },
        { "He was shaking hands with the envoy .", "shaking", "shake" },
        { "The rebels freed the hostages .", "freed", "free" },
        { "The president overrode the veto .", "overrode", "override" },
        { "The court upheld the ruling .", "upheld", "uphold" },
        { "The government banned the party .", "banned", "ban" },
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        dyad_arena *a = dyad_arena_new(0);
        size_t n = 0;
        dyad_word *w = parse(a, cases[t].sentence, &n);
        CHECK(w != NULL);
        if (w) {
            int v = find(w, n, cases[t].form);
            CHECK(v > 0);
            if (v > 0)
                CHECK_STR(w[v - 1].lemma, cases[t].lemma);
        }
        dyad_arena_free(a);
    }
}

/* Whatever the input: one root, heads in range, no cycle, strings set. */
static void test_tree_invariants(void)
{
    static const char *inputs[] = {
        "Talks collapsed .",
        ", , , ( ) ... !",
        "the the the the the the the the",
        "Officials in Kabul said on Tuesday that Taliban fighters had attacked a checkpoint , killing four soldiers , and that the government would respond .",
        "x",
    };
    dyad_arena *a = dyad_arena_new(0);
    for (size_t t = 0; t < sizeof inputs / sizeof inputs[0]; t++) {
        size_t n = 0;
        dyad_word *w = parse(a, inputs[t], &n);
        CHECK(w != NULL);
        if (!w)
            continue;
        int roots = 0;
        for (size_t i = 0; i < n; i++) {
            CHECK(w[i].head >= 0 && (size_t)w[i].head <= n);
            CHECK(w[i].head != (int32_t)i + 1);
            CHECK(w[i].lemma && w[i].xpos && w[i].feats && w[i].deprel);
            CHECK(w[i].upos > DYAD_UPOS_NONE && w[i].upos < DYAD_UPOS_COUNT);
            roots += w[i].head == 0;
            int h = (int)i + 1, steps = 0;
            while (h != 0 && steps++ <= (int)n)
                h = w[h - 1].head;
            CHECK(h == 0);
        }
        CHECK_EQ_INT(roots, 1);
    }
    CHECK(dyad_nlp_annotate(models(), a, NULL, 0, NULL) == 0 || !models());
    dyad_arena_free(a);
}

/* Punctuation heads no word: "telephoned Nawaz Sharif ." once hung the
 * name on the full stop. */
static void test_punct_heads_nothing(void)
{
    static const char *inputs[] = {
        "Clinton telephoned Nawaz Sharif .",
        "Mr. Clinton telephoned Prime Minister Nawaz Sharif .",
        "The agreement was signed by President Vladimir Putin , President Ilham Aliyev of Azerbaijan and Prime Minister Nikol Pashinyan of Armenia .",
    };
    dyad_arena *a = dyad_arena_new(0);
    for (size_t t = 0; t < sizeof inputs / sizeof inputs[0]; t++) {
        size_t n = 0;
        dyad_word *w = parse(a, inputs[t], &n);
        CHECK(w != NULL);
        for (size_t i = 0; w && i < n; i++)
            if (w[i].head > 0 && w[i].upos != DYAD_UPOS_PUNCT)
                CHECK(w[w[i].head - 1].upos != DYAD_UPOS_PUNCT);
    }
    dyad_arena_free(a);
}

static void test_load_errors(void)
{
    dyad_nlp *nlp = (dyad_nlp *)1;
    dyad_error e;
    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(dyad_nlp_load("/nonexistent/dyad-models", &nlp, &e), DYAD_EMODEL);
    CHECK(nlp == NULL);
    CHECK_EQ_INT(e.code, DYAD_EMODEL);
    CHECK(e.message[0] != 0);

    /* A file with the right name but the wrong bytes. */
    char dir[] = "/tmp/dyad-nlp-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[sizeof dir + 32];
    snprintf(path, sizeof path, "%s/nlp-en.bin", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("this is not a model file, just some text long enough\n", f);
        fclose(f);
    }
    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(dyad_nlp_load(dir, &nlp, &e), DYAD_EMODEL);
    CHECK(nlp == NULL);
    CHECK(strstr(e.message, "magic") != NULL);

    /* The right magic but a future version. */
    f = fopen(path, "wb");
    if (f) {
        static const unsigned char hdr[16] = {'D', 'Y', 'A', 'D', 'N', 'L', 'P', 0,
                                              99, 0, 0, 0, 0, 0, 0, 0};
        fwrite(hdr, 1, sizeof hdr, f);
        fclose(f);
    }
    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(dyad_nlp_load(dir, &nlp, &e), DYAD_EMODEL);
    CHECK(strstr(e.message, "version") != NULL);

    /* A truncated copy of the real model. */
    FILE *in = fopen("models/nlp-en.bin", "rb");
    f = fopen(path, "wb");
    if (in && f) {
        char buf[4096];
        size_t r = fread(buf, 1, sizeof buf, in);
        fwrite(buf, 1, r, f);
    }
    if (in) fclose(in);
    if (f) fclose(f);
    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(dyad_nlp_load(dir, &nlp, &e), DYAD_EMODEL);
    CHECK(nlp == NULL);
    dyad_nlp_free(NULL);
    unlink(path);
    rmdir(dir);
}

static void test_upos_names(void)
{
    CHECK_STR(dyad_upos_name(DYAD_UPOS_NOUN), "NOUN");
    CHECK_STR(dyad_upos_name(DYAD_UPOS_PROPN), "PROPN");
    CHECK_STR(dyad_upos_name(DYAD_UPOS_X), "X");
    CHECK_STR(dyad_upos_name(-1), "_");
    CHECK_STR(dyad_upos_name(DYAD_UPOS_COUNT), "_");
}

const unit_case unit_nlp[] = {
    {"active_subject_object", test_active_subject_object},
    {"passive_agent", test_passive_agent},
    {"negation", test_negation},
    {"irregular_lemmas", test_irregular_lemmas},
    {"unseen_lemmas", test_unseen_lemmas},
    {"punct_heads_nothing", test_punct_heads_nothing},
    {"tree_invariants", test_tree_invariants},
    {"load_errors", test_load_errors},
    {"upos_names", test_upos_names},
    {NULL, NULL},
};
