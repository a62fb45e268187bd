"""Load and save dossiers as YAML or JSON files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.errors import InputError
from jixiao.io.yamlfile import parse_text, read_data, with_lines


def load_dossier(path: str | Path) -> Dossier:
    """Read a dossier file; raise InputError naming field, line and what was expected."""
    path = Path(path)
    if path.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise InputError.single(
            str(path),
            "",
            "应为 .yaml、.yml 或 .json 档案文件",
            "expected a .yaml, .yml or .json dossier",
        )
    data, lines = read_data(path)
    try:
        return dossier_from_data(data, origin=str(path))
    except InputError as error:
        raise with_lines(error, lines) from None


def dossier_from_text(text: str, origin: str = "<text>") -> Dossier:
    data, lines = parse_text(text, origin)
    try:
        return dossier_from_data(data, origin=origin)
    except InputError as error:
        raise with_lines(error, lines) from None


def dossier_to_data(dossier: Dossier) -> dict[str, Any]:
    """Plain data (str for every Decimal) that dossier_from_data reads back unchanged."""
    data: dict[str, Any] = dossier.model_dump(mode="json", exclude_defaults=True)
    return data


def dump_dossier_yaml(dossier: Dossier) -> str:
    return yaml.safe_dump(dossier_to_data(dossier), allow_unicode=True, sort_keys=False, width=100)
