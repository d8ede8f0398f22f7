"""Loads pages of `credence score --format html` (one article and many)
and `credence eval --format html` in headless Chromium and checks the DOM
it builds; prints TAP, one line a case.

python3 browser_test.py CREDENCE SOURCE_ROOT BUILD_DIR SHARED_DIR

Every cue of the JSON report must appear in the page as elements with its
category and exact text; a hostile article's payloads must stay text; the
sample article's screenshot (kept in BUILD_DIR/browser/) must be non-blank;
a 5 MB article must render within the timeout. The evaluation page of a
development set (../shared/data; without it, fixtures/eval/labeled.csv)
must hold its plots, axis labels, AUC and cue rows, its sorting script
must run (the policy allows it by hash) and it must print; the batch page
must hold every article's section, link and cues. Without Chromium every
case is skipped with the reason (apt-get install chromium)."""
import glob
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

CREDENCE, SOURCE, BUILD, SHARED = sys.argv[1:5]
OUT = os.path.join(BUILD, 'browser')
BROWSER_TIMEOUT = 120  # seconds a page may take in Chromium, start included
TITLE = 'credence: article report'
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
        'meta', 'source', 'track', 'wbr'}


def find_chromium():
    for name in ('chromium', 'chromium-browser'):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(page, *flags):
    """Runs headless Chromium on a file:// page with a scratch profile and
    no network; returns its stdout."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu',
             '--user-data-dir=' + profile, '--no-first-run',
             '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--disable-extensions', *flags,
             'file://' + os.path.abspath(page)],
            capture_output=True, timeout=BROWSER_TIMEOUT, check=True)
    return result.stdout.decode('utf-8')


def credence(*args):
    return subprocess.run([CREDENCE, *args], capture_output=True,
                          check=True).stdout


class Dom(html.parser.HTMLParser):
    """Elements by tag, the document title, and each data-cue element's
    text (nested elements' text included) with its category."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [tag, attrs, text parts]
        self.tags = {}
        self.cues = []  # (data-cue, category, text, continued) in order
        self.title = ''
        self.hrefs = []
        self.elements = []  # (tag, attrs, text) as each closes

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs.items():
            if name.startswith('on'):
                self.tags['on-attribute'] = self.tags.get('on-attribute', 0) + 1
        if tag == 'a':
            self.hrefs.append(attrs.get('href', ''))
        if tag not in VOID:
            self.stack.append([tag, attrs, []])

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, attrs, parts = self.stack.pop()
            text = ''.join(parts)
            for outer in self.stack:
                outer[2].append(text)
            self.elements.append((open_tag, attrs, text))
            if open_tag == 'title' and not self.title:
                self.title = text
            if 'data-cue' in attrs:
                self.cues.append((attrs['data-cue'], attrs.get('data-category'),
                                  text, 'data-cont' in attrs))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def parse(dom_text):
    dom = Dom()
    dom.feed(dom_text)
    dom.close()
    return dom


def page_of(article, name, *extra):
    page = os.path.join(OUT, name + '.html')
    credence('score', article, '--format', 'html', '--output', page, *extra)
    return page


def check_cues(article, *extra):
    """Every cue of the JSON report, as DOM elements; returns a problem or
    None."""
    report = json.loads(credence('score', article, '--format', 'json', *extra))
    name = os.path.splitext(os.path.basename(article))[0]
    dom = parse(chromium(page_of(article, name, *extra), '--dump-dom'))
    if dom.title != TITLE:
        return f'title is {dom.title!r}'
    return cue_problem(dom.cues, report, '')


def cue_problem(cues, report, prefix):
    """The cues of `report` (a JSON report) against the DOM's cue elements
    whose data-cue starts with `prefix`; a problem or None."""
    cues = [c for c in cues if c[0].startswith(prefix)
            and c[0][len(prefix):][:1].isdigit()]
    found = {}
    for key, category, text, continued in cues:
        key = key[len(prefix):]
        if key in found and not continued:
            return f'cue {key} appears twice'
        if key not in found and continued:
            return f'cue {key} starts with a continuation'
        entry = found.setdefault(key, [category, ''])
        if entry[0] != category:
            return f'cue {key}: categories {entry[0]} and {category}'
        entry[1] += text
    expected = {}
    for claim in report['claims']:
        for c, cue in enumerate(claim['cues']):
            expected[f"{claim['index']}.{c}"] = [cue['category'], cue['text']]
    if found != expected:
        wrong = sorted(k for k in expected.keys() | found.keys()
                       if found.get(k) != expected.get(k))
        return (f'{len(wrong)} cues differ, first {wrong[0]}: page '
                f'{found.get(wrong[0])} json {expected.get(wrong[0])}')
    if len(expected) == 0:
        return 'no cues at all (a check that cannot fail)'
    return None


def test_sample_cues():
    return check_cues(os.path.join(SOURCE, 'fixtures', 'sample_article.txt'))


def test_seed_cues():
    seeds = sorted(glob.glob(os.path.join(SHARED, 'seeds', '*.txt')))
    if not seeds:
        return 'SKIP ' + os.path.join(SHARED, 'seeds') + ' is absent'
    for seed in seeds:
        problem = check_cues(seed)
        if problem:
            return seed + ': ' + problem
    return None


HOSTILE = (
    "<script>document.title='pwned'</script> Officials may confirm it\n\n"
    "<img src=x onerror=\"document.title='pwned'\"> A <b>bold</b> rumour "
    "spread, sources said.\n\n"
    "</style><style>body{display:none}</style> See "
    "<a href=\"javascript:document.title='pwned'\">this</a> "
    "and <svg onload=\"document.title='pwned'\"></svg> & 'quotes'.\n")


def test_hostile_article_is_inert():
    work = tempfile.mkdtemp(dir=OUT)
    article = os.path.join(work, 'hostile.txt')
    overlay = os.path.join(work, 'overlay')
    os.mkdir(overlay)
    with open(article, 'w', encoding='utf-8') as f:
        f.write(HOSTILE)
    with open(os.path.join(overlay, 'hedge.txt'), 'w', encoding='utf-8') as f:
        f.write('<b>bold</b> rumour\n')
    problem = check_cues(article, '--overlay', overlay)
    if problem:
        return problem
    dom = parse(chromium(page_of(article, 'hostile', '--overlay', overlay),
                         '--dump-dom'))
    for tag in ('script', 'img', 'svg', 'b', 'on-attribute'):
        if dom.tags.get(tag):
            return f'{dom.tags[tag]} {tag} elements in the page'
    if dom.tags.get('style') != 1:
        return f"{dom.tags.get('style')} style elements (the page's one only)"
    bad = [h for h in dom.hrefs if not h.startswith('#')]
    if bad:
        return f'links out of the page: {bad}'
    if '<b>bold</b> rumour' not in [c[2] for c in dom.cues]:
        return 'the overlay entry is not shown as text'
    return None


def png_problem(path, width, height):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        return 'not a PNG'
    w, h = struct.unpack('>II', data[16:24])
    if (w, h) != (width, height):
        return f'{w}x{h}, not {width}x{height}'
    if not 20_000 <= len(data) <= 3_000_000:
        return f'{len(data)} bytes'
    pixels, at = b'', 8
    while at < len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        if kind == b'IDAT':
            pixels += data[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(pixels)
    # Filtered rows of a blank page are nearly all zero bytes.
    busy = sum(1 for b in raw[::7] if b) / (len(raw) / 7)
    if busy < 0.02:
        return f'blank ({busy:.3%} of bytes busy)'
    return None


def test_sample_screenshot():
    page = page_of(os.path.join(SOURCE, 'fixtures', 'sample_article.txt'),
                   'sample_article')
    png = os.path.join(OUT, 'sample_article.png')
    if os.path.exists(png):
        os.remove(png)
    chromium(page, '--screenshot=' + png, '--window-size=1200,1600',
             '--hide-scrollbars')
    return png_problem(png, 1200, 1600)


def test_blank_screenshot_is_caught():
    page = os.path.join(OUT, 'blank.html')
    with open(page, 'w') as f:
        f.write('<!DOCTYPE html><title>x</title>')
    png = os.path.join(OUT, 'blank.png')
    chromium(page, '--screenshot=' + png, '--window-size=1200,1600')
    problem = png_problem(png, 1200, 1600)
    return None if problem else 'a blank page passes the screenshot check'


def test_five_megabyte_article():
    with open(os.path.join(SOURCE, 'fixtures', 'sample_article.txt'),
              encoding='utf-8') as f:
        sample = f.read()
    body = sample.split('\n', 1)[1]
    article = os.path.join(OUT, 'five_mb.txt')
    with open(article, 'w', encoding='utf-8') as f:
        f.write(sample.split('\n', 1)[0] + '\n')
        f.write(body * (5_000_000 // len(body.encode('utf-8')) + 1))
    page = page_of(article, 'five_mb')
    png = os.path.join(OUT, 'five_mb.png')
    start = time.monotonic()
    chromium(page, '--screenshot=' + png, '--window-size=1200,1600')
    seconds = time.monotonic() - start
    print(f'# 5 MB article: {os.path.getsize(page)} bytes of HTML, '
          f'screenshot (start, load, paint) in {seconds:.1f} s')
    problem = png_problem(png, 1200, 1600)
    if problem:
        return 'screenshot: ' + problem
    report = json.loads(credence('score', article, '--format', 'json'))
    cues = sum(len(claim['cues']) for claim in report['claims'])
    dom = parse(chromium(page, '--dump-dom'))
    links = sum(1 for h in dom.hrefs if h.startswith('#c'))
    if not dom.tags.get('html') or len(dom.cues) < cues:
        return f'{len(dom.cues)} cue elements of {cues} in the dumped page'
    if links < len(report['claims']):
        return f'{links} claim links for {len(report["claims"])} claims'
    return None


def dev_set():
    """The development set the evaluation page is drawn from: the shared
    data's LIAR and PHEME dev files, else the invented fixture."""
    shared = [os.path.join(SHARED, 'data', 'liar', 'liar_dev.csv'),
              os.path.join(SHARED, 'data', 'pheme_veracity',
                           'pheme_veracity_dev.csv')]
    if all(os.path.exists(p) for p in shared):
        return shared
    print('# ' + shared[0] + ' is absent: the evaluation page of '
          'fixtures/eval/labeled.csv')
    return [os.path.join(SOURCE, 'fixtures', 'eval', 'labeled.csv')]


def eval_page():
    page = os.path.join(OUT, 'eval.html')
    with open(page, 'wb') as f:
        f.write(credence('eval', *dev_set(), '--cues', '--format', 'html'))
    return page


def test_eval_page_dom():
    files = dev_set()
    report = json.loads(credence('eval', *files, '--cues', '--format', 'json'))
    dom = parse(chromium(eval_page(), '--dump-dom'))
    if dom.title != 'credence: evaluation':
        return f'title is {dom.title!r}'
    scopes = 1 + (len(files) if len(files) > 1 else 0)
    plots = [e for e in dom.elements
             if e[0] == 'svg' and e[1].get('class') == 'plot']
    if len(plots) != 3 * scopes:
        return f'{len(plots)} plots for {scopes} scopes (3 each)'
    texts = [e[2] for e in dom.elements if e[0] == 'text']
    for label in ('false positive rate', 'true positive rate',
                  'mean predicted probability', 'share labeled 1',
                  'predicted probability', "share of the class's rows"):
        if texts.count(label) != scopes:
            return f'axis label {label!r} {texts.count(label)} times'
    auc = f"AUC {report['auc']:.3f}"
    if texts.count(auc) != 1:
        return f'{auc!r} is not in the first ROC plot'
    captions = [e[2] for e in dom.elements if e[0] == 'figcaption']
    if not any(c.startswith(f'ROC curve: {auc}, 95% interval ') for c in
               captions):
        return f'no ROC caption with {auc}'
    table = [e for e in dom.elements if e[0] == 'table'
             and e[1].get('class') == 'sortable']
    if len(table) != 1:
        return f'{len(table)} sortable tables'
    entries = {(c['category'], c['entry']) for c in report['cues']}
    cells = [e[2] for e in dom.elements if e[0] == 'td']
    missing = [e for e in entries if e[1] not in cells]
    if missing or not entries:
        return f'cue entries missing from the table: {missing[:3]}'
    buttons = [e for e in dom.elements if e[0] == 'button']
    if len(buttons) != 8:
        return (f'{len(buttons)} sort buttons, not 8: the page script did '
                'not run (is its hash in the policy?)')
    return None


def test_eval_page_screenshot_and_print():
    page = eval_page()
    png = os.path.join(OUT, 'eval.png')
    pdf = os.path.join(OUT, 'eval.pdf')
    for old in (png, pdf):
        if os.path.exists(old):
            os.remove(old)
    chromium(page, '--screenshot=' + png, '--window-size=1200,1600',
             '--hide-scrollbars')
    problem = png_problem(png, 1200, 1600)
    if problem:
        return 'screenshot: ' + problem
    chromium(page, '--print-to-pdf=' + pdf, '--no-pdf-header-footer')
    with open(pdf, 'rb') as f:
        data = f.read()
    if not data.startswith(b'%PDF') or len(data) < 20_000:
        return f'printed PDF of {len(data)} bytes'
    return None


def test_batch_page():
    """Many articles on one page: every article's section, its link in the
    index and each of its cues, under the section's id prefix."""
    articles = [os.path.join(SOURCE, 'fixtures', 'sample_article.txt')]
    articles += sorted(glob.glob(os.path.join(SHARED, 'seeds', '*.txt')))
    hostile = os.path.join(OUT, 'batch_hostile.txt')
    with open(hostile, 'w', encoding='utf-8') as f:
        f.write(HOSTILE)
    articles.append(hostile)
    page = os.path.join(OUT, 'batch.html')
    credence('score', *articles, '--format', 'html', '--output', page)
    lines = credence('score', *articles, '--format', 'json').splitlines()
    dom = parse(chromium(page, '--dump-dom'))
    if dom.title != 'credence: article reports':
        return f'title is {dom.title!r}'
    sections = [e[1].get('id') for e in dom.elements if e[0] == 'section'
                and e[1].get('class') == 'report']
    if sections != [f'a{n}' for n in range(len(articles))]:
        return f'sections {sections[:5]}... for {len(articles)} articles'
    index = [h for h in dom.hrefs if h[1:] in sections]
    if index != ['#' + s for s in sections]:
        return f'index links {index[:5]}...'
    for n, line in enumerate(lines):
        report = json.loads(line)
        problem = cue_problem(dom.cues, report, f'a{n}-')
        if problem:
            return f"{report['path']}: {problem}"
    for tag in ('script', 'img', 'b', 'on-attribute'):
        if dom.tags.get(tag):
            return f'{dom.tags[tag]} {tag} elements in the page'
    return None


CASES = [test_sample_cues, test_seed_cues, test_hostile_article_is_inert,
         test_sample_screenshot, test_blank_screenshot_is_caught,
         test_five_megabyte_article, test_eval_page_dom,
         test_eval_page_screenshot_and_print, test_batch_page]

if __name__ == '__main__':
    CHROMIUM = find_chromium()
    print(f'1..{len(CASES)}')
    os.makedirs(OUT, exist_ok=True)
    failed = 0
    for n, case in enumerate(CASES, 1):
        if CHROMIUM is None:
            print(f'ok {n} {case.__name__} # SKIP chromium is not installed '
                  '(apt-get install chromium)')
            continue
        try:
            problem = case()
        except (subprocess.SubprocessError, OSError, ValueError) as e:
            problem = f'{type(e).__name__}: {e}'
        if problem is None:
            print(f'ok {n} {case.__name__}')
        elif problem.startswith('SKIP '):
            print(f'ok {n} {case.__name__} # {problem}')
        else:
            failed += 1
            print(f'not ok {n} {case.__name__}: {problem}')
    sys.exit(1 if failed else 0)
