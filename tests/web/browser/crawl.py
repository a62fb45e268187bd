"""A crawler that walks the platform the way a person does and lists what goes wrong on the way.

Starting from a landing page it follows, breadth first, every same-origin link it finds (the
navigation and whatever the pages link to), skipping downloads, the admin site, the API, the
language switch and logout. Links are deduplicated by their *pattern*: numeric ids become ``#``,
query values are dropped, and a link into a submission is qualified by that submission's state
(from the state badge next to it), so one submission of each kind per state is visited.

On every page it checks the HTTP status, Content-Security-Policy violations (the browser's
``securitypolicyviolation`` events, wherever they happen: loading, saving forms), horizontal overflow, text squeezed to one or two
characters per line, unlabelled inputs, internal keys and half-English text in what is shown,
and numbers with more decimals than shown figures have. Every "save" form (a POST form whose
submit button says 保存) is saved unchanged, then with one valid change that must show after a
reload. Nothing here names a page or a section: new pages and forms are covered as they appear.

The text rules are plain functions (:func:`text_problems`) so they can be tested without a browser.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError

# ── what is not crawled ────────────────────────────────────────────────────────────────────
SKIP = re.compile(
    r"^/(admin|api|i18n|logout)/"  # admin site, API (and its docs), language switch, logout
    r"|download"  # ?download=1 links, job downloads
    r"|/report\.[a-z]+$"  # rendered reports (docx, pdf, html, md)
    r"|\.(csv|xlsx|zip|json|yaml|docx|pdf|md)$"  # files
    r"|^/evidence/"  # uploaded evidence files
)

# ── what visible text must not contain ─────────────────────────────────────────────────────
DOSSIER_KEYS = (
    "profile|staffing|assets|money|goals|indicators|narratives|self_evaluation|stated"
    "|evaluation|previous|rates|budget"
)
STATE_KEYS = "draft|submitted|dept_reviewed|finance_reviewed|approved|published|returned"
TEXT_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("bracketed path", re.compile(r"\b[a-z_]+\[\d+\]")),
    ("internal key", re.compile(rf"\b(?:{DOSSIER_KEYS})\.[a-z_]+")),
    ("state key", re.compile(rf"(?<![\w-])(?:{STATE_KEYS})(?![\w-])")),
    # " / wrong username or password": an English tail after a Chinese message
    ("English tail", re.compile(r"\s/\s*[A-Za-z][\w'’-]*(?:[ ,.:;!?]+[A-Za-z][\w'’-]*)*")),
    # three English words in a row on a Chinese page
    ("English words", re.compile(r"\b[A-Za-z][a-z]+(?:[ ,:]+[a-z]{2,}){2,}\b")),
    # more than two decimals (money, rates, scores: two at most); 1.2.3 is a version, not a number
    ("too many decimals", re.compile(r"(?<![\d.])\d+\.\d{3,}(?![\d.])")),
]
# explicit exceptions, each a known legitimate text: keep this list short
ALLOWED_TEXT = [
    re.compile(r"\bcurl -H\b.*"),  # the API token page shows how to call the API
]
NUMBER_INPUT = re.compile(r"^-?\d+\.\d{3,}$")


def _english_tail_is_words(match: str) -> bool:
    """'DOCX / PDF' names formats; an English tail has a lowercase word of two letters or more."""
    return bool(re.search(r"[a-z]{2,}", match))


def text_problems(text: str) -> list[tuple[str, str]]:
    """(rule, excerpt) for each thing in *text* a Chinese page must not show."""
    for allowed in ALLOWED_TEXT:
        text = allowed.sub(" ", text)
    found = []
    for rule, pattern in TEXT_RULES:
        for match in pattern.finditer(text):
            if rule == "English tail" and not _english_tail_is_words(match.group()):
                continue
            start, end = max(0, match.start() - 20), min(len(text), match.end() + 20)
            excerpt = " ".join(text[start:end].split())
            found.append((rule, f"{match.group().strip()!r} in “…{excerpt}…”"))
    return found


# ── the page audit, in the browser ─────────────────────────────────────────────────────────
AUDIT_JS = r"""
() => {
  const clean = s => (s || '').replace(/\s+/g, ' ').trim();
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    if (el.getAttribute('name')) d += `[name=${el.getAttribute('name')}]`;
    else if (el.classList.length) d += '.' + [...el.classList].join('.');
    return d;
  };
  const labelText = label => {
    const copy = label.cloneNode(true);
    copy.querySelectorAll('input, select, textarea').forEach(c => c.remove());
    return clean(copy.textContent);
  };
  const nameOf = el => {
    if (clean(el.getAttribute('aria-label'))) return clean(el.getAttribute('aria-label'));
    const ids = clean(el.getAttribute('aria-labelledby'));
    if (ids) {
      const text = ids.split(' ').map(id => document.getElementById(id))
        .filter(Boolean).map(e => clean(e.textContent)).join(' ');
      if (clean(text)) return clean(text);
    }
    for (const label of el.labels || []) if (labelText(label)) return labelText(label);
    return clean(el.getAttribute('title'));
  };
  const unlabelled = [];
  const longNumbers = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (el.closest('[hidden]')) continue;
    if (!nameOf(el)) unlabelled.push(describe(el));
    if (el.tagName === 'INPUT' && /^-?\d+\.\d{3,}$/.test(el.value.trim()))
      longNumbers.push(`${describe(el)}=${el.value}`);
  }
  // horizontal overflow: the page, and the outermost elements sticking out of the viewport
  const width = window.innerWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const sticking = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1 || scrolls(el)) continue;
    const parent = el.parentElement.getBoundingClientRect();
    if (parent.right > width + 1 && el.parentElement !== document.body) continue;
    sticking.push(`${describe(el)} (right edge ${Math.round(box.right)} px)`);
    if (sticking.length >= 3) break;
  }
  // text squeezed to one or two characters per line (a column far too narrow for its words)
  const squeezed = [];
  const range = document.createRange();
  for (const el of document.body.querySelectorAll('td, th, a, span, label, li, div, button, b')) {
    const text = [...el.childNodes].find(n => n.nodeType === 3 && clean(n.textContent).length >= 4);
    if (!text || !el.checkVisibility()) continue;  // folded away (closed <details>): not shown
    const own = clean(text.textContent);
    range.selectNodeContents(text);  // the text itself, not its (row-high) cell
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.width > 60 || box.height < 40) continue;
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    const lines = Math.round(box.height / line);
    if (lines >= 3 && own.length / lines < 3) {
      squeezed.push(`${describe(el)} “${own.slice(0, 12)}” on ${lines} lines, ${Math.round(box.width)} px wide`);
      if (squeezed.length >= 3) break;
    }
  }
  // logout must stay within reach
  const logout = document.querySelector('form[action$="/logout/"] button');
  let logoutOff = false;
  if (logout) {
    const box = logout.getBoundingClientRect();
    logoutOff = box.width === 0 || box.left < 0 || box.right > width + 1;
  }
  const state = document.querySelector('h1 .badge[class*="state-"]');
  const stateOf = el => {
    const badge = el && el.querySelector('.badge[class*="state-"]');
    return badge ? [...badge.classList].find(c => c.startsWith('state-')) : '';
  };
  const links = [...document.querySelectorAll('a[href]')].map(a => ({
    href: a.href,
    state: stateOf(a.closest('tr')),
  }));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width,
    sticking,
    squeezed,
    unlabelled,
    longNumbers,
    logoutOff,
    text: document.body.innerText,
    state: state ? [...state.classList].find(c => c.startsWith('state-')) : '',
    links,
  };
}
"""

# the forms a person saves: POST forms in <main> whose submit button says 保存 (save)
SAVE_FORMS_JS = r"""
() => [...document.querySelectorAll('main form')].filter(form => {
  if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') return false;
  const buttons = [...form.querySelectorAll('button:not([type=button]), input[type=submit]')];
  return buttons.some(b => (b.textContent || b.value).includes('保存'));
}).map(form => [...document.querySelectorAll('main form')].indexOf(form))
"""

# pick one field to change validly: a filled number (one less, or one more from zero), else
# filled text; an empty form gets its first number (or text) filled in
CHANGE_JS = r"""
(index) => {
  const form = document.querySelectorAll('main form')[index];
  const fields = [...form.elements].filter(el =>
    !el.disabled && !el.readOnly && !el.closest('[hidden]') &&
    (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' &&
      ['text', 'number', ''].includes((el.getAttribute('type') || '').toLowerCase()))));
  const numeric = el => el.type === 'number' || el.inputMode === 'decimal' || el.classList.contains('num');
  const filled = el => el.value.trim() !== '';
  // an empty formset row is left alone: one field alone would make it a half-filled row
  const single = el => !/-\d+-/.test(el.name);
  const pick = fields.find(el => numeric(el) && filled(el))
    || fields.find(el => el.tagName === 'TEXTAREA' && filled(el))
    || fields.find(el => !numeric(el) && filled(el))
    || fields.find(el => numeric(el) && single(el))
    || fields.find(single);
  if (!pick) return null;
  // a field in a folded section (a row card): unfold it, as a person clicks its summary
  for (let d = pick.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  return {name: pick.name, value: pick.value, numeric: numeric(pick)};
}
"""


def changed_value(value: str, numeric: bool) -> str:
    """A valid new value: a number one less (one more from zero, same decimals), text amended."""
    if not numeric:
        return f"{value}（已核）" if value else "已核"
    try:
        number = Decimal(value.strip() or "0")
    except InvalidOperation:
        return value
    step = Decimal(-1) if number >= 1 else Decimal(1)
    return format(number + step, "f")


def same_value(shown: str, expected: str, numeric: bool) -> bool:
    if not numeric:
        return shown.strip() == expected.strip()
    try:
        return Decimal(shown.strip()) == Decimal(expected.strip())
    except InvalidOperation:
        return False


# ── Content-Security-Policy violations ────────────────────────────────────────────────────
# A listener installed before any page script (Playwright's init scripts are not subject to the
# page's policy) turns each ``securitypolicyviolation`` event into a console line. (Chromium's own
# console wording changes between versions — "Refused to apply …", "Applying inline style
# violates …" — the event does not.)
CSP_MARK = "CSP violation:"
CSP_LISTENER = (
    "document.addEventListener('securitypolicyviolation', e => console.error("
    f"{CSP_MARK!r} + ' ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')"
    " + (e.sample ? ' “' + e.sample + '”' : '')));"
)


def csp_violation(text: str) -> str:
    """The violation a console line reports (``style-src-attr blocked inline``), or ""."""
    return text.removeprefix(CSP_MARK).strip() if text.startswith(CSP_MARK) else ""


# which checks belong together (one test each, so a failure says what kind of defect it is)
GROUPS = {
    "pages": {
        "HTTP status",
        "horizontal overflow",
        "squeezed text",
        "input without a label",
        "退出 out of reach",
        "limit",
    },
    "text": {rule for rule, _ in TEXT_RULES},
    "forms": {"form", "saved change not shown"},
    "csp": {"CSP violation"},
}


def group_of(check: str) -> str:
    for group, checks in GROUPS.items():
        if check in checks or check.split(" ", 1)[0] in checks:
            return group
    raise KeyError(check)


@dataclass
class Problem:
    check: str
    url: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.url}: {self.detail}"


def summary(problems: list[Problem], base: str, examples: int = 2) -> list[str]:
    """One line per check and page pattern: how often, and the first examples."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        key = (problem.check, Crawl.pattern(problem.url))
        if all(p.detail != problem.detail for p in groups.get(key, [])):
            groups.setdefault(key, []).append(problem)
    lines = []
    for (check, pattern), found in sorted(groups.items()):
        first = found[0].url.removeprefix(base)
        shown = " ‖ ".join(p.detail for p in found[:examples])
        more = f" (+{len(found) - examples} more)" if len(found) > examples else ""
        lines.append(f"[{check}] {pattern} e.g. {first}: {shown}{more}")
    return lines


