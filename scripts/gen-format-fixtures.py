#!/usr/bin/env python3
"""Writes the format fixtures under tests/formats/fixtures/.

One invented work report (a county's 党建 article with 17 measures) is
written out as every format the parser meets:

  article.txt           plain text with article boilerplate (like seed 002)
  article_dump2col.txt  a two-column PDF text dump with page furniture
  article_utf8.html     a web page with full chrome, UTF-8
  article_gbk.html      the same page in GBK (declared by <meta charset>)
  article_big5.html     the same page in traditional characters, Big5
  article_1col.pdf      one column, A5, running header + page numbers
  article_2col.pdf      two columns, A4, running header + page numbers
  table.html            a statistics table with 序号 column and 合计 row
  table.txt             the same table aligned with blanks in plain text
  table.pdf             the plain-text table rendered as a PDF
  page404.html          a not-found page (no measures)
  index.html            a channel index page, only links (no measures)

and a gold file per document in the ANNOTATION.md jsonl format
(<name>.gold.jsonl). PDFs and the Big5 text need the gen_pdf helper
(tests/formats/gen_pdf.c, built as target gen_pdf):

  cmake --build build --target gen_pdf
  python3 scripts/gen-format-fixtures.py --gen-pdf build/tests/gen_pdf

Without --gen-pdf only the files that need no helper are rewritten.
Everything here is original text written for these fixtures.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "formats", "fixtures")

TITLE = "清河县:“三个聚焦”推动基层党建提质增效"
PUBLISHED = "2025-03-18"
SOURCE = "中共清河县委组织部"
REGION = "清河县"

# Paragraphs of the body. Inline markup for the HTML version is written as
# [b]..[/b] (bold) and [s]..[/s] (span): it must never split a number from
# its unit in the text the parser produces.
BODY = [
    "近年来,清河县坚持以党建引领基层治理,围绕强组织、育队伍、优服务持续用力,"
    "推动基层党组织全面进步、全面过硬。",
    "聚焦组织建设,筑牢战斗堡垒。",
    "全县共有基层党组织[s]1326[/s]个,党员[b]28450[/b]名。2024年,县委组织部对"
    "软弱涣散村党组织开展集中整顿,共排查整顿23个,选派第一书记46名驻村帮扶。"
    "新建改扩建党群服务中心58个,累计投入资金1260万元。",
    "聚焦队伍建设,激发干事活力。",
    "全年举办各类培训班135期,培训党员干部9800余人次,其中村(社区)“两委”"
    "干部2140人次。发展党员312名,其中35岁及以下党员218名,占比69.9%。",
    "聚焦为民服务,提升群众满意度。",
    "组织1.2万名党员到社区报到,开展志愿服务活动3600余场,帮助群众解决实际问题"
    "4870件。全县群众满意度达到[s]96.5[/s]%,较上年提高2.3个百分点。",
    "下一步,清河县将持续深化党建引领,把组织优势转化为发展优势,为县域高质量发展"
    "提供坚强组织保证。",
]

# (value, unit, approx, text, subject)
GOLD = [
    (1326, "个", "", "1326个", "基层党组织"),
    (28450, "名", "", "28450名", "党员"),
    (23, "个", "", "23个", "软弱涣散村党组织"),
    (46, "名", "", "46名", "第一书记"),
    (58, "个", "", "58个", "党群服务中心"),
    (12600000, "元", "", "1260万元", "资金"),
    (135, "期", "", "135期", "培训班"),
    (9800, "人次", "more_than", "9800余人次", "培训党员干部"),
    (2140, "人次", "", "2140人次", "村(社区)“两委”干部"),
    (312, "名", "", "312名", "发展党员"),
    (218, "名", "", "218名", "35岁及以下党员"),
    (69.9, "%", "", "69.9%", "35岁及以下党员"),
    (12000, "名", "", "1.2万名", "党员"),
    (3600, "场", "more_than", "3600余场", "志愿服务活动"),
    (4870, "件", "", "4870件", "实际问题"),
    (96.5, "%", "", "96.5%", "群众满意度"),
    (2.3, "百分点", "", "2.3个百分点", "群众满意度"),
]

CREDIT = "(清河县委组织部 / 供稿)"

HOT_NEWS = [
    "清河县完成120个村党组织书记集中轮训",
    "县委组织部召开2025年全县组织工作会议",
    "城关镇:党员志愿服务队服务群众3000余人次",
    "马庄乡新建5个党群服务站点",
    "河口镇发展青年党员18名",
    "全县选派46名第一书记到村任职",
]

TABLE_ROWS = [  # 乡镇, 培训班次(期), 培训人数(人次), 发展党员(名)
    ("城关镇", 28, 2150, 64),
    ("马庄乡", 19, 1380, 41),
    ("河口镇", 22, 1620, 52),
]


ASCII_TO_FULL = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "(": "\uff08",
                 ")": "\uff09", "!": "\uff01", "?": "\uff1f"}
FULL_RE = re.compile(r"(?<=[\u2e80-\uffff])[,:;()!?]|[,:;()!?](?=[\u2e80-\uffff])")


def fw(s):
    """Chinese text uses full-width punctuation: ASCII punctuation that
    touches a CJK character becomes its full-width form."""
    s = FULL_RE.sub(lambda m: ASCII_TO_FULL[m.group(0)], s)
    return re.sub(r"(&#?[A-Za-z0-9]+)\uff1b", r"\1;", s)  # entities


def plain(p):
    for tag in ("[b]", "[/b]", "[s]", "[/s]"):
        p = p.replace(tag, "")
    return p


def html_para(p):
    p = p.replace("[b]", "<strong>").replace("[/b]", "</strong>")
    p = p.replace("[s]", '<span class="num">').replace("[/s]", "</span>")
    p = p.replace("“", "&ldquo;").replace("”", "&rdquo;")
    return p


def write(name, data, mode="w", encoding="utf-8"):
    path = os.path.join(OUT, name)
    if isinstance(data, str):
        data = fw(data)
    if "b" in mode:
        with open(path, mode) as f:
            f.write(data)
    else:
        with open(path, mode, encoding=encoding, newline="\n") as f:
            f.write(data)
    return path


def gold_lines(doc, title, measures, published=PUBLISHED, source=SOURCE,
               region=REGION):
    head = {"doc": doc, "title": title, "region": region,
            "published": published, "source": source}
    out = [json.dumps(head, ensure_ascii=False)]
    for value, unit, approx, text, subject in measures:
        out.append(json.dumps({"value": value, "unit": unit, "approx": approx,
                               "text": text, "subject": subject,
                               "region": region, "optional": False},
                              ensure_ascii=False))
    return "\n".join(out) + "\n"


def article_text():
    lines = [TITLE,
             "发布时间:%s 来源:%s 作者:县委组织部" % (PUBLISHED, SOURCE)]
    lines += [plain(p) for p in BODY]
    lines += [CREDIT,
              "责任编辑:李文",
              "原文链接:http://www.qhdj.example.cn/dj/2025/0318/8841.html",
              "[免责声明] 本网转载内容仅供学习交流,版权归原作者所有。",
              "- 上一篇: 河口镇:以“红色网格”提升治理效能",
              "- 下一篇: 清河县召开2025年基层党建工作推进会"]
    return "\n".join(lines) + "\n"


def wrap(text, width):
    return [text[i:i + width] for i in range(0, len(text), width)]


def article_dump():
    """A layout-preserving dump of a two-column page: both columns share
    each line, separated by a long run of spaces."""
    col_w, left_pad, gap = 21, 10, 14
    paras = [TITLE] + [plain(p) for p in BODY] + [CREDIT]
    col_lines = []
    for p in paras:
        col_lines += wrap(p, col_w)
    per_page = 10
    out = []
    page = 12
    for start in range(0, len(col_lines), per_page * 2):
        chunk = col_lines[start:start + per_page * 2]
        left, right = chunk[:per_page], chunk[per_page:]
        out.append("Page %d - 03_《清河党建》2025年3期" % page)
        out.append("P. %d" % page)
        out.append("")
        out.append("清河党建 · 2025年第3期")
        for i in range(max(len(left), len(right))):
            l = left[i] if i < len(left) else ""
            r = right[i] if i < len(right) else ""
            if l and r:
                out.append(" " * left_pad + l + " " * (col_w - len(l) + gap) + r)
            elif l:
                out.append(" " * left_pad + l)
            else:
                out.append(" " * (left_pad + col_w + gap) + r)
        out.append("")
        out.append(" " * 60 + str(page))
        out.append("\u00a0\u00a0" + "\u00a0\u00a0 ".join(
            str(n) for n in range(page - 2, page + 6)))
        out.append("\f")
        page += 1
    return "\n".join(out) + "\n"


NAV = ["首页", "党建要闻", "基层党建", "干部工作", "人才工作", "党员教育",
       "政策法规", "互动交流"]


def page_chrome(charset, title, body_html, lang_title=None):
    nav = "".join('<li><a href="/c%d/">%s</a></li>' % (i, n)
                  for i, n in enumerate(NAV))
    hot = "".join('<li><a href="/dj/2025/03%02d/%d.html">%s</a><span>03-%02d'
                  '</span></li>' % (i + 1, 8800 + i, t, i + 1)
                  for i, t in enumerate(HOT_NEWS))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="%(cs)s">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="PubDate" content="%(pub)s 09:30">
<title>%(title)s_清河党建网</title>
<style>.num{font-weight:bold}.hide{display:none}</style>
<script>var hits = 2381; document.title += "";</script>
</head>
<body>
<div class="top"><div class="logo"><a href="/"><img src="/logo.png" alt="清河党建网"></a></div>
<ul class="menu">%(nav)s</ul></div>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/c2/">基层党建</a> &gt; 正文</div>
<div class="wrap">
<div class="main">
%(body)s
</div>
<div class="side"><h3>热点新闻</h3><ul>%(hot)s</ul>
<h3>专题专栏</h3><ul><li><a href="/zt/1/">学习贯彻党的二十届三中全会精神</a></li>
<li><a href="/zt/2/">基层党建“双整百千”工程</a></li></ul></div>
</div>
<div class="foot">
<p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
<p>主办:中共清河县委组织部 承办:清河县融媒体中心</p>
<p>地址:清河县人民路88号 邮编:054800 电话:0312-5551234</p>
<p>冀ICP备12345678号-1 冀公网安备13052202000123号 网站标识码:1305220001</p>
<p>版权所有 &copy; 2025 清河党建网</p>
</div>
<script>document.getElementById("hits").innerText = hits + 1;</script>
</body>
</html>
""" % {"cs": charset, "pub": PUBLISHED, "title": lang_title or title,
       "nav": nav, "hot": hot, "body": body_html}


