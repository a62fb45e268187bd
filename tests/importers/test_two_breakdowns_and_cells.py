"""Wording classes found by the w4 reports, each pinned by variants written for these tests (not
copied from any report), with clean cases that must not change:

- a spending total split twice, by funding (基本/项目) and by economic class: the stated total
  stays the total, the two cuts are never added together, and the economic classes are read when
  they are a complete second cut;
- classes listed side by side share one phase (对个人和家庭的补助 has no 支出 of its own);
- every typed quota part in the brackets after the total is read and checked;
- staffing counts in cells one per line with no unit ("编制数" / "12").
"""

from __future__ import annotations

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县文化广电旅游局2023年度部门整体支出绩效评价报告\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text, file="r.txt")


def figures_read(text: str) -> dict[str, str]:
    """The figures the importer claims to have read, as the figures view shows them."""
    return claimed_figures(imported(text))


def ids(result: ImportResult) -> set[str]:
    return {f.id for f in result.findings}


# ── 1. two breakdowns of one total ─────────────────────────────────────────────────────────

TWO_CUTS: list[tuple[str, dict[str, str]]] = [
    (
        "本年支出合计880.00万元，其中基本支出600.00万元，项目支出280.00万元。从经济分类看，"
        "工资福利支出450.00万元，商品和服务支出230.00万元，对个人和家庭的补助60.00万元，"
        "资本性支出140.00万元。",
        {
            "executed.total": "880",
            "executed.basic": "600",
            "executed.project": "280",
            "executed.wages": "450",
            "executed.goods_services": "230",
            "executed.transfers_households": "60",
            "executed.capital": "140",
        },
    ),
    (
        "全年支出总额 1,210.5万元。基本支出 910.5万元；项目支出 300万元。\n"
        "按支出经济分类：工资福利支出 700万元，商品和服务支出 410.5万元，资本性支出 100万元。",
        {
            "executed.total": "1210.5",
            "executed.basic": "910.5",
            "executed.project": "300",
            "executed.wages": "700",
            "executed.goods_services": "410.5",
            "executed.capital": "100",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), TWO_CUTS)
def test_a_total_split_by_funding_and_by_class_is_counted_once(
    text: str, expected: dict[str, str]
) -> None:
    assert figures_read(text) == expected
    assert "import.W005" not in ids(imported(text))


@pytest.mark.parametrize(
    "text",
    [
        # all four standard classes, 890 against a stated 880
        "支出合计880万元，其中基本支出600万元，项目支出280万元。按经济分类，工资福利支出450万元，"
        "商品和服务支出230万元，对个人和家庭的补助60万元，资本性支出150万元。",
        # no stated total; two classes already above 基本 + 项目 (880)
        "基本支出600万元，项目支出280万元。工资福利支出700万元，商品和服务支出230万元。",
        # the total beside both cuts as lines of its own (no 其中)
        "全年支出总额880万元。基本支出600万元；项目支出280万元。\n"
        "按经济分类：工资福利支出450万元，商品和服务支出230万元，对个人和家庭的补助60万元，"
        "资本性支出150万元。",
    ],
)
def test_a_second_cut_that_does_not_add_up_is_a_finding(text: str) -> None:
    result = imported(text)
    finding = next(f for f in result.findings if f.id == "import.W005")
    assert "按经济分类" in finding.message and "880" in finding.message
    assert FigureBook(result.dossier).value("executed.total") == 880
    # a whole cut (all four standard classes) is claimed as stated, its difference reported; a
    # partial list that does not add up is not claimed
    whole = "资本性支出" in text
    assert ("executed.wages" in result.sources) == whole
    if whole:
        assert FigureBook(result.dossier).value("executed.wages") == 450


def test_an_incomplete_class_list_beside_the_funding_split_is_not_claimed() -> None:
    # only two classes named: they are part of the money, not a second cut of it; the total the
    # figures view computes is still the funding split's, never the two cuts added
    text = (
        "支出合计880万元，其中基本支出600万元，项目支出280万元。"
        "工资福利支出450万元，商品和服务支出230万元。"
    )
    result = imported(text)
    assert figures_read(text) == {
        "executed.total": "880",
        "executed.basic": "600",
        "executed.project": "280",
    }
    assert FigureBook(result.dossier).value("executed.total") == 880
    assert "import.W005" not in ids(result)  # two classes below the total: maybe a partial list


def test_one_cut_alone_is_unchanged() -> None:
    # clean: the classes alone add up to their stated total, read as before
    text = "支出合计400万元，其中工资福利支出250万元，商品和服务支出120万元，资本性支出30万元。"
    assert figures_read(text) == {
        "executed.total": "400",
        "executed.wages": "250",
        "executed.goods_services": "120",
        "executed.capital": "30",
    }


# ── 2. classes side by side share a phase ─────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "工资福利支出100万元，对个人和家庭的补助20万元，资本性支出30万元。",
            {
                "executed.wages": "100",
                "executed.transfers_households": "20",
                "executed.capital": "30",
            },
        ),
        (
            "对个人和家庭的补助 8.5万元、商品和服务支出 41.5万元。",
            {"executed.transfers_households": "8.5", "executed.goods_services": "41.5"},
        ),
        (
            "二、预算安排情况\n工资福利支出预算100万元，对个人和家庭的补助20万元。",
            {"budget.wages": "100", "budget.transfers_households": "20"},
        ),
    ],
)
def test_a_class_without_a_phase_word_takes_its_siblings_phase(
    text: str, expected: dict[str, str]
) -> None:
    result = imported(text)
    assert figures_read(text) == expected
    assert "import.W007" not in ids(result)


