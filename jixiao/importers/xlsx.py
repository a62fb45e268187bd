"""Excel workbooks: the input template, reading it back, exporting, and county layouts.

The template has one sheet per dossier section with Chinese headings, units, drop-down lists
for every enumerated field and help text on each input cell. Reading a workbook checks every
cell and reports problems as "sheet!cell: what was expected" in Chinese and English; the
dossier's own validation problems are mapped back to the cell they came from. A county that
keeps its own layout writes a small mapping file (YAML: cell or column → dossier field) instead
of re-typing its data into our template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.core.dossier import (
    Comparator,
    Dossier,
    Funding,
    Item,
    Level,
    Level1,
    Narratives,
    Phase,
    StaffType,
    UnitType,
    dossier_from_data,
)
from jixiao.core.errors import InputError, Problem
from jixiao.core.figures import FigureBook
from jixiao.importers.limits import check_zip
from jixiao.importers.result import ImportFinding, ImportResult
from jixiao.io.files import atomic_path

MAX_ROWS = 5000


@dataclass(frozen=True)
class Field:
    path: str  # dotted path inside a dossier (or inside one table row)
    label: str  # Chinese heading
    kind: str = "str"  # str | int | decimal | enum | list | bools
    help: str = ""
    choices: tuple[str, ...] = ()
    unit: str = ""


def _values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


_SOURCE = (
    Field("source.locator", "出处位置", help="如 第12段、第3页、一（五）"),
    Field("source.text", "原文", help="报告中的原话"),
    Field("source.file", "出处文件"),
    Field("source.start", "起始字符", "int"),
    Field("source.end", "结束字符", "int"),
)

# ── key-value sheets: column A label, B value, C unit / help, D field code ─────────────────

PROFILE_SHEET = "基本信息"
PROFILE_FIELDS = (
    Field("year", "年度", "int", "评价的年度，如 2021"),
    Field("profile.name", "部门名称", help="部门（单位）全称"),
    Field("profile.code", "单位代码"),
    Field("profile.level", "级次", "enum", choices=_values(Level)),
    Field("profile.parent", "主管部门"),
    Field("profile.unit_type", "单位性质", "enum", choices=_values(UnitType)),
    Field("profile.organisation_note", "机构设置说明", help="如：本级内设四个股室。"),
    Field("money.unit", "资金金额单位", "enum", "“资金”表中未写单位的金额按此单位", ("万元", "元")),
    Field("evaluation.notice", "评价通知文号", help="如 万财监〔2022〕3号"),
    Field("evaluation.notice_title", "评价通知标题"),
    Field("evaluation.method", "评价方式", help="单位自评 / 部门评价 / 财政评价 / 第三方评价"),
    Field("evaluation.date", "报告日期", help="YYYY-MM-DD"),
    Field("self_evaluation.total", "自评得分", "decimal", "0–100", unit="分"),
    Field(
        "self_evaluation.grade",
        "自评等级",
        "enum",
        "报告写明的等级；只写了分数就留空",
        ("优", "良", "中", "差"),
    ),
    *(Field(f"self_evaluation.{f.path}", f"自评得分{f.label}", f.kind, f.help) for f in _SOURCE),
)

STAFF_SHEET = "人员"
STAFF_COUNTS = (
    Field("staffing.retired", "退休人数", "int", unit="人"),
    Field("staffing.retired_cadres", "离休人数", "int", unit="人"),
    Field("staffing.survivors", "遗属人数", "int", unit="人"),
    Field("staffing.contract", "编外人数（临聘等）", "int", unit="人"),
)
STAFF_TYPES = _values(StaffType)
_STAFF_FIRST_ROW = 2
_STAFF_COUNTS_ROW = _STAFF_FIRST_ROW + len(STAFF_TYPES) + 2

ASSETS_SHEET = "资产"
ASSET_FIELDS = (
    Field("assets.unit", "金额单位", "enum", "本表金额的单位", ("万元", "元")),
    Field("assets.total_net", "资产总额（账面净值）", "decimal", "年末"),
    Field("assets.total_net_prior", "上年资产总额（账面净值）", "decimal"),
    Field("assets.total_original", "资产总额（账面原值）", "decimal"),
    Field("assets.total_original_prior", "上年资产总额（账面原值）", "decimal"),
    Field("assets.fixed_added", "当年配置固定资产（原值）", "decimal"),
    Field("assets.fixed_in_use", "在用固定资产（原值）", "decimal"),
    Field("assets.fixed_total", "全部固定资产（原值）", "decimal"),
    Field("assets.note", "说明"),
)

# ── table sheets: one row per item ────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Table:
    sheet: str
    path: str  # list field in the dossier ("money.lines") or a special reader
    columns: tuple[Field, ...]
    help: str = ""


NARRATIVE_LABELS = {
    "overall_goal": "履职总体目标、工作任务",
    "asset_management": "资产管理情况",
    "performance_management": "预算绩效管理开展情况",
    "budget_notes": "预算及执行情况",
    "achievements": "履职完成情况",
    "effects": "履职效果情况",
    "experience": "主要经验及做法",
    "problems": "主要问题及原因分析",
    "improvements": "改进的方向和具体措施",
    "application": "结果应用和公开情况",
}
assert set(NARRATIVE_LABELS) == set(Narratives.model_fields)

TABLES = (
    Table("职能", "profile.duties", (Field("text", "主要职能", help="每行一条"),)),
    Table("内设机构", "profile.internal_units", (Field("text", "内设机构名称", help="每行一个"),)),
    Table(
        "资金",
        "money.lines",
        (
            Field(
                "phase", "阶段", "enum", "年初预算 / 调整预算（全年） / 执行 / 决算", _values(Phase)
            ),
            Field(
                "funding", "经费类型", "enum", "基本支出 / 项目支出；不分可留空", _values(Funding)
            ),
            Field(
                "item",
                "经济分类或项目",
                "enum",
                "工资福利支出等；未分经济分类填“未分类支出”",
                _values(Item),
            ),
            Field("amount", "金额", "decimal", "数字，不带单位"),
            Field("unit", "单位", "enum", "留空则按“基本信息”中的资金金额单位", ("万元", "元")),
            Field("label", "原文名称", help="报告中的叫法，如“其他资本性支出”"),
            Field("note", "说明", help="主要用途等"),
            *_SOURCE,
        ),
        "每行一笔金额：阶段 × 经费类型 × 经济分类",
    ),
    Table(
        "绩效目标",
        "goals",
        (
            Field("id", "目标编号", help="如 G1"),
            Field("text", "目标内容"),
        ),
    ),
    Table(
        "绩效指标",
        "indicators",
        (
            Field("id", "指标编号", help="字母、数字、汉字、_ 或 -"),
            Field("name", "指标名称"),
            Field("level1", "一级指标", "enum", choices=_values(Level1)),
            Field(
                "level2",
                "二级指标",
                help="数量 质量 时效 成本 / 经济效益 社会效益 生态效益 可持续影响 / 服务对象满意度",
            ),
            Field("goal", "对应目标编号"),
            Field("comparator", "比较方式", "enum", "≥ ≤ = > < 或 定性", _values(Comparator)),
            Field("target", "目标值", "decimal"),
            Field("adjusted_target", "调整后目标值", "decimal"),
            Field("target_text", "目标值（文字）", help="定性目标或日期区间，原样填写"),
            Field("actual", "实际完成值", "decimal"),
            Field("actual_text", "实际完成值（文字）"),
            Field("unit", "计量单位"),
            Field("weight", "分值", "decimal"),
            Field("self_score", "自评得分", "decimal"),
            Field("evidence", "佐证材料", "list", "多项用“；”分隔"),
            Field("deviation_explanation", "偏差原因"),
            Field(
                "actual_from",
                "完成值来源（台账汇总项）",
                help="如 property.overhauls_done：有台账时完成值由台账计算，见 docs/ledgers.md",
            ),
            Field("override_reason", "不采用台账计算值的理由"),
            *_SOURCE,
        ),
    ),
    Table(
        "定性评价",
        "assessments",
        (
            Field("id", "框架指标编号"),
            Field("level", "评价档次", help="达成 / 部分达成 / 未达成"),
            Field("fraction", "档内得分比例", "decimal", "0–1"),
            Field("checkpoints", "检查要点", "bools", "每个要点填“是”或“否”，用“；”分隔"),
            Field("note", "说明"),
            Field("evidence", "佐证材料", "list", "多项用“；”分隔"),
        ),
    ),
    Table(
        "报告所述数",
        "stated",
        (
            Field("key", "数字代码", help="如 staffing.actual_total、rates.in_service_control"),
            Field("value", "报告所写数值", "decimal"),
            Field("unit", "单位"),
            Field("qualifier", "限定词", help="以上 / 多 / 约"),
            *_SOURCE,
        ),
        "报告中写明的合计数、比率等，用于与计算结果核对",
    ),
    Table(
        "文字部分",
        "narratives",
        (
            Field("section", "部分", "enum", choices=tuple(NARRATIVE_LABELS.values())),
            Field("text", "段落"),
        ),
        "每行一段",
    ),
    Table(
        "其他数据",
        "data",
        (
            Field("year", "年份", "enum", choices=("本年", "上年")),
            Field("key", "数据代码"),
            Field("value", "数值", "decimal"),
        ),
    ),
    Table(
        "豁免",
        "waivers",
        (
            Field("id", "提示编号", help="如 budget.W002"),
            Field("reason", "理由"),
            Field("where", "限定字段"),
        ),
    ),
    Table(
        "数据来源",
        "sources",
        (
            Field("path", "字段"),
            *(Field(f.path.split(".", 1)[1], f.label, f.kind, f.help) for f in _SOURCE),
        ),
    ),
)

HELP_SHEET = "说明"
HELP_TEXT = (
    "jixiao 部门整体支出绩效评价 · 数据录入模板",
    "每张表对应档案的一部分；灰色表头不要改动，第 D 列“字段代码”供程序识别。",
    "金额填数字（不带单位），单位在“基本信息”的“资金金额单位”或“资金”表的“单位”列说明；不要混用元与万元。",
    "比率（在职人员控制率、预算执行率等）不要填：系统按原始数据计算；报告中写明的比率可填在“报告所述数”，用于核对。",
    "带下拉箭头的单元格只能从列表中选择。",
    "填好后上传：在平台打开本单位本年度的填报，点“导入档案”，选择本文件，核对预览后点“确认导入”。",
)


# ── writing ───────────────────────────────────────────────────────────────────────────────


def write_template(path: str | Path) -> None:
    """The blank input workbook."""
    workbook = _workbook(None)
    _save(workbook, path)


def export_workbook(
    dossier: Dossier, path: str | Path, *, score: list[list[Any]] | None = None
) -> None:
    """The dossier in the template layout, plus its computed figures and (if given) the score table."""
    from jixiao.io.dossiers import dossier_to_data

    workbook = _workbook(dossier_to_data(dossier))
    figures = workbook.create_sheet("计算指标")
    _header(figures, ["代码", "名称", "数值", "单位", "来源"])
    for row, figure in enumerate(FigureBook(dossier).all(), start=2):
        if figure.value is None:
            continue
        origin = {"computed": "计算", "stated": "报告所写", "derived": "推算"}.get(
            figure.origin.value if figure.origin else "", ""
        )
        for column, value in enumerate(
            (figure.key, figure.label, figure.value, figure.unit, origin), 1
        ):
            figures.cell(row=row, column=column, value=value)
    _compact(figures)
    if score:
        sheet = workbook.create_sheet("评分表")
        _header(sheet, [str(v) for v in score[0]])
        for row_values in score[1:]:
            sheet.append(list(row_values))
    _save(workbook, path)


def _save(workbook: Any, path: str | Path) -> None:
    """Save with every cell as data: openpyxl stores text that starts with "=" as a live formula,
    so user text such as ``=HYPERLINK(...)`` in a narrative would run when the file is opened.
    Such cells are written as text (the value stays exactly as entered, and reads back so)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    with atomic_path(Path(path)) as partial:
        workbook.save(str(partial))


