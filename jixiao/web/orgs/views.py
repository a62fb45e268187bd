"""The org/user sheet import page, for administrators (the same import as `manage.py import_orgs`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from jixiao.web.orgs.models import MustChangePassword, OrgChange, Role
from jixiao.web.orgs.sheets import Scope, SheetError, import_sheet


def _may_import(user: object) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    memberships = getattr(user, "memberships", None)
    return bool(memberships and memberships.filter(role=Role.ADMIN).exists())


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    if not _may_import(request.user):
        raise PermissionDenied(gettext("只有系统管理员可以导入组织与人员"))
    problems: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        name = Path(getattr(upload, "name", "") or "").name
        if upload is None or not name.lower().endswith((".csv", ".xlsx")):
            problems = [gettext("请上传 .csv 或 .xlsx 文件")]
        else:
            with tempfile.TemporaryDirectory(prefix="jixiao-orgs-") as folder:
                path = Path(folder) / name
                with path.open("wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                try:
                    report = import_sheet(path, Scope.of(request.user), via=f"网页导入 {name}")
                except SheetError as error:
                    problems = error.problems
                else:
                    messages.success(request, report.summary())
                    for note in report.notes[:30]:
                        messages.warning(request, note)
                    return redirect("org_import")
    return render(request, "orgs/import.html", {"problems": problems})


class PasswordChange(auth_views.PasswordChangeView):
    """Choose a new password (required first for an account made with an initial password)."""

    template_name = "orgs/password_change.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form: object) -> HttpResponse:
        response = super().form_valid(form)  # type: ignore[arg-type]
        MustChangePassword.objects.filter(user=self.request.user).delete()
        OrgChange.record(
            self.request.user, OrgChange.Action.PASSWORD_CHANGED, self.request.user.username
        )
        messages.success(self.request, _("密码已修改。"))
        return response