def article_body_html():
    paras = "\n".join("<p>&nbsp;&nbsp;%s</p>" % html_para(p) for p in BODY)
    return """<div class="article">
<h1>%(title)s</h1>
<div class="info">发布时间:%(pub)s&nbsp;&nbsp;来源:%(src)s&nbsp;&nbsp;浏览次数:<span id="hits">2381</span></div>
<div class="content">
%(paras)s
<p style="text-align:right">%(credit)s</p>
</div>
<div class="share">分享到:<a href="#wx">微信</a><a href="#wb">微博</a><a href="#qq">QQ空间</a></div>
<div class="pager"><p>上一篇:<a href="/dj/2025/0317/8840.html">河口镇:以“红色网格”提升治理效能</a></p>
<p>下一篇:<a href="/dj/2025/0319/8842.html">清河县召开2025年基层党建工作推进会</a></p></div>
</div>""" % {"title": TITLE, "pub": PUBLISHED, "src": SOURCE,
             "paras": paras, "credit": CREDIT}


def table_html():
    rows = "".join("<tr><td>%d</td><td>%s</td><td>%d</td><td>%d</td>"
                   "<td>%d</td></tr>\n" % ((i + 1,) + r)
                   for i, r in enumerate(TABLE_ROWS))
    tot = [sum(r[k] for r in TABLE_ROWS) for k in (1, 2, 3)]
    body = """<div class="article">
<h1>2024年清河县党员教育培训情况通报</h1>
<p>2024年,全县各乡镇扎实开展党员教育培训,具体情况见下表。</p>
<table border="1">
<caption>2024年清河县各乡镇党员教育培训情况</caption>
<thead><tr><th>序号</th><th>乡镇</th><th>培训班次(期)</th><th>培训人数(人次)</th><th>发展党员(名)</th></tr></thead>
<tbody>
%s<tr><td colspan="2">合计</td><td>%d</td><td>%d</td><td>%d</td></tr>
</tbody></table>
</div>""" % ((rows,) + tuple(tot))
    gold = []
    for name, *vals in TABLE_ROWS + [("合计", *tot)]:
        for (unit, head), v in zip((("期", "培训班次"), ("人次", "培训人数"),
                                    ("名", "发展党员")), vals):
            gold.append((v, unit, "", "%d%s" % (v, unit), name + head))
    return page_chrome("utf-8", "2024年清河县党员教育培训情况通报", body), gold


