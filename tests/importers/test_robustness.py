"""Fuzzing: random and mutated input never crashes or hangs — a draft with findings, or InputError."""

from __future__ import annotations

import io
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportResult
from jixiao.importers.text import decode_text, import_text

from .conftest import SEED_REPORT

SEED = SEED_REPORT.read_text(encoding="utf-8")
REPORTISH = st.sampled_from(
    list(
        "编制在职实有退休离休遗属人名个万元亿预算支出基本项目工资福利商品和服务其中主要包括,.;:、。()%"
        "0123456789 \n一二三四（）年度报告绩效自评局"
    )
)


def _import_or_input_error(text: str) -> ImportResult | None:
    began = time.perf_counter()
    try:
        result = import_text(text, file="fuzz.txt")
    except InputError as error:
        assert str(error)
        return None
    finally:
        assert time.perf_counter() - began < 5, "import took too long"
    FigureBook(result.dossier).flat()  # the draft is usable
    for finding in result.findings:
        assert finding.id.startswith("import.") and finding.message
    return result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _import_or_input_error(text)


@settings(max_examples=150, deadline=None)
@given(st.text(REPORTISH, max_size=1500))
def test_report_like_noise(text: str) -> None:
    _import_or_input_error("某县某某局2021年度部门整体支出绩效自评报告\n" + text)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_seed_report(data: st.DataObject) -> None:
    text = SEED
    for _ in range(data.draw(st.integers(1, 12))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(1, 40)) :]
        elif action == "insert":
            text = text[:position] + data.draw(st.text(REPORTISH, max_size=10)) + text[position:]
        else:
            text = text[:position] + text[position : position + 60] + text[position:]
    _import_or_input_error(text)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SEED)))
def test_truncated_seed_report(cut: int) -> None:
    _import_or_input_error(SEED[:cut])


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_decode_or_fail_clearly(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz.txt")
    except InputError as error:
        assert "编码" in str(error) or "文本" in str(error)
        return
    _import_or_input_error(text)


def test_gbk_and_gb18030_seed_import_the_same() -> None:
    for encoding in ("gbk", "gb18030", "utf-8-sig", "utf-16"):
        data = SEED.replace("\u2002", " ").encode(encoding, errors="replace")
        result = _import_or_input_error(decode_text(data, "seed.txt"))
        assert result is not None and result.dossier.profile.name == "万载县机关事务管理局", (
            encoding
        )


def test_very_long_input_is_refused_quickly() -> None:
    began = time.perf_counter()
    try:
        import_text("很" * 2_000_001)
    except InputError as error:
        assert "过长" in str(error)
    assert time.perf_counter() - began < 5


def test_pathological_repetition_is_fast() -> None:
    text = (
        "某县某某局2021年度部门整体支出绩效自评报告\n"
        + ("其中(在职(" * 3000)
        + ("实有人数1人," * 3000)
    )
    began = time.perf_counter()
    _import_or_input_error(text)
    assert time.perf_counter() - began < 5


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=0, max_size=4000))
def test_random_and_truncated_xlsx(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    from jixiao.importers.xlsx import import_xlsx

    path: Path = tmp_path_factory.mktemp("x") / "fuzz.xlsx"
    path.write_bytes(data)
    try:
        import_xlsx(path)
    except InputError as error:
        assert str(error)


def test_truncated_template_workbooks(tmp_path: Path) -> None:
    from jixiao.importers.xlsx import import_xlsx, write_template

    buffer = io.BytesIO()
    template = tmp_path / "t.xlsx"
    write_template(template)
    full = template.read_bytes()
    buffer.write(full)
    for cut in range(0, len(full), max(1, len(full) // 25)):
        path = tmp_path / f"cut{cut}.xlsx"
        path.write_bytes(full[:cut])
        try:
            import_xlsx(path)
        except InputError as error:
            assert str(error)


CELL_VALUES = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.booleans(),
    st.sampled_from(
        ["年初预算", "执行", "优", "全额补助事业", "480.26万元", "=1/0", "九", "-1", "1e400"]
    ),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_random_cell_values_in_an_exported_workbook(tmp_path_factory, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from jixiao.importers.xlsx import export_workbook, import_xlsx
    from jixiao.io.dossiers import load_dossier

    from .conftest import SEED_DOSSIER

    path: Path = tmp_path_factory.mktemp("cells") / "seed.xlsx"
    export_workbook(load_dossier(SEED_DOSSIER), path)
    workbook = load_workbook(path)
    for _ in range(data.draw(st.integers(1, 6))):
        sheet = workbook[data.draw(st.sampled_from(workbook.sheetnames))]
        row, column = data.draw(st.integers(1, 30)), data.draw(st.integers(1, 8))
        sheet.cell(row=row, column=column, value=data.draw(CELL_VALUES))
    workbook.save(path)
    try:
        result = import_xlsx(path)
    except InputError as error:
        assert str(error).count("!") >= 1 or "工作表" in str(error) or str(error)
        return
    FigureBook(result.dossier).flat()
