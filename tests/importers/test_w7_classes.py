"""The wording classes the w7 corpus reports (tests/fixtures/corpus/w7-*) missed on their first
run, each pinned by variants written for these tests (not copied from any report, nor from the
corpus files): the figures each must give, and nothing else (precision first). Each class has at
least one variant that must NOT be read.

Classes: text hard-wrapped at 28–39 ideographs (a PDF text layer pasted as text), so a label,
a number or its unit falls on the next line; a title broken mid-word over two lines.
"""

from __future__ import annotations

import re

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.normalise import normalise, wrap_margin
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县水务局2023年度部门整体支出绩效自评报告\n"


def figures_read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def codes(text: str, title: str = TITLE) -> set[str]:
    return {finding.id for finding in import_text(title + text).findings}


def wrap(paragraph: str, width: int) -> str:
    """Break *paragraph* into lines of *width* display columns (an ideograph is 2), numbers kept
    whole and no line starting with a comma or full stop: the 公文 layout of a PDF text layer."""
    lines, line, used = [], "", 0
    for token in re.findall(r"[0-9A-Za-z.,%]+|.", paragraph):
        size = len(token) if token.isascii() else 2 * len(token)
        if used + size > 2 * width and line and token not in "，。、；：）":
            lines.append(line)
            line, used = "", 0
        line += token
        used += size
    return "\n".join([*lines, line])


STAFF = (
    "某县水务局为县人民政府工作部门，内设办公室、水政水资源股、河湖管理股等7个股室，下属"
    "水利工程管理站、防汛抗旱服务中心2个事业单位。全局核定编制41名，其中行政编制15名，事业"
    "编制26名；年末实有在职人员39人，退休人员12人。"
)
MONEY = (
    "2023年年初预算1,204.60万元，年中追加预算215.40万元，调整后全年预算1,420.00万元。全年实际"
    "支出1,377.40万元，其中基本支出802.15万元，项目支出575.25万元。经自评，我局2023年度整体"
    "支出绩效自评得分为92.5分，自评等级为优。"
)
WRAPPED_FIGURES = {
    "staffing.authorized": "41",
    "staffing.in_service": "39",
    "staffing.retired": "12",
    "budget.total": "1420",
    "budget.initial_total": "1204.6",
    "executed.total": "1377.4",
    "executed.basic": "802.15",
    "executed.project": "575.25",
    "score.self": "92.5",
}


@pytest.mark.parametrize("width", [28, 30, 33, 36, 39])
def test_text_wrapped_at_a_narrow_width_reads_as_unwrapped(width: int) -> None:
    text = "一、基本情况\n" + wrap(STAFF, width) + "\n二、预算执行\n" + wrap(MONEY, width) + "\n"
    assert len(text.splitlines()) >= 7  # really wrapped
    read = figures_read(text)
    for key, value in WRAPPED_FIGURES.items():
        assert read.get(key) == value, (width, key, read.get(key))
    # the quota's parts, split "事业" / "编制26名" at some widths, still add up: no false W003/W004
    assert not codes(text) & {"import.W003", "import.W004"}


