"""App config for ledgers (台账)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgersConfig(AppConfig):
    name = "jixiao.web.ledgers"
    label = "ledgers"
    verbose_name = _("工作台账")  # the admin index, in the page's language
    default_auto_field = "django.db.models.BigAutoField"
