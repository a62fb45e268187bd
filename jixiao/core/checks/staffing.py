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
            hint_en="Explain the excess and the plan to absorb it; check that contract staff are not counted in service",
        )


@rule(
    "staffing.W002",
    "缺少编制或在职人数，或只有总数没有分类型人数",
    "Posts or staff missing, or only as totals",
)
def missing_counts(context: Context) -> Iterator[Note]:
    staffing, book = context.dossier.staffing, context.book
    for path, label, total, stated in (
        (
            "staffing.authorized",
            "编制人数",
            staffing.authorized_total(),
            book.stated("staffing.authorized"),
        ),
        (
            "staffing.in_service",
            "在职人数",
            staffing.in_service_total(),
            book.stated("staffing.in_service"),
        ),
    ):
        if total is not None:
            continue
        if stated is not None:
            yield Note(
                f"{label}只有总数（{stated}人），未按类型填报，相关人数无法核对",
                f"{path}: only a total is stated, no breakdown by type",
                "按类型填报（行政、参公、事业、工勤等）",
                path,
                hint_en="Enter counts by type (civil service, public institution, support staff…)",
            )
        else:
            yield Note(
                f"未填报{label}",
                f"{path} missing",
                "按类型填报（行政、参公、事业、工勤等）",
                path,
                hint_en="Enter counts by type (civil service, public institution, support staff…)",
            )


@rule("staffing.W003", "退休、遗属人数未填报", "Retired or survivors not reported")
def missing_retired(context: Context) -> Iterator[Note]:
    if context.dossier.staffing.retired is None:
        yield Note(
            "未填报退休人数，实有人数无法核对",
            "retired staff not reported",
            "没有退休人员时填 0",
            "staffing.retired",
            hint_en="Enter 0 when there are no retirees",
        )