@pytest.mark.parametrize(
    ("first", "second", "key", "value"),
    [
        # the number on the next line after its label
        ("全年实际支出1,377.40万元，其中基本支出", "802.15万元。", "executed.basic", "802.15"),
        # the unit on the next line after its number
        ("全年预算0.1420亿", "元，支出结构合理。", "budget.total", "1420"),
        # 分 on the next line
        ("我局2023年度整体支出绩效自评得分为92.5", "分，自评等级为优。", "score.self", "92.5"),
    ],
)
def test_a_full_line_continues_on_the_next(first: str, second: str, key: str, value: str) -> None:
    def width(line: str) -> int:
        return sum(1 if char.isascii() else 2 for char in line)

    filler = "本局围绕年度目标任务统筹安排各项资金严格执行预算管理制度加强项目全过程管理"
    padded = filler[: (58 - width(first)) // 2] + "，" + first  # reaches the margin (60 columns)
    body = "\n".join(
        [
            "本局围绕年度目标任务统筹安排各项资金严格执行预算管理制度加强",
            "项目全过程管理确保资金安全规范有效运行推动水利事业高质量发展",
            "按照县财政局要求开展部门整体支出绩效自评工作现将有关情况报告",
            padded,
            second,
        ]
    )
    assert width(padded) >= 56
    assert figures_read(body + "\n").get(key) == value
    # the same two lines in text that is not wrapped (no margin): not joined, not read — except
    # a line starting with a figure after a sentence in progress (a ragged wrap, test_w8_classes)
    unwrapped = figures_read(first + "\n" + second + "\n").get(key)
    if re.match(r"\d", second) and "，" in first:
        assert unwrapped == value
    else:
        assert unwrapped != value


def test_paragraphs_one_per_line_are_not_wrapped_text() -> None:
    lines = [
        "某县水务局为县人民政府工作部门。",
        "全局核定编制41名，其中行政编制15名，事业编制26名；年末实有在职人员39人，退休人员12人，"
        "另有编外聘用人员3人。",
        "2023年全年预算1,420.00万元，全年实际支出1,377.40万元，预算执行率97.00%。",
        "各项资金按规定用途使用，未发现挤占挪用问题。",
    ]
    assert wrap_margin(lines) is None
    # a staffing table flattened one cell per line: short lines, never joined
    cells = "人员情况\n编制人数\n18人\n实有人数\n16人\n"
    assert normalise(cells).text == cells


def test_a_full_line_before_a_heading_or_after_a_full_stop_stays_apart() -> None:
    text = "\n".join(
        [
            "本局围绕年度目标任务统筹安排各项资金严格执行预算管理制度加强",
            "项目全过程管理确保资金安全规范有效运行推动水利事业高质量发展",
            "按照县财政局要求开展部门整体支出绩效自评工作现将有关情况报告",
            "如下各项工作均按计划推进并取得明显成效群众满意度持续提高。",
            "二、部门预算执行情况全年预算数一千四百二十万元已全部下达到位",
            "全年实际支出一千三百七十七万元基本支出八百零二万元项目支出五",
        ]
    )
    joined = normalise(text).text.split("\n")
    assert joined[0].endswith("提高。")  # after a full stop: a paragraph ends
    assert joined[1].startswith("二、")  # a heading is never the tail of the line before
    assert len(joined) == 2


# ── a title broken mid-word over two lines ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("title", "name", "year"),
    [
        ("某县水务局2023年度部门整\n体支出绩效自评报告\n", "某县水务局", 2023),
        ("关于某市商务局2022年度部门\n整体支出绩效评价情况的报告\n", "某市商务局", 2022),
        ("某县水务局2021年度部门整体支出\n绩效评价报告\n", "某县水务局", 2021),
    ],
)
def test_a_title_broken_over_two_lines(title: str, name: str, year: int) -> None:
    result = import_text(title + "一、基本情况\n全局核定编制41名。\n")
    assert result.dossier.profile.name == name
    assert result.dossier.year == year
    assert not {f.id for f in result.findings} & {"import.W010", "import.W002", "import.W001"}


def test_a_second_title_line_alone_is_not_joined_to_a_heading() -> None:
    # the line before "…绩效自评报告" is a heading, not the first half of a title
    result = import_text("一、基本情况\n绩效自评报告\n某县水务局全局核定编制41名。\n")
    assert result.dossier.profile.name != "一、基本情况某县水务局"


# ── a score table with 扣分 (points taken off) instead of 得分 ─────────────────────────────

DEDUCTIONS = (
    "三、自评结果\n"
    "一级指标\t分值\t扣分\t说明\n"
    "决策\t15\t0\t无\n"
    "过程\t25\t1.5\t个别资金支付滞后\n"
    "产出\t35\t2\t一项工程延期\n"
    "效益\t25\t0.5\t问卷样本偏少\n"
    "合计\t100\t4\t\n"
)


def test_a_deduction_tables_total_is_not_the_score() -> None:
    text = DEDUCTIONS + "经自评，本局整体支出绩效得分96分，等级为优。\n"
    assert figures_read(text).get("score.self") == "96"
    assert "import.W003" not in codes(text)
    # with no score in the prose, the table gives none (100 − 4 is not stated)
    assert "score.self" not in figures_read(DEDUCTIONS)


def test_a_score_tables_total_is_still_the_score() -> None:
    scores = DEDUCTIONS.replace("扣分\t说明", "得分\t说明").replace("合计\t100\t4", "合计\t100\t96")
    scores = scores.replace("\t0\t无", "\t15\t无").replace("\t1.5\t", "\t23.5\t")
    scores = scores.replace("\t2\t一", "\t33\t一").replace("\t0.5\t", "\t24.5\t")
    assert figures_read(scores).get("score.self") == "96"


# ── a heading 预算收支 speaks of the budget's income and spending alike: no phase from it ────


