"""The shipped framework packs (YAML data) and the loader for a bureau's own pack.

A pack is a YAML file validated by :func:`jixiao.core.framework.framework_from_data`; a bad
pack gets an InputError naming the field and the line. ``load_framework`` takes either a
shipped pack's id (``cn-2020-self``) or a path to a .yaml file.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from jixiao.core.dossier import Dossier
from jixiao.core.errors import InputError
from jixiao.core.framework import Framework, framework_from_data
from jixiao.core.ledgers import ConversionFactors, LedgerSet
from jixiao.core.pipeline import Result, evaluate
from jixiao.core.scoring import Rescore
from jixiao.io.yamlfile import read_data, with_lines

PACK_DIR = Path(__file__).parent
DEFAULT_FRAMEWORK = "cn-2020-self"


def pack_paths() -> dict[str, Path]:
    return {path.stem: path for path in sorted(PACK_DIR.glob("*.yaml"))}


def load_framework_file(path: Path) -> Framework:
    data, lines = read_data(path)
    try:
        return framework_from_data(data, origin=str(path))
    except InputError as error:
        raise with_lines(error, lines) from None


@cache
def _shipped(framework_id: str) -> Framework:
    return load_framework_file(pack_paths()[framework_id])


def load_framework(id_or_path: str | None = None) -> Framework:
    """A shipped pack by id, or a user's pack by path; the default pack when None."""
    name = id_or_path or DEFAULT_FRAMEWORK
    if name in pack_paths():
        return _shipped(name)
    path = Path(name)
    if path.suffix.lower() in {".yaml", ".yml", ".json"}:
        return load_framework_file(path)
    known = "、".join(pack_paths())
    raise InputError.single(
        name,
        "",
        f"没有这个评价框架；可用：{known}，或给出 .yaml 文件路径",
        f"unknown framework; available: {', '.join(pack_paths())}, or a path to a .yaml pack",
    )


def shipped_frameworks() -> list[Framework]:
    return [_shipped(framework_id) for framework_id in pack_paths()]


def evaluate_with(
    dossier: Dossier,
    framework: str | Framework | None = None,
    *,
    rescores: Mapping[str, Rescore] | None = None,
    ledgers: LedgerSet | None = None,
    factors: ConversionFactors | None = None,
) -> Result:
    """Run the pipeline with a pack given by id or path (the default pack when None); with
    *ledgers*, energy is converted with *factors* or, when None, the shipped factors."""
    from jixiao.frameworks.ledgers import load_conversion_factors

    chosen = framework if isinstance(framework, Framework) else load_framework(framework)
    if ledgers is not None and factors is None:
        factors = load_conversion_factors()
    return evaluate(dossier, chosen, rescores=rescores, ledgers=ledgers, factors=factors)
