"""Classes of w39-01, w14-08 and w17-08 and of the prose reports with their 自评表 attached,
pinned by variants written for these tests (not copied from any report): the figures each must
give, and nothing else.

Classes: a quota's parts checked against the prose's total when a form states the same total
bare and first; an economic class the prose states on its own, in a clause naming no 基本 / 项目
(the whole class, though the phase's other money is cut by 基本 / 项目 only).
"""

from __future__ import annotations

import pytest

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
