"""App config for orgs; failed sign-ins are logged (user name and address, never the password)."""

from __future__ import annotations

import logging
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

security_log = logging.getLogger("jixiao.security")


def _log_failed_login(
    sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any
) -> None:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    security_log.warning(
        "failed sign-in for %r from %s", credentials.get("username", ""), address or "?"
    )


class OrgsConfig(AppConfig):
    name = "jixiao.web.orgs"
    label = "orgs"
    verbose_name = _("组织与人员")  # the admin index, in the page's language
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        user_login_failed.connect(_log_failed_login, dispatch_uid="jixiao-failed-login")
