"""Fuzzing the dossier loaders: any YAML or JSON text gives a Dossier or InputError, quickly.

Random structures (unicode keys and text, huge integers, NaN and infinities, nesting up to and
past the bound), the seed dossier with one value replaced anywhere, and YAML token soup. A
dossier that loads must also survive its own round trip (dump, load, equal).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from fuzzing import assert_usable, examples, within
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jixiao.core.errors import InputError
from jixiao.io.dossiers import dossier_from_text, dossier_to_data, dump_dossier_yaml
from jixiao.io.yamlfile import MAX_DEPTH, parse_text

pytestmark = pytest.mark.fuzz

SEED_TEXT = (
    __import__("pathlib").Path(__file__).resolve().parents[2] / "examples/wanzai-2021/dossier.yaml"
).read_text(encoding="utf-8")
SEED_DATA = json.loads(json.dumps(parse_text(SEED_TEXT, "seed")[0], default=str))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**400), 10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.text(max_size=20),
    st.sampled_from(["万元", "年初预算", "基本支出", "县级", "≥", "", "2021-13-45", "1e400"]),
)
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8) | st.sampled_from(list(SEED_DATA)), inner, max_size=4),
    ),
    max_leaves=25,
)


def loads_or_refuses(text: str, *, json_format: bool = False) -> None:
    """The property: a Dossier that round-trips, or InputError with at least one problem."""
    with within(20):
        origin = "fuzz.json" if json_format else "fuzz.yaml"
        try:
            if json_format:
                from jixiao.core.dossier import dossier_from_data

                data, _ = parse_text(text, origin, json_format=True)
                dossier = dossier_from_data(data, origin=origin)
            else:
                dossier = dossier_from_text(text, origin=origin)
        except InputError as error:
            assert error.problems and str(error)
            return
        assert_usable(dossier)
        again = dossier_from_text(dump_dossier_yaml(dossier), origin="again.yaml")
        assert dossier_to_data(again) == dossier_to_data(dossier)


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)  # NaN, Infinity stay literal


def as_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True)


@settings(max_examples=examples(80))
@given(structures, st.booleans())
def test_random_structures(data: Any, json_format: bool) -> None:
    loads_or_refuses(as_json(data) if json_format else as_yaml(data), json_format=json_format)


@settings(max_examples=examples(80))
@given(st.dictionaries(st.sampled_from(list(SEED_DATA)), structures, max_size=6), st.booleans())
def test_random_values_under_the_real_sections(data: Any, json_format: bool) -> None:
    data = {"year": 2021, "profile": {"name": "某局"}, **data}
    loads_or_refuses(as_json(data) if json_format else as_yaml(data), json_format=json_format)


def _replace_somewhere(data: Any, choices: list[int], value: Any) -> Any:
    """A copy of *data* with the value at the path the choices pick replaced by *value*."""
    if not choices or not isinstance(data, dict | list) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[choices[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = _replace_somewhere(data[key], choices[1:], value)
    return copy


@settings(max_examples=examples(100))
@given(st.lists(st.integers(0, 50), max_size=6), structures, st.booleans())
def test_seed_with_one_value_replaced(choices: list[int], value: Any, json_format: bool) -> None:
    data = _replace_somewhere(SEED_DATA, choices, value)
    loads_or_refuses(as_json(data) if json_format else as_yaml(data), json_format=json_format)


@settings(max_examples=examples(30))
@given(st.integers(1, MAX_DEPTH + 8), st.booleans(), st.booleans())
def test_nesting_up_to_and_past_the_bound(depth: int, in_lists: bool, json_format: bool) -> None:
    value: Any = "x"
    for _ in range(depth):
        value = [value] if in_lists else {"k": value}
    data = {"year": 2021, "profile": {"name": "某局", "duties": value}}
    loads_or_refuses(as_json(data) if json_format else as_yaml(data), json_format=json_format)


YAML_TOKENS = [
    *"&*!|>-:?[]{},#%@`'\"\n ",
    "&a ",
    "*a",
    "!!float ",
    "!!int ",
    "!!binary ",
    "!!python/object ",
    "<<: ",
    ".nan",
    ".inf",
    "-.inf",
    "1e400",
    "0x1F",
    "0o17",
    "1_000",
    "~",
    "year: ",
    "profile:\n  name: ",
    "money:\n  unit: ",
    "\n  - ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "２０２１",
    "年",
]


@settings(max_examples=examples(150))
@given(st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=3), max_size=40))
@example(["year: ", "2021", "\n", "profile:\n  name: ", "*a"])
@example(["year: ", "!!binary ", "AAAA"])
@example(["!!int "])  # found with JIXIAO_FUZZ=deep: PyYAML's IndexError on an empty !!int
@example(["year: ", "!!bool ", "maybe"])
@example(["year: ", "!!int ", "9" * 5000])
def test_yaml_token_soup(tokens: list[str]) -> None:
    loads_or_refuses("".join(tokens))


@settings(max_examples=examples(60))
@given(st.text(max_size=300))
def test_arbitrary_text_as_json(text: str) -> None:
    loads_or_refuses(text, json_format=True)
