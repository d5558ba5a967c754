/* date.c — publication dates written the ways news pages write them. */
#include "clean/clean.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const months[12][3] = {
    {"january", "jan", NULL}, {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},   {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},    {"august", "aug", NULL},   {"september", "sept", "sep"},
    {"october", "oct", NULL}, {"november", "nov", NULL}, {"december", "dec", NULL},
};

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", "mon", "tue",
                                       "tues", "wed", "thu", "thur", "thurs", "fri",
                                       "sat", "sun", NULL};

/* Month name at s: returns 1..12 and the length (with a trailing '.'). */
static int month_at(const char *s, size_t n, size_t *len)
{
    size_t w = 0;
    while (w < n && isalpha((unsigned char)s[w]))
        w++;
    if (w < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && months[m][k]; k++)
            if (strlen(months[m][k]) == w && strncasecmp(s, months[m][k], w) == 0) {
                *len = w + (w < n && s[w] == '.' ? 1 : 0);
                return m + 1;
            }
    return 0;
}

static size_t weekday_at(const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && isalpha((unsigned char)s[w]))
        w++;
    for (int i = 0; weekdays[i]; i++)
        if (strlen(weekdays[i]) == w && strncasecmp(s, weekdays[i], w) == 0)
            return w + (w < n && s[w] == '.' ? 1 : 0);
    return 0;
}

static size_t digits(const char *s, size_t n, int max, int *val)
{
    size_t i = 0;
    int v = 0;
    while (i < n && (int)i < max && isdigit((unsigned char)s[i]))
        v = v * 10 + (s[i++] - '0');
    if (i < n && isdigit((unsigned char)s[i]))
        return 0; /* too many digits */
    *val = v;
    return i;
}

static int valid(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static size_t skip_sp(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || (unsigned char)s[i] == 0xC2))
        i += (unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0 ? 2 : 1;
    return i;
}

/* A date starting exactly at s: returns its length or 0. */
static size_t date_at(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t i, k;
    int a;
    /* ISO 2018-07-16 or 2018/07/16 */
    if ((k = digits(s, n, 4, &a)) == 4 && k + 1 < n && (s[k] == '-' || s[k] == '/')) {
        int mm, dd;
        char sep = s[k];
        size_t k2 = digits(s + k + 1, n - k - 1, 2, &mm);
        if (k2 && k + 1 + k2 < n && s[k + 1 + k2] == sep) {
            size_t k3 = digits(s + k + 2 + k2, n - k - 2 - k2, 2, &dd);
            if (k3 && valid(a, mm, dd)) {
                *y = a, *m = mm, *d = dd;
                return k + 2 + k2 + k3;
            }
        }
        return 0;
    }
    /* July 16, 2018 / Nov. 11, 2018 / July 16 2018 */
    size_t ml;
    int mon = month_at(s, n, &ml);
    if (mon) {
        i = skip_sp(s, n, ml);
        if (i == ml && s[ml - 1] != '.')
            return 0;
        int dd, yy;
        size_t k2 = digits(s + i, n - i, 2, &dd);
        if (!k2)
            return 0;
        i += k2;
        if (i + 1 < n && isalpha((unsigned char)s[i]) && (s[i] == 's' || s[i] == 'n' || s[i] == 'r' || s[i] == 't'))
            i += 2; /* 1st 2nd 3rd 4th */
        if (i < n && s[i] == ',')
            i++;
        i = skip_sp(s, n, i);
        size_t k3 = digits(s + i, n - i, 4, &yy);
        if (k3 == 4 && valid(yy, mon, dd)) {
            *y = yy, *m = mon, *d = dd;
            return i + 4;
        }
        return 0;
    }
    /* 16 July 2018 */
    size_t k2 = digits(s, n, 2, &a);
    if (k2 && k2 < n) {
        i = skip_sp(s, n, k2);
        if (i == k2)
            return 0;
        mon = month_at(s + i, n - i, &ml);
        if (!mon)
            return 0;
        i = skip_sp(s, n, i + ml);
        if (i < n && s[i] == ',')
            i = skip_sp(s, n, i + 1);
        int yy;
        size_t k3 = digits(s + i, n - i, 4, &yy);
        if (k3 == 4 && valid(yy, mon, a)) {
            *y = yy, *m = mon, *d = a;
            return i + 4;
        }
    }
    return 0;
}

size_t dyad_date_parse(const char *s, size_t n, char out[11], int whole_line)
{
    int y, m, d;
    size_t i = 0;
    if (whole_line) {
        i = skip_sp(s, n, 0);
        size_t w = weekday_at(s + i, n - i);
        if (w) {
            i += w;
            if (i < n && s[i] == ',')
                i++;
            i = skip_sp(s, n, i);
        }
        size_t len = date_at(s + i, n - i, &y, &m, &d);
        if (!len)
            return 0;
        /* the rest may only be a time, a zone, punctuation */
        for (size_t k = i + len; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            if (isdigit(c) || c == ':' || c == ' ' || c == ',' || c == '.' || c == '-' ||
                c == '+' || c == 'T' || c == 'Z' || c == '|' || c == '\t' || c == '\r')
                continue;
            if (isalpha(c)) { /* am/pm, ET, GMT, UTC */
                size_t w = k;
                while (w < n && isalpha((unsigned char)s[w]))
                    w++;
                if (w - k <= 4 && isupper(c) == isupper((unsigned char)s[w - 1])) {
                    k = w - 1;
                    continue;
                }
            }
            return 0;
        }
        snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
        return i + len;
    }
    for (i = 0; i < n; i++) {
        if (i > 0 && isalnum((unsigned char)s[i - 1]))
            continue;
        size_t len = date_at(s + i, n - i, &y, &m, &d);
        if (len) {
            snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
            return i + len;
        }
    }
    return 0;
}
