#!/usr/bin/env python3
"""Check gold annotation files against their documents (python3 stdlib only).

Usage: scripts/check-gold.py [CORPUS_DIR ...]      (default: examples/)

A corpus directory holds gold/NNN.jsonl and the documents in docs/ (or seeds/),
named NNN_<slug>.txt or NNN_<slug>.html.  For every gold file this checks:

  * each line is valid JSON; the first is the document object with exactly the
    keys doc, title, region, published, source, and doc equals the file's NNN;
  * every further line is a measure with exactly the keys value, unit, approx,
    text, subject, region, optional, of the right types, approx one of
    "", "more_than", "approx", "at_least", "at_most";
  * every measure's text occurs in the document, in gold order (searching
    from the end of the previous match); for .html the document is first
    reduced to text: inline tags removed, other tags turned into line breaks,
    entities decoded; a text that starts or ends with a digit must not be
    matched inside a longer number;
  * value, unit and approx agree with the text where the text is a number
    form the checker understands: Arabic (half- or full-width, with thousands
    separators, spaces or line breaks inside) or Chinese numerals, an
    optional 万/亿/千/百 multiplier, 余/多, and the approximation markers of
    ANNOTATION.md.  A bare number (a table cell) may be scaled by a power of
    ten taken from its column header.  Mismatches of unit or approx on
    optional measures are warnings; everything else is an error.

Exit status 1 when there is any error.
"""
import glob
import html
import json
import os
import re
import sys

DOC_KEYS = ['doc', 'title', 'region', 'published', 'source']
MEASURE_KEYS = ['value', 'unit', 'approx', 'text', 'subject', 'region', 'optional']
DIGITS_DOT = set('0123456789.')
APPROX = {'', 'more_than', 'approx', 'at_least', 'at_most'}

# Traditional -> simplified, only for characters that matter in number forms.
T2S = str.maketrans({
    '萬': '万', '億': '亿', '個': '个', '餘': '余', '約': '约', '過': '过', '兩': '两', '於': '于',
    '場': '场', '項': '项', '戶': '户', '輪': '轮', '門': '门', '節': '节', '類': '类', '畝': '亩',
    '歲': '岁', '條': '条', '處': '处', '隊': '队', '點': '点', '張': '张', '臺': '台', '組': '组',
    '級': '级', '屆': '届', '課': '课', '時': '时', '區': '区', '員': '员', '參': '参', '來': '来',
    '幾': '几', '筆': '笔', '種': '种', '冊': '册', '噸': '吨', '週': '周', '圓': '圆', '間': '间',
    '雙': '双', '單': '单', '與': '与', '為': '为'})
FULLWIDTH = str.maketrans('０１２３４５６７８９．，％～－', '0123456789.,%~-')
PINYIN_NOTE = re.compile(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)')

CN_DIGIT = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6,
            '七': 7, '八': 8, '九': 9}
CN_SMALL = {'十': 10, '百': 100, '千': 1000}
CN_BIG = {'万': 10 ** 4, '亿': 10 ** 8}
MULT = {'万': 10 ** 4, '亿': 10 ** 8, '千': 10 ** 3, '百': 10 ** 2}

PREFIX = [('不少于', 'at_least'), ('超过', 'more_than'), ('不足', 'at_most'), ('不到', 'at_most'),
          ('至少', 'at_least'), ('将近', 'approx'), ('接近', 'approx'), ('约', 'approx'),
          ('近', 'approx'), ('超', 'more_than'), ('逾', 'more_than'), ('小', 'approx')]
# spoken counts with their classifier inside: 仨老头, 俩小年轻
SPOKEN = {'仨': 3, '俩': 2}
# spoken approximations between a round number and its unit: 十来个, 百把人, 一千出头个
SPOKEN_ABOUT = [('出头', 'more_than'), ('来', 'approx'), ('把', 'approx')]
SUFFIX = [('左右', 'approx'), ('以上', 'at_least')]

INLINE_TAGS = {'a', 'abbr', 'b', 'big', 'em', 'font', 'i', 'small', 'span', 'strong', 'sub',
               'sup', 'u', 'code', 'label', 'ins', 'del', 's', 'mark', 'q', 'cite'}


def html_to_text(src):
    src = re.sub(r'(?is)<!--.*?-->', '', src)
    src = re.sub(r'(?is)<(script|style)\b.*?</\1\s*>', '\n', src)

    def tag(m):
        name = m.group(1).lower()
        return '' if name in INLINE_TAGS else '\n'
    src = re.sub(r'(?s)</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>', tag, src)
    src = re.sub(r'(?s)<![^>]*>', '\n', src)
    return html.unescape(src)