@pytest.mark.parametrize(
    "text",
    [
        # another sentence: not a sibling
        "工资福利支出100万元。对个人和家庭的补助20万元。",
        # siblings that disagree decide nothing
        "工资福利支出预算100万元，商品和服务支出实际支出80万元，对个人和家庭的补助20万元。",
    ],
)
def test_a_class_with_no_agreeing_sibling_stays_unread(text: str) -> None:
    result = imported(text)
    assert "executed.transfers_households" not in result.sources
    assert "budget.transfers_households" not in result.sources
    assert "import.W007" in ids(result)


# ── 3. every typed part in the brackets ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("编制总数18人（行政编制10人，全额事业编制8人）。", {"行政编制": 10, "全额补助事业": 8}),
        (
            "核定编制30名（行政编制12名，参照公务员管理编制8名，工勤编制10名）。",
            {"行政编制": 12, "参照公务员管理": 8, "工勤": 10},
        ),
    ],
)
def test_every_typed_part_in_brackets_is_read(text: str, types: dict[str, int]) -> None:
    result = imported(text)
    assert {k.value: v for k, v in result.dossier.staffing.authorized.items()} == types
    assert "import.W004" not in ids(result)


def test_parts_that_add_up_but_name_no_standard_type_keep_the_total() -> None:
    result = imported("核定编制40名（行政编制25名，事业编制15名），实有人数38人。")
    assert figures_read("核定编制40名（行政编制25名，事业编制15名），实有人数38人。") == {
        "staffing.authorized": "40",
        "staffing.actual_total": "38",
    }
    assert "import.W004" not in ids(result)
    finding = next(f for f in result.findings if f.id == "import.I004")
    assert "事业编制15" in finding.message


def test_bracketed_parts_that_do_not_add_up_are_reported_with_every_part() -> None:
    result = imported("编制数30名（行政编制12名，事业编制8名）。")
    finding = next(f for f in result.findings if f.id == "import.W004")
    assert "行政编制12" in finding.message and "事业编制8" in finding.message
    assert not result.dossier.staffing.authorized


