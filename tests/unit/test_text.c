/* test_text.c — unit cases of the text stage: UTF-8 repair, folding,
 * tokenizer, sentence splitter. */
#include "unit.h"
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static dyad_arena *A;

static void arena_fresh(void)
{
    if (!A)
        A = dyad_arena_new(0);
    dyad_arena_reset(A);
}

static char out[8192];

/* Tokens of s joined by '|'. */
static const char *toks_of(const char *s)
{
    dyad_token *t;
    size_t n, o = 0;
    arena_fresh();
    if (dyad_tokenize(A, s, strlen(s), &t, &n, NULL) != DYAD_OK)
        return "(error)";
    out[0] = '\0';
    for (size_t i = 0; i < n && o + (t[i].end - t[i].start) + 2 < sizeof out;
         i++) {
        if (i)
            out[o++] = '|';
        memcpy(out + o, s + t[i].start, t[i].end - t[i].start);
        o += t[i].end - t[i].start;
    }
    out[o] = '\0';
    return out;
}

/* Kind of the token whose text is w (first match), or 0. */
static int kind_of(const char *s, const char *w)
{
    dyad_token *t;
    size_t n;
    arena_fresh();
    if (dyad_tokenize(A, s, strlen(s), &t, &n, NULL) != DYAD_OK)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].start == strlen(w) &&
            memcmp(s + t[i].start, w, strlen(w)) == 0)
            return t[i].kind;
    return 0;
}

static unsigned flags_of(const char *s, const char *w)
{
    dyad_token *t;
    size_t n;
    arena_fresh();
    if (dyad_tokenize(A, s, strlen(s), &t, &n, NULL) != DYAD_OK)
        return 0xFFFF;
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].start == strlen(w) &&
            memcmp(s + t[i].start, w, strlen(w)) == 0)
            return t[i].flags;
    return 0xFFFF;
}

/* Checks the splitter's invariants; returns the sentences joined by "||". */
static const char *sents_of(const char *s)
{
    dyad_token *t;
    dyad_sentence *st;
    size_t n, ns, o = 0, len = strlen(s);
    arena_fresh();
    if (dyad_tokenize(A, s, len, &t, &n, NULL) != DYAD_OK ||
        dyad_split_sentences(A, s, len, t, n, &st, &ns, NULL) != DYAD_OK)
        return "(error)";
    uint32_t next_tok = 0, prev_end = 0;
    for (size_t i = 0; i < ns; i++) {
        CHECK_EQ_INT(st[i].tok_first, next_tok);
        CHECK(st[i].tok_end > st[i].tok_first);
        CHECK(st[i].start >= prev_end);
        CHECK(st[i].start == t[st[i].tok_first].start);
        CHECK(st[i].end == t[st[i].tok_end - 1].end);
        next_tok = st[i].tok_end;
        prev_end = st[i].end;
        if (i) {
            memcpy(out + o, "||", 2);
            o += 2;
        }
        size_t l = st[i].end - st[i].start;
        if (o + l + 3 >= sizeof out)
            break;
        memcpy(out + o, s + st[i].start, l);
        o += l;
    }
    CHECK_EQ_INT(next_tok, n);
    out[o] = '\0';
    return out;
}

static const char *repair(const char *s, size_t n, size_t *bad)
{
    size_t len;
    arena_fresh();
    char *r = dyad_utf8_repair(A, s, n, &len, bad);
    CHECK(r != NULL);
    CHECK_EQ_INT(strlen(r), len);
    return r;
}

static const char *fold(const char *s)
{
    size_t len;
    arena_fresh();
    char *r = dyad_norm_fold(A, s, strlen(s), &len);
    CHECK(r != NULL);
    if (r)
        CHECK_EQ_INT(strlen(r), len);
    return r;
}

/* ---------------------------------------------------------------- utf8 */

static void utf8_valid_unchanged(void)
{
    size_t bad = 99;
    const char *s = "Erdo\xC4\x9F" "an \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80 ok\r\n\ttab";
    CHECK_STR(repair(s, strlen(s), &bad), s);
    CHECK_EQ_INT(bad, 0);
}

