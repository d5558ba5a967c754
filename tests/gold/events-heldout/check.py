#!/usr/bin/env python3
"""Sentence splitter from the README rules of tests/gold/events, plus checks.

usage: check.py DIR [DIR...]   -- checks every NAME.events.tsv in the dirs
"""
import sys, os, re, glob

ABBREV = {"Mr", "Ms", "Mrs", "Dr", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt",
          "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No",
          "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
          "Oct", "Nov", "Dec", "Prof", "Mt", "Ft", "vs", "etc", "Inc", "Co",
          "Corp", "Ltd"}
CLOSERS = "\"'”’)]»"
OPENERS = "\"'“‘([«"


def is_abbrev(text, i):
    """text[i] == '.'; is it an abbreviation/initial period?"""
    j = i
    while j > 0 and (text[j-1].isalnum() or text[j-1] == '.'):
        j -= 1
    word = text[j:i]
    if not word:
        return False
    if word in ABBREV:
        return True
    # dotted abbreviations: U.S  F.B.I  a.m  p.m  U.N
    if '.' in word and all(len(p) <= 2 for p in word.split('.')):
        return True
    # single initial (capital letter)
    if len(word) == 1 and word.isupper():
        return True
    return False


def split_paragraph(par):
    sents = []
    start = 0
    n = len(par)
    i = 0
    while i < n:
        c = par[i]
        if c in '.?!':
            k = i + 1
            while k < n and (par[k] in '.?!' or par[k] in CLOSERS):
                k += 1
            # next word
            m = k
            while m < n and par[m] == ' ':
                m += 1
            if m >= n:
                break
            if m == k:  # no space -> not a boundary
                i += 1
                continue
            nxt = par[m]
            starts_new = nxt.isupper() or nxt.isdigit() or nxt in OPENERS
            if c == '.' and is_abbrev(par, i) and k == i + 1:
                starts_new = False
            if starts_new:
                sents.append(par[start:k].strip())
                start = m
                i = m
                continue
            i = k
            continue
        i += 1
    last = par[start:].strip()
    if last:
        sents.append(last)
    return sents


def split_body(text):
    lines = text.split('\n')
    body = lines[1:]
    pars, cur = [], []
    for ln in body:
        if ln.strip() == '':
            if cur:
                pars.append(' '.join(s.strip() for s in cur))
                cur = []
        else:
            cur.append(ln)
    if cur:
        pars.append(' '.join(s.strip() for s in cur))
    sents = []
    for p in pars:
        sents.extend(split_paragraph(p))
    return sents


def trigger_ok(trigger, sent):
    pos = 0
    for piece in trigger.split(' ... '):
        j = sent.find(piece, pos)
        if j < 0:
            return False
        pos = j + len(piece)
    return True


COLS = ["sentence", "source", "source_country", "target", "target_country",
        "code", "mode", "trigger", "snippet"]
MODES = {"asserted", "negated", "hypothetical", "reported", "historical"}


def check(tsv, verbose=False):
    name = tsv[:-len('.events.tsv')]
    text = open(name + '.txt', encoding='utf-8').read()
    sents = split_body(text)
    errs = []
    rows = open(tsv, encoding='utf-8').read().split('\n')
    if rows[0].split('\t') != COLS:
        errs.append('bad header')
    if rows[-1] == '':
        rows = rows[:-1]
    modes = {}
    last = -1
    for ln, r in enumerate(rows[1:], 2):
        f = r.split('\t')
        if len(f) != 9:
            errs.append(f'line {ln}: {len(f)} fields')
            continue
        s = int(f[0])
        if s < last:
            errs.append(f'line {ln}: not sorted')
        last = s
        if s >= len(sents):
            errs.append(f'line {ln}: sentence {s} out of range')
            continue
        if f[8] != sents[s][:40]:
            errs.append(f'line {ln}: snippet {f[8]!r} != {sents[s][:40]!r}')
        if not trigger_ok(f[7], sents[s]):
            errs.append(f'line {ln}: trigger {f[7]!r} not in sentence {s}')
        if f[6] not in MODES:
            errs.append(f'line {ln}: mode {f[6]}')
        modes[f[6]] = modes.get(f[6], 0) + 1
        if not re.fullmatch(r'\d{3,4}', f[5]):
            errs.append(f'line {ln}: code {f[5]}')
        for a, c in ((f[1], f[2]), (f[3], f[4])):
            if a.startswith('IGO'):
                if c != a[:len(c)] or not c.startswith('IGO'):
                    errs.append(f'line {ln}: igo {a} {c}')
            elif not a.startswith(c):
                errs.append(f'line {ln}: actor {a} country {c}')
    meta = open(name + '.meta', encoding='utf-8').read()
    if not re.fullmatch(r'date: \d{4}-\d\d-\d\d\n', meta):
        errs.append('bad meta')
    if verbose:
        for i, s in enumerate(sents):
            print(f'  {i:2d} {s}')
    return sents, len(rows) - 1, modes, errs


if __name__ == '__main__':
    verbose = '-v' in sys.argv
    dirs = [a for a in sys.argv[1:] if a != '-v']
    total_err = 0
    for d in dirs:
        for tsv in sorted(glob.glob(os.path.join(d, '*.events.tsv'))):
            sents, nrows, modes, errs = check(tsv, verbose)
            total_err += len(errs)
            used = set()
            for r in open(tsv, encoding='utf-8').read().split('\n')[1:]:
                if r:
                    used.add(int(r.split('\t')[0]))
            empty = [i for i in range(len(sents)) if i not in used]
            print(f'{os.path.basename(tsv)}: {len(sents)} sentences, {nrows} rows, '
                  f'{dict(sorted(modes.items()))}, no rows: {empty}, errors {len(errs)}')
            for e in errs:
                print('   ', e)
    print('total errors', total_err)
