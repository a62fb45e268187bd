"""Classes of w39-01, w14-08 and w17-08 and of the prose reports with their 自评表 attached,
pinned by variants written for these tests (not copied from any report): the figures each must
give, and nothing else.

Classes: a quota's parts checked against the prose's total when a form states the same total
bare and first; an economic class the prose states on its own, in a clause naming no 基本 / 项目
(the whole class, though the phase's other money is cut by 基本 / 项目 only).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.importers.pastings.form_cuts import cuts_add_up
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

OFFICE = "某县残疾人联合会2023年度部门整体支出绩效自评报告\n一、部门概况\n"


def imported(text: str) -> ImportResult:
    return import_text(OFFICE + text)


def read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(imported(text)))


def figures(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


def messages(text: str, finding: str) -> list[str]:
    return [f.message for f in imported(text).findings if f.id == finding]


# ── 1. a quota's parts in prose, the same total bare in the attached form ─────────────────

FORM_TAB = (
    "附件：自评表\n人员情况\t编制人数\t{total}\t实有人数\t30\n\t在职人数\t{serving}\t退休人数\t8\n"
)
FORM_CELLS = "附件：自评表\n编制数\n{total}\n实有人数\n30\n在职人数\n{serving}\n退休人数\n8\n"


@pytest.mark.parametrize(
    "prose",
    [
        "本会核定编制{total}名，其中参公编制12名、事业编制7名、工勤编制1名；实有在职人员22人。\n",
        "核定编制数{total}人（参照公务员法管理编制12人，事业编制7人，工勤编制1人），在职22人。\n",
        "机关核定编制{total}名，其中：行政编制12名，事业编制7名，工勤人员编制1名。在职22人。\n",
    ],
)
@pytest.mark.parametrize("form", [FORM_TAB, FORM_CELLS])
def test_quota_parts_missing_the_total_are_surfaced_though_the_form_states_it_first(
    prose: str, form: str
) -> None:
    text = prose.format(total=21) + form.format(total=21, serving=22)
    warned = messages(text, "import.W004")
    assert any("21" in m and "20" in m for m in warned), warned
    assert figures(text)["staffing.authorized"] == "21"


@pytest.mark.parametrize("form", [FORM_TAB, FORM_CELLS])
def test_quota_parts_adding_up_beside_the_form_raise_nothing(form: str) -> None:
    text = "核定编制20名，其中参公编制12名、事业编制7名、工勤编制1名；在职22人。\n" + form.format(
        total=20, serving=22
    )
    assert messages(text, "import.W004") == []
    assert figures(text)["staffing.authorized"] == "20"


def test_a_differing_total_in_the_form_does_not_take_the_prose_parts() -> None:
    text = "核定编制20名，其中参公编制12名、事业编制7名、工勤编制1名。\n" + FORM_TAB.format(
        total=24, serving=22
    )
    assert not any("合计20" in m for m in messages(text, "import.W004"))


# ── 2. an economic class the prose states on its own ───────────────────────────────────────

SPLIT = (
    "二、预算执行情况\n全年预算1,200.00万元，其中基本支出500.00万元，项目支出700.00万元。"
    "全年支出1,150.00万元，其中：基本支出480.00万元，项目支出670.00万元；预算执行率95.83%。"
)


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("资本性支出231.86万元，主要用于办公楼维修改造。", "executed.capital", "231.86"),
        (
            "支出中对个人和家庭的补助（困难群众救助、助学补助等）318.60万元。",
            "executed.transfers_households",
            "318.6",
        ),
        ("全年支出中，工资福利支出 402.5万元。", "executed.wages", "402.5"),
        (
            "另外，商品和服务支出2,150,000.00元，主要是物业和水电费。",
            "executed.goods_services",
            "215",
        ),
    ],
)
def test_a_class_stated_on_its_own_is_read_as_the_whole_class(
    sentence: str, key: str, value: str
) -> None:
    got = read(SPLIT + sentence + "\n")
    assert got[key] == value
    assert got["executed.basic"] == "480" and got["executed.project"] == "670"


@pytest.mark.parametrize(
    "sentence",
    [
        "基本支出中，工资福利支出300.00万元。",
        "其中基本支出包括工资福利支出300.00万元。",
        "项目支出主要为资本性支出300.00万元。",
    ],
)
def test_a_class_in_a_clause_naming_a_funding_stays_unclaimed(sentence: str) -> None:
    got = read(SPLIT + sentence + "\n")
    assert not any(
        k.endswith(("wages", "capital", "goods_services", "transfers_households")) for k in got
    ), got


def test_a_class_stated_twice_with_two_values_stays_unclaimed() -> None:
    got = read(SPLIT + "资本性支出231.86万元。\n三、其他\n资本性支出240.00万元。\n")
    assert "executed.capital" not in got


def test_two_classes_each_in_a_clause_of_its_own_stay_a_partial_cut() -> None:
    got = read(SPLIT + "工资福利支出402.50万元。资本性支出231.86万元。\n")
    assert "executed.wages" not in got and "executed.capital" not in got


# ── 3. a form's economic-class rows with their first value cells blank ────────────────────

CLASS_ROWS_FIGURES = {
    "budget.wages": "410.2",
    "budget.goods_services": "150.3",
    "budget.capital": "239.5",
    "executed.wages": "408.1",
    "executed.goods_services": "141.9",
    "executed.capital": "225",
}


def _class_form(top: str, caption: str, blanks: int) -> str:
    lead = "\t" if caption else ""
    gap = "\t" * (blanks + 1)
    return (
        "附件：自评表\n"
        + top
        + f"{caption}{lead if not caption else chr(9)}项目\t"
        + ("年初预算数\t" if blanks else "")
        + ("批复数\t" if blanks == 2 else "")
        + "全年预算数\t全年执行数\t执行率\n"
        + f"{lead}合计\t"
        + ("700.00\t" * blanks)
        + "800.00\t775.00\t96.88%\n"
        + f"{lead}基本支出\t"
        + ("500.00\t" * blanks)
        + "520.00\t512.00\t98.46%\n"
        + f"{lead}项目支出\t"
        + ("200.00\t" * blanks)
        + "280.00\t263.00\t93.93%\n"
        + f"{lead}工资福利支出{gap}410.20\t408.10\n"
        + f"{lead}商品和服务支出{gap}150.30\t141.90\n"
        + f"{lead}资本性支出{gap}239.50\t225.00\n"
    )


@pytest.mark.parametrize(
    "top",
    [
        "填报单位：某县残疾人联合会\t\t\t单位：万元\n",
        "单位：万元\n人员情况\t编制数\t21\t实有人数\t19\t退休人数\t11\n",
        "（金额单位：万元）\n部门名称\t某县残疾人联合会\t\t主管部门\t县政府\n",
    ],
)
@pytest.mark.parametrize(("caption", "blanks"), [("资金情况", 1), ("", 1), ("预算执行", 2)])
def test_class_rows_with_blank_first_value_cells_are_read_under_their_columns(
    top: str, caption: str, blanks: int
) -> None:
    got = read(_class_form(top, caption, blanks))
    assert {k: got.get(k) for k in CLASS_ROWS_FIGURES} == CLASS_ROWS_FIGURES
    assert got["budget.total"] == "800" and got["executed.total"] == "775"
    assert got["executed.basic"] == "512" and got["executed.project"] == "263"


def test_a_row_of_blank_cells_and_words_does_not_extend_the_block() -> None:
    text = _class_form("单位：万元\n", "资金情况", 1) + "\t备注\t\t见说明\n"
    assert read(text)["executed.capital"] == "225"


# ── 4. a hand-typed spaced form, cells a column short of their titles; rounded prose ──────

SPACED_HEADER = "{cap}   项目          年初预算数          全年预算数          全年执行数        分值   执行率    得分\n"
SPACED_ROWS = (
    "{pad}   {total}  11,200,000.00      13,846,512.37      13,402,158.90     10     96.79%    9.7\n"
    "{pad}   基本支出       4,100,000.00       4,236,180.25       4,201,003.12            99.17%\n"
    "{pad}   项目支出       7,100,000.00       9,610,332.12       9,201,155.78            95.74%\n"
)
SPACED_FIGURES = {
    "budget.total": "1384.651237",
    "budget.basic": "423.618025",
    "budget.project": "961.033212",
    "executed.total": "1340.21589",
    "executed.basic": "420.100312",
    "executed.project": "920.115578",
}


@pytest.mark.parametrize(
    ("cap", "total"),
    [("资金情况", "年度资金总额"), ("预算执行", "资金总额    "), ("年度资金", "合计        ")],
)
@pytest.mark.parametrize(
    "prose",
    [
        "",
        "二、预算执行情况\n全年预算1,385万元，全年支出1,340万元，预算执行率96.79%。\n",
        "二、预算执行情况\n本年度全年预算数1384.7万元，全年执行数1340.2万元。\n",
    ],
)
def test_a_spaced_form_in_yuan_is_read_and_its_exact_figures_win_over_the_rounded_prose(
    cap: str, total: str, prose: str
) -> None:
    form = "附件：自评表\n单位：元\n" + SPACED_HEADER.format(cap=cap)
    form += SPACED_ROWS.format(pad=" " * (len(cap) * 2), total=total)
    result = imported(prose + form)
    got = money_only(claimed_figures(result))
    assert {k: got.get(k) for k in SPACED_FIGURES} == SPACED_FIGURES
    assert not [f for f in result.findings if f.id == "import.W003"]


def test_a_cell_as_near_to_two_titles_leaves_the_block_unread() -> None:
    form = (
        "附件：自评表\n单位：万元\n"
        "资金情况   项目          年初预算数          全年预算数          全年执行数        执行率\n"
        "           合计                      800.00                     820.10            97.03%\n"
        "           基本支出                  400.00                     398.00            99.50%\n"
    )
    got = read(form)
    assert "budget.total" not in got and "budget.initial_total" not in got


# ── 5. a form's money block one cell a line, its unit in the column titles ────────────────


def _cells_block(label: str, budget: str, spent: str, unit: str) -> str:
    rows = [
        ("合计", "960.00", "912.40"),
        ("基本支出", "410.00", "405.10"),
        ("项目支出", "550.00", "507.30"),
    ]
    lines = [label, f"{budget}（{unit}）", f"{spent}（{unit}）", "执行率"]
    for name, b, s in rows:
        rate = (Decimal(s) / Decimal(b) * 100).quantize(Decimal("0.01"))
        lines += [name, b, s, f"{rate}%"]
    return (
        "附件：自评表\n编制数\n14\n实有人数\n13\n" + "\n".join(lines) + "\n一级指标\n分值\n得分\n"
    )


@pytest.mark.parametrize(
    ("label", "budget", "spent"),
    [
        ("项目", "全年预算数", "全年执行数"),
        ("资金项目", "调整后预算数", "实际支出数"),
        ("科目", "预算数", "执行数"),
    ],
)
def test_a_cell_per_line_block_with_the_unit_in_its_titles_is_read(
    label: str, budget: str, spent: str
) -> None:
    got = read(_cells_block(label, budget, spent, "万元"))
    assert got["executed.total"] == "912.4"
    assert got["executed.basic"] == "405.1" and got["executed.project"] == "507.3"
    assert got["budget.basic"] == "410" and got["budget.project"] == "550"


def test_the_same_block_in_yuan_titles_is_read_in_yuan() -> None:
    text = _cells_block("项目", "全年预算数", "全年执行数", "元")
    assert read(text)["executed.total"] == "0.09124"


def test_titles_stating_two_units_leave_the_block_unread() -> None:
    text = _cells_block("项目", "全年预算数", "全年执行数", "万元").replace(
        "全年执行数（万元）", "全年执行数（元）"
    )
    assert "executed.basic" not in read(text)


# ── 6. another body's money in a sentence leaving it out of this self-evaluation ──────────

LEAGUE = "共青团临江市委员会2022年度部门整体支出绩效自评报告\n一、部门概况\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "直属市少年宫单独编制部门预算，2022年支出2,145.30万元，不纳入本次自评。",
        "直属市儿童宫，2022年支出 58.6万元，不列入本次部门整体支出绩效自评。",
        "所属市青年宫为公益二类事业单位，2022年支出386.20万元，未纳入本次评价范围。",
        "下属市青年创业园实行企业化管理，2022年支出58.6万元，不计入本次绩效评价。",
    ],
)
def test_another_bodys_spending_left_out_of_the_self_evaluation_is_not_the_departments(
    sentence: str,
) -> None:
    text = LEAGUE + sentence + "\n二、预算执行情况\n全年预算1,000.00万元，全年支出950.00万元。\n"
    result = import_text(text)
    assert money_only(claimed_figures(result))["executed.total"] == "950"
    assert not [f for f in result.findings if f.id == "import.W003"]


# ── 7. a PDF form's spaced block whose stated rate misses, its rows cutting the total ─────

PDF_HEADER = "年度预算 资金来源 年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分\n执行情况\n"
PDF_TOTAL = "(10分)   {total}： 1,200.00   1,400.00   1,330.00   10   {rate}   9.5\n"
PDF_SOURCES = (
    "         财政拨款        1,150.00   1,340.00   1,272.00   —    —        —\n"
    "         其他资金           50.00      60.00      58.00   —    —        —\n"
)
PDF_FUNDING = (
    "         基本支出          610.00     630.00     626.50   /    /        /\n"
    "         项目支出          590.00     770.00     {project}   /    /        /\n"
)


@pytest.mark.parametrize("total", ["年度资金总额", "资金总额", "合计"])
@pytest.mark.parametrize("sources", [PDF_SOURCES, ""])
def test_a_spaced_block_whose_rows_cut_the_total_is_read_though_its_rate_misses(
    total: str, sources: str
) -> None:
    text = "附件：自评表\n单位：万元\n" + PDF_HEADER + PDF_TOTAL.format(total=total, rate="97.00%")
    text += sources + PDF_FUNDING.format(project="703.50")
    got = read(text)
    assert got["budget.basic"] == "630" and got["budget.project"] == "770"
    assert got["executed.basic"] == "626.5" and got["executed.project"] == "703.5"
    assert got["executed.total"] == "1330"


def test_a_spaced_block_whose_rows_miss_the_total_and_its_rate_stays_unread() -> None:
    text = "附件：自评表\n单位：万元\n" + PDF_HEADER + PDF_TOTAL.format(total="合计", rate="97.00%")
    text += PDF_SOURCES + PDF_FUNDING.format(project="713.50")
    got = read(text)
    assert "executed.project" not in got and "executed.basic" not in got


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["100", "90"], ["60", "50"], ["40", "40"]], True),
        ([["100", "90"], ["60", "50"], ["40", "40"], ["70", "60"], ["30", "30"]], True),
        ([["100", "90"], ["100", "90"]], False),
        ([["100", "90"], ["60", "50"], ["40", "40"], ["70", "60"]], False),
        ([["100", "90"], ["60", "50"], ["40", "—"]], False),
    ],
)
def test_cuts_add_up(rows: list[list[str]], expected: bool) -> None:
    assert cuts_add_up(rows, ["budget", "spent"]) is expected


# ── 8. a spaced row of class / amount pairs, wrapped under its caption ─────────────────────

SCHOOL_FORM = (
    "附件：自评表\n{unit}\n"
    "                  年初预算      全年预算（调整后）   支出决算      执行率\n"
    "支出合计          2,100.00      2,300.00             2,240.00      97.39%\n"
    "  基本支出        1,500.00      1,560.00             1,552.00      99.49%\n"
    "  项目支出          600.00        740.00               688.00      92.97%\n"
)
CLASS_PAIR_ROWS = [
    # the name ending the first line, its amount opening the second
    "经济分类          工资福利支出 1,402.30   商品和服务支出 420.70   对个人和家庭的补助\n"
    "（决算）          216.00   资本性支出 201.00\n",
    # each pair whole on its line
    "按经济分类        工资福利支出 1,402.30   商品和服务支出 420.70\n"
    "（支出数）        对个人和家庭的补助 216.00   资本性支出 201.00\n",
    # the phase in the caption itself, one line
    "经济分类（决算数）   工资福利支出  1,402.30   商品和服务支出  420.70   "
    "对个人和家庭的补助  216.00   资本性支出  201.00\n",
]
CLASS_PAIR_FIGURES = {
    "executed.wages": "1402.3",
    "executed.goods_services": "420.7",
    "executed.transfers_households": "216",
    "executed.capital": "201",
}


@pytest.mark.parametrize("rows", CLASS_PAIR_ROWS)
@pytest.mark.parametrize("unit", ["金额：万元", "单位：万元"])
def test_a_wrapped_row_of_class_amount_pairs_is_read_in_its_captions_phase(
    rows: str, unit: str
) -> None:
    got = read(SCHOOL_FORM.format(unit=unit) + rows)
    assert {k: got.get(k) for k in CLASS_PAIR_FIGURES} == CLASS_PAIR_FIGURES
    assert got["executed.total"] == "2240" and got["budget.total"] == "2300"


def test_class_pairs_in_yuan_are_read_in_wan() -> None:
    rows = "经济分类（决算）   工资福利支出 14,023,000.00   商品和服务支出 4,207,000.00\n"
    got = read("附件：自评表\n单位：元\n" + rows)
    assert got.get("executed.wages") == "1402.3" and got.get("executed.goods_services") == "420.7"


@pytest.mark.parametrize(
    "rows",
    [
        # no phase: budget or spending cannot be told
        "经济分类          工资福利支出 1,402.30   商品和服务支出 420.70\n",
        # a name that is no economic class
        "经济分类（决算）   工资福利支出 1,402.30   人员经费 420.70\n",
        # a word left over
        "经济分类（决算）   工资福利支出 1,402.30   商品和服务支出 420.70   备注\n",
    ],
)
def test_a_row_of_pairs_that_does_not_prove_itself_is_not_read(rows: str) -> None:
    got = read(SCHOOL_FORM.format(unit="单位：万元") + rows)
    assert not any(k in got for k in CLASS_PAIR_FIGURES), got
