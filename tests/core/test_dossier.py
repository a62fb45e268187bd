"""Dossier loading: the seed, every bad-input path (field path, line, bilingual text), JSON
exactness and the YAML round trip."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.core.dossier import (
    Comparator,
    Dossier,
    Funding,
    Item,
    Level,
    Level1,
    Phase,
    StaffType,
    UnitType,
    dossier_from_data,
)
from jixiao.core.errors import InputError, Problem
from jixiao.core.money import Money, Unit
from jixiao.io.dossiers import dossier_from_text, dossier_to_data, dump_dossier_yaml, load_dossier

CHINESE = re.compile(r"[\u4e00-\u9fff]")
HEAD = "year: 2021\nprofile:\n  name: 测试局\n"


def only_problem(text: str, origin: str = "x.yaml") -> Problem:
    with pytest.raises(InputError) as raised:
        dossier_from_text(text, origin)
    problems = raised.value.problems
    assert len(problems) == 1, problems
    return problems[0]


def assert_bilingual(error: InputError) -> None:
    text = str(error)
    assert CHINESE.search(text), text
    assert re.search(r"[a-z]{3,} [a-z]{2,}", text), text  # some English words too
    assert "Traceback" not in text


# ── the seed ──────────────────────────────────────────────────────────────────────────────


def test_seed_loads_with_its_raw_facts(seed_dossier: Dossier) -> None:
    d = seed_dossier
    assert d.year == 2021
    assert d.profile.name == "万载县机关事务管理局"
    assert d.profile.level is Level.COUNTY
    assert d.profile.unit_type is UnitType.PUBLIC_INSTITUTION
    assert d.profile.internal_units == ("办公室", "综合股", "水电股", "保卫股")
    assert len(d.profile.duties) == 7
    assert d.staffing.authorized == {StaffType.FULLY_FUNDED: 25}
    assert d.staffing.in_service == {StaffType.CIVIL_SERVANT_MANAGED: 8, StaffType.FULLY_FUNDED: 12}
    assert (d.staffing.retired, d.staffing.retired_cadres, d.staffing.survivors) == (20, None, 2)
    assert d.assets is not None
    assert (d.assets.unit, d.assets.total_net, d.assets.fixed_added) == (
        Unit.WAN,
        Decimal("1679.37"),
        Decimal("30.77"),
    )
    assert [(ln.phase, ln.funding, ln.item, ln.amount) for ln in d.money.lines] == [
        (Phase.BUDGET_INITIAL, Funding.BASIC, Item.WAGES, Decimal("480.26")),
        (Phase.BUDGET_INITIAL, Funding.BASIC, Item.GOODS_SERVICES, Decimal("922.03")),
        (Phase.BUDGET_INITIAL, Funding.BASIC, Item.TRANSFERS_HOUSEHOLDS, Decimal("29.02")),
        (Phase.BUDGET_INITIAL, Funding.BASIC, Item.CAPITAL, Decimal("30.77")),
    ]
    assert [g.id for g in d.goals] == ["G1", "G2", "G3", "G4", "G5", "G6"]
    assert [i.id for i in d.indicators] == [
        "equipment_overhauls",
        "greening_survival",
        "energy_week",
        "meetings_served",
        "meeting_errors",
        "facilities_intact",
        "energy_participation",
        "public_satisfaction",
    ]
    assert all(i.target is None for i in d.indicators)  # the seed states no targets
    assert d.indicator("meeting_errors").comparator is Comparator.LE  # type: ignore[union-attr]
    assert d.indicator("energy_week").comparator is Comparator.QUALITATIVE  # type: ignore[union-attr]
    assert d.indicator("public_satisfaction").level1 is Level1.SATISFACTION  # type: ignore[union-attr]
    assert (d.self_evaluation.total, d.self_evaluation.grade) == (Decimal(96), None)
    assert d.stated_value("assets.change_pct").value == Decimal("-5.21")  # type: ignore[union-attr]
    assert d.evaluation.notice == "万财监〔2022〕3号"
    assert len(d.narratives.achievements) == 7


def test_seed_amounts_are_decimal_not_float(seed_dossier: Dossier) -> None:
    amounts = [line.amount for line in seed_dossier.money.lines]
    assert all(type(a) is Decimal for a in amounts)
    assert sum(amounts, Decimal(0)) == Decimal("1462.08")


def test_money_section_total_mixes_units(make_dossier) -> None:
    dossier = make_dossier(
        money={
            "unit": "万元",
            "lines": [
                {"phase": "年初预算", "item": "工资福利支出", "amount": "1.5"},
                {"phase": "年初预算", "item": "商品和服务支出", "amount": "2500", "unit": "元"},
            ],
        }
    )
    total = dossier.money.total(list(dossier.money.lines))
    assert total == Money("1.75", Unit.WAN)


# ── bad input: each names the field path, the line and what was expected ──────────────────


def test_unknown_field_names_dotted_path_and_line() -> None:
    problem = only_problem(HEAD + "staffing:\n  retird: 3\n")
    assert problem == Problem(
        "staffing.retird", "不认识的字段（拼写错误？）", "unknown field (a typo?)", 5
    )


def test_unknown_field_deep_in_a_list_names_the_index() -> None:
    text = HEAD + "indicators:\n  - id: a\n    name: A\n    level1: 产出\n    targt: 5\n"
    problem = only_problem(text)
    assert (problem.path, problem.line) == ("indicators[0].targt", 8)


def test_negative_head_count_is_refused() -> None:
    problem = only_problem(HEAD + "staffing:\n  retired: -3\n")
    assert problem == Problem(
        "staffing.retired", "数值过小，应不小于 0", "too small, expected >= 0", 5
    )


def test_negative_count_by_type_is_refused() -> None:
    problem = only_problem(HEAD + "staffing:\n  in_service:\n    参照公务员管理: -1\n")
    assert problem.path == "staffing.in_service.参照公务员管理"
    assert problem.line == 6
    assert "不小于 0" in problem.zh


def test_bad_enum_value_lists_the_choices() -> None:
    problem = only_problem("year: 2021\nprofile:\n  name: 测试局\n  level: 国家级\n")
    assert (problem.path, problem.line) == ("profile.level", 4)
    for choice in ("省级", "市级", "县级", "乡镇级"):
        assert choice in problem.zh and choice in problem.en
    assert problem.zh.startswith("应为以下之一") and problem.en.startswith("expected one of")


def test_bad_phase_lists_the_phases() -> None:
    text = (
        HEAD
        + "money:\n  unit: 万元\n  lines:\n    - {phase: 预算, item: 工资福利支出, amount: 1}\n"
    )
    problem = only_problem(text)
    assert (problem.path, problem.line) == ("money.lines[0].phase", 7)
    assert all(p.value in problem.zh for p in Phase)


def test_duplicate_indicator_id() -> None:
    text = (
        HEAD
        + "indicators:\n  - {id: a, name: A, level1: 产出}\n  - {id: a, name: B, level1: 产出}\n"
    )
    assert only_problem(text) == Problem("indicators[1].id", "指标编号 'a' 重复", "duplicate id", 6)


def test_indicator_pointing_at_an_unknown_goal() -> None:
    text = (
        HEAD
        + "goals: [{id: G1, text: x}]\nindicators:\n  - {id: a, name: A, level1: 产出, goal: G9}\n"
    )
    assert only_problem(text) == Problem(
        "indicators[0].goal", "目标 'G9' 不存在", "unknown goal", 6
    )


def test_amount_that_is_not_a_number() -> None:
    text = (
        HEAD
        + "money:\n  unit: 万元\n  lines:\n    - {phase: 年初预算, item: 工资福利支出, amount: 十万}\n"
    )
    problem = only_problem(text)
    assert (problem.path, problem.line) == ("money.lines[0].amount", 7)
    assert problem.zh == "应为数字，得到 '十万'"
    assert problem.en == "expected a number, got '十万'"


def test_missing_required_field() -> None:
    problem = only_problem("year: 2021\nprofile:\n  code: '123'\n")
    assert problem == Problem(
        "profile.name", "缺少必填项", "field required", 2
    )  # the line of the block that lacks it


def test_several_problems_are_all_reported() -> None:
    with pytest.raises(InputError) as raised:
        dossier_from_text(
            "year: 1999\nprofile:\n  name: 测试局\nstaffing:\n  retired: x\n", "x.yaml"
        )
    assert [(p.path, p.line) for p in raised.value.problems] == [
        ("year", 1),
        ("staffing.retired", 5),
    ]


def test_top_level_must_be_a_mapping() -> None:
    problem = only_problem("- 1\n- 2\n")
    assert (problem.path, problem.zh, problem.en) == (
        "",
        "顶层应为映射（键: 值）",
        "top level must be a mapping",
    )


def test_malformed_yaml_names_the_line() -> None:
    problem = only_problem("year: 2021\nprofile:\n  name: [测试局\n")
    assert problem.path == ""
    assert problem.line == 4
    assert problem.zh.startswith("YAML 格式错误") and problem.en.startswith("malformed YAML")


def test_malformed_yaml_bad_indentation_line() -> None:
    problem = only_problem("year: 2021\nprofile:\n  name: 测试局\n code: x\n")
    assert problem.line == 4
    assert "YAML" in problem.zh


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("year: 2021\nprofile:\n  name: 测试局\n".encode("gbk"))
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    (problem,) = raised.value.problems
    assert problem.zh.startswith("不是 UTF-8 编码的文本")
    assert problem.en.startswith("not UTF-8 text")
    assert_bilingual(raised.value)


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("year: 2021\nprofile:\n  name: 测试局\n".encode("utf-8-sig"))
    assert load_dossier(path).profile.name == "测试局"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load_dossier(tmp_path / "nope.yaml")
    assert [(p.zh, p.en) for p in raised.value.problems] == [("文件不存在", "file not found")]
    assert raised.value.origin == str(tmp_path / "nope.yaml")


def test_wrong_extension(tmp_path: Path) -> None:
    path = tmp_path / "dossier.txt"
    path.write_text("year: 2021\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    assert raised.value.problems[0].en == "expected a .yaml, .yml or .json dossier"


def test_yaml_file_error_carries_file_name_and_line(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(HEAD + "staffing:\n  retird: 3\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    text = str(raised.value)
    assert text.splitlines()[0] == f"{path}: 输入有误 / invalid input (1)"
    assert "第5行 line 5: staffing.retird" in text


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "staffing:\n  retird: 3\n",
        "year: 2021\nprofile:\n  name: [测试局\n",
        "year: 2021\nprofile:\n  name: 测试局\n  level: 国家级\n",
        HEAD
        + "indicators:\n  - {id: a, name: A, level1: 产出}\n  - {id: a, name: B, level1: 产出}\n",
    ],
)
def test_error_text_is_bilingual(text: str) -> None:
    with pytest.raises(InputError) as raised:
        dossier_from_text(text, "x.yaml")
    assert_bilingual(raised.value)


def test_dossier_from_data_raises_input_error_not_pydantic() -> None:
    with pytest.raises(InputError) as raised:
        dossier_from_data(
            {"year": 2021, "profile": {"name": "测试局"}, "staffing": {"retired": -1}}
        )
    assert raised.value.problems == [
        Problem("staffing.retired", "数值过小，应不小于 0", "too small, expected >= 0")
    ]


def test_float_amount_in_plain_data_is_refused() -> None:
    data = {
        "year": 2021,
        "profile": {"name": "测试局"},
        "money": {
            "unit": "万元",
            "lines": [{"phase": "年初预算", "item": "工资福利支出", "amount": 0.1}],
        },
    }
    with pytest.raises(InputError) as raised:
        dossier_from_data(data)
    (problem,) = raised.value.problems
    assert problem.path == "money.lines[0].amount"
    assert "浮点数" in problem.zh


# ── JSON and YAML exactness, round trip ───────────────────────────────────────────────────


def test_yaml_decimals_are_exact() -> None:
    text = (
        HEAD
        + "money:\n  unit: 万元\n  lines:\n    - {phase: 年初预算, item: 工资福利支出, amount: 0.1}\n    - {phase: 年初预算, item: 工资福利支出, amount: 0.2}\n"
    )
    dossier = dossier_from_text(text)
    assert [line.amount for line in dossier.money.lines] == [Decimal("0.1"), Decimal("0.2")]
    assert dossier.money.total(list(dossier.money.lines)) == Money("0.3")


def test_json_input_keeps_decimals_exact(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(
        '{"year": 2021, "profile": {"name": "测试局"}, "money": {"unit": "万元", "lines": ['
        '{"phase": "年初预算", "item": "工资福利支出", "amount": 0.1},'
        '{"phase": "年初预算", "item": "工资福利支出", "amount": 0.2}]}}',
        encoding="utf-8",
    )
    dossier = load_dossier(path)
    amounts = [line.amount for line in dossier.money.lines]
    assert amounts == [Decimal("0.1"), Decimal("0.2")]
    assert str(sum(amounts, Decimal(0))) == "0.3"


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"year": 2021,\n "profile": }\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    (problem,) = raised.value.problems
    assert problem.line == 2
    assert problem.zh.startswith("JSON 格式错误") and problem.en.startswith("malformed JSON")


def test_json_validation_error_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "typo.json"
    path.write_text(
        '{"year": 2021, "profile": {"name": "测试局"}, "staffing": {"retird": 1}}', encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    assert [p.path for p in raised.value.problems] == ["staffing.retird"]


def test_yaml_round_trip_gives_an_equal_dossier(seed_dossier: Dossier) -> None:
    text = dump_dossier_yaml(seed_dossier)
    assert dossier_from_text(text) == seed_dossier


def test_round_trip_keeps_mixed_units_and_sources(make_dossier) -> None:
    dossier = make_dossier(
        money={
            "unit": "元",
            "lines": [
                {
                    "phase": "执行",
                    "item": "工资福利支出",
                    "amount": "12345.67",
                    "unit": "万元",
                    "source": {
                        "file": "r.docx",
                        "locator": "第3段",
                        "start": 4,
                        "end": 9,
                        "text": "12345.67万元",
                    },
                },
            ],
        },
        stated=[{"key": "budget.total", "value": "-0.005", "qualifier": "约"}],
        waivers=[{"id": "budget.W001", "reason": "决算未批复", "where": "money.lines"}],
    )
    again = dossier_from_text(dump_dossier_yaml(dossier))
    assert again == dossier
    assert again.money.lines[0].amount == Decimal("12345.67")


def test_dossier_to_data_uses_strings_for_decimals(seed_dossier: Dossier) -> None:
    data = dossier_to_data(seed_dossier)
    assert data["money"]["lines"][0]["amount"] == "480.26"
    assert data["assets"]["total_net"] == "1679.37"
    assert dossier_from_data(data) == seed_dossier


def test_dossier_is_frozen(seed_dossier: Dossier) -> None:
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError for frozen models
        seed_dossier.year = 2022  # type: ignore[misc]
    assert seed_dossier.year == 2021


def test_comparator_aliases(make_dossier) -> None:
    dossier = make_dossier(
        indicators=[
            {"id": "a", "name": "A", "level1": "产出", "comparator": ">="},
            {"id": "b", "name": "B", "level1": "产出", "comparator": "<="},
            {"id": "c", "name": "C", "level1": "产出", "comparator": "=="},
        ]
    )
    assert [i.comparator for i in dossier.indicators] == [
        Comparator.GE,
        Comparator.LE,
        Comparator.EQ,
    ]


@pytest.mark.parametrize(
    ("target_text", "actual_text", "not_applicable"),
    [
        ("不涉及", None, True),
        (None, "无", True),
        ("不涉及本项业务", None, True),
        ("≥95%", "96%", False),
        (None, None, False),
    ],
)
def test_content_not_applicable(make_dossier, target_text, actual_text, not_applicable) -> None:
    dossier = make_dossier(
        indicators=[
            {
                "id": "a",
                "name": "A",
                "level1": "产出",
                "target_text": target_text,
                "actual_text": actual_text,
            }
        ]
    )
    assert dossier.indicators[0].content_not_applicable is not_applicable


def test_staffing_actual_total_adds_every_group(make_dossier) -> None:
    dossier = make_dossier(
        staffing={
            "in_service": {"行政编制": 5, "工勤": 2},
            "retired": 3,
            "retired_cadres": 1,
            "survivors": 2,
            "contract": 9,
        }
    )
    assert dossier.staffing.actual_total() == 13  # 编外 is not part of 实有
    assert make_dossier(staffing={"retired": 3}).staffing.actual_total() is None


def test_duplicate_yaml_key_is_an_error() -> None:
    with pytest.raises(InputError) as raised:
        dossier_from_text("year: 2021\nprofile:\n  name: 测试局\nyear: 2022\n", "x.yaml")
    assert raised.value.problems[0].line == 4


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_dossier(path)
    assert raised.value.problems == [
        Problem("", "顶层应为映射（键: 值）", "top level must be a mapping")
    ]


def test_directory_instead_of_a_file_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(InputError):
        load_dossier(folder)


@pytest.mark.parametrize("special", [".inf", "-.inf", ".nan"])
def test_yaml_special_floats_are_an_input_error(special: str) -> None:
    text = (
        HEAD
        + f"money:\n  unit: 万元\n  lines:\n    - {{phase: 执行, item: 工资福利支出, amount: {special}}}\n"
    )
    with pytest.raises(InputError) as raised:
        dossier_from_text(text, "x.yaml")
    assert raised.value.problems[0].line == 7


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1.0e+3", Decimal("1000")),
        ("1_000.5", Decimal("1000.5")),
        ("'1,234.50'", Decimal("1234.50")),
    ],
)
def test_yaml_number_spellings(written: str, value: Decimal) -> None:
    text = (
        HEAD
        + f"money:\n  unit: 万元\n  lines:\n    - {{phase: 执行, item: 工资福利支出, amount: {written}}}\n"
    )
    assert dossier_from_text(text).money.lines[0].amount == value
