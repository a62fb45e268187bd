"""An account created with an initial password (the org sheet) must choose its own first.

Until it has, every page but the password change and sign-out sends the user to the change form
with a message; the API refuses with 403 (a token can only be made after signing in anyway)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from jixiao.web.orgs.models import MustChangePassword

EXEMPT = ("password_change", "logout", "set_language")


class PasswordChangeRequired:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not self._exempt(request)
            and MustChangePassword.objects.filter(user=user).exists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _("请先修改初始密码。")}, status=403)
            messages.warning(request, _("这是管理员设置的初始密码，请先设置您自己的密码。"))
            return redirect("password_change")
        return self.get_response(request)

    @staticmethod
    def _exempt(request: HttpRequest) -> bool:
        exempt = [reverse(name) for name in EXEMPT]
        return request.path in exempt or request.path.startswith(("/static/", "/i18n/"))