def cn_to_int(s):
    total, section, num = 0, 0, 0
    for ch in s:
        if ch in CN_DIGIT:
            num = CN_DIGIT[ch]
        elif ch in CN_SMALL:
            section += (num if num else 1) * CN_SMALL[ch]
            num = 0
        elif ch in CN_BIG:
            section += num
            total += (section if section else 1) * CN_BIG[ch]
            section, num = 0, 0
        else:
            raise ValueError(s)
    return total + section + num


def normalise(text):
    s = PINYIN_NOTE.sub('', text).translate(FULLWIDTH).translate(T2S)
    return re.sub(r'\s+', '', s)


def interpret(text):
    """Return (value, unit, approx) read from a number form, or None."""
    s = normalise(text)
    approx = ''
    for p, a in PREFIX:
        if s.startswith(p):
            s, approx = s[len(p):], a
            break
    for suf, a in SUFFIX:
        if s.endswith(suf):
            s = s[:-len(suf)]
            approx = approx or a
    if s in SPOKEN:
        return float(SPOKEN[s]), '个', approx
    spoken = re.match(r'([一二三四五六七八九])([一二三四五六七八九])([十百千万])', s)
    if spoken and CN_DIGIT[spoken.group(2)] == CN_DIGIT[spoken.group(1)] + 1:
        # 三四十户, 七八个: two neighbouring digits say "about"; read the higher
        got = interpret(s[1:])
        return None if got is None else (got[0], got[1], approx or 'approx')
    if s[:1] in ('-', '−', '－') and s[1:2].isdigit():   # 增长-2.3%: a minus sign written
        got = interpret(s[1:])
        return None if got is None else (-got[0], got[1], approx or got[2])
    if s.startswith('百分之'):
        got = interpret(s[3:])
        if got is None or got[1]:
            return None
        return got[0], '%', approx or got[2]
    m = re.match(r'\d[\d,]*(?:\.\d+)?', s)
    if m:
        if ',' in m.group(0) and not re.fullmatch(r'\d{1,3}(?:,\d{3})+(?:\.\d+)?', m.group(0)):
            return None
        value = float(m.group(0).replace(',', ''))
    else:
        m = re.match(r'([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?', s)
        if not m:
            return None
        try:
            value = float(cn_to_int(m.group(1)))
        except ValueError:
            return None
        if m.group(2):
            value += float('0.' + ''.join(str(CN_DIGIT[c]) for c in m.group(2)))
    s = s[m.end():]
    while s and s[0] in '余多万亿千':
        if s[0] == '千' and s[1:2] in ('克', '米', '瓦', '伏', '帕', '卡', '分'):
            break  # 千克, 千米, 千瓦时: a unit, not a multiplier
        if s[0] in '余多':
            approx = approx or 'more_than'
        else:
            value *= MULT[s[0]]
        s = s[1:]
    for w, a in SPOKEN_ABOUT:
        if s.startswith(w) and value >= 10 and value % 10 == 0:
            s, approx = s[len(w):], approx or a
            break
    unit = re.sub(r'\((\w)\)', r'\1', s)   # 人(次) -> 人次
    if unit.startswith('个百分点') or unit.startswith('个千分点'):
        unit = unit[1:4]
    elif unit in ('个小时', '个学时', '个月'):
        unit = unit if unit == '个月' else unit[1:]
    elif unit == '个工作日':   # working days are days (the extractor's lexicon agrees)
        unit = '天'
    elif unit == '个人':       # spoken: 六十三个人
        unit = '人'
    elif unit == '块钱':       # spoken: 小两万块钱
        unit = '元'
    return value, unit, approx


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def find_docs(corpus):
    for sub in ('docs', 'seeds'):
        d = os.path.join(corpus, sub)
        if os.path.isdir(d):
            return d
    return None