def _workbook(data: dict[str, Any] | None) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    help_sheet = workbook.active
    help_sheet.title = HELP_SHEET
    for line in HELP_TEXT:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    _key_value_sheet(workbook, PROFILE_SHEET, PROFILE_FIELDS, data)
    _staff_sheet(workbook, data)
    _key_value_sheet(workbook, ASSETS_SHEET, ASSET_FIELDS, data)
    for table in TABLES:
        _table_sheet(workbook, table, _table_rows(table, data) if data else [])
    return workbook


def _header(sheet: Any, titles: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    sheet.freeze_panes = "A2"


def _validation(sheet: Any, field: Field, ref: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if field.kind == "enum":
        validation = DataValidation(
            type="list", formula1='"' + ",".join(field.choices) + '"', allow_blank=True
        )
        validation.error = "请从下拉列表中选择 / choose from the list"
        validation.errorTitle = field.label
    elif field.kind == "int":
        validation = DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
        )
        validation.error = "应为不小于0的整数 / a whole number ≥ 0"
    elif field.kind == "decimal":
        validation = DataValidation(
            type="decimal",
            allow_blank=True,
            operator="between",
            formula1="-1E+15",
            formula2="1E+15",
        )
        validation.error = "应为数字（不带单位） / a number without unit"
    else:
        validation = DataValidation(allow_blank=True)
    if field.help or field.unit:
        validation.promptTitle = field.label[:32]
        validation.prompt = " ".join(
            p for p in (field.help, f"单位：{field.unit}" if field.unit else "") if p
        )[:255]
    sheet.add_data_validation(validation)
    validation.add(ref)


def _key_value_sheet(
    workbook: Any, title: str, fields: tuple[Field, ...], data: dict[str, Any] | None
) -> None:
    sheet = workbook.create_sheet(title)
    _header(sheet, ["项目", "值", "单位 / 说明", "字段代码"])
    for row, field in enumerate(fields, start=2):
        sheet.cell(row=row, column=1, value=field.label)
        value = _get(data, field.path) if data else None
        sheet.cell(row=row, column=2, value=_cell_value(field, value))
        sheet.cell(
            row=row, column=3, value=" ".join(p for p in (field.unit, field.help) if p) or None
        )
        sheet.cell(row=row, column=4, value=field.path)
        _validation(sheet, field, f"B{row}")
    _compact(sheet, {"A": 28, "B": 40, "C": 40, "D": 32})


def _staff_sheet(workbook: Any, data: dict[str, Any] | None) -> None:
    sheet = workbook.create_sheet(STAFF_SHEET)
    _header(sheet, ["人员类型", "编制数（人）", "在职人数（人）"])
    staffing = (data or {}).get("staffing", {})
    count_field = Field("", "人数", "int")
    for offset, staff_type in enumerate(STAFF_TYPES):
        row = _STAFF_FIRST_ROW + offset
        sheet.cell(row=row, column=1, value=staff_type)
        sheet.cell(row=row, column=2, value=staffing.get("authorized", {}).get(staff_type))
        sheet.cell(row=row, column=3, value=staffing.get("in_service", {}).get(staff_type))
    last = _STAFF_FIRST_ROW + len(STAFF_TYPES) - 1
    _validation(sheet, count_field, f"B{_STAFF_FIRST_ROW}:C{last}")
    sheet.cell(
        row=_STAFF_COUNTS_ROW - 1,
        column=1,
        value="其他人数（实有人数 = 在职 + 退休 + 离休 + 遗属，由系统计算）",
    )
    for offset, field in enumerate(STAFF_COUNTS):
        row = _STAFF_COUNTS_ROW + offset
        sheet.cell(row=row, column=1, value=field.label)
        sheet.cell(row=row, column=2, value=_get(data, field.path) if data else None)
        sheet.cell(row=row, column=4, value=field.path)
        _validation(sheet, field, f"B{row}")
    _compact(sheet, {"A": 36, "B": 16, "C": 16, "D": 28})


def _table_sheet(workbook: Any, table: Table, rows: list[list[Any]]) -> None:
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(table.sheet)
    _header(sheet, [c.label for c in table.columns])
    for column, field in enumerate(table.columns, start=1):
        letter = get_column_letter(column)
        _validation(sheet, field, f"{letter}2:{letter}{MAX_ROWS}")
    for row in rows:
        sheet.append(row)
    _compact(sheet)


def _compact(sheet: Any, widths: dict[str, int] | None = None) -> None:
    from openpyxl.utils import get_column_letter

    if widths:
        for letter, width in widths.items():
            sheet.column_dimensions[letter].width = width
        return
    for column in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell_value(field: Field, value: Any) -> Any:
    """A dossier value as a cell value (numbers stay numbers; control characters, which Excel
    cannot store, are dropped)."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
    if value is None:
        return None
    if field.kind in ("decimal",) or (field.kind == "int" and isinstance(value, str)):
        number = Decimal(str(value))
        return int(number) if field.kind == "int" else number
    if field.kind == "list":
        return "；".join(value) if value else None
    if field.kind == "bools":
        return "；".join("是" if v else "否" for v in value) if value else None
    return value


def _table_rows(table: Table, data: dict[str, Any]) -> list[list[Any]]:
    """The dossier's items for one table sheet, as rows of cell values."""
    if table.path in ("profile.duties", "profile.internal_units"):
        return [[item] for item in _get(data, table.path) or []]
    if table.path == "narratives":
        return [
            [NARRATIVE_LABELS[name], paragraph]
            for name, paragraphs in (data.get("narratives") or {}).items()
            for paragraph in paragraphs
        ]
    if table.path == "data":
        return [
            [label, key, Decimal(str(value))]
            for label, field in (("本年", "data"), ("上年", "previous"))
            for key, value in (data.get(field) or {}).items()
        ]
    if table.path == "assessments":
        items = [{"id": key, **value} for key, value in (data.get("assessments") or {}).items()]
    elif table.path == "sources":
        items = [{"path": key, **value} for key, value in (data.get("sources") or {}).items()]
    else:
        items = _get(data, table.path) or []
    rows = []
    for item in items:
        rows.append([_cell_value(field, _get(item, field.path)) for field in table.columns])
    return rows


# ── reading ───────────────────────────────────────────────────────────────────────────────


class _Reader:
    """Collects problems (sheet!cell) while turning cells into dossier data."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.problems: list[Problem] = []
        self.cells: dict[str, str] = {}  # dossier field path → "sheet!cell"

    def problem(self, place: str, zh: str, en: str) -> None:
        self.problems.append(Problem(place, zh, en))

    def convert(self, field: Field, value: Any, place: str) -> Any:
        """A cell value as the dossier expects it, or None with a problem recorded."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            value = value.strip()
        if field.kind == "int":
            number = _number(value)
            if number is None or number != number.to_integral_value() or number < 0:
                self.problem(
                    place,
                    f"{field.label}应为不小于0的整数，得到 {value!r}",
                    f"{field.path}: expected a whole number ≥ 0, got {value!r}",
                )
                return None
            return int(number)
        if field.kind == "decimal":
            number = _number(value)
            if number is None:
                self.problem(
                    place,
                    f"{field.label}应为数字（不带单位），得到 {value!r}",
                    f"{field.path}: expected a number without unit, got {value!r}",
                )
                return None
            return str(number)
        if field.kind == "enum":
            text = str(value)
            if text not in field.choices:
                self.problem(
                    place,
                    f"{field.label}应为以下之一：{'、'.join(field.choices)}；得到 {text!r}",
                    f"{field.path}: expected one of {', '.join(field.choices)}; got {text!r}",
                )
                return None
            return text
        if field.kind == "list":
            return [part.strip() for part in re.split(r"[；;\n]", str(value)) if part.strip()]
        if field.kind == "bools":
            flags = []
            for part in (p.strip() for p in re.split(r"[；;\n]", str(value)) if p.strip()):
                if part not in ("是", "否", "true", "false", "True", "False"):
                    self.problem(
                        place,
                        f"{field.label}每项应为“是”或“否”，得到 {part!r}",
                        f"{field.path}: each item must be 是 or 否, got {part!r}",
                    )
                    return None
                flags.append(part in ("是", "true", "True"))
            return flags
        if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
            number = _number(value)
            return (
                str(int(number))
                if number is not None and number == number.to_integral_value()
                else str(value)
            )
        return str(value)


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return (
            Decimal(repr(value)).normalize()
            if value == value and abs(value) != float("inf")
            else None
        )
    if isinstance(value, int | Decimal):
        return Decimal(value)
    try:
        number = Decimal(str(value).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def _open(path: Path) -> Any:
    check_zip(path, "Excel", "Excel (.xlsx)")
    try:
        from openpyxl import load_workbook

        return load_workbook(str(path), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged packages
        raise InputError.single(
            str(path),
            "",
            f"无法读取 Excel 文件：{type(error).__name__}（文件损坏或不是 .xlsx）",
            f"cannot read the Excel file: {type(error).__name__} (damaged, or not .xlsx)",
        ) from None


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    rows = []
    for index, row in enumerate(sheet.iter_rows(values_only=True)):
        if index > MAX_ROWS:
            break
        rows.append(tuple(row))
    return rows


def import_xlsx(path: str | Path, *, mapping: str | Path | None = None) -> ImportResult:
    """Read our template (or, with *mapping*, a county's own layout) into a dossier."""
    path = Path(path)
    if mapping is not None:
        return import_mapped(path, Path(mapping))
    workbook = _open(path)
    try:
        reader = _Reader(str(path))
        data = _read_template(workbook, reader)
    finally:
        workbook.close()
    return _finish(data, reader, path)


def _finish(data: dict[str, Any], reader: _Reader, path: Path) -> ImportResult:
    if reader.problems:
        raise InputError(str(path), reader.problems)
    try:
        dossier = dossier_from_data(data, origin=str(path))
    except InputError as error:
        raise InputError(
            str(path), [_locate(problem, reader.cells) for problem in error.problems]
        ) from None
    findings: list[ImportFinding] = []
    return ImportResult(data, dossier, findings, {})


def _locate(problem: Problem, cells: dict[str, str]) -> Problem:
    """Name the cell a dossier validation problem came from."""
    path = problem.path
    while path:
        if path in cells:
            return Problem(f"{cells[path]} ({problem.path})", problem.zh, problem.en)
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return problem


def _read_template(workbook: Any, reader: _Reader) -> dict[str, Any]:
    missing = [name for name in (PROFILE_SHEET, STAFF_SHEET) if name not in workbook.sheetnames]
    if missing:
        raise InputError.single(
            reader.origin,
            "",
            f"缺少工作表：{'、'.join(missing)}；这不是 jixiao 模板（本地表格请用 --mapping 映射文件）",
            f"missing sheets {', '.join(missing)}: not a jixiao template (use --mapping for a county layout)",
        )
    data: dict[str, Any] = {}
    _read_key_values(workbook[PROFILE_SHEET], PROFILE_SHEET, PROFILE_FIELDS, data, reader)
    _read_staff(workbook[STAFF_SHEET], data, reader)
    if ASSETS_SHEET in workbook.sheetnames:
        assets: dict[str, Any] = {}
        _read_key_values(workbook[ASSETS_SHEET], ASSETS_SHEET, ASSET_FIELDS, assets, reader)
        if any(v is not None for k, v in (assets.get("assets") or {}).items() if k != "unit"):
            data["assets"] = assets["assets"]
    for table in TABLES:
        if table.sheet in workbook.sheetnames:
            _read_table(workbook[table.sheet], table, data, reader)
    data.setdefault("money", {}).setdefault("unit", "万元")
    return data


def _read_key_values(
    sheet: Any, title: str, fields: tuple[Field, ...], data: dict[str, Any], reader: _Reader
) -> None:
    by_path = {f.path: f for f in fields}
    for row_number, row in enumerate(_rows(sheet), start=1):
        if row_number == 1 or len(row) < 4 or not isinstance(row[3], str) or row[3] not in by_path:
            continue
        field = by_path[row[3]]
        place = f"{title}!B{row_number}"
        reader.cells[field.path] = place  # also when empty: a missing required value names its cell
        if field.path == "profile.name":
            reader.cells["profile"] = place
        value = reader.convert(field, row[1], place)
        if value is not None:
            _set(data, field.path, value)


def _read_staff(sheet: Any, data: dict[str, Any], reader: _Reader) -> None:
    count = Field("", "人数", "int")
    by_path = {f.path: f for f in STAFF_COUNTS}
    staffing: dict[str, Any] = {}
    for row_number, row in enumerate(_rows(sheet), start=1):
        if row_number == 1 or not row:
            continue
        label = row[0]
        if label in STAFF_TYPES:
            for column, name in ((1, "authorized"), (2, "in_service")):
                letter = "BC"[column - 1]
                place = f"{STAFF_SHEET}!{letter}{row_number}"
                value = reader.convert(
                    Field(
                        f"staffing.{name}",
                        f"{label}{'编制数' if column == 1 else '在职人数'}",
                        "int",
                    ),
                    row[column] if len(row) > column else None,
                    place,
                )
                if value is not None:
                    staffing.setdefault(name, {})[label] = value
                    reader.cells[f"staffing.{name}.{label}"] = place
        elif len(row) >= 4 and row[3] in by_path:
            field = by_path[row[3]]
            place = f"{STAFF_SHEET}!B{row_number}"
            value = reader.convert(field, row[1], place)
            if value is not None:
                staffing[field.path.split(".")[1]] = value
                reader.cells[field.path] = place
        elif isinstance(label, str) and label.strip() and row_number < _STAFF_COUNTS_ROW - 1:
            reader.problem(
                f"{STAFF_SHEET}!A{row_number}",
                f"不认识的人员类型 {label!r}；应为：{'、'.join(STAFF_TYPES)}",
                f"unknown staff type {label!r}; expected one of {', '.join(STAFF_TYPES)}",
            )
    del count
    if staffing:
        data["staffing"] = staffing


def _read_table(sheet: Any, table: Table, data: dict[str, Any], reader: _Reader) -> None:
    from openpyxl.utils import get_column_letter

    rows = _rows(sheet)
    if not rows:
        return
    header = [str(v).strip() if v is not None else "" for v in rows[0]]
    columns: dict[int, Field] = {}
    for field in table.columns:
        if field.label in header:
            columns[header.index(field.label)] = field
    items: list[tuple[int, dict[str, Any]]] = []
    for row_number, row in enumerate(rows[1:], start=2):
        item: dict[str, Any] = {}
        for index, field in columns.items():
            value = row[index] if index < len(row) else None
            place = f"{table.sheet}!{get_column_letter(index + 1)}{row_number}"
            converted = reader.convert(field, value, place)
            if converted is not None and converted != []:
                _set(item, field.path, converted)
                reader.cells[f"@{row_number}.{field.path}"] = place
        if item:
            items.append((row_number, item))
    _store_table(table, items, data, reader)


def _store_table(
    table: Table, items: list[tuple[int, dict[str, Any]]], data: dict[str, Any], reader: _Reader
) -> None:
    def remember(path: str, row_number: int, item: dict[str, Any]) -> None:
        for key in list(reader.cells):
            if key.startswith(f"@{row_number}."):
                reader.cells[f"{path}.{key.split('.', 1)[1]}"] = reader.cells[key]
        reader.cells.setdefault(path, f"{table.sheet}!{row_number}行")

    if table.path in ("profile.duties", "profile.internal_units"):
        values = [item["text"] for _, item in items if "text" in item]
        if values:
            _set(data, table.path, values)
        return
    if table.path == "narratives":
        names = {label: name for name, label in NARRATIVE_LABELS.items()}
        for row_number, item in items:
            if "section" not in item or "text" not in item:
                reader.problem(
                    f"{table.sheet}!{row_number}行",
                    "每行应同时填写“部分”和“段落”",
                    "each row needs both a section and a paragraph",
                )
                continue
            data.setdefault("narratives", {}).setdefault(names[item["section"]], []).append(
                item["text"]
            )
        return
    if table.path == "data":
        for row_number, item in items:
            if "key" not in item or "value" not in item:
                reader.problem(
                    f"{table.sheet}!{row_number}行",
                    "每行应填写数据代码和数值",
                    "each row needs a key and a value",
                )
                continue
            target = "previous" if item.get("year") == "上年" else "data"
            data.setdefault(target, {})[item["key"]] = item["value"]
            remember(f"{target}.{item['key']}", row_number, item)
        return
    if table.path in ("assessments", "sources"):
        key_field = "id" if table.path == "assessments" else "path"
        for row_number, item in items:
            key = item.pop(key_field, None)
            if key is None:
                reader.problem(
                    f"{table.sheet}!A{row_number}", "缺少编号/字段", "missing the key column"
                )
                continue
            data.setdefault(table.path, {})[key] = item
            remember(f"{table.path}.{key}", row_number, item)
        return
    values = []
    for position, (row_number, item) in enumerate(items):
        values.append(item)
        remember(f"{table.path}[{position}]", row_number, item)
    if values:
        _set(data, table.path, values)


# ── county layouts: a mapping file ────────────────────────────────────────────────────────


def import_mapped(path: Path, mapping_path: Path) -> ImportResult:
    """Read a county's own workbook using a YAML mapping (cells and tables → dossier fields)."""
    from jixiao.io.yamlfile import read_data

    mapping, _lines = read_data(mapping_path)
    problems = _check_mapping(mapping, str(mapping_path))
    if problems:
        raise InputError(str(mapping_path), problems)
    workbook = _open(path)
    reader = _Reader(str(path))
    data: dict[str, Any] = {}
    try:
        for field_path, ref in (mapping.get("cells") or {}).items():
            _read_mapped_cell(workbook, str(field_path), str(ref), data, reader)
        for table in mapping.get("tables") or []:
            _read_mapped_table(workbook, table, data, reader)
    finally:
        workbook.close()
    for field_path, value in (mapping.get("constants") or {}).items():
        _set(data, str(field_path), value if not isinstance(value, Decimal) else str(value))
    data.setdefault("money", {}).setdefault("unit", "万元")
    return _finish(data, reader, path)


def _check_mapping(mapping: Any, origin: str) -> list[Problem]:
    if not isinstance(mapping, dict):
        return [
            Problem(
                "",
                "映射文件顶层应为映射（cells / tables / constants）",
                "the mapping must be a mapping",
            )
        ]
    problems = []
    for key in mapping:
        if key not in ("cells", "tables", "constants", "description"):
            problems.append(
                Problem(
                    str(key),
                    "不认识的键；应为 cells、tables、constants 或 description",
                    "unknown key; expected cells, tables, constants or description",
                )
            )
    shapes = []
    for section, kind in (("cells", dict), ("tables", list), ("constants", dict)):
        if section in mapping and not isinstance(mapping[section] or kind(), kind):
            expected = ("映射（键: 值）", "a mapping") if kind is dict else ("列表", "a list")
            shapes.append(Problem(section, f"应为{expected[0]}", f"expected {expected[1]}"))
    if shapes:
        return problems + shapes
    for field_path, ref in (mapping.get("cells") or {}).items():
        if not isinstance(ref, str) or not re.fullmatch(r"[^!]+![A-Z]{1,3}[1-9]\d*", ref):
            problems.append(
                Problem(
                    f"cells.{field_path}",
                    f"应为“工作表!单元格”，如 基础信息!B3；得到 {ref!r}",
                    f"expected 'Sheet!Cell' such as 基础信息!B3; got {ref!r}",
                )
            )
    for position, table in enumerate(mapping.get("tables") or []):
        place = f"tables[{position}]"
        if not isinstance(table, dict) or not {"field", "sheet", "columns"} <= set(table):
            problems.append(
                Problem(
                    place,
                    "每个表格映射需要 field、sheet、columns",
                    "each table mapping needs field, sheet and columns",
                )
            )
            continue
        header_row = table.get("header_row", 1)
        if (
            isinstance(header_row, bool)
            or not isinstance(header_row, int)
            or not 1 <= header_row <= 1000
        ):
            problems.append(
                Problem(
                    f"{place}.header_row", "应为1到1000之间的行号", "expected a row number 1-1000"
                )
            )
        for name in ("columns", "values", "constants"):
            if not isinstance(table.get(name) or {}, dict):
                problems.append(
                    Problem(f"{place}.{name}", "应为映射（键: 值）", "expected a mapping")
                )
        for name, translation in (
            (table.get("values") or {}).items()
            if isinstance(table.get("values") or {}, dict)
            else []
        ):
            if not isinstance(translation, dict):
                problems.append(
                    Problem(
                        f"{place}.values.{name}",
                        "应为映射（原写法: 档案写法）",
                        "expected a mapping",
                    )
                )
    return problems


def _field_kind(field_path: str) -> Field:
    """The template's Field for a dossier path, so mapped cells are checked the same way."""
    for field in (*PROFILE_FIELDS, *ASSET_FIELDS, *STAFF_COUNTS):
        if field.path == field_path:
            return field
    if field_path.startswith(("staffing.authorized.", "staffing.in_service.")):
        return Field(field_path, field_path, "int")
    return Field(field_path, field_path, "raw")


def _read_mapped_cell(
    workbook: Any, field_path: str, ref: str, data: dict[str, Any], reader: _Reader
) -> None:
    sheet_name, cell = ref.rsplit("!", 1)
    if sheet_name not in workbook.sheetnames:
        reader.problem(
            ref,
            f"工作表“{sheet_name}”不存在（有：{'、'.join(workbook.sheetnames)}）",
            f"no sheet named {sheet_name!r}",
        )
        return
    sheet = workbook[sheet_name]
    value = sheet[cell].value
    converted = reader.convert(_field_kind(field_path), value, ref)
    if converted is not None:
        _set(data, field_path, converted)
        reader.cells[field_path] = ref


def _read_mapped_table(
    workbook: Any, table: dict[str, Any], data: dict[str, Any], reader: _Reader
) -> None:
    from openpyxl.utils import get_column_letter

    sheet_name = str(table["sheet"])
    if sheet_name not in workbook.sheetnames:
        reader.problem(sheet_name, f"工作表“{sheet_name}”不存在", f"no sheet named {sheet_name!r}")
        return
    rows = _rows(workbook[sheet_name])
    header_row = int(table.get("header_row", 1))
    if len(rows) < header_row:
        reader.problem(
            sheet_name, f"第{header_row}行（表头）不存在", f"header row {header_row} missing"
        )
        return
    header = [str(v).strip() if v is not None else "" for v in rows[header_row - 1]]
    target = str(table["field"])
    template = next((t for t in TABLES if t.path == target), None)
    known = {f.path: f for f in template.columns} if template else {}
    columns: dict[int, Field] = {}
    for title, field_path in (table.get("columns") or {}).items():
        if str(title) not in header:
            reader.problem(
                f"{sheet_name}!{header_row}行",
                f"找不到表头“{title}”（有：{'、'.join(h for h in header if h)}）",
                f"column heading {title!r} not found",
            )
            continue
        columns[header.index(str(title))] = known.get(
            str(field_path), Field(str(field_path), str(title), "raw")
        )
    translate: dict[str, dict[Any, Any]] = table.get("values") or {}
    constants: dict[str, Any] = table.get("constants") or {}
    required = table.get("skip_blank")
    items: list[dict[str, Any]] = []
    for row_number, row in enumerate(rows[header_row:], start=header_row + 1):
        item: dict[str, Any] = {}
        for index, field in columns.items():
            value = row[index] if index < len(row) else None
            if field.path in translate and value in translate[field.path]:
                value = translate[field.path][value]
            converted = reader.convert(
                field, value, f"{sheet_name}!{get_column_letter(index + 1)}{row_number}"
            )
            if converted is not None:
                _set(item, field.path, converted)
                reader.cells[f"{target}[{len(items)}].{field.path}"] = (
                    f"{sheet_name}!{get_column_letter(index + 1)}{row_number}"
                )
        if not item or (required and required not in item):
            continue
        for field_path, value in constants.items():
            item.setdefault(str(field_path), str(value) if isinstance(value, Decimal) else value)
        items.append(item)
    if items:
        existing = _get(data, target) or []
        _set(data, target, [*existing, *items])
