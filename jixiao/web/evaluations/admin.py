"""Django admin: rounds and submissions to look at; the audit trail read-only.

State changes belong to the services (with permission checks and audit rows), so the admin shows
submissions, versions and audit entries without letting anyone edit them around the workflow.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from jixiao.web.evaluations.models import AuditEntry, BatchJob, DossierVersion, Round, Submission


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("year", "notice", "title", "finance", "deadline", "framework_id")
    list_filter = ("year", "finance")
    search_fields = ("notice", "title")
    readonly_fields = ("created_by", "created")


@admin.register(Submission)
class SubmissionAdmin(ReadOnly):
    list_display = ("org", "round", "state", "is_late", "submitted_at", "published_at")
    list_filter = ("state", "is_late", "round__year")
    search_fields = ("org__name", "org__code")
    list_select_related = ("org", "round")


@admin.register(DossierVersion)
class DossierVersionAdmin(ReadOnly):
    list_display = (
        "submission",
        "number",
        "locked",
        "score_total",
        "grade",
        "final_total",
        "final_grade",
        "final_basis",
        "error_count",
        "created",
    )
    list_filter = ("locked",)
    list_select_related = ("submission__org", "submission__round")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnly):
    list_display = ("at", "actor_name", "action", "submission", "from_state", "to_state", "reason")
    list_filter = ("action",)
    search_fields = ("actor_name", "reason", "submission__org__name")
    list_select_related = ("submission__org", "submission__round")


@admin.register(BatchJob)
class BatchJobAdmin(ReadOnly):
    list_display = ("round", "fmt", "status", "done", "total", "created", "requested_by")