# ── 4. staffing cells one per line, no unit ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "人员情况\n编制人数\n25\n在职人数\n23\n退休人员\n7\n",
            {"staffing.authorized": "25", "staffing.in_service": "23", "staffing.retired": "7"},
        ),
        ("核定编制\n9\n实有人数\n8\n", {"staffing.authorized": "9", "staffing.actual_total": "8"}),
        # the lexicon's variants and traditional characters reach the same labels
        ("定編人數\n14\n退休人數\n3\n", {"staffing.authorized": "14", "staffing.retired": "3"}),
    ],
)
def test_unitless_counts_under_staffing_labels(text: str, expected: dict[str, str]) -> None:
    assert figures_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "编制数\n实有人数\n退休人数\n12\n11\n4\n",  # a header flattened before its values
        "内设机构\n6\n",  # not a head-count
        "编制数\n12.5\n",  # not a count
        "编制数\n12\n13\n",  # which number is it?
        "编制人员\n19\n",  # a head-count of post holders, not the quota
        "车辆数\n4\n",
    ],
)
def test_bare_numbers_that_are_not_staffing_counts(text: str) -> None:
    assert not {k for k in figures_read(text) if k.startswith("staffing.")}


# ── 5. classes the w5 reports found: a staffing label before a colon, a staffing table,
#       a table's rate column ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "编制人数：14人；实有人数：13人；退休人数：6人。",
            {"staffing.authorized": "14", "staffing.actual_total": "13", "staffing.retired": "6"},
        ),
        (
            "核定编制: 20名，在职人员: 18名。",
            {"staffing.authorized": "20", "staffing.in_service": "18"},
        ),
    ],
)
def test_staffing_labels_before_a_colon(text: str, expected: dict[str, str]) -> None:
    assert figures_read(text) == expected


def test_a_colon_after_a_non_staffing_label_reads_nothing() -> None:
    # clean: "参训人数：40人" is an activity, "车辆：3个" not a head-count
    assert figures_read("参训人数：40人；车辆：3个。") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "| 类别 | 编制数 | 实有数 | 差额 |\n| --- | --- | --- | --- |\n| 在职人员 | 48 | 45 | 3 |\n",
            {"staffing.authorized": "48", "staffing.in_service": "45"},
        ),
        (
            "人员\t编制人数\t实有人数\n在职人员\t30人\t27人\n退休人员\t\t11人\n合计\t30\t38\n",
            {
                "staffing.authorized": "30",
                "staffing.in_service": "27",
                "staffing.retired": "11",
            },
        ),
    ],
)
def test_a_staffing_table_row_by_role_and_column(text: str, expected: dict[str, str]) -> None:
    assert figures_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # rows by type, a 差额 column only, a table of something else: nothing read
        "类别\t编制数\t实有数\n行政编制\t10\t9\n事业编制\t5\t5\n",
        "类别\t差额\n在职人员\t3\n",
        "项目\t场次\t人数\n培训\t4\t120\n",
    ],
)
def test_tables_that_state_no_role_counts(text: str) -> None:
    assert not {k for k in figures_read(text) if k.startswith("staffing.")}


RATE_TABLE = (
    "表2 预决算对比表（单位：万元）\n项目\t上年决算数\t本年预算数\t本年决算数\t{title}\n"
    + ("基本支出\t512.30\t540.00\t536.84\t99.41%\n合计\t772.45\t850.00\t824.50\t{rate}\n")
)


@pytest.mark.parametrize(
    ("title", "rate", "read"),
    [
        ("完成率", "97.00%", "97"),
        ("执行率", "97%", "97"),
        ("预算执行率", "96.50%", "96.5"),  # named so: read as stated (the checks compare it)
        ("完成率", "96.50%", None),  # not the row's spending over its budget: whose rate is it?
    ],
)
def test_a_tables_rate_column_gives_the_execution_rate(
    title: str, rate: str, read: str | None
) -> None:
    result = imported(RATE_TABLE.format(title=title, rate=rate))
    stated = FigureBook(result.dossier).stated("rates.execution")
    assert (None if stated is None else f"{stated.normalize():f}") == read
    assert ("rates.execution" in result.sources) == (read is not None)