def dwidth(t):
    return sum(2 if ord(c) > 0x2e80 else 1 for c in t)


def pad(t, w):
    return t + " " * max(2, w - dwidth(t))


def table_rows():
    head = ["序号", "乡镇", "培训班次(期)", "培训人数(人次)", "发展党员(名)"]
    tot = [sum(r[k] for r in TABLE_ROWS) for k in (1, 2, 3)]
    rows = [[str(i + 1), r[0]] + [str(v) for v in r[1:]]
            for i, r in enumerate(TABLE_ROWS)]
    rows.append(["", "合计"] + [str(v) for v in tot])
    return [head] + rows


TABLE_INTRO = ["2024年清河县党员教育培训情况通报",
               "2024年,全县各乡镇扎实开展党员教育培训,具体情况见下表。",
               "表1  2024年清河县各乡镇党员教育培训情况"]


def table_text():
    """The table as an aligned plain-text table (as a text dump shows it):
    columns padded with blanks by display width (CJK counts two)."""
    widths = [8, 12, 18, 20, 16]
    lines = list(TABLE_INTRO)
    for r in table_rows():
        lines.append("".join(pad(fw(c), w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(lines) + "\n"


def page404():
    body = """<div class="err"><h1>404</h1><p>抱歉,您访问的页面不存在或已被删除!</p>
<p><a href="/">返回首页</a> <a href="javascript:history.back()">返回上一页</a></p></div>"""
    return page_chrome("utf-8", "页面不存在", body)


def index_page():
    items = HOT_NEWS + ["城关镇为群众办实事260件", "清河县新增党员312名",
                        "全县投入1260万元建设党群服务中心"]
    lis = "\n".join('<li><a href="/dj/2025/%d.html">%s</a><span>2025-03-%02d'
                    '</span></li>' % (9000 + i, t, i + 1)
                    for i, t in enumerate(items))
    pager = "".join('<a href="/c2/index_%d.html">%d</a>' % (n, n)
                    for n in range(1, 8))
    body = """<div class="list"><h2>基层党建</h2><ul>
%s
</ul><div class="pages">共126条 %s <a href="/c2/index_2.html">下一页</a></div></div>""" % (lis, pager)
    return page_chrome("utf-8", "基层党建", body)


def run(cmd):
    subprocess.run(cmd, check=True)


def s2t(gen, text):
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, "in.txt"), os.path.join(d, "out.txt")
        with open(a, "w", encoding="utf-8") as f:
            f.write(text)
        run([gen, "s2t", a, b])
        with open(b, encoding="utf-8") as f:
            return f.read()


def big5_fixtures(gen):
    html = fw(page_chrome("big5", TITLE, article_body_html()))
    trad = s2t(gen, html)
    try:
        data = trad.encode("big5")
    except UnicodeEncodeError:
        data = trad.encode("big5hkscs")
    write("article_big5.html", data, "wb")
    texts = s2t(gen, "\n".join(g[3] for g in GOLD) + "\n").split("\n")
    gold = [g[:3] + (texts[i],) + g[4:] for i, g in enumerate(GOLD)]
    title = s2t(gen, TITLE).strip()
    write("article_big5.gold.jsonl", gold_lines("article_big5", title, gold,
                                                source=s2t(gen, SOURCE).strip(),
                                                region=s2t(gen, REGION).strip()))


def pdf_fixtures(gen):
    body = "\n".join([TITLE] + [plain(p) for p in BODY] + [CREDIT]) + "\n"
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "article.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fw(body))
        run([gen, "pdf", src, os.path.join(OUT, "article_1col.pdf"),
             "--columns", "1", "--page", "a5", "--size", "16",
             "--header", "清河党建 · 工作动态"])
        run([gen, "pdf", src, os.path.join(OUT, "article_2col.pdf"),
             "--columns", "2", "--page", "a5", "--size", "14",
             "--header", "清河党建 · 工作动态"])
    for name in ("article_1col", "article_2col"):
        write(name + ".gold.jsonl", gold_lines(name, TITLE, GOLD, None, SOURCE))
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "table.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fw("\n".join(TABLE_INTRO + ["\t".join(r) for r in table_rows()])
                       + "\n"))
        run([gen, "pdf", src, os.path.join(OUT, "table.pdf"), "--columns", "1",
             "--page", "a4", "--size", "9"])
    _, tab_gold = table_html()
    write("table_pdf.gold.jsonl", gold_lines("table_pdf", "2024年清河县党员教育培训情况通报",
                                             tab_gold, None, None))


