/* clean.h — separate the article body from page debris and read the
 * metadata lines (title, kicker, byline, publication, date, dateline) and
 * the language.  Internal to libdyad. */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H
#include "dyad.h"

/* Clean text[0..n) (valid UTF-8, NUL-terminated) into doc: fills title,
 * kicker, byline, publication, dateline, date, body, removed.
 * Metadata already on doc (title, date from the input) is kept; a line that
 * repeats the title is moved out of the body. */
int dyad_clean(dyad_arena *a, const char *text, size_t n, dyad_doc *doc,
               dyad_error *err);

/* Parse the first date in s ("2018-07-16", "July 16, 2018", "Nov. 11, 2018",
 * "16 July 2018", "Monday, July 16, 2018 10:30 AM").  Writes "YYYY-MM-DD"
 * (11 bytes with NUL) to out; returns the length of the text matched from
 * the start of the date, or 0.  If whole_line, the date must fill s (apart
 * from a weekday, a time and punctuation). */
size_t dyad_date_parse(const char *s, size_t n, char out[11], int whole_line);

/* Guess the language of a tokenized text from its first few hundred words
 * (script, then the share of very common words): ISO 639-1 code ("en",
 * "fr", …) or "und". */
const char *dyad_lang_detect(const char *s, size_t n, const dyad_token *toks, size_t n_toks);
#endif
