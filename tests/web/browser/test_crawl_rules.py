"""The crawl's rules on their own (no browser): what visible text it flags, how it dedupes links,
what change it makes to a form."""

from __future__ import annotations

import pytest

from tests.web.browser.crawl import Crawl, Problem, changed_value, group_of, summary, text_problems


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("指标 indicators[3].target 缺少数据", "bracketed path"),
        ("位置：staffing.in_service", "internal key"),
        ("状态 draft → submitted", "state key"),
        ("已保存复核评分 / re-score saved", "English tail"),
        ("用户名或密码不正确 wrong username or password", "English words"),
        ("平均 16.666666666666667", "too many decimals"),
    ],
)
def test_flags_what_a_chinese_page_must_not_show(text, rule):
    assert rule in {found for found, _ in text_problems(text)}


@pytest.mark.parametrize(
    "text",
    [
        "计算得分 86.27 优 · 自评分 92.00",
        "填报截止 2024-01-04 16:42 · 版本 v3 · jixiao 1.2.3",
        "下载报告 Word PDF HTML Markdown",
        "DOCX / PDF",
        "万财监〔2022〕3号 · 演示县财政局（演示数据，虚构） · API 令牌 · English",
        'curl -H "Authorization: Bearer abc" http://localhost/api/submissions',
    ],
)
def test_leaves_ordinary_chinese_pages_alone(text):
    assert text_problems(text) == []


def test_links_are_deduplicated_by_pattern():
    assert Crawl.pattern("http://h/submissions/12/edit/money/") == "/submissions/#/edit/money/"
    assert Crawl.pattern("http://h/portal/?year=2023&page=2&q=") == "/portal/?page&q&year"
    assert Crawl.pattern("http://h/submissions/12/report.pdf") == "/submissions/#/report.pdf"


@pytest.mark.parametrize(
    ("value", "numeric", "new"),
    [
        ("120.50", True, "119.50"),
        ("0", True, "1"),
        ("", True, "1"),
        ("说明", False, "说明（已核）"),
    ],
)
def test_one_valid_change(value, numeric, new):
    assert changed_value(value, numeric) == new


def test_problems_are_grouped_by_kind_and_page_pattern():
    base = "http://h"
    problems = [
        Problem("horizontal overflow", f"{base}/submissions/{pk}/", "page 740 px wide")
        for pk in (1, 2)
    ] + [Problem("form saved unchanged does not save", f"{base}/tokens/", "HTTP 500")]
    assert [group_of(p.check) for p in problems] == ["pages", "pages", "forms"]
    assert summary(problems, base) == [
        "[form saved unchanged does not save] /tokens/ e.g. /tokens/: HTTP 500",
        "[horizontal overflow] /submissions/#/ e.g. /submissions/1/: page 740 px wide",
    ]