# ── 6. spending split by source of funds under 其中 ──────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "全年实际支出1,003.25万元，其中财政拨款支出968.05万元、其他资金支出35.20万元。",
        "本年支出合计500万元，其中：一般公共预算财政拨款支出450万元，单位自有资金支出50万元。",
    ],
)
def test_spending_by_source_of_funds_is_neither_a_second_total_nor_income(text: str) -> None:
    result = imported(text)
    assert set(figures_read(text)) == {"executed.total"}
    assert "import.W003" not in ids(result)  # not "the same amount stated differently"
    assert "income.other" not in result.sources
    assert "import.I008" in ids(result)  # said, not silently dropped


def test_fiscal_appropriation_spending_alone_is_still_the_total() -> None:
    # clean: with no total before it, 财政拨款支出 is the department's spending
    assert figures_read("2023年财政拨款支出968.05万元。") == {"executed.total": "968.05"}


def test_income_by_source_is_unchanged() -> None:
    # clean: a split of income (收入) by source is not touched by the spending rule
    text = "本年收入合计600万元，其中财政拨款收入550万元，其他资金来源50万元。"
    result = imported(text)
    assert figures_read(text) == {"income.total": "600"}
    assert "import.I008" not in ids(result)


# ── 7. last year's figures beside this year's ─────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "上年支出合计300万元，本年支出合计350万元，其中基本支出200万元，项目支出150万元。",
            {"executed.total": "350", "executed.basic": "200", "executed.project": "150"},
        ),
        (
            "2022年支出合计300万元。2023年支出合计350万元，其中基本支出200万元，项目支出150万元。",
            {"executed.total": "350", "executed.basic": "200", "executed.project": "150"},
        ),
        (
            "单位：万元\n项目\t上年执行数\t本年执行数\n基本支出\t100\t120\n项目支出\t50\t60\n合计\t150\t180\n",
            {"executed.total": "180", "executed.basic": "120", "executed.project": "60"},
        ),
        ("去年在职人员27人，今年在职人员28人。", {"staffing.in_service": "28"}),
        (
            "人员\t编制数\t实有数\n在职人员\t30\t28\n上年在职人员\t29\t27\n",
            {"staffing.authorized": "30", "staffing.in_service": "28"},
        ),
    ],
)
def test_last_years_figures_are_not_this_years(text: str, expected: dict[str, str]) -> None:
    result = imported(text)
    assert figures_read(text) == expected
    assert "import.W003" not in ids(result)


def test_a_year_alone_sets_nothing_aside() -> None:
    # clean: every amount says 2022 (the title 2023): read as written; the title year is W013's
    text = "2022年支出合计350万元，其中基本支出200万元，项目支出150万元。"
    assert figures_read(text) == {
        "executed.total": "350",
        "executed.basic": "200",
        "executed.project": "150",
    }


def test_last_years_carry_over_is_still_read() -> None:
    # clean: 上年结转 is this year's opening money, not last year's figure
    result = imported("年初预算500万元，上年结转结余20万元。")
    assert "budget.carryover_prior" in result.sources


# ── 8. a total beside its 基本/项目 split with no 其中, not adding up ────────────────────


@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        ("本年支出合计650.00万元。基本支出420.10万元，项目支出229.80万元。", "650", "649.9"),
        ("全年支出总额1,000万元；\n项目支出300万元；基本支出690万元。", "1000", "990"),
    ],
)
def test_a_total_its_split_does_not_add_up_to_is_kept_and_found(
    text: str, total: str, parts: str
) -> None:
    from jixiao.frameworks import evaluate_with

    result = imported(text)
    finding = next(f for f in result.findings if f.id == "import.W005")
    assert total in finding.message and parts in finding.message
    figure = FigureBook(result.dossier).figure("executed.total")
    assert (f"{figure.stated.normalize():f}", f"{figure.computed.normalize():f}") == (total, parts)
    assert "executed.E001" in {f.id for f in evaluate_with(result.dossier).findings}


@pytest.mark.parametrize(
    "text",
    [
        "本年支出合计650.00万元。基本支出420.20万元，项目支出229.80万元。",  # adds up
        "本年支出合计650.00万元。基本支出420.10万元。",  # one part: not a split
    ],
)
def test_a_total_with_no_differing_split_gives_no_finding(text: str) -> None:
    assert "import.W005" not in ids(imported(text))
