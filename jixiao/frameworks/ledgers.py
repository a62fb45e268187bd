"""The shipped energy conversion factors (YAML data) and the loader for a county's own file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jixiao.core.errors import InputError
from jixiao.core.ledgers.energy import ConversionFactors, conversion_factors_from_data
from jixiao.io.yamlfile import read_data, with_lines

FACTORS_PATH = Path(__file__).parent / "data" / "energy-factors.yaml"


def load_conversion_factors_file(path: Path) -> ConversionFactors:
    data, lines = read_data(path)
    try:
        return conversion_factors_from_data(data, origin=str(path))
    except InputError as error:
        raise with_lines(error, lines) from None


@cache
def _shipped() -> ConversionFactors:
    return load_conversion_factors_file(FACTORS_PATH)


def load_conversion_factors(path: Path | str | None = None) -> ConversionFactors:
    """The shipped factors (GB/T 2589-2020), or those in the YAML file at *path*."""
    return _shipped() if path is None else load_conversion_factors_file(Path(path))
