"""`jixiao import`, `jixiao template xlsx`, `jixiao export -f xlsx`: reports and workbooks in and out.

``import`` reads a report (.txt/.docx/.pdf) or an input workbook (.xlsx, our template or a
county's own layout with ``--mapping``) into a dossier draft, prints what it could not read, and
writes the draft as YAML (``-o``) or everything as JSON (``--json``). Unreadable input exits 2
with a message naming the file and what was expected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from jixiao.cli.common import JsonOption, console, emit_json, fail
from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportFinding, ImportResult
from jixiao.io.dossiers import dossier_to_data, dump_dossier_yaml
from jixiao.io.files import write_text_atomically

LEVEL_LABEL = {
    "error": ("错误", "bold red"),
    "warning": ("警告", "yellow"),
    "info": ("提示", "cyan"),
}

OutputOption = typer.Option(
    None, "--output", "-o", help="写出档案 .yaml/.json / write the dossier draft"
)
MappingOption = typer.Option(
    None,
    "--mapping",
    "-m",
    help="Excel 映射文件（YAML）：本地表格布局 → 档案字段 / mapping file for a county's layout",
)


def import_json(result: ImportResult) -> dict[str, Any]:
    """The --json shape: dossier, figures (flat keys), findings, sources {key: {text, where}}."""
    return {
        "dossier": dossier_to_data(result.dossier),
        "figures": FigureBook(result.dossier).flat(),
        "findings": [f.as_dict() for f in result.findings],
        "missing": list(result.missing),
        "sources": {
            key: {"text": source.text, "where": source.describe()}
            for key, source in result.sources.items()
        },
    }


def _print_finding(finding: ImportFinding) -> None:
    label, style = LEVEL_LABEL[finding.level]
    console.print(f"[{style}]{label}[/] [bold]{finding.id}[/] {escape(finding.where or '')}")
    console.print(f"    {finding.message}", markup=False)
    if finding.hint:
        console.print(f"    → {finding.hint}", markup=False)


YearOption = typer.Option(
    None,
    "--year",
    min=2000,
    max=2100,
    help="报告年度：报告没写时补上，写得不同时以此为准 / the report's year, supplied or overriding",
)
DepartmentOption = typer.Option(
    None,
    "--department",
    help="部门名称：报告没写时补上，写得不同时以此为准 / the department, supplied or overriding",
)


def import_command(
    file: Path,
    output: Path | None = OutputOption,
    mapping: Path | None = MappingOption,
    year: int | None = YearOption,
    department: str | None = DepartmentOption,
    as_json: bool = JsonOption,
) -> None:
    """导入报告或表格为档案草稿 / import a report (.txt .docx .pdf) or workbook (.xlsx) as a dossier draft."""
    from jixiao.importers.files import import_file
    from jixiao.importers.text import Given

    given = Given(year, department.strip() if department else None)
    try:
        result = import_file(file, mapping=mapping, given=given)
    except InputError as error:
        fail(error)
    if output is not None:
        _write_dossier(result, output)
    if as_json:
        emit_json(import_json(result))
        return
    dossier = result.dossier
    console.print(
        f"[bold]{escape(dossier.profile.name)}[/] · {dossier.year}年度 · 读出 {len(result.sources)} 个数字 "
        f"figures read · {len(result.findings)} 条提示 findings"
    )
    if result.missing:
        names = {"year": "年度 year (--year)", "department": "部门 department (--department)"}
        lacking = "、".join(names[m] for m in result.missing)
        console.print(f"[yellow]草稿 draft[/]：报告没有写明 not stated: {lacking}")
    for key, source in result.sources.items():
        console.print(
            f"  {key}: {escape(source.text or '')}  [dim]({escape(source.describe())})[/]"
        )
    for finding in result.findings:
        _print_finding(finding)
    if output is not None:
        console.print(f"已写出 written: {escape(str(output))}")


def _write_dossier(result: ImportResult, output: Path) -> None:
    try:
        if output.suffix.lower() == ".json":
            text = json.dumps(dossier_to_data(result.dossier), ensure_ascii=False, indent=2)
        else:
            text = dump_dossier_yaml(result.dossier)
        write_text_atomically(output, text)
    except OSError as error:
        fail(f"无法写出 {output}：{error.strerror} / cannot write {output}")


template_app = typer.Typer(help="空白输入模板 / blank input templates", no_args_is_help=True)


TemplateOutput = typer.Option(..., "--output", "-o", help="输出 .xlsx 文件 / the workbook to write")


@template_app.command("xlsx")
def template_xlsx(output: Path = TemplateOutput) -> None:
    """写出 Excel 输入模板 / write the Excel input workbook (one sheet per dossier section)."""
    from jixiao.importers.xlsx import write_template

    try:
        write_template(output)
    except OSError as error:
        fail(f"无法写出 {output}：{error.strerror} / cannot write {output}")
    console.print(f"已写出模板 template written: {escape(str(output))}")


def export_command(
    path: Path,
    format: str = typer.Option("xlsx", "--format", "-f", help="导出格式：xlsx"),
    output: Path | None = OutputOption,
) -> None:
    """导出档案、计算指标和评分表 / export a dossier with its figures and score table."""
    from jixiao.cli.common import read_dossier
    from jixiao.importers.xlsx import export_workbook

    if format.lower() != "xlsx":
        fail(
            f"不支持的导出格式 {format}：应为 xlsx / unsupported export format {format}: expected xlsx"
        )
    dossier = read_dossier(path)
    target = output or path.with_suffix(".xlsx")
    try:
        export_workbook(dossier, target, score=_score_rows(dossier))
    except OSError as error:
        fail(f"无法写出 {target}：{error.strerror} / cannot write {target}")
    console.print(f"已导出 exported: {escape(str(target))}")


def _score_rows(dossier: Any) -> list[list[Any]] | None:
    """The score table (when the scoring pipeline is available) as rows for the workbook."""
    try:
        from jixiao.cli.common import text
        from jixiao.frameworks import evaluate_with, load_framework

        card = evaluate_with(dossier, load_framework(None)).score
    except InputError:  # no usable framework: the dossier and figures still go out
        return None
    rows: list[list[Any]] = [["指标", "分值", "目标", "实际", "自评得分", "计算得分", "说明"]]
    for item in card.items:
        rows.append(
            [
                "/".join([*(p for p in item.path if p), item.name]),
                text(item.weight),
                item.target,
                item.actual,
                text(item.self_score),
                text(item.points),
                item.explanation,
            ]
        )
    rows.append(["合计", None, None, None, text(card.self_total), text(card.total), card.grade])
    return rows


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)
    app.add_typer(template_app, name="template")
