"""Normalisation keeps a map back to every original character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jixiao.importers.headings import parse_heading
from jixiao.importers.normalise import normalise


def test_full_width_and_spaces_are_folded_and_traced_back() -> None:
    original = "２０２１ 年末在职人数 57 人、离 退休人数\u00a094 人（合计）"
    norm = normalise(original)
    assert norm.text == "2021年末在职人数57人、离退休人数94人(合计)"
    start = norm.text.index("94")
    a, b = norm.original_span(start, start + 3)
    assert original[a:b] == "94 人"


def test_wide_gaps_between_fields_stay() -> None:
    assert normalise("来源:某某中心     字体大小:").text == "来源:某某中心     字体大小:"


def test_placeholders_bookmarks_and_page_markers_are_removed() -> None:
    text = "![](a.png)正文[bookmark: _GoBack]开始\n- 3 -\n第 2 页 共 9 页结束"
    assert normalise(text).text == "正文开始\n\n结束"


def test_stray_list_number_inside_a_sentence_is_dropped_but_real_lists_stay() -> None:
    assert normalise("实有人数1、42人").text == "实有人数42人"
    assert normalise("主要包括1、办公费;2、印刷费").text == "主要包括1、办公费;2、印刷费"
    assert normalise("第1、2季度").text == "第1、2季度"


def test_heading_marker_alone_joins_its_line() -> None:
    assert normalise("2.\n人员编制\n").text.startswith("2.人员编制")


def test_long_line_broken_between_ideographs_is_joined() -> None:
    head = "始终坚持以政治建设为统" * 4
    assert normalise(f"{head}\n领，坚持").text == f"{head}领,坚持"
    assert normalise("短标题\n正文").text == "短标题\n正文"


@given(st.text(max_size=300))
def test_origin_map_is_monotonic_and_in_range(text: str) -> None:
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text) + 1
    assert all(0 <= o <= len(text) for o in norm.origin)
    assert list(norm.origin[:-1]) == sorted(norm.origin[:-1])


def test_heading_schemes() -> None:
    cases = {
        "一、部门概况": (1, "部门概况"),
        "(一)部门基本情况。": (2, "部门基本情况"),
        "1、主要职能": (3, "主要职能"),
        "1.人员情况。": (3, "人员情况"),
        "(1)办公室": (4, "办公室"),
        "①局机关内设股室7": (5, "局机关内设股室7"),
        "1.1 机构设置": (2, "机构设置"),
        "第二部分 绩效分析": (1, "绩效分析"),
    }
    for line, (level, title) in cases.items():
        heading = parse_heading(line)
        assert heading is not None, line
        assert (heading.level, heading.title) == (level, title), line


def test_heading_with_body_on_the_same_line_and_list_items() -> None:
    heading = parse_heading("(一)部门整体支出概况。2024年,南县财政局机关各项收入合计2602.28万元。")
    assert (
        heading is not None
        and heading.title == "部门整体支出概况"
        and heading.rest.startswith("2024年")
    )
    assert parse_heading("(3)负责全县公共机构节能管理。根据国务院规定实施节能管理。") is None
    assert (
        parse_heading(
            "1、机关事务管理局严格执行公务用车购置审批要求和规定,没有出现超编、超标准购置车辆情况。"
        )
        is None
    )
    assert parse_heading("1462.08万元") is None