def money_read(text: str) -> dict[str, str]:
    return {k: v for k, v in figures_read(text).items() if k.startswith(("budget.", "executed."))}


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("（二）预算收支\n", "executed.total"),
        ("二、部门预算收支情况\n", "executed.total"),
        # a heading that plans: the bare 支出 under it is the budgeted spending
        ("二、部门预算收支安排\n", "budget.total"),
        ("二、部门预算情况\n", "budget.total"),
    ],
)
def test_spending_under_a_budget_income_and_spending_heading(heading: str, key: str) -> None:
    read = money_read(heading + "本年支出810.80万元。\n")
    assert read.get(key) == "810.8", read


# ── amounts in 元 keep every digit in the figures view ────────────────────────────────────


def test_amounts_in_yuan_are_not_rounded_in_the_figures_view() -> None:
    text = (
        "2023年度全年预算86,452,310.00元，全年实际支出82,383,339.77元，"
        "其中基本支出32,108,426.57元，项目支出50,274,913.20元。\n"
    )
    read = figures_read(text)
    assert read["executed.basic"] == "3210.842657"
    assert read["executed.total"] == "8238.333977"
    assert read["budget.total"] == "8645.231"
    # a computed rate keeps the display rule: two decimals
    assert read.get("rates.execution", "95.29") == "95.29"
    book = FigureBook(import_text(TITLE + text).dossier)
    assert book.figure("rates.execution").exact_text() == "95.29"
    assert book.figure("executed.basic").text() == "3210.84"  # the screens' display rule stays


# ── a quota total written after its parts (…，共52名) ──────────────────────────────────────

STAFF_TITLE = TITLE + "一、基本情况\n"


def staffing_read(text: str) -> dict[str, str]:
    return {k: v for k, v in figures_read(text, STAFF_TITLE).items() if k.startswith("staffing.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("核定行政编制32名、事业编制20名，共52名；实有在编人员49人。", "52"),
        ("行政编制10名、全额拨款事业编制5名，合计15名。", "15"),
        ("单位编制为：行政编制6名；工勤编制2名；共计8名。", "8"),
    ],
)
def test_a_quota_total_after_its_parts(text: str, expected: str) -> None:
    assert staffing_read(text)["staffing.authorized"] == expected
    assert "import.W004" not in codes(text, STAFF_TITLE)


def test_a_quota_total_after_parts_that_do_not_add_up() -> None:
    text = "行政编制10名、事业编制5名，共16名。"
    assert staffing_read(text)["staffing.authorized"] == "16"  # the total as stated
    assert "import.W004" in codes(text, STAFF_TITLE)


@pytest.mark.parametrize(
    "text",
    [
        # a retiree count breaks the run of parts: 共15人 is nobody's total
        "全局行政编制10名，另有退休人员5人，共15人。",
        # a single part is not a breakdown
        "核定行政编制10名，共12名。",
    ],
)
def test_a_count_after_共_that_is_no_quota_total(text: str) -> None:
    read = staffing_read(text)
    assert read.get("staffing.authorized") == "10"


# ── 编制内 / 编制外: the people on a post are the staff in service ─────────────────────────


@pytest.mark.parametrize(
    ("text", "in_service"),
    [
        ("年末实有人员151人，其中编制内人员118人，编制外人员21人，退休人员12人。", "118"),
        ("编制内人员40人，编制外人员6人，退休人员9人。", "40"),
        # inside a stated 在职 count, 编制内 is its part, not a second in-service total
        ("在职人员130人，其中编制内人员118人，编制外人员12人。", "130"),
        ("年末在职职工612人（其中编制内386人，编制外226人），离退休人员158人。", "612"),
    ],
)
def test_staff_within_the_quota(text: str, in_service: str) -> None:
    assert staffing_read(text)["staffing.in_service"] == in_service
    assert "import.W003" not in codes(text, STAFF_TITLE)


def test_a_sub_population_of_staff_within_the_quota_is_not_a_count() -> None:
    assert staffing_read("编制内人员中党员45人。") == {}


def test_a_quota_part_of_no_standard_type_in_brackets_is_summed_with_the_others() -> None:
    # 政法专项编制 names no standard type, yet it is a part: 30 + 8 = 38, no false W004
    text = "全局编制总数38名（行政编制30名、政法专项编制8名）。"
    assert staffing_read(text)["staffing.authorized"] == "38"
    found = codes(text, STAFF_TITLE)
    assert "import.W004" not in found and "import.I004" in found
    # parts that do not add up still do
    assert "import.W004" in codes(
        "全局编制总数40名（行政编制30名、政法专项编制8名）。", STAFF_TITLE
    )
