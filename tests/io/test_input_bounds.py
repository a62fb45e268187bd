"""Untrusted dossier files are bounded while they are read: alias bombs, deep nesting."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao.core.errors import InputError
from jixiao.io.dossiers import dossier_from_text, load_dossier
from jixiao.io.yamlfile import MAX_DEPTH, parse_text

BOMB = "\n".join(
    [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        *[
            f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]"
            for prev, name in zip("abcdefg", "bcdefgh", strict=True)
        ],
    ]
)


@pytest.fixture(autouse=True)
def _seconds_bound() -> Iterator[None]:
    """A regression must fail here, not hang the suite: each test gets ten seconds."""

    def expired(*_: object) -> None:
        raise TimeoutError("reading untrusted input took longer than 10 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_an_alias_bomb_of_300_bytes_is_refused_with_its_line() -> None:
    assert len(BOMB) < 400
    with pytest.raises(InputError) as caught:
        dossier_from_text(BOMB, origin="bomb.yaml")
    problem = caught.value.problems[0]
    assert "别名" in problem.zh and "aliases" in problem.en and problem.line


def test_a_few_aliases_are_still_fine() -> None:
    data, _ = parse_text("base: &b {unit: 万元}\nother: *b\n", "ok.yaml")
    assert data["other"] == {"unit": "万元"}


def test_a_recursive_alias_is_refused() -> None:
    with pytest.raises(InputError):
        parse_text("a: &a [*a]\n", "loop.yaml")


@pytest.mark.parametrize(
    ("text", "json_format"),
    [
        ("[" * 50_000 + "]" * 50_000, True),
        ("a: " + "[" * 200 + "]" * 200, False),
        ("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), True),
    ],
)
def test_deep_nesting_is_a_clear_error_not_a_recursion_error(text: str, json_format: bool) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(text, "deep", json_format=json_format)
    assert "嵌套" in caught.value.problems[0].zh or "nest" in caught.value.problems[0].en


def test_the_seed_is_within_the_bounds() -> None:
    seed = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "dossier.yaml"
    assert load_dossier(seed).profile.name


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
def test_json_at_the_depth_bound_whatever_the_count_of_brackets(depth: int) -> None:
    """Few containers are not walked (they cannot nest deeper than their number); brackets
    inside strings only add to the count, never hide a level."""
    for padding in ("", '"' + "[" * 100 + '"'):
        text = "[" * (depth - 1) + "[" + padding + "]" + "]" * (depth - 1)
        if depth > MAX_DEPTH:
            with pytest.raises(InputError):
                parse_text(text, "deep", json_format=True)
        else:
            assert parse_text(text, "deep", json_format=True)[0] is not None
