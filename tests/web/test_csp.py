"""Content-Security-Policy: the strict policy on every page, and templates that can live with it.

- ``test_every_page_answers_with_the_strict_policy``: every page route of the authorization
  matrix (``tests/web/authz_matrix.py``), fetched as an actor the route's rule lets in, plus the
  error pages, Django's admin and the API docs, carries exactly the site policy
  (``settings.CONTENT_SECURITY_POLICY``): nothing inline, nothing from elsewhere.
- An HTML report shown in the browser gets its own, stricter policy: it fetches nothing and runs
  nothing, and only its own ``<style>`` (by hash) applies.
- ``test_templates_carry_no_inline_style_or_script``: no template under jixiao/web (and not the
  HTML report's) has a ``style`` attribute, an ``on…=`` handler, a ``<style>`` element or a
  ``<script>`` with a body — what the policy would block. Templates are parsed, not grepped.

The browser side (no violation reported on any crawled page) is tests/web/browser/test_crawl.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.web.evaluations import reports, views
from tests.web import authz_matrix as matrix
from tests.web.factories import PASSWORD
from tests.web.test_authz_matrix import Cell, _clients, build_matrix_world, send

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "jixiao" / "web"
REPORT_TEMPLATE = REPO / "jixiao" / "renderers" / "templates" / "report.html.j2"

STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
REPORT_CSS = "\nbody { color: #222; }\n"


def directives(header: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in header.split(";"))):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def policy_problem(response: Any) -> str:
    """What is wrong with the response's policy ("" when it is exactly the strict one)."""
    header = response.get("Content-Security-Policy")
    if header is None:
        return "no Content-Security-Policy header"
    if "unsafe-inline" in header or "unsafe-eval" in header:
        return f"relaxed policy: {header}"
    if directives(header) != STRICT:
        return f"not the site policy: {header}"
    return ""


def _fake_report(
    submission: Any, version: Any, fmt: str, site: str | None = None
) -> reports.ReportFile:
    """A report file without typesetting; the HTML one a standalone page with its own <style>."""
    if fmt == "html":
        page = (
            f"<!DOCTYPE html><html><head><style>{REPORT_CSS}</style></head><body>报告</body></html>"
        )
        return reports.ReportFile(page.encode(), "text/html; charset=utf-8", "report.html")
    return reports.ReportFile(b"report", "text/plain", f"report.{fmt}")


def _page_cells() -> list[Cell]:
    """Each page GET of the matrix once, as the first actor its rule lets in (else anyone)."""
    found = []
    for (method, route), cases in matrix.ENTRIES.items():
        cell = Cell(method, route, cases[0], matrix.ANON)
        if method != "GET" or cell.api:
            continue
        rule = matrix.RULES[cases[0].rule]
        actor = next((a for a in matrix.ACTORS if rule(a) == "ok"), matrix.ANON)
        found.append(Cell(method, route, cases[0], actor))
    return found


@pytest.mark.django_db
def test_every_page_answers_with_the_strict_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "_render_report", _fake_report)
    w = build_matrix_world()
    clients = _clients(w)
    problems, seen = [], 0
    for cell in _page_cells():
        response, _ = send(w, clients[cell.actor][0], cell)
        if cell.route.endswith("report.<str:fmt>") and "html" in response.get("Content-Type", ""):
            continue  # an HTML report has its own policy (the next test)
        seen += 1
        if problem := policy_problem(response):
            problems.append(f"GET {cell.route} as {cell.actor} ({response.status_code}): {problem}")
    root = Client(raise_request_exception=False)
    root.force_login(get_user_model().objects.create_superuser("csp-root", password=PASSWORD))
    anon = Client(raise_request_exception=False)
    extra = {
        "/no/such/page/": anon,  # 404
        "/api/docs": anon,  # django-ninja's Swagger UI, its scripts served locally
        "/admin/login/": anon,
        "/admin/": root,
        "/admin/evaluations/submission/": root,
        "/admin/orgs/org/": root,
        "/admin/orgs/org/add/": root,
    }
    for path, client in extra.items():
        response = client.get(path)
        seen += 1
        if problem := policy_problem(response):
            problems.append(f"GET {path} ({response.status_code}): {problem}")
    assert seen > 30
    assert not problems, "\n".join(problems)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.django_db
