"""Compute and store each dossier version's figures for the dashboard (:class:`VersionFigures`).

The numbers come from the core (``jixiao.core.figures.FigureBook``) over the version's stored data,
exactly as the submission page and the report compute them: 预算总额 ``budget.total``, 执行数
``executed.total``, 预算执行率 ``rates.execution``, 编制 and 在职 head-counts. Invalid data stores a
row of blanks (the dashboard shows "—"), never an error.

职能领域 (functional area) is not part of the dossier or the org tree. It is inferred from the names
of the unit and the orgs above it, by keywords of the 政府收支分类科目 功能分类 (类级): a 中学 is 教育,
a 疾病预防控制中心 卫生健康. Pages say that it is inferred; a name that matches nothing is 其他.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from jixiao.core.dossier import dossier_from_data
from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.web.evaluations.models import DossierVersion
from jixiao.web.orgs.models import Org
from jixiao.web.oversight.models import VersionFigures

OTHER_AREA = "其他"
BATCH = 500  # versions read and rows inserted at a time when filling in
# 功能分类 (类) → keywords in a unit's or department's name; the first area that matches wins,
# so the more specific areas come first (教育体育局 is 教育, 文化广电旅游局 文化旅游体育与传媒)
FUNCTIONAL_AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("教育", ("教育", "学校", "中学", "小学", "幼儿园", "职业中等", "学院", "教体")),
    (
        "卫生健康",
        ("卫生", "健康", "医院", "中医", "疾病预防", "妇幼", "医疗", "医保"),
    ),
    (
        "农林水",
        ("农业", "农村", "畜牧", "兽医", "林业", "水利", "河道", "水务", "乡村振兴", "农机"),
    ),
    ("交通运输", ("交通", "公路", "运输", "港航")),
    ("自然资源海洋气象等", ("自然资源", "不动产", "土地", "气象", "测绘")),
    (
        "社会保障和就业",
        ("民政", "社会福利", "殡葬", "人力资源", "社会保障", "退役军人", "残疾", "就业"),
    ),
    (
        "文化旅游体育与传媒",
        ("文化", "广电", "旅游", "图书馆", "博物馆", "体育", "新闻", "档案"),
    ),
    ("公共安全", ("公安", "司法", "法院", "检察", "消防")),
    ("城乡社区", ("住房", "城乡", "城管", "住建", "环卫", "园林")),
    ("节能环保", ("生态环境", "环保", "环境保护")),
    (
        "一般公共服务",
        (
            "机关事务",
            "财政",
            "发展和改革",
            "发改",
            "统计",
            "审计",
            "税务",
            "市场监督",
            "办公室",
            "人民政府",
        ),
    ),
)


def functional_area(names: Iterable[str]) -> str:
    """The first area whose keyword occurs in the first name that has one (unit before 主管部门)."""
    for name in names:
        for area, keywords in FUNCTIONAL_AREAS:
            if any(keyword in name for keyword in keywords):
                return area
    return OTHER_AREA


def _whole(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def figures_of(data: dict[str, Any], org_names: list[str]) -> dict[str, Any]:
    """The stored columns for one version's *data*; *org_names* run from the unit upward."""
    profile = data.get("profile") if isinstance(data, dict) else None
    profile = profile if isinstance(profile, dict) else {}
    names = [*org_names, str(profile.get("name") or ""), str(profile.get("parent") or "")]
    row: dict[str, Any] = {
        "budget_total": None,
        "executed_total": None,
        "execution_rate": None,
        "staff_authorized": None,
        "staff_in_service": None,
        "unit_type": str(profile.get("unit_type") or "")[:32],
        "functional_area": functional_area(n for n in names if n),
    }
    try:
        book = FigureBook(dossier_from_data(data, origin="<web>"))
    except (InputError, TypeError, ValueError):
        return row
    row["budget_total"] = _money(book.value("budget.total"))
    row["executed_total"] = _money(book.value("executed.total"))
    row["execution_rate"] = _money(book.value("rates.execution"))
    row["staff_authorized"] = _whole(book.value("staffing.authorized"))
    row["staff_in_service"] = _whole(book.value("staffing.in_service"))
    return row


def _org_names(org: Any) -> list[str]:
    names = []
    while org is not None and len(names) < 3:
        names.append(org.name)
        org = org.parent
    return names


def store(version: DossierVersion) -> VersionFigures:
    """Compute and save *version*'s figures (replacing what was stored)."""
    org = Org.objects.select_related("parent__parent").get(submissions__pk=version.submission_id)
    values = figures_of(version.data, _org_names(org))
    row, _ = VersionFigures.objects.update_or_create(version_id=version.pk, defaults=values)
    return row


def on_version_saved(
    sender: Any, instance: DossierVersion, created: bool, update_fields: Any = None, **_: Any
) -> None:
    """``post_save`` of a DossierVersion: refresh its figures when its data was rewritten. A new
    version has none yet: the next dashboard fills them in with the others, in bulk
    (:func:`fill_missing`), so opening a round for a thousand units costs nothing here."""
    if created or (update_fields is not None and "data" not in update_fields):
        return
    store(instance)


def fill_missing(submissions: QuerySet[Any]) -> int:
    """Store figures for the current versions of *submissions* that have none (saved before this
    app was installed): the ids, then a query (and a bulk insert when some are missing) per
    batch of versions. Returns how many rows were added."""
    # the ids first, then plain batches by id: as one streamed query with the visibility
    # subquery inside, PostgreSQL's cursor plan (tuned for first rows) ran for minutes
    ids = list(
        submissions.order_by()
        .exclude(current_version_id=None)
        .values_list("current_version_id", flat=True)
    )
    added, batch = 0, []
    for start in range(0, len(ids), BATCH):
        versions = DossierVersion.objects.filter(
            pk__in=ids[start : start + BATCH], oversight_figures__isnull=True
        ).select_related("submission__org__parent__parent")
        for version in versions:
            org_names = _org_names(version.submission.org)
            batch.append(
                VersionFigures(version_id=version.pk, **figures_of(version.data, org_names))
            )
        added += _insert(batch)
    return added


def _insert(batch: list[VersionFigures]) -> int:
    if batch:
        VersionFigures.objects.bulk_create(batch, ignore_conflicts=True)
    count = len(batch)
    batch.clear()
    return count
