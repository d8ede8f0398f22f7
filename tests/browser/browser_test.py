"""Loads pages of `credence score --format html` (one article and many)
and `credence eval --format html` in headless Chromium and checks the DOM
it builds; prints TAP, one line a case, and each case's time as a comment.
One Chromium serves every case, driven over the DevTools protocol on a
pipe (a tab a page); a call that crashes or hangs it fails its case and
the next case starts a new one. Its log is BUILD_DIR/browser/chromium.log.

python3 browser_test.py CREDENCE SOURCE_ROOT BUILD_DIR SHARED_DIR

Every cue of the JSON report must appear in the page as elements with its
category and exact text; a hostile article's payloads must stay text; the
sample article's screenshot (kept in BUILD_DIR/browser/) must be non-blank;
a 5 MB article must render within the timeout. The evaluation page of a
development set (../shared/data; without it, fixtures/eval/labeled.csv)
must hold its plots, axis labels, AUC and cue rows, its sorting script
must run (the policy allows it by hash) and not with another hash in the
policy, and the page must print; the batch page must hold every article's
section, link and cues. A hang and a crash must fail a call and leave a
new browser for the next. Without Chromium every case is skipped with the
reason (apt-get install chromium)."""
import base64
import contextlib
import fcntl
import functools
import glob
import hashlib
import html.parser
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

CREDENCE, SOURCE, BUILD, SHARED = sys.argv[1:5]
OUT = os.path.join(BUILD, 'browser')
CALL_TIMEOUT = 120  # seconds a DevTools call may take, start included
TITLE = 'credence: article report'
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
        'meta', 'source', 'track', 'wbr'}


def find_chromium():
    for name in ('chromium', 'chromium-browser'):
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(Exception):
    """Chromium crashed, hung or refused a call; the browser must restart."""


class Browser:
    """One headless Chromium that serves every case, driven over the
    DevTools protocol on a pipe: the child reads NUL-terminated JSON
    commands on file descriptor 3 and writes answers and events on 4. It
    starts on the first call, with a scratch profile and no network."""

    def __init__(self, path):
        self.path = path
        self.process = None
        self.log_mode = 'wb'  # the log of a run's first start, then appended

    def start(self):
        self.profile = tempfile.TemporaryDirectory()
        to_child, from_child = os.pipe(), os.pipe()
        # Copies above 9, so that placing them on 3 and 4 in the child
        # never overwrites one with the other; 3 and 4 are open here (the
        # pipes took them if they were free), as pass_fds needs.
        ends = [fcntl.fcntl(to_child[0], fcntl.F_DUPFD_CLOEXEC, 10),
                fcntl.fcntl(from_child[1], fcntl.F_DUPFD_CLOEXEC, 10)]

        def place_pipe_ends():
            os.dup2(ends[0], 3)
            os.dup2(ends[1], 4)

        with open(os.path.join(OUT, 'chromium.log'), self.log_mode) as log:
            self.log_mode = 'ab'
            try:
                self.process = subprocess.Popen(
                    [self.path, '--headless', '--no-sandbox', '--disable-gpu',
                     '--user-data-dir=' + self.profile.name, '--no-first-run',
                     '--disable-background-networking',
                     '--disable-component-update', '--disable-sync',
                     '--disable-extensions', '--remote-debugging-pipe',
                     'about:blank'],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                    pass_fds=(3, 4), preexec_fn=place_pipe_ends,
                    start_new_session=True)
            finally:
                for fd in (to_child[0], from_child[1], *ends):
                    os.close(fd)
        self.to_child, self.from_child = to_child[1], from_child[0]
        self.unread, self.inbox, self.last_id = [], [], 0

    def stop(self):
        """Kills the browser and its helpers (one process group)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        self.profile.cleanup()
        self.process = None

    def call(self, method, params=None, session=None, timeout=None):
        """Sends one command and returns its result."""
        if self.process is None:
            self.start()
        self.last_id += 1
        message = {'id': self.last_id, 'method': method,
                   'params': params or {}}
        if session:
            message['sessionId'] = session
        self.send(json.dumps(message).encode('utf-8') + b'\0', method)
        wanted = self.last_id
        answer = self.receive(lambda m: m.get('id') == wanted,
                              'answer to ' + method, timeout)
        if 'error' in answer:
            raise BrowserError(f"{method}: {answer['error'].get('message')}")
        return answer['result']

    def send(self, data, method):
        try:
            while data:
                data = data[os.write(self.to_child, data):]
        except BrokenPipeError:
            raise BrowserError(f'Chromium exited (status '
                               f'{self.process.poll()}) before {method}')

    def receive(self, match, what, timeout=None):
        """The first message that `match`es, read within `timeout` seconds;
        answers and load events are kept, other events dropped."""
        timeout = timeout or CALL_TIMEOUT
        deadline = time.monotonic() + timeout
        while True:
            for n, message in enumerate(self.inbox):
                if match(message):
                    return self.inbox.pop(n)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_child], [], [],
                                              left)[0]:
                raise BrowserError(f'no {what} within {timeout} s (Chromium '
                                   'hangs)')
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise BrowserError(f'Chromium exited (status '
                                   f'{self.process.wait()}) before the {what}')
            self.take(chunk)

    def take(self, chunk):
        # A message of many chunks is joined once, at its end.
        self.unread.append(chunk)
        if b'\0' not in chunk:
            return
        *messages, rest = b''.join(self.unread).split(b'\0')
        self.unread = [rest]
        for text in messages:
            message = json.loads(text)
            if 'id' in message or message['method'] == 'Page.loadEventFired':
                self.inbox.append(message)


class Tab:
    """A new page of the browser, attached in flat mode (calls name its
    session), with a viewport of `width` x `height` CSS pixels."""

    def __init__(self, browser, width, height, hide_scrollbars):
        self.browser = browser
        self.target = browser.call('Target.createTarget',
                                   {'url': 'about:blank'})['targetId']
        self.session = browser.call(
            'Target.attachToTarget',
            {'targetId': self.target, 'flatten': True})['sessionId']
        self.call('Page.enable')
        self.call('Emulation.setDeviceMetricsOverride',
                  {'width': width, 'height': height, 'deviceScaleFactor': 1,
                   'mobile': False})
        self.call('Emulation.setScrollbarsHidden', {'hidden': hide_scrollbars})

    def call(self, method, params=None, timeout=None):
        return self.browser.call(method, params, self.session, timeout)

    def load(self, page):
        """Navigates to the file `page` and waits for its load event."""
        answer = self.call('Page.navigate',
                           {'url': 'file://' + os.path.abspath(page)})
        if answer.get('errorText'):
            raise BrowserError(f"{page}: {answer['errorText']}")
        loaded = ('document.readyState == "complete" && '
                  'location.protocol == "file:"')
        while True:  # the load event of about:blank may come first
            self.browser.receive(
                lambda m: m.get('method') == 'Page.loadEventFired'
                and m.get('sessionId') == self.session,
                'load event of ' + page)
            if self.evaluate(loaded):
                return

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression in the page."""
        answer = self.call('Runtime.evaluate',
                           {'expression': expression, 'returnByValue': True},
                           timeout)
        if 'exceptionDetails' in answer:
            raise BrowserError(f'{expression}: '
                               f"{answer['exceptionDetails'].get('text')}")
        return answer['result'].get('value')

    def save(self, method, path, **params):
        """Writes the base64 data of Page.captureScreenshot or
        Page.printToPDF to `path`."""
        data = base64.b64decode(self.call(method, params)['data'])
        with open(path, 'wb') as f:
            f.write(data)

    def close(self):
        self.browser.call('Target.closeTarget', {'targetId': self.target})
        self.browser.inbox = [m for m in self.browser.inbox
                              if m.get('sessionId') != self.session]


