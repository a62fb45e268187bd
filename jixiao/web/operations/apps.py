"""App config for operations (management commands only; no models)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "jixiao.web.operations"
    label = "operations"
    verbose_name = _("运维")  # the admin index, in the page's language
