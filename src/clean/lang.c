/* lang.c — which language a text is in: script first, then the share of
 * very common words.  Enough to keep non-English pages out of the coder. */
#include "clean/clean.h"

#include <ctype.h>
#include <string.h>

typedef struct lang_words {
    const char *code;
    const char *words; /* space-separated, space-delimited at both ends */
} lang_words;

static const lang_words latin[] = {
    {"en", " the of and to in is that for on was with said he it as at by from his have has be are were not an this but they which will would who its "},
    {"fr", " le la les des et est une du dans que pour pas sur qui au aux il elle ce cette sont avec mais ou par plus "},
    {"de", " der die und das ist nicht mit den von zu ein eine auf sich dem des im auch es wird sie bei nach "},
    {"es", " el los las del que y en por con una para es se su al lo como pero sus fue muy "},
    {"it", " il di che e la per un una non sono della del gli nel alla anche come si ha le "},
    {"pt", " os de que e do da em um uma para com não se dos das no na ao mais foi "},
    {"nl", " het een van en is dat op te niet met zijn voor aan ook er maar werd "},
    {NULL, NULL},
};

static int is_word_in(const char *list, const char *w, size_t n)
{
    char key[32];
    if (n + 2 >= sizeof key)
        return 0;
    key[0] = ' ';
    memcpy(key + 1, w, n);
    key[n + 1] = ' ';
    key[n + 2] = '\0';
    return strstr(list, key) != NULL;
}

const char *dyad_lang_detect(const char *s, size_t n)
{
    size_t latin_letters = 0, cyr = 0, arab = 0, cjk = 0, kana = 0, hangul = 0,
           greek = 0, hebrew = 0;
    int score[8] = {0};
    size_t words = 0;
    size_t limit = n < 20000 ? n : 20000;
    size_t i = 0;
    while (i < limit) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (isalpha(c)) {
                size_t st = i;
                char w[32];
                size_t wl = 0;
                while (i < limit && isalpha((unsigned char)s[i])) {
                    if (wl < sizeof w - 1)
                        w[wl++] = (char)tolower((unsigned char)s[i]);
                    i++;
                }
                latin_letters += i - st;
                words++;
                for (int l = 0; latin[l].code; l++)
                    if (is_word_in(latin[l].words, w, wl))
                        score[l]++;
                continue;
            }
            i++;
            continue;
        }
        /* decode one code point */
        unsigned cp = 0;
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (int k = 1; k < len && i + (size_t)k < limit; k++)
            cp = (cp << 6) | ((unsigned char)s[i + (size_t)k] & 0x3F);
        i += (size_t)len;
        if (cp >= 0x0400 && cp <= 0x04FF) cyr++;
        else if (cp >= 0x0600 && cp <= 0x06FF) arab++;
        else if (cp >= 0x4E00 && cp <= 0x9FFF) cjk++;
        else if (cp >= 0x3040 && cp <= 0x30FF) kana++;
        else if (cp >= 0xAC00 && cp <= 0xD7AF) hangul++;
        else if (cp >= 0x0370 && cp <= 0x03FF) greek++;
        else if (cp >= 0x0590 && cp <= 0x05FF) hebrew++;
        else if (cp >= 0x00C0 && cp <= 0x024F) latin_letters++;
    }
    /* Non-Latin scripts count per character; a letter of those ≈ one word. */
    size_t other_max = cyr;
    const char *other = "ru";
    if (arab > other_max) other_max = arab, other = "ar";
    if (cjk + kana > other_max) other_max = cjk + kana, other = kana ? "ja" : "zh";
    if (hangul > other_max) other_max = hangul, other = "ko";
    if (greek > other_max) other_max = greek, other = "el";
    if (hebrew > other_max) other_max = hebrew, other = "he";
    if (other_max * 2 > latin_letters && other_max >= 20)
        return other;
    int best = 0;
    for (int l = 1; latin[l].code; l++)
        if (score[l] > score[best])
            best = l;
    if (words < 4)
        return "und";
    if (best != 0 && score[best] >= 3 && score[best] > score[0] * 3 / 2)
        return latin[best].code;
    if (score[0] == 0 && words >= 20)
        return "und";
    return "en";
}