static void utf8_invalid_sequences(void)
{
    size_t bad;
    /* lone continuation, overlong, surrogate, > U+10FFFF, truncated at end */
    CHECK_STR(repair("a\x80z", 3, &bad), "a\xEF\xBF\xBDz");
    CHECK_EQ_INT(bad, 1);
    CHECK_STR(repair("\xC0\xAF", 2, &bad), "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_EQ_INT(bad, 2);
    CHECK_STR(repair("\xE0\x80\x80!", 4, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!");
    CHECK_EQ_INT(bad, 3);
    CHECK_STR(repair("\xED\xA0\x80", 3, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_EQ_INT(bad, 3);
    CHECK_STR(repair("\xF4\x90\x80\x80", 4, &bad),
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_STR(repair("x\xE2\x82", 3, &bad), "x\xEF\xBF\xBD");
    CHECK_EQ_INT(bad, 1); /* a truncated sequence is one replacement */
    CHECK_STR(repair("\xFF\xFE", 2, &bad), "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_STR(repair("\xF4\x8F\xBF\xBF", 4, &bad), "\xF4\x8F\xBF\xBF");
    CHECK_EQ_INT(bad, 0);
}

static void utf8_nul_and_controls(void)
{
    size_t bad;
    CHECK_STR(repair("a\0b\x01" "c\x1F" "d\te\nf\rg", 13, &bad),
              "a b c d\te\nf\rg");
    CHECK_EQ_INT(bad, 1); /* the NUL */
}

static void utf8_empty(void)
{
    size_t bad = 7;
    CHECK_STR(repair("", 0, &bad), "");
    CHECK_EQ_INT(bad, 0);
    CHECK_STR(repair(NULL, 0, NULL), "");
}

static void utf8_long_ascii_runs(void)
{
    /* the 8-byte fast path must not skip a bad byte at any alignment */
    char buf[64];
    for (int pos = 0; pos < 40; pos++) {
        memset(buf, 'a', 40);
        buf[pos] = (char)0xFF;
        size_t bad;
        const char *r = repair(buf, 40, &bad);
        CHECK_EQ_INT(bad, 1);
        CHECK_EQ_INT(strlen(r), 42);
    }
}

/* ---------------------------------------------------------------- norm */

static void norm_ascii_lower(void)
{
    CHECK_STR(fold("Vladimir PUTIN, U.S."), "vladimir putin, u.s.");
}

static void norm_diacritics_and_nfkc(void)
{
    CHECK_STR(fold("Erdo\xC4\x9F" "an"), "erdogan");
    CHECK_STR(fold("S\xC3\xA3o Paulo"), "sao paulo");
    CHECK_STR(fold("\xC3\x89LYS\xC3\x89" "E"), "elysee");
    CHECK_STR(fold("\xEF\xAC\x81" "nance"), "finance");   /* ligature fi */
    CHECK_STR(fold("\xEF\xBC\xA1\xEF\xBC\xA2"), "ab");   /* full width */
    CHECK_STR(fold("Stra\xC3\x9F" "e"), "strasse");
}

static void norm_quotes_dashes(void)
{
    CHECK_STR(fold("Russia\xE2\x80\x99s \xE2\x80\x9Cwar\xE2\x80\x9D"),
              "russia's \"war\"");
    CHECK_STR(fold("1990\xE2\x80\x93" "91 \xE2\x80\x94 end"), "1990-91 - end");
}

static void norm_invalid_input(void)
{
    CHECK_STR(fold("caf\xC3\xA9\xFF"), "cafe\xEF\xBF\xBD");
}

/* ---------------------------------------------------------------- tokenizer */

static void tok_empty_and_space(void)
{
    CHECK_STR(toks_of(""), "");
    CHECK_STR(toks_of(" \n\t \xC2\xA0 "), "");
}

static void tok_possessive_and_clitics(void)
{
    CHECK_STR(toks_of("Russia\xE2\x80\x99s army"), "Russia|\xE2\x80\x99s|army");
    CHECK_STR(toks_of("Russia's army"), "Russia|'s|army");
    CHECK_STR(toks_of("don't"), "do|n't");
    CHECK_STR(toks_of("can't won't"), "ca|n't|wo|n't");
    CHECK_STR(toks_of("DON'T"), "DO|N'T");
    CHECK_STR(toks_of("I'm we're they've we'll he'd"),
              "I|'m|we|'re|they|'ve|we|'ll|he|'d");
    CHECK_STR(toks_of("the 1990's boom"), "the|1990|'s|boom");
    CHECK_EQ_INT(kind_of("Russia\xE2\x80\x99s", "\xE2\x80\x99s"), DYAD_TOK_CLITIC);
    CHECK_EQ_INT(kind_of("don't", "n't"), DYAD_TOK_CLITIC);
    CHECK_EQ_INT(kind_of("it's", "'s"), DYAD_TOK_CLITIC);
}

static void tok_inner_apostrophe(void)
{
    CHECK_STR(toks_of("O'Brien and rock'n'roll"), "O'Brien|and|rock'n'roll");
    CHECK_STR(toks_of("O\xE2\x80\x99" "Donnell"), "O\xE2\x80\x99" "Donnell");
    CHECK_STR(toks_of("the parents' votes"), "the|parents|'|votes");
}

static void tok_hyphens(void)
{
    CHECK_STR(toks_of("long-term Russian-backed F-16 24-year-old"),
              "long-term|Russian-backed|F-16|24-year-old");
    CHECK_STR(toks_of("U.S.-backed forces"), "U.S.-backed|forces");
    CHECK_STR(toks_of("war - peace"), "war|-|peace");
}

static void tok_numbers(void)
{
    CHECK_STR(toks_of("1,000.5 3.5% -5 the 1990s 21st $5"),
              "1,000.5|3.5|%|-5|the|1990s|21st|$|5");
    CHECK_EQ_INT(kind_of("a 1,000.5 b", "1,000.5"), DYAD_TOK_NUMBER);
    CHECK_EQ_INT(kind_of("the 1990s", "1990s"), DYAD_TOK_NUMBER);
    CHECK_EQ_INT(kind_of("up 3.5%", "%"), DYAD_TOK_SYMBOL);
    CHECK_EQ_INT(kind_of("it was -5 today", "-5"), DYAD_TOK_NUMBER);
    CHECK_STR(toks_of("in 1990."), "in|1990|.");
    CHECK_STR(toks_of("at 10:30 on 9/11"), "at|10:30|on|9/11");
    CHECK_STR(toks_of("pages 5-10"), "pages|5-10");
}

static void tok_urls_emails(void)
{
    CHECK_STR(toks_of("see https://example.com/a?b=c&d=1. Or www.reuters.com, "
                      "mail j.doe@example.co.uk."),
              "see|https://example.com/a?b=c&d=1|.|Or|www.reuters.com|,|mail|"
              "j.doe@example.co.uk|.");
    CHECK_EQ_INT(kind_of("(http://x.org/a_(b))", "http://x.org/a_(b)"),
                 DYAD_TOK_URL);
    CHECK_EQ_INT(kind_of("a@b.com", "a@b.com"), DYAD_TOK_EMAIL);
    CHECK_STR(toks_of("@user #tag"), "@|user|#|tag");
}

static void tok_abbreviations(void)
{
    static const char *abbrs[] = {
        "T.J.", "H.R.", "U.S.", "U.N.", "Mr.", "Dr.", "Mrs.", "Ms.", "Gen.",
        "Sen.", "Rep.", "Gov.", "St.", "Nov.", "Jan.", "Inc.", "Co.", "Corp.",
        "Jr.", "vs.", "e.g.", "i.e.", "a.m.", "Ph.D.", NULL
    };
    for (const char **a = abbrs; *a; a++) {
        char s[64];
        snprintf(s, sizeof s, "x %s y", *a);
        char want[64];
        snprintf(want, sizeof want, "x|%s|y", *a);
        CHECK_STR(toks_of(s), want);
        CHECK_EQ_INT(kind_of(s, *a), DYAD_TOK_ABBREV);
    }
    CHECK_STR(toks_of("No. 10"), "No.|10");
    CHECK_STR(toks_of("he said no."), "he|said|no|.");
    CHECK_STR(toks_of("Vladimir V. Putin"), "Vladimir|V.|Putin");
    CHECK_EQ_INT(kind_of("Vladimir V. Putin", "V."), DYAD_TOK_ABBREV);
    CHECK_STR(toks_of("GEN. SMITH"), "GEN.|SMITH");
}

static void tok_final_period(void)
{
    CHECK_STR(toks_of("He went to Moscow."), "He|went|to|Moscow|.");
    CHECK_EQ_INT(kind_of("Moscow.", "."), DYAD_TOK_PUNCT);
    CHECK_STR(toks_of("talks with the U.S."), "talks|with|the|U.S.");
    CHECK_STR(toks_of("reuters.com reports"), "reuters.com|reports");
}

static void tok_quotes(void)
{
    CHECK_STR(toks_of("\"Yes,\" he said."), "\"|Yes|,|\"|he|said|.");
    CHECK_STR(toks_of("\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x98so\xE2\x80\x99 "
                      "\xC2\xAB" "oui\xC2\xBB 'ok'"),
              "\xE2\x80\x9C|No|\xE2\x80\x9D|\xE2\x80\x98|so|\xE2\x80\x99|"
              "\xC2\xAB|oui|\xC2\xBB|'|ok|'");
    CHECK_EQ_INT(kind_of("\xE2\x80\x9CNo", "\xE2\x80\x9C"), DYAD_TOK_QUOTE);
    CHECK_EQ_INT(kind_of("'ok'", "'"), DYAD_TOK_QUOTE);
    CHECK_EQ_INT(kind_of("``x''", "``"), DYAD_TOK_QUOTE);
}

static void tok_ellipsis_and_dashes(void)
{
    CHECK_STR(toks_of("wait... what\xE2\x80\xA6 no -- yes \xE2\x80\x94 maybe "
                      "\xE2\x80\x93 so"),
              "wait|...|what|\xE2\x80\xA6|no|--|yes|\xE2\x80\x94|maybe|"
              "\xE2\x80\x93|so");
    CHECK_EQ_INT(kind_of("a ... b", "..."), DYAD_TOK_PUNCT);
    CHECK_EQ_INT(kind_of("a \xE2\x80\x94 b", "\xE2\x80\x94"), DYAD_TOK_PUNCT);
    CHECK_STR(toks_of("Really?! Yes!!!"), "Really|?!|Yes|!!!");
}

static void tok_flags(void)
{
    const char *s = "The NATO\nchief\n\n  Said x";
    CHECK_EQ_INT(flags_of(s, "The"), DYAD_TF_CAPITALIZED);
    CHECK_EQ_INT(flags_of(s, "NATO"), DYAD_TF_SPACE_BEFORE |
                 DYAD_TF_CAPITALIZED | DYAD_TF_ALLCAPS);
    CHECK_EQ_INT(flags_of(s, "chief"), DYAD_TF_SPACE_BEFORE |
                 DYAD_TF_NEWLINE_BEFORE);
    CHECK_EQ_INT(flags_of(s, "Said"), DYAD_TF_SPACE_BEFORE |
                 DYAD_TF_NEWLINE_BEFORE | DYAD_TF_PARA_BEFORE |
                 DYAD_TF_CAPITALIZED);
    CHECK_EQ_INT(flags_of("a\r\n\r\nB", "B"), DYAD_TF_SPACE_BEFORE |
                 DYAD_TF_NEWLINE_BEFORE | DYAD_TF_PARA_BEFORE |
                 DYAD_TF_CAPITALIZED);
    CHECK_EQ_INT(flags_of("a,", ","), 0);
    CHECK_EQ_INT(flags_of("x \xC3\x89lys\xC3\xA9" "e", "\xC3\x89lys\xC3\xA9" "e"),
                 DYAD_TF_SPACE_BEFORE | DYAD_TF_CAPITALIZED);
}

static void tok_unicode_letters_and_spaces(void)
{
    CHECK_STR(toks_of("Erdo\xC4\x9F" "an\xC2\xA0met \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"
                      "\xE2\x80\x83" "in S\xC3\xA3o\xE2\x80\x89Paulo"),
              "Erdo\xC4\x9F" "an|met|\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD|in|"
              "S\xC3\xA3o|Paulo");
    CHECK_STR(toks_of("\xE2\x82\xAC" "5 \xC2\xA3" "3"), "\xE2\x82\xAC|5|\xC2\xA3|3");
}

static void tok_invalid_utf8_robust(void)
{
    /* the tokenizer must cope with unrepaired input, offsets in range */
    const char s[] = "ab\xFF\xE2\x80 c\xC3";
    dyad_token *t;
    size_t n;
    arena_fresh();
    CHECK_EQ_INT(dyad_tokenize(A, s, sizeof s - 1, &t, &n, NULL), DYAD_OK);
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(t[i].start >= prev && t[i].end > t[i].start);
        CHECK(t[i].end <= sizeof s - 1);
        prev = t[i].end;
    }
    CHECK(n >= 2);
}

static void tok_many_quotes(void)
{
    size_t n = 100000;
    char *s = malloc(n + 1);
    CHECK(s != NULL);
    if (!s)
        return;
    memset(s, '"', n);
    s[n] = '\0';
    dyad_token *t;
    dyad_sentence *st;
    size_t nt, ns;
    arena_fresh();
    CHECK_EQ_INT(dyad_tokenize(A, s, n, &t, &nt, NULL), DYAD_OK);
    CHECK_EQ_INT(nt, n);
    CHECK_EQ_INT(dyad_split_sentences(A, s, n, t, nt, &st, &ns, NULL), DYAD_OK);
    CHECK_EQ_INT(ns, 1);
    /* and curly quotes with spaces, many sentences */
    free(s);
    size_t reps = 20000;
    const char *unit = "\xE2\x80\x9CNo.\xE2\x80\x9D ";
    size_t ul = strlen(unit);
    s = malloc(reps * ul + 1);
    CHECK(s != NULL);
    if (!s)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * ul, unit, ul);
    s[reps * ul] = '\0';
    arena_fresh();
    CHECK_EQ_INT(dyad_tokenize(A, s, reps * ul, &t, &nt, NULL), DYAD_OK);
    CHECK_EQ_INT(nt, reps * 4);
    CHECK_EQ_INT(dyad_split_sentences(A, s, reps * ul, t, nt, &st, &ns, NULL),
                 DYAD_OK);
    CHECK_EQ_INT(ns, reps);
    free(s);
}

/* ---------------------------------------------------------------- sentences */

static void sent_empty(void)
{
    CHECK_STR(sents_of(""), "");
    CHECK_STR(sents_of("   \n\n  "), "");
    CHECK_STR(sents_of("Hello"), "Hello");
}

static void sent_basic_and_trim(void)
{
    CHECK_STR(sents_of("  He came. She left!  Why? Because.  "),
              "He came.||She left!||Why?||Because.");
}

static void sent_titles(void)
{
    CHECK_STR(sents_of("Mr. Smith met Dr. Jones and Gen. Mark Milley. They talked."),
              "Mr. Smith met Dr. Jones and Gen. Mark Milley.||They talked.");
    CHECK_STR(sents_of("He lives in St. Petersburg. It is cold."),
              "He lives in St. Petersburg.||It is cold.");
    CHECK_STR(sents_of("The vote is on Nov. 11 in Ohio."),
              "The vote is on Nov. 11 in Ohio.");
    CHECK_STR(sents_of("President Vladimir V. Putin spoke."),
              "President Vladimir V. Putin spoke.");
}

static void sent_us_judgment(void)
{
    CHECK_STR(sents_of("The U.S. officials said no."), "The U.S. officials said no.");
    CHECK_STR(sents_of("He met U.S. Secretary Blinken."),
              "He met U.S. Secretary Blinken.");
    CHECK_STR(sents_of("Troops left the U.S. The move was a surprise."),
              "Troops left the U.S.||The move was a surprise.");
    CHECK_STR(sents_of("Sales rose at Apple Inc. It said so."),
              "Sales rose at Apple Inc.||It said so.");
    CHECK_STR(sents_of("They sold guns, tanks, etc. Then they left."),
              "They sold guns, tanks, etc.||Then they left.");
    CHECK_STR(sents_of("The U.S. economy grew at 5 p.m. on Monday."),
              "The U.S. economy grew at 5 p.m. on Monday.");
}

static void sent_quotes(void)
{
    CHECK_STR(sents_of("\"We will win,\" he said. \"Next time.\" Then silence."),
              "\"We will win,\" he said.||\"Next time.\"||Then silence.");
    CHECK_STR(sents_of("\xE2\x80\x9CIt is over.\xE2\x80\x9D The talks ended."),
              "\xE2\x80\x9CIt is over.\xE2\x80\x9D||The talks ended.");
    CHECK_STR(sents_of("\"Why?\" he asked."), "\"Why?\" he asked.");
    CHECK_STR(sents_of("He won (again.) Next year too."),
              "He won (again.)||Next year too.");
}

static void sent_ellipsis_and_dashes(void)
{
    CHECK_STR(sents_of("We waited... Nothing came. It was... odd."),
              "We waited...||Nothing came.||It was... odd.");
    CHECK_STR(sents_of("He came \xE2\x80\x94 He saw \xE2\x80\x94 and left."),
              "He came \xE2\x80\x94 He saw \xE2\x80\x94 and left.");
    CHECK_STR(sents_of("Wait\xE2\x80\xA6 Then go."), "Wait\xE2\x80\xA6||Then go.");
}

static void sent_paragraphs_and_headlines(void)
{
    CHECK_STR(sents_of("Talks collapse\n\nthe talks ended"),
              "Talks collapse||the talks ended");
    CHECK_STR(sents_of("Russia Warns Ukraine Over Drone Strikes\nMoscow said on "
                       "Monday it would respond."),
              "Russia Warns Ukraine Over Drone Strikes||Moscow said on Monday it "
              "would respond.");
    CHECK_STR(sents_of("Russia warns Ukraine over drone strikes\nMoscow said on "
                       "Monday it would respond."),
              "Russia warns Ukraine over drone strikes||Moscow said on Monday it "
              "would respond.");
    /* hard-wrapped prose does not split at line ends */
    CHECK_STR(sents_of("Showers continued throughout the week in\nthe Bahia zone, "
                       "said\nComissaria Smith."),
              "Showers continued throughout the week in\nthe Bahia zone, said\n"
              "Comissaria Smith.");
    CHECK_STR(sents_of("Key points:\n- one thing\n- another"),
              "Key points:||- one thing||- another");
}

static void sent_citations(void)
{
    CHECK_STR(sents_of("He remained until 1805. [6] An undistinguished student."),
              "He remained until 1805. [6]||An undistinguished student.");
}

static void sent_speech_and_list_numbers(void)
{
    CHECK_STR(sents_of("\"Are you still there?\" Smith asked. Nobody was."),
              "\"Are you still there?\" Smith asked.||Nobody was.");
    CHECK_STR(sents_of("\"It is over.\" He told me that later."),
              "\"It is over.\"||He told me that later.");
    CHECK_STR(sents_of("1. Introduction\n\nText here."),
              "1. Introduction||Text here.");
    CHECK_STR(sents_of("It rose by 2. The end."), "It rose by 2.||The end.");
}

static void sent_lowercase_after_stop(void)
{
    CHECK_STR(sents_of("go to famoso. seriously."), "go to famoso.||seriously.");
    CHECK_STR(sents_of("It cost approx. five dollars."),
              "It cost approx. five dollars.");
}

const unit_case unit_text[] = {
    {"utf8_valid_unchanged", utf8_valid_unchanged},
    {"utf8_invalid_sequences", utf8_invalid_sequences},
    {"utf8_nul_and_controls", utf8_nul_and_controls},
    {"utf8_empty", utf8_empty},
    {"utf8_long_ascii_runs", utf8_long_ascii_runs},
    {"norm_ascii_lower", norm_ascii_lower},
    {"norm_diacritics_and_nfkc", norm_diacritics_and_nfkc},
    {"norm_quotes_dashes", norm_quotes_dashes},
    {"norm_invalid_input", norm_invalid_input},
    {"tok_empty_and_space", tok_empty_and_space},
    {"tok_possessive_and_clitics", tok_possessive_and_clitics},
    {"tok_inner_apostrophe", tok_inner_apostrophe},
    {"tok_hyphens", tok_hyphens},
    {"tok_numbers", tok_numbers},
    {"tok_urls_emails", tok_urls_emails},
    {"tok_abbreviations", tok_abbreviations},
    {"tok_final_period", tok_final_period},
    {"tok_quotes", tok_quotes},
    {"tok_ellipsis_and_dashes", tok_ellipsis_and_dashes},
    {"tok_flags", tok_flags},
    {"tok_unicode_letters_and_spaces", tok_unicode_letters_and_spaces},
    {"tok_invalid_utf8_robust", tok_invalid_utf8_robust},
    {"tok_many_quotes", tok_many_quotes},
    {"sent_empty", sent_empty},
    {"sent_basic_and_trim", sent_basic_and_trim},
    {"sent_titles", sent_titles},
    {"sent_us_judgment", sent_us_judgment},
    {"sent_quotes", sent_quotes},
    {"sent_ellipsis_and_dashes", sent_ellipsis_and_dashes},
    {"sent_paragraphs_and_headlines", sent_paragraphs_and_headlines},
    {"sent_citations", sent_citations},
    {"sent_speech_and_list_numbers", sent_speech_and_list_numbers},
    {"sent_lowercase_after_stop", sent_lowercase_after_stop},
    {NULL, NULL},
};