def main():
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gen-pdf", help="path to the built gen_pdf helper")
    ap.add_argument("--out", default=OUT, help="output directory")
    args = ap.parse_args()
    OUT = args.out
    os.makedirs(OUT, exist_ok=True)

    write("article.txt", article_text())
    write("article.gold.jsonl", gold_lines("article", TITLE, GOLD))
    write("article_dump2col.txt", article_dump())
    write("article_dump2col.gold.jsonl",
          gold_lines("article_dump2col", TITLE, GOLD, None, SOURCE))
    html = page_chrome("utf-8", TITLE, article_body_html())
    write("article_utf8.html", html)
    write("article_utf8.gold.jsonl", gold_lines("article_utf8", TITLE, GOLD))
    write("article_gbk.html", fw(page_chrome("gbk", TITLE, article_body_html()))
          .encode("gbk"), "wb")
    write("article_gbk.gold.jsonl", gold_lines("article_gbk", TITLE, GOLD))
    tab, tab_gold = table_html()
    write("table.html", tab)
    write("table.gold.jsonl", gold_lines("table", "2024年清河县党员教育培训情况通报",
                                         tab_gold, PUBLISHED, SOURCE))
    write("table.txt", table_text())
    write("table_txt.gold.jsonl", gold_lines("table_txt", "2024年清河县党员教育培训情况通报",
                                             tab_gold, None, None))
    write("page404.html", page404())
    write("page404.gold.jsonl", gold_lines("page404", "", [], None, None, None))
    write("index.html", index_page())
    write("index.gold.jsonl", gold_lines("index", "基层党建", [], None, None, None))
    if args.gen_pdf:
        big5_fixtures(args.gen_pdf)
        pdf_fixtures(args.gen_pdf)
    else:
        print("gen-format-fixtures: no --gen-pdf, Big5 and PDF fixtures kept",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