@contextlib.contextmanager
def opened(page, width=1200, height=1600, hide_scrollbars=False):
    """A tab of the shared browser showing `page` after its load event."""
    tab = Tab(BROWSER, width, height, hide_scrollbars)
    tab.load(page)
    yield tab
    tab.close()


def dump_dom(page):
    """The page's DOM after load, scripts run, as --dump-dom prints it."""
    with opened(page) as tab:
        return tab.evaluate('document.documentElement.outerHTML')


def screenshot(page, png, hide_scrollbars=False):
    """The top 1200x1600 CSS pixels of `page` as a PNG file."""
    with opened(page, hide_scrollbars=hide_scrollbars) as tab:
        tab.save('Page.captureScreenshot', png, format='png')


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
    dom = parse(dump_dom(page_of(article, name, *extra)))
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


# In the live page after load: the title (each payload would set it to
# 'pwned'), elements a payload would create, and on* attributes.
LIVE_PAYLOADS = '''[document.title,
  document.querySelectorAll('script, img, svg, b, iframe').length,
  [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(
      a => a.name.startsWith('on'))).length]'''


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
    with opened(page_of(article, 'hostile', '--overlay', overlay)) as tab:
        dom = parse(tab.evaluate('document.documentElement.outerHTML'))
        live = tab.evaluate(LIVE_PAYLOADS)
    if live != [TITLE, 0, 0]:
        return f'live page: title, payload elements, on* attributes {live}'
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
    screenshot(page, png, hide_scrollbars=True)
    return png_problem(png, 1200, 1600)


def test_blank_screenshot_is_caught():
    page = os.path.join(OUT, 'blank.html')
    with open(page, 'w') as f:
        f.write('<!DOCTYPE html><title>x</title>')
    png = os.path.join(OUT, 'blank.png')
    screenshot(page, png)
    problem = png_problem(png, 1200, 1600)
    return None if problem else 'a blank page passes the screenshot check'


