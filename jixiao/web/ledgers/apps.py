"""App config for ledgers (台账)."""

from django.apps import AppConfig


class LedgersConfig(AppConfig):
    name = "jixiao.web.ledgers"
    label = "ledgers"
    verbose_name = "台账 / Ledgers"
    default_auto_field = "django.db.models.BigAutoField"