@dataclass
class Crawl:
    """One person's walk: a Playwright page already logged in (or not) and the site's base URL."""

    page: object
    base: str
    limit: int = 250
    problems: list[Problem] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    forms_saved: int = 0
    _seen: set[tuple[str, str]] = field(default_factory=set)
    _forms_seen: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.page.add_init_script(CSP_LISTENER)
        self.page.on("console", self._console)

    def _console(self, message: object) -> None:
        if violation := csp_violation(message.text):
            self.problems.append(Problem("CSP violation", self.page.url, violation))

    # ── walking ──
    def run(self, start: str) -> None:
        queue: deque[str] = deque([self.base + start])
        self._seen.add((self.pattern(self.base + start), ""))
        while queue and len(self.visited) < self.limit:
            url = queue.popleft()
            audit = self.visit(url)
            if audit is None:
                continue
            self.save_forms(url, audit)
            for link in audit["links"]:
                target = self.follow(link["href"])
                if target is None:
                    continue
                key = (self.pattern(target), link["state"] or self.state_of(target, url, audit))
                if key not in self._seen:
                    self._seen.add(key)
                    queue.append(target)
        if queue:
            self.problems.append(
                Problem("limit", url, f"stopped after {self.limit} pages, {len(queue)} queued")
            )

    def follow(self, href: str) -> str | None:
        href, _ = urldefrag(href)
        parts = urlsplit(href)
        if not href.startswith(self.base) or SKIP.search(parts.path):
            return None
        if "download" in parts.query:
            return None
        return href

    @staticmethod
    def pattern(url: str) -> str:
        parts = urlsplit(url)
        path = re.sub(r"/\d+(?=/|$|\.)", "/#", parts.path)
        keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
        return path + ("?" + "&".join(keys) if keys else "")

    @staticmethod
    def state_of(target: str, current: str, audit: dict) -> str:
        """A link into the submission the current page shows shares its state."""
        ident = re.search(r"/submissions/(\d+)/", urlsplit(target).path)
        here = re.search(r"/submissions/(\d+)/", urlsplit(current).path)
        if ident and here and ident.group(1) == here.group(1):
            return audit["state"]
        return ""

    def visit(self, url: str) -> dict | None:
        self.visited.append(url)
        try:
            response = self.page.goto(url, wait_until="load")
        except PlaywrightError as error:
            self.problems.append(Problem("HTTP status", url, str(error).splitlines()[0]))
            return None
        status = response.status if response else 0
        if status >= 400:
            self.problems.append(Problem("HTTP status", url, str(status)))
            if status >= 500:
                return None
        audit = self.page.evaluate(AUDIT_JS)
        self.check(url, audit)
        return audit

    # ── the page checks ──
    def check(self, url: str, audit: dict) -> None:
        if audit["scrollWidth"] > audit["width"] + 1:
            self.problems.append(
                Problem(
                    "horizontal overflow",
                    url,
                    f"page {audit['scrollWidth']} px wide in a {audit['width']} px window; "
                    + "; ".join(audit["sticking"]),
                )
            )
        for item in audit["squeezed"]:
            self.problems.append(Problem("squeezed text", url, item))
        for item in audit["unlabelled"]:
            self.problems.append(Problem("input without a label", url, item))
        for item in audit["longNumbers"]:
            self.problems.append(Problem("too many decimals", url, f"input {item}"))
        if audit["logoutOff"]:
            self.problems.append(Problem("退出 out of reach", url, "logout button off-screen"))
        for rule, excerpt in text_problems(audit["text"]):
            self.problems.append(Problem(rule, url, excerpt))

    # ── the forms ──
    def save_forms(self, url: str, audit: dict) -> None:
        indexes = self.page.evaluate(SAVE_FORMS_JS)
        signatures = [(index, self.form_signature(index)) for index in indexes]
        for index, signature in signatures:
            key = (self.pattern(url) + " " + audit["state"], signature)
            if key in self._forms_seen:
                continue
            self._forms_seen.add(key)
            self.forms_saved += 1
            try:
                self.save_unchanged(url, index)
                self.save_changed(url, index)
            except PlaywrightError as error:  # a form a person cannot fill in or send
                first = str(error).splitlines()[0]
                self.problems.append(Problem("form cannot be used", url, f"{signature}: {first}"))

    def form_signature(self, index: int) -> str:
        return self.page.evaluate(
            """(index) => {
              const form = document.querySelectorAll('main form')[index];
              const action = new URL(form.action, location.href).pathname.replace(/\\d+/g, '#');
              return action + ' ' + [...form.elements].map(e => e.name).filter(Boolean)
                .map(n => n.replace(/\\d+/g, '#')).sort().filter((n, i, a) => a[i - 1] !== n).join(',');
            }""",
            index,
        )

    def submit(self, index: int) -> tuple[int, dict]:
        form = self.page.locator("main form").nth(index)
        valid = self.page.evaluate(
            "(i) => document.querySelectorAll('main form')[i].checkValidity()", index
        )
        if not valid:
            return 0, {"messages": "", "errors": "the browser refuses the form (invalid fields)"}
        button = form.locator("button:not([type=button]), input[type=submit]").filter(
            has_text="保存"
        )
        with self.page.expect_navigation(wait_until="load") as navigation:
            button.first.click()
        response = navigation.value
        outcome = self.page.evaluate(
            """() => ({
              success: !!document.querySelector('.messages .success'),
              messages: [...document.querySelectorAll('.messages li')].map(l => l.innerText).join(' | '),
              errors: [...document.querySelectorAll('.errorlist, .messages .error')]
                .map(e => e.innerText).join(' | '),
            })"""
        )
        return (response.status if response else 0), outcome

    def saved(self, url: str, what: str, status: int, outcome: dict) -> bool:
        if status < 500 and status and outcome.get("success") and not outcome["errors"]:
            return True
        detail = f"HTTP {status}; messages: {outcome['messages'] or '—'}; errors: {outcome['errors'] or '—'}"
        self.problems.append(Problem(f"form {what} does not save", url, detail))
        return False

    def back_to(self, url: str) -> None:
        """Back on the form's page (a save usually redirects there: no need to load it again)."""
        if self.page.url != url:
            self.page.goto(url, wait_until="load")

    def save_unchanged(self, url: str, index: int) -> None:
        self.back_to(url)
        status, outcome = self.submit(index)
        self.saved(url, "saved unchanged", status, outcome)

    def save_changed(self, url: str, index: int) -> None:
        self.back_to(url)
        choice = self.page.evaluate(CHANGE_JS, index)
        if choice is None:
            return
        new = changed_value(choice["value"], choice["numeric"])
        field_locator = (
            self.page.locator("main form").nth(index).locator(f'[name="{choice["name"]}"]')
        )
        field_locator.fill(new)
        status, outcome = self.submit(index)
        if not self.saved(url, f"with {choice['name']}={new!r}", status, outcome):
            return
        self.back_to(url)  # the page as loaded after the save: a fresh GET, not the posted form
        shown = field_locator.input_value() if field_locator.count() else None
        if shown is None or not same_value(shown, new, choice["numeric"]):
            self.problems.append(
                Problem(
                    "saved change not shown",
                    url,
                    f"{choice['name']}: saved {new!r}, the form shows {shown!r} after reload",
                )
            )
