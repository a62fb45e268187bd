"""Word and PDF reports, rendered by jixiao itself or built here, import to the same figures."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.importers.files import import_file
from jixiao.importers.pdf import join_lines
from jixiao.io.dossiers import load_dossier

from .conftest import SEED_DOSSIER, SEED_REPORT


@pytest.fixture(scope="module")
def seed_figures() -> dict[str, str]:
    return FigureBook(load_dossier(SEED_DOSSIER)).flat()


@pytest.fixture(scope="module")
def seed_document():  # type: ignore[no-untyped-def]
    from jixiao.core.compose import compose_report
    from jixiao.frameworks import evaluate_with

    return compose_report(evaluate_with(load_dossier(SEED_DOSSIER)))


def test_docx_built_from_the_seed_text(tmp_path: Path, seed_figures: dict[str, str]) -> None:
    import docx

    document = docx.Document()
    for line in SEED_REPORT.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "seed.docx"
    document.save(str(path))
    result = import_file(path)
    assert FigureBook(result.dossier).flat() == seed_figures
    assert result.sources["budget.basic"].locator and result.sources[
        "budget.basic"
    ].locator.endswith("段")


def test_a_docx_without_a_year_takes_the_given_one_through_the_sandbox(tmp_path: Path) -> None:
    import docx

    from jixiao.importers.text import Given

    document = docx.Document()
    for line in ("部门整体支出绩效自评报告", "本单位在职人员8人。"):
        document.add_paragraph(line)
    path = tmp_path / "无年度.docx"
    document.save(str(path))
    draft = import_file(path)
    assert draft.missing == ["department", "year"]
    given = import_file(path, given=Given(year=2023, department="平乡县档案馆"))
    assert (given.dossier.year, given.dossier.profile.name) == (2023, "平乡县档案馆")
    assert given.missing == []


def test_docx_table_rows_are_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县某某局2021年度部门整体支出绩效自评报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "金额"
    table.cell(1, 0).text, table.cell(1, 1).text = "年初预算", "100万元"
    path = tmp_path / "t.docx"
    document.save(str(path))
    result = import_file(path)
    assert FigureBook(result.dossier).flat()["budget.total"] == "100"
    assert result.sources["budget.total"].locator == "表1第2行"


def test_rendered_markdown_docx_and_pdf_import_to_the_same_figures(
    tmp_path: Path, seed_document, seed_figures: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    from jixiao.renderers.docx import render_docx
    from jixiao.renderers.markdown import render_markdown
    from jixiao.renderers.pdf import render_pdf

    (tmp_path / "seed.md").write_text(render_markdown(seed_document), encoding="utf-8")
    (tmp_path / "seed.docx").write_bytes(render_docx(seed_document))
    (tmp_path / "seed.pdf").write_bytes(render_pdf(seed_document))
    for name in ("seed.md", "seed.docx", "seed.pdf"):
        result = import_file(tmp_path / name)
        assert result.dossier.profile.name == "万载县机关事务管理局", name
        assert FigureBook(result.dossier).flat() == seed_figures, name
        assert not [f for f in result.findings if f.level == "warning"], name


def test_pdf_without_text_layer_is_a_clear_error(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure = pyplot.figure()
    figure.add_subplot().imshow([[0, 1], [1, 0]])
    figure.gca().axis("off")
    path = tmp_path / "scan.pdf"
    figure.savefig(path)
    pyplot.close(figure)
    with pytest.raises(InputError) as caught:
        import_file(path)
    assert "没有文字层" in str(caught.value) and "no text layer" in str(caught.value)


def test_pdf_soft_line_breaks_are_joined() -> None:
    page = "现有编制人数25人，其中：全额补助事业编制25人。实有\n人数42人。\n短行\n下一段"
    assert (
        join_lines(page, 25)
        == "现有编制人数25人，其中：全额补助事业编制25人。实有人数42人。\n短行\n下一段"
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_zip_bombs_are_refused_before_unpacking(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(
        _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (60 * 1024 * 1024)})
    )
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputError) as caught:
        import_file(path)
    assert "压缩炸弹" in str(caught.value) or "过大" in str(caught.value)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf"])
def test_truncated_and_fake_files_are_clear_errors(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    with pytest.raises(InputError):
        import_file(path)
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        import_file(path)
    assert "空" in str(caught.value)


def test_truncated_real_docx_is_a_clear_error(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县某某局2021年度部门整体支出绩效自评报告")
    path = tmp_path / "full.docx"
    document.save(str(path))
    data = path.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError):
        import_file(cut)


def test_unsupported_and_old_formats() -> None:
    with pytest.raises(InputError, match="另存为"):
        import_file("report.doc")
    with pytest.raises(InputError, match="不支持"):
        import_file("report.odt")
    with pytest.raises(InputError, match="不存在"):
        import_file("no-such-file.txt")


def test_docx_budget_table_with_the_unit_in_its_title(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县某某局2021年度部门整体支出绩效自评报告")
    document.add_paragraph("表1 2021年预算收支情况表（单位：万元）")
    rows = [
        ("项目", "年初预算", "执行数", "执行率"),
        ("合计", "1,000.00", "960.00", "96%"),
        ("基本支出", "800.00", "780.00", "97.5%"),
        ("工资福利支出", "500.00", "495.00", ""),
        ("商品和服务支出", "300.00", "285.00", ""),
        ("项目支出", "200.00", "180.00", "90%"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "table.docx"
    document.save(str(path))
    result = import_file(path)
    flat = FigureBook(result.dossier).flat()
    expected = {
        "budget.total": "1000",
        "budget.basic": "800",
        "budget.project": "200",
        "budget.wages": "500",
        "budget.goods_services": "300",
        "executed.total": "960",
        "executed.basic": "780",
        "executed.project": "180",
        "executed.wages": "495",
        "executed.goods_services": "285",
        "rates.execution": "96",
    }
    assert {k: flat[k] for k in expected} == expected
    wages = next(
        line
        for line in result.dossier.money.lines
        if line.item.value == "工资福利支出" and line.phase.value == "执行"
    )
    assert wages.source is not None and wages.source.locator == "表1第4行"
    assert wages.source.text is not None and wages.source.text.endswith("495.00")
    assert (
        "executed.wages" not in result.sources
    )  # 项目支出 has no economic split: the class total is partial
    assert len(result.dossier.money.lines) == 6  # wages, goods, project × 2 phases


def test_table_without_a_unit_is_not_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县某某局2021年度部门整体支出绩效自评报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "年初预算"
    table.cell(1, 0).text, table.cell(1, 1).text = "基本支出", "800"
    path = tmp_path / "nounit.docx"
    document.save(str(path))
    assert import_file(path).dossier.money.lines == ()


def test_word_heading_styles_give_sections_without_typed_numbers(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县某某局2021年度部门整体支出绩效自评报告")
    document.add_heading("部门绩效目标", level=2)
    document.add_paragraph("1、完成全年会议保障任务,确保零失误。")
    document.add_paragraph("2、做好节能宣传周活动,提高全员节能意识。")
    document.add_heading("主要问题及原因分析", level=2)
    document.add_paragraph("预算编制的精细化程度不够。")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    result = import_file(path)
    assert [g.text for g in result.dossier.goals] == [
        "完成全年会议保障任务,确保零失误。",
        "做好节能宣传周活动,提高全员节能意识。",
    ]
    assert result.dossier.narratives.problems == ("预算编制的精细化程度不够。",)


@pytest.mark.parametrize("renderer", ["markdown", "docx", "pdf"])
def test_rendered_complete_example_reads_back_without_a_wrong_figure(
    tmp_path: Path, renderer: str
) -> None:
    from jixiao.core.compose import compose_report
    from jixiao.frameworks import evaluate_with
    from jixiao.renderers.docx import render_docx
    from jixiao.renderers.markdown import render_markdown
    from jixiao.renderers.pdf import render_pdf

    from .conftest import REPO

    dossier = load_dossier(REPO / "examples" / "complete-2022" / "dossier.yaml")
    document = compose_report(evaluate_with(dossier))
    path = tmp_path / {"markdown": "c.md", "docx": "c.docx", "pdf": "c.pdf"}[renderer]
    if renderer == "markdown":
        path.write_text(render_markdown(document), encoding="utf-8")
    else:
        path.write_bytes(render_docx(document) if renderer == "docx" else render_pdf(document))
    result = import_file(path)
    expected = FigureBook(dossier).flat()
    got = FigureBook(result.dossier).flat()
    read = {key: got[key] for key in result.sources if key in got}
    assert len(read) >= 15
    assert {key: value for key, value in read.items() if expected.get(key) != value} == {}

    def facts(indicators):  # type: ignore[no-untyped-def]
        return {(i.name, i.level1, i.level2, i.target, i.actual) for i in indicators}

    assert facts(result.dossier.indicators) == facts(dossier.indicators)  # from the score table


def test_the_text_readers_are_warmed_up_once_before_children_are_forked(tmp_path) -> None:
    # each report is read in a forked child: without a warm parent every child built the
    # lexicon and the compiled patterns again (about 100 ms a report instead of 40)
    from jixiao.importers.text import warm_up

    warm_up.cache_clear()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            "某县示例局2023年度部门整体支出绩效自评报告\n", encoding="utf-8"
        )
        import_file(tmp_path / name)
    assert warm_up.cache_info().currsize == 1 and warm_up.cache_info().hits == 1