def check_corpus(corpus):
    errors, warnings = [], []
    docdir = find_docs(corpus)
    golds = sorted(glob.glob(os.path.join(corpus, 'gold', '*.jsonl')))
    if docdir is None:
        errors.append('%s: no docs/ or seeds/ directory' % corpus)
        return errors, warnings, 0, 0
    if not golds:
        errors.append('%s: no gold/*.jsonl files' % corpus)
    n_measures = 0
    for gpath in golds:
        nnn = os.path.basename(gpath)[:-len('.jsonl')]
        where = os.path.relpath(gpath)

        def err(msg, line=None):
            errors.append('%s%s: %s' % (where, '' if line is None else ':%d' % line, msg))

        def warn(msg, line=None):
            warnings.append('%s%s: %s' % (where, '' if line is None else ':%d' % line, msg))

        docs = [p for p in glob.glob(os.path.join(docdir, nnn + '_*'))
                if p.endswith('.txt') or p.endswith('.html')]
        if len(docs) != 1:
            err('expected exactly one document %s/%s_*.txt|.html, found %d' % (docdir, nnn, len(docs)))
            continue
        raw = open(docs[0], encoding='utf-8').read()
        text = html_to_text(raw) if docs[0].endswith('.html') else raw
        if docs[0].endswith('.html') and not re.search(r'(?i)<meta\s+charset=["\']?utf-8', raw):
            err('html document lacks <meta charset="utf-8">')
        lines = open(gpath, encoding='utf-8').read().splitlines()
        if not lines:
            err('empty gold file')
            continue
        objs = []
        for i, line in enumerate(lines, 1):
            if not line.strip():
                err('blank line', i)
                continue
            try:
                objs.append((i, json.loads(line)))
            except json.JSONDecodeError as e:
                err('invalid JSON: %s' % e, i)
        if not objs:
            continue
        i, head = objs[0]
        if not isinstance(head, dict) or sorted(head) != sorted(DOC_KEYS):
            err('document object must have exactly the keys %s' % DOC_KEYS, i)
        else:
            if head['doc'] != nnn:
                err('doc %r does not match file name %r' % (head['doc'], nnn), i)
            if not isinstance(head['region'], str) or not head['region']:
                err('document region must be a non-empty string', i)
            for k in ('title', 'published', 'source'):
                if head[k] is not None and not (isinstance(head[k], str) and head[k]):
                    err('%s must be a non-empty string or null' % k, i)
            if head['published'] is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', str(head['published'])):
                err('published must be YYYY-MM-DD or null', i)
        pos = 0
        for i, m in objs[1:]:
            n_measures += 1
            if not isinstance(m, dict) or sorted(m) != sorted(MEASURE_KEYS):
                err('measure must have exactly the keys %s' % MEASURE_KEYS, i)
                continue
            bad = False
            if isinstance(m['value'], bool) or not isinstance(m['value'], (int, float)):
                err('value must be a number', i); bad = True
            for k in ('unit', 'text', 'subject', 'region'):
                if not isinstance(m[k], str) or not m[k].strip():
                    err('%s must be a non-empty string' % k, i); bad = True
            if m['approx'] not in APPROX:
                err('approx %r not one of %s' % (m['approx'], sorted(APPROX)), i); bad = True
            if not isinstance(m['optional'], bool):
                err('optional must be true or false', i); bad = True
            if bad:
                continue
            t = m['text']
            # in-order occurrence
            start = pos
            while True:
                at = text.find(t, start)
                if at < 0:
                    break
                prev = text[at - 1] if at > 0 else ''
                nxt = text[at + len(t)] if at + len(t) < len(text) else ''
                if (t[0].translate(FULLWIDTH).isdigit() and prev.translate(FULLWIDTH).isdigit()) or \
                        (t[-1].translate(FULLWIDTH).isdigit() and nxt.translate(FULLWIDTH) in DIGITS_DOT):
                    start = at + 1
                    continue
                break
            if at < 0:
                where_any = text.find(t)
                if where_any >= 0:
                    err('text %r occurs in the document, but not after the previous measure '
                        '(gold must be in document order)' % t, i)
                else:
                    err('text %r does not occur in the document' % t, i)
            else:
                pos = at + len(t)
            # value / unit / approx against the surface form
            got = interpret(t)
            if got is None:
                warn('text %r is not a number form the checker reads; value not checked' % t, i)
                continue
            value, unit, approx = got
            soft = warn if m['optional'] else err
            if unit:
                if not close(value, m['value']):
                    err('value %r does not match text %r (reads %r)' % (m['value'], t, value), i)
                # 台(套) / 台（套） is the one unit 台套 (examples/README.md)
                unit = unit.translate(str.maketrans('', '', '()（）'))
                if unit != m['unit'] and not (unit.startswith('个') and unit[1:] == m['unit']):
                    soft('unit %r does not match text %r (reads %r)' % (m['unit'], t, unit), i)
            else:
                # bare number: a table cell whose unit and multiplier come from a header
                if not any(close(value * 10 ** k, m['value']) for k in (0, 2, 3, 4, 8)):
                    err('value %r does not match bare number %r' % (m['value'], t), i)
            if approx != m['approx']:
                if approx:
                    soft('approx %r but text %r reads %r' % (m['approx'], t, approx), i)
                else:
                    warn('approx %r set, but text %r carries no marker' % (m['approx'], t), i)
    return errors, warnings, len(golds), n_measures


def main(argv):
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    corpora = argv[1:] or [os.path.join(root, 'examples')]
    total_err = 0
    for corpus in corpora:
        errors, warnings, ndocs, nmeas = check_corpus(corpus)
        for w in warnings:
            print('warning: ' + w)
        for e in errors:
            print('error: ' + e)
        print('%s: %d documents, %d measures, %d errors, %d warnings'
              % (corpus, ndocs, nmeas, len(errors), len(warnings)))
        total_err += len(errors)
    return 1 if total_err else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
