/* unit.h — the tiny harness of the unit-test binary: a table of named cases
 * per group; CHECK records a failure and goes on. */
#ifndef DYAD_UNIT_H
#define DYAD_UNIT_H
#include <stdio.h>
#include <string.h>

typedef struct unit_case {
    const char *name;
    void (*fn)(void);
} unit_case;

extern int unit_failed_checks;
void unit_fail(const char *file, int line, const char *what);

#define CHECK(c) do { if (!(c)) unit_fail(__FILE__, __LINE__, #c); } while (0)
#define CHECK_EQ_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) { char m_[256]; snprintf(m_, sizeof m_, "%s == %s (%lld vs %lld)", #a, #b, a_, b_); \
    unit_fail(__FILE__, __LINE__, m_); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) { char m_[1400]; \
    snprintf(m_, sizeof m_, "%s == \"%.600s\" (got \"%.600s\")", #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); \
    unit_fail(__FILE__, __LINE__, m_); } } while (0)

/* Groups: one table each, terminated by {NULL, NULL}.  Add a group to
 * UNIT_GROUPS and define unit_<group>[] in tests/unit/test_<group>.c. */
#define UNIT_GROUPS(X) X(util) X(text) X(read) X(clean) X(doc) X(store) X(nlp) X(code) X(ner) X(gkg) X(petrarch)
#define UNIT_DECL(g) extern const unit_case unit_##g[];
UNIT_GROUPS(UNIT_DECL)
#endif
