"""Head-count rules beyond the stated-vs-computed ones: quota, completeness."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.checks import Context, Note, rule


@rule("staffing.W001", "在职人数超过编制数", "Staff in service exceed the authorized posts")
def over_quota(context: Context) -> Iterator[Note]:
    staffing = context.dossier.staffing
    in_service, authorized = staffing.in_service_total(), staffing.authorized_total()
    if in_service is not None and authorized is not None and in_service > authorized:
        yield Note(
            f"在职{in_service}人超过编制{authorized}人（超编{in_service - authorized}人）",
            f"{in_service} in service against {authorized} authorized posts",
            "说明超编原因及消化计划；检查是否把编外、临聘人员计入在职",
            "staffing.in_service",
        )


@rule(
    "staffing.W002",
    "缺少编制或在职人数，无法计算在职人员控制率",
    "Missing posts or staff: no control rate",
)
def missing_counts(context: Context) -> Iterator[Note]:
    staffing = context.dossier.staffing
    if staffing.authorized_total() is None:
        yield Note(
            "未填报编制人数",
            "authorized posts missing",
            "按编制类型填报编制数（行政、参公、事业、工勤）",
            "staffing.authorized",
        )
    if staffing.in_service_total() is None:
        yield Note(
            "未填报在职人数",
            "staff in service missing",
            "按人员类型填报在职人数",
            "staffing.in_service",
        )


@rule("staffing.W003", "退休、遗属人数未填报", "Retired or survivors not reported")
def missing_retired(context: Context) -> Iterator[Note]:
    if context.dossier.staffing.retired is None:
        yield Note(
            "未填报退休人数，实有人数无法核对",
            "retired staff not reported",
            "没有退休人员时填 0",
            "staffing.retired",
        )
