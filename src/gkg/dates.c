/* dates.c — the date of what a sentence reports, resolved against the
 * document date: "on Friday", "yesterday", "last week", "Nov. 11",
 * "in July", "last month", "earlier this year", "in 2014".
 *
 * News writes relative dates from the day of publication and mostly about
 * the past: a weekday is the last such day on or before the document date,
 * unless the sentence speaks of the future ("will", "next").  The most
 * specific expression of the sentence wins (day > week > month > year).
 * A small lexer of our own reads the text: no allocation. */
#include "dyad.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ calendar */

/* Days since 1970-01-01 of a proleptic Gregorian date (the usual era
 * arithmetic: years start in March so that the leap day comes last). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday) */
static int weekday(long days)
{
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* ------------------------------------------------------------ lexer */

#define MAX_WORDS 400

typedef struct word {
    char s[16];    /* lower-cased, trailing period dropped */
    int len;
    int cap;       /* first letter upper case */
    int number;    /* digits (an ordinal suffix allowed): the value, else -1 */
    int digits;
    int comma_after;
    int period;    /* written with a trailing period ("Nov.") */
} word;

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static size_t lex(const char *t, size_t n, word *w, size_t max)
{
    size_t nw = 0;
    for (size_t i = 0; i < n && nw < max;) {
        char c = t[i];
        if (c == ',' && nw) {
            w[nw - 1].comma_after = 1;
            i++;
            continue;
        }
        if (!is_alpha(c) && !is_digit(c)) {
            i++;
            continue;
        }
        word *x = &w[nw];
        memset(x, 0, sizeof *x);
        x->number = -1;
        size_t j = i;
        if (is_digit(c)) {
            long v = 0;
            while (j < n && is_digit(t[j])) {
                if (v < 100000)
                    v = v * 10 + (t[j] - '0');
                x->digits++;
                j++;
            }
            /* 1,000 or 3.5: not a day or a year */
            if (j + 1 < n && (t[j] == ',' || t[j] == '.') && is_digit(t[j + 1])) {
                while (j < n && (is_digit(t[j]) || t[j] == ',' || t[j] == '.'))
                    j++;
                i = j;
                continue;
            }
            x->number = (int)v;
            size_t k = j;
            while (k < n && is_alpha(t[k]))
                k++;
            if (k - j == 2) { /* 11th, 1st, 2nd, 3rd; "1990s" is not a year */
                char a = (char)(t[j] | 0x20), b = (char)(t[j + 1] | 0x20);
                if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                      (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
                    x->number = -1;
                j = k;
            } else if (k > j) {
                x->number = -1;
                j = k;
            }
            if (j < n && t[j] == '%')
                x->number = -1;
            if (i > 0 && t[i - 1] == '$')
                x->number = -1;
        } else {
            x->cap = c >= 'A' && c <= 'Z';
            while (j < n && (is_alpha(t[j]) || t[j] == '\'' || t[j] == '-')) {
                if (x->len < (int)sizeof x->s - 1)
                    x->s[x->len++] = (char)(t[j] | 0x20);
                j++;
            }
            x->s[x->len] = 0;
            if (j < n && t[j] == '.')
                x->period = 1;
        }
        i = j;
        nw++;
    }
    return nw;
}

static int is(const word *w, const char *s) { return strcmp(w->s, s) == 0; }

static int month_of(const word *w)
{
    static const char *const full[] = {"january", "february", "march", "april", "may",
                                       "june", "july", "august", "september", "october",
                                       "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec"};
    if (!w->cap)
        return 0;
    for (int m = 0; m < 12; m++)
        if (is(w, full[m]) || (abbr[m][0] && is(w, abbr[m])) ||
            (m == 8 && is(w, "sept")))
            return m + 1;
    return 0;
}

static int weekday_of(const word *w)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    if (!w->cap)
        return -1;
    for (int i = 0; i < 7; i++)
        if (is(w, names[i]))
            return i;
    return -1;
}

/* ------------------------------------------------------------ resolving */

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" into out[11] (fields of 0 are left out). */
static void put_date(char out[11], int y, int m, int d)
{
    int k = 0;
    y = y < 0 ? 0 : y % 10000;
    out[k++] = (char)('0' + y / 1000);
    out[k++] = (char)('0' + y / 100 % 10);
    out[k++] = (char)('0' + y / 10 % 10);
    out[k++] = (char)('0' + y % 10);
    if (m > 0 && m <= 12) {
        out[k++] = '-';
        out[k++] = (char)('0' + m / 10);
        out[k++] = (char)('0' + m % 10);
        if (d > 0 && d <= 31) {
            out[k++] = '-';
            out[k++] = (char)('0' + d / 10);
            out[k++] = (char)('0' + d % 10);
        }
    }
    out[k] = 0;
}

typedef struct found {
    int precision;
    int y, m, d;
    int explicit_year;
} found;

static void consider(found *best, int precision, int y, int m, int d, int explicit_year)
{
    if (precision <= best->precision)
        return;
    best->precision = precision;
    best->y = y;
    best->m = m;
    best->d = d;
    best->explicit_year = explicit_year;
}

/* The year of a month (and day) written without one: the nearest, looking
 * back rather than ahead unless the sentence speaks of the future. */
static int infer_year(long doc, int dy, int m, int d, int future)
{
    int best_y = dy;
    long best_cost = -1;
    for (int y = dy - 1; y <= dy + 1; y++) {
        int dd = d ? d : (future ? 1 : days_in_month(y, m));
        if (dd > days_in_month(y, m))
            dd = days_in_month(y, m);
        long diff = days_from_civil(y, m, dd) - doc;
        long cost = diff > 0 ? (future ? diff : diff * 4) : (future ? -diff * 4 : -diff);
        if (best_cost < 0 || cost < best_cost) {
            best_cost = cost;
            best_y = y;
        }
    }
    return best_y;
}

static int parse_doc_date(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return 0;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

int dyad_date_resolve(const char *doc_date, const char *text, size_t n, char out[11],
                      int *historical)
{
    int dy, dm, dd;
    if (historical)
        *historical = 0;
    if (!parse_doc_date(doc_date, &dy, &dm, &dd)) {
        out[0] = 0;
        return DYAD_DATE_NONE;
    }
    long doc = days_from_civil(dy, dm, dd);
    word w[MAX_WORDS];
    size_t nw = text ? lex(text, n, w, MAX_WORDS) : 0;
    int future = 0;
    for (size_t i = 0; i < nw; i++)
        if (is(&w[i], "will") || is(&w[i], "next") || is(&w[i], "tomorrow") ||
            is(&w[i], "scheduled") || is(&w[i], "upcoming") || is(&w[i], "ll"))
            future = 1;
    found best = {DYAD_DATE_NONE, 0, 0, 0, 0};
    for (size_t i = 0; i < nw; i++) {
        const word *x = &w[i];
        const word *prev = i ? &w[i - 1] : NULL;
        const word *next = i + 1 < nw ? &w[i + 1] : NULL;
        int y, m, d;
        /* today, yesterday, tomorrow */
        if (is(x, "today") || is(x, "tonight")) {
            consider(&best, DYAD_DATE_DAY, dy, dm, dd, 0);
        } else if (is(x, "yesterday") || is(x, "tomorrow")) {
            long z = doc + (is(x, "tomorrow") ? 1 : -1);
            if (is(x, "yesterday") && prev && is(prev, "before") && i >= 2 &&
                is(&w[i - 2], "day"))
                z = doc - 2;
            civil_from_days(z, &y, &m, &d);
            consider(&best, DYAD_DATE_DAY, y, m, d, 0);
        } else if (is(x, "this") && next &&
                   (is(next, "morning") || is(next, "afternoon") || is(next, "evening"))) {
            consider(&best, DYAD_DATE_DAY, dy, dm, dd, 0);
        }
        /* weekdays */
        int wd = weekday_of(x);
        if (wd >= 0) {
            int dow = weekday(doc);
            long z;
            int fwd = future || (prev && is(prev, "next")) || (prev && is(prev, "coming"));
            if (prev && is(prev, "last"))
                fwd = 0;
            if (fwd) {
                z = doc + (wd - dow + 7) % 7;
                if (prev && is(prev, "next") && z == doc)
                    z += 7;
            } else {
                z = doc - (dow - wd + 7) % 7;
                if (prev && is(prev, "last") && z == doc)
                    z -= 7;
            }
            civil_from_days(z, &y, &m, &d);
            consider(&best, DYAD_DATE_DAY, y, m, d, 0);
        }
        /* months: "Nov. 11", "November 11, 2014", "11 November", "July 2014",
         * "in July", "last July" */
        int mo = month_of(x);
        if (mo) {
            /* "May" the modal or the name: only with a date's company */
            int weak = mo == 5 && !x->period && !(prev && (is(prev, "in") || is(prev, "since") ||
                                                           is(prev, "until") || is(prev, "last") ||
                                                           is(prev, "early") || is(prev, "late") ||
                                                           is(prev, "mid") || is(prev, "of") ||
                                                           is(prev, "this") || is(prev, "by")));
            int day = 0, year = 0;
            if (next && next->number >= 1 && next->number <= 31 && next->digits <= 2) {
                day = next->number;
                const word *after = i + 2 < nw ? &w[i + 2] : NULL;
                if (after && after->digits == 4 && after->number >= 1800 && after->number <= 2200)
                    year = after->number;
            } else if (next && next->digits == 4 && next->number >= 1800 &&
                       next->number <= 2200) {
                year = next->number;
            } else if (prev && prev->number >= 1 && prev->number <= 31 && prev->digits <= 2) {
                day = prev->number;
                if (next && next->digits == 4 && next->number >= 1800 && next->number <= 2200)
                    year = next->number;
            }
            if (weak && !day && !year)
                mo = 0;
            if (mo) {
                int fut = future && !(prev && is(prev, "last"));
                y = year ? year : infer_year(doc, dy, mo, day, fut);
                if (prev && is(prev, "last") && !year) {
                    /* "last July": the last July that ended before now */
                    y = dy;
                    if (mo >= dm)
                        y = dy - 1;
                }
                if (day && day <= days_in_month(y, mo))
                    consider(&best, DYAD_DATE_DAY, y, mo, day, year != 0);
                else if (!day)
                    consider(&best, DYAD_DATE_MONTH, y, mo, 0, year != 0);
            }
        }
        /* last/this/next week, month, year */
        if (next && (is(x, "last") || is(x, "this") || is(x, "next") || is(x, "past"))) {
            int delta = is(x, "last") || is(x, "past") ? -1 : is(x, "next") ? 1 : 0;
            if (is(next, "week") || is(next, "weekend")) {
                long monday = doc - weekday(doc) + 7L * delta;
                civil_from_days(monday, &y, &m, &d);
                consider(&best, DYAD_DATE_WEEK, y, m, d, 0);
            } else if (is(next, "month")) {
                y = dy;
                m = dm + delta;
                if (m < 1) {
                    m += 12;
                    y--;
                } else if (m > 12) {
                    m -= 12;
                    y++;
                }
                consider(&best, DYAD_DATE_MONTH, y, m, 0, 0);
            } else if (is(next, "year")) {
                consider(&best, DYAD_DATE_YEAR, dy + delta, 0, 0, 0);
            }
        }
        /* a year alone: "in 2014", "the 2014 annexation", "since 2014" */
        if (x->digits == 4 && x->number >= 1800 && x->number <= 2200) {
            int part_of_date = prev && (month_of(prev) ||
                                        (prev->number >= 1 && prev->number <= 31 && i >= 2 &&
                                         month_of(&w[i - 2])));
            if (!part_of_date)
                consider(&best, DYAD_DATE_YEAR, x->number, 0, 0, 1);
        }
    }
    if (best.precision == DYAD_DATE_NONE) {
        put_date(out, dy, dm, dd);
        return DYAD_DATE_NONE;
    }
    /* the last day of the period named */
    long last;
    switch (best.precision) {
    case DYAD_DATE_YEAR:
        put_date(out, best.y, 0, 0);
        last = days_from_civil(best.y, 12, 31);
        break;
    case DYAD_DATE_MONTH:
        put_date(out, best.y, best.m, 0);
        last = days_from_civil(best.y, best.m, days_in_month(best.y, best.m));
        break;
    case DYAD_DATE_WEEK:
        put_date(out, best.y, best.m, best.d);
        last = days_from_civil(best.y, best.m, best.d) + 6;
        break;
    default:
        put_date(out, best.y, best.m, best.d);
        last = days_from_civil(best.y, best.m, best.d);
        break;
    }
    /* Historical: a period named by its year more than a year back, or
     * one that ended before the news: an earlier month or year ("last
     * month", "last August", "last year"), a day a week or more back. */
    if (historical) {
        if (best.explicit_year && doc - last > 365)
            *historical = 1;
        else if ((best.precision == DYAD_DATE_MONTH || best.precision == DYAD_DATE_YEAR) &&
                 last < doc)
            *historical = 1;
        else if (best.precision == DYAD_DATE_DAY && doc - last > 7)
            *historical = 1;
    }
    return best.precision;
}