def test_an_html_report_allows_only_its_own_stylesheet(monkeypatch, world) -> None:
    monkeypatch.setattr(views, "_render_report", _fake_report)
    client = Client()
    client.force_login(world.users["filler_a"])
    response = client.get(f"/submissions/{world.sub('a').pk}/report.html")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == [_sha256(REPORT_CSS)]
    assert policy["default-src"] == ["'none'"]  # no script, no fetch of any kind
    assert "script-src" not in policy
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'none'"]
    assert "unsafe" not in response["Content-Security-Policy"]


def test_style_sources_hash_style_elements_and_attributes() -> None:
    page = '<style>p{}</style><svg><style type="text/css">a{}</style><g style="fill: #fff"/></svg>'
    assert reports.style_sources(page) == [
        _sha256("p{}"),
        _sha256("a{}"),
        "'unsafe-hashes'",
        _sha256("fill: #fff"),
    ]
    assert reports.style_sources("<p>no style</p>") == []


# ── the templates ────────────────────────────────────────────────────────────────────────

TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{#.*?#}|{{.*?}}", re.DOTALL)


class InlineFinder(HTMLParser):
    """Collects what a strict policy blocks: style attributes, handlers, inline style/script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, _ in attrs:
            if name == "style":
                self.found.append(f"line {line}: style attribute on <{tag}>")
            elif re.fullmatch(r"on[a-z]+", name):
                self.found.append(f"line {line}: {name}= handler on <{tag}>")
        if tag == "style":
            self.found.append(f"line {line}: <style> element")
        if tag == "script":
            names = dict(attrs)
            self._script = f"line {line}" if "src" in names else ""
            if "src" not in names:
                self.found.append(f"line {line}: <script> without src")

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.found.append(f"{self._script}: <script src> with a body")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = ""


def inline_problems(source: str) -> list[str]:
    # template syntax out (a value becomes x), so only the markup itself is parsed
    markup = TEMPLATE_SYNTAX.sub(lambda m: "x" if m.group().startswith("{{") else " ", source)
    finder = InlineFinder()
    finder.feed(markup)
    finder.close()
    return finder.found


def web_templates() -> list[Path]:
    return sorted(p for p in WEB.rglob("templates/**/*.html"))


def test_templates_carry_no_inline_style_or_script() -> None:
    templates = web_templates()
    assert len(templates) > 20
    problems = [
        f"{path.relative_to(REPO)} {problem}"
        for path in templates
        for problem in inline_problems(path.read_text("utf-8"))
    ]
    assert not problems, "\n".join(problems)


def test_the_html_report_template_has_one_stylesheet_and_no_script() -> None:
    problems = inline_problems(REPORT_TEMPLATE.read_text("utf-8"))
    assert [p.split(": ", 1)[1] for p in problems] == ["<style> element"]  # hashed when served


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        ('<div style="margin:0">', "style attribute on <div>"),
        ('<div class="a" {% if x %}style="color:red"{% endif %}>', "style attribute on <div>"),
        ('<button onclick="go()">', "onclick= handler on <button>"),
        ("<style>p { color: red }</style>", "<style> element"),
        ("<script>alert(1)</script>", "<script> without src"),
        ('<script src="a.js">alert(1)</script>', "<script src> with a body"),
    ],
)
def test_the_template_check_finds_inline_code(markup: str, found: str) -> None:
    assert [p.split(": ", 1)[1] for p in inline_problems(markup)] == [found]


def test_the_template_check_passes_clean_markup() -> None:
    clean = (
        '{% load static %}<div class="card" data-x="{{ value }}">'
        "<script src=\"{% static 'jixiao/a.js' %}\" defer></script>"
        "{% include 'x.html' with a=b only %}</div>"
    )
    assert inline_problems(clean) == []