# Counted in the page rather than in its dumped 32 MB of DOM: the root
# element, the cue elements and the links to claims.
FIVE_MB_COUNTS = '''[document.documentElement.tagName,
  document.querySelectorAll('[data-cue]').length,
  [...document.querySelectorAll('a')].filter(
      a => (a.getAttribute('href') || '').startsWith('#c')).length]'''


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
    with opened(page) as tab:
        tab.save('Page.captureScreenshot', png, format='png')
        seconds = time.monotonic() - start
        html, cue_elements, links = tab.evaluate(FIVE_MB_COUNTS)
    print(f'# 5 MB article: {os.path.getsize(page)} bytes of HTML, '
          f'screenshot (load, paint) in {seconds:.1f} s')
    problem = png_problem(png, 1200, 1600)
    if problem:
        return 'screenshot: ' + problem
    report = json.loads(credence('score', article, '--format', 'json'))
    cues = sum(len(claim['cues']) for claim in report['claims'])
    if html != 'HTML' or cue_elements < cues:
        return f'{cue_elements} cue elements of {cues} in the page'
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


@functools.cache
def eval_page():
    """The evaluation page, written once a run."""
    page = os.path.join(OUT, 'eval.html')
    with open(page, 'wb') as f:
        f.write(credence('eval', *dev_set(), '--cues', '--format', 'html'))
    return page


def test_eval_page_dom():
    files = dev_set()
    report = json.loads(credence('eval', *files, '--cues', '--format', 'json'))
    dom = parse(dump_dom(eval_page()))
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
    with opened(page, hide_scrollbars=True) as tab:
        tab.save('Page.captureScreenshot', png, format='png')
        tab.save('Page.printToPDF', pdf, displayHeaderFooter=False)
    problem = png_problem(png, 1200, 1600)
    if problem:
        return 'screenshot: ' + problem
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
    dom = parse(dump_dom(page))
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


def test_wrong_hash_blocks_the_script():
    """The evaluation page with another hash in its policy: the browser
    (JavaScript on, driven over DevTools) must refuse its sort script."""
    with open(eval_page(), encoding='utf-8') as f:
        page = f.read()
    other = base64.b64encode(hashlib.sha256(b'other').digest()).decode()
    wrong, count = re.subn(r"'sha256-[A-Za-z0-9+/=]+'", f"'sha256-{other}'",
                           page)
    if count != 1:
        return f'{count} script hashes in the policy, not 1'
    path = os.path.join(OUT, 'eval_wrong_hash.html')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(wrong)
    with opened(path) as tab:
        counts = tab.evaluate("[document.querySelectorAll("
                              "'table.sortable').length, "
                              "document.querySelectorAll('button').length]")
    if counts != [1, 0]:
        return f'sortable tables, buttons {counts}, not [1, 0]'
    return None


def test_hang_and_crash_restart_the_browser():
    """A page that never answers fails its call within the timeout; a
    crashed browser fails the next call; each time a new one serves."""
    page = os.path.join(SOURCE, 'fixtures', 'sample_article.txt')
    page = page_of(page, 'sample_article')
    for name, action in (
            ('hang', lambda tab: tab.evaluate('for (;;) {}', timeout=1)),
            ('crash', lambda tab: tab.call('Browser.crash'))):
        try:
            with opened(page) as tab:
                action(tab)
            return f'the {name} raised no error'
        except BrowserError as e:
            if ('hangs' if name == 'hang' else 'exited') not in str(e):
                return f'the {name} raised {e}'
        BROWSER.stop()
        if parse(dump_dom(page)).title != TITLE:
            return f'no page after the {name}'
    return None


CASES = [test_sample_cues, test_seed_cues, test_hostile_article_is_inert,
         test_sample_screenshot, test_blank_screenshot_is_caught,
         test_five_megabyte_article, test_eval_page_dom,
         test_eval_page_screenshot_and_print,
         test_wrong_hash_blocks_the_script, test_batch_page,
         test_hang_and_crash_restart_the_browser]


def run(case):
    """The case's problem or None; a browser error restarts the browser."""
    try:
        return case()
    except BrowserError as e:
        BROWSER.stop()
        return f'Chromium: {e} (restarted for the next case)'
    except (subprocess.SubprocessError, OSError, ValueError) as e:
        return f'{type(e).__name__}: {e}'

if __name__ == '__main__':
    CHROMIUM = find_chromium()
    BROWSER = Browser(CHROMIUM)
    print(f'1..{len(CASES)}')
    os.makedirs(OUT, exist_ok=True)
    failed = 0
    for n, case in enumerate(CASES, 1):
        if CHROMIUM is None:
            print(f'ok {n} {case.__name__} # SKIP chromium is not installed '
                  '(apt-get install chromium)')
            continue
        start = time.monotonic()
        problem = run(case)
        seconds = time.monotonic() - start
        if problem is None:
            print(f'ok {n} {case.__name__}')
        elif problem.startswith('SKIP '):
            print(f'ok {n} {case.__name__} # {problem}')
        else:
            failed += 1
            print(f'not ok {n} {case.__name__}: {problem}')
        print(f'# {case.__name__}: {seconds:.1f} s')
    BROWSER.stop()
    sys.exit(1 if failed else 0)
