/* text_internal.h — what the tokenizer and the sentence splitter share:
 * the classes of abbreviations (which decide whether a period ending an
 * abbreviation may also end a sentence). */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H
#include <stddef.h>

enum dyad_abbr_class {
    DYAD_ABBR_NONE = 0,
    DYAD_ABBR_TITLE,   /* Mr. Dr. Gen. vs. e.g.: a name or phrase follows */
    DYAD_ABBR_MONTH,   /* Nov. Jan.: a day number usually follows */
    DYAD_ABBR_OTHER,   /* Inc. Jr. Calif.: may end a sentence */
    DYAD_ABBR_FINAL,   /* etc.: often ends a sentence */
    DYAD_ABBR_INITIAL, /* V. in "Vladimir V. Putin" */
    DYAD_ABBR_DOTTED   /* U.S. U.N. T.J. a.m. */
};

/* Class of the abbreviation s[0..n) (the token text, final period included);
 * DYAD_ABBR_NONE when s is not one. */
int dyad_text_abbrev_class(const char *s, size_t n);

/* 1 when the word s[0..n) (no period) is a listed abbreviation. */
int dyad_text_abbrev_known(const char *s, size_t n);

#endif
