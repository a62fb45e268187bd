"""Framework packs: invalid packs get an InputError naming the field and the line; unknown ids
list what is available; the shipped packs load."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.core.errors import InputError, Problem
from jixiao.core.framework import Framework, Node, framework_from_data
from jixiao.frameworks import DEFAULT_FRAMEWORK, load_framework, pack_paths, shipped_frameworks

CHINESE = re.compile(r"[\u4e00-\u9fff]")

VALID = """\
id: mine
name: 我的框架
indicators:
  - id: a
    name: A
    weight: 60
    formula: data.a
    method: {type: linear}
  - id: b
    name: B
    weight: 40
    formula: data.b
    method: {type: linear}
"""
# line numbers in VALID: 3 indicators, 4 "- id: a", 8 a.method, 9 "- id: b", 11 b.weight, 12 b.formula


def write_pack(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    path = write_pack(tmp_path, text)
    with pytest.raises(InputError) as raised:
        load_framework(str(path))
    assert raised.value.origin == str(path)
    return raised.value.problems


def test_valid_user_pack_loads(tmp_path: Path) -> None:
    pack = load_framework(str(write_pack(tmp_path, VALID)))
    assert (pack.id, pack.name, pack.total) == ("mine", "我的框架", Decimal(100))
    assert [(path, node.id, node.weight) for path, node in pack.leaves()] == [
        (("A",), "a", Decimal(60)),
        (("B",), "b", Decimal(40)),
    ]


def test_pack_path_may_be_a_path_object_string_with_yml(tmp_path: Path) -> None:
    assert load_framework(str(write_pack(tmp_path, VALID, "mine.yml"))).id == "mine"


def test_children_weights_not_adding_up_names_the_node_and_line(tmp_path: Path) -> None:
    text = VALID.replace(
        "    weight: 40\n    formula: data.b\n    method: {type: linear}\n",
        "    weight: 40\n    children:\n"
        "      - {id: b1, name: B1, weight: 20, formula: data.b, method: {type: linear}}\n"
        "      - {id: b2, name: B2, weight: 10, formula: data.b, method: {type: linear}}\n",
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem == Problem(
        "indicators[1]", "b: 下级指标分值合计 30 ≠ 本级分值 40", "children weights must add up", 9
    )


def test_top_level_weights_not_adding_up_names_field_and_line(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("weight: 40", "weight: 30"))
    assert problem.zh == "一级指标分值合计 90 ≠ 总分 100"
    assert problem.path in ("indicators", "total")
    assert problem.line == 3


def test_top_level_weights_not_adding_up_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("weight: 40", "weight: 30"))
    assert (problem.zh, problem.en) == (
        "一级指标分值合计 90 ≠ 总分 100",
        "top-level weights must add up to total",
    )


def test_unknown_formula_name(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path, VALID.replace("formula: data.b", "formula: rates.nonsense * 2")
    )
    assert problem == Problem(
        "indicators[1]",
        "b.formula: 未知的数据项 rates.nonsense（应为标准指标键、台账汇总项或 data.名称）",
        "unknown data elements (expected figure keys, ledger aggregates or data.NAME)",
        9,
    )


def test_bad_formula_syntax_names_the_character(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("formula: data.b", "formula: data.b +* 2"))
    assert (problem.path, problem.line) == ("indicators[1]", 9)
    assert problem.zh.startswith("b.formula: 公式第9个字符处：此处不应出现「*」")
    assert problem.en.startswith("formula, character 9: unexpected '*'")


def test_python_in_a_formula_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path, VALID.replace("formula: data.b", "formula: __import__('os')")
    )
    assert problem.zh.startswith("b.formula: 公式第")
    assert problem.line == 9


def test_leaf_without_method(tmp_path: Path) -> None:
    text = VALID.replace("    method: {type: linear}\n  - id: b", "  - id: b")
    (problem,) = problems_of(tmp_path, text)
    assert problem == Problem(
        "indicators[0]", "a: 末级指标缺少计分方法 method", "a leaf needs a scoring method", 4
    )


def test_leaf_without_value_source(tmp_path: Path) -> None:
    text = VALID.replace("    formula: data.a\n", "")
    (problem,) = problems_of(tmp_path, text)
    assert (problem.path, problem.line) == ("indicators[0]", 4)
    assert problem.zh.startswith(
        "a: 末级指标需要且只能有 formula、department_indicators、assessment 之一"
    )


def test_unknown_field_in_a_pack_names_path_and_line(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path, VALID.replace("    weight: 40\n", "    weight: 40\n    wieght: 40\n")
    )
    assert problem == Problem(
        "indicators[1].wieght", "不认识的字段（拼写错误？）", "unknown field (a typo?)", 12
    )


def test_step_needs_exactly_one_deduction(tmp_path: Path) -> None:
    text = VALID.replace(
        "method: {type: linear}\n  - id: b", "method: {type: step, threshold: 1}\n  - id: b"
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem == Problem(
        "indicators[0].method.step",
        "需要且只能给出 deduct_fraction 或 deduct_points 之一",
        "give exactly one deduction",
        8,
    )


def test_proportional_formula_needs_a_target(tmp_path: Path) -> None:
    text = VALID.replace(
        "method: {type: linear}\n  - id: b", "method: {type: proportional}\n  - id: b"
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem.zh == "a: 按比例计分的公式指标需要 target"


def test_qualitative_method_needs_assessment(tmp_path: Path) -> None:
    text = VALID.replace(
        "method: {type: linear}\n  - id: b", "method: {type: qualitative}\n  - id: b"
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem.zh == "a: 定性或检查点计分需要 assessment: true"


def test_duplicate_leaf_ids(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("id: b\n", "id: a\n"))
    assert (problem.path, problem.zh, problem.en) == (
        "indicators",
        "指标编号重复 a",
        "duplicate indicator ids",
    )


def test_malformed_pack_yaml_names_the_line(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path,
        VALID.replace("method: {type: linear}\n  - id: b", "method: {type: linear\n  - id: b"),
    )
    assert problem.zh.startswith("YAML 格式错误")
    assert problem.line is not None and 8 <= problem.line <= 10


def test_unknown_method_type_is_refused_with_the_line(tmp_path: Path) -> None:
    text = VALID.replace("method: {type: linear}\n  - id: b", "method: {type: linearr}\n  - id: b")
    problems = problems_of(tmp_path, text)
    assert [(p.path, p.line) for p in problems] == [("indicators[0].method", 8)]
    assert "linearr" in problems[0].zh


def test_unknown_method_type_error_is_bilingual(tmp_path: Path) -> None:
    text = VALID.replace("method: {type: linear}\n  - id: b", "method: {type: linearr}\n  - id: b")
    (problem,) = problems_of(tmp_path, text)
    assert CHINESE.search(problem.zh), problem.zh
    assert problem.zh != problem.en


def test_one_bad_node_gives_one_problem() -> None:
    data = {
        "id": "t",
        "name": "T",
        "indicators": [{"id": "a", "name": "A", "weight": 100, "formula": "data.a"}],
    }
    with pytest.raises(InputError) as raised:
        framework_from_data(data)
    assert [p.path for p in raised.value.problems] == ["indicators[0]"]


def test_unknown_framework_id_lists_the_available_ones() -> None:
    with pytest.raises(InputError) as raised:
        load_framework("nope")
    (problem,) = raised.value.problems
    ids = list(pack_paths())
    assert {"cn-2013-common", "cn-2020-self", "hunan-2019"} <= set(ids)
    assert problem.zh == f"没有这个评价框架；可用：{'、'.join(ids)}，或给出 .yaml 文件路径"
    assert (
        problem.en == f"unknown framework; available: {', '.join(ids)}, or a path to a .yaml pack"
    )


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load_framework(str(tmp_path / "absent.yaml"))
    assert [(p.zh, p.en) for p in raised.value.problems] == [("文件不存在", "file not found")]


def test_default_framework() -> None:
    assert DEFAULT_FRAMEWORK == "cn-2020-self"
    assert load_framework(None).id == "cn-2020-self"


def test_shipped_packs_load_and_ids_match_file_names() -> None:
    packs = shipped_frameworks()
    assert {"cn-2013-common", "cn-2020-self", "hunan-2019"} <= {p.id for p in packs}
    assert list(pack_paths()) == [p.id for p in packs]
    assert all(sum((n.weight for n in p.indicators), Decimal(0)) == p.total for p in packs)
    assert all(isinstance(p, Framework) and p.name and p.source for p in packs)


def test_cn_2020_self_pack_shape() -> None:
    pack = load_framework("cn-2020-self")
    assert [(n.id, n.weight) for n in pack.indicators] == [
        ("execution", Decimal(10)),
        ("output", Decimal(50)),
        ("benefit", Decimal(30)),
        ("satisfaction", Decimal(10)),
    ]
    assert pack.rules.overshoot is not None and pack.rules.overshoot.threshold == Decimal(30)
    assert [(c.below, c.cap) for c in pack.rules.execution_cap] == [
        (Decimal(50), Decimal(59)),
        (Decimal(60), Decimal(69)),
        (Decimal(70), Decimal(79)),
        (Decimal(80), Decimal(89)),
    ]


def test_hunan_pack_level_totals() -> None:
    pack = load_framework("hunan-2019")
    assert [(n.name, n.weight) for n in pack.indicators] == [
        ("投入", Decimal(15)),
        ("过程", Decimal(40)),
        ("产出", Decimal(25)),
        ("效果", Decimal(20)),
    ]


def test_framework_from_data_reports_nested_paths() -> None:
    data = {
        "id": "t",
        "name": "T",
        "indicators": [
            {
                "id": "a",
                "name": "A",
                "weight": 50,
                "formula": "data.a",
                "method": {"type": "linear"},
            },
            {
                "id": "b",
                "name": "B",
                "weight": 50,
                "formula": "data.b",
                "method": {"type": "linear", "full_at": "x"},
            },
        ],
    }
    with pytest.raises(InputError) as raised:
        framework_from_data(data, origin="pack.yaml")
    assert [p.path for p in raised.value.problems] == ["indicators[1].method.linear.full_at"]
    assert raised.value.origin == "pack.yaml"


def _nodes(nodes: tuple[Node, ...]) -> list[Node]:
    return [n for node in nodes for n in (node, *_nodes(node.children))]


@pytest.mark.parametrize("framework", shipped_frameworks(), ids=lambda f: f.id)
def test_every_shipped_pack_and_node_has_an_english_name(framework: Framework) -> None:
    assert framework.name_en and not CHINESE.search(framework.name_en)
    for node in _nodes(framework.indicators):
        assert node.name_en and not CHINESE.search(node.name_en), node.id


def test_a_user_pack_without_english_names_loads(tmp_path: Path) -> None:
    framework = load_framework(str(write_pack(tmp_path, VALID)))
    assert framework.name_en == "" and all(n.name_en is None for n in _nodes(framework.indicators))
