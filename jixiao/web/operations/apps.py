"""App config for operations (management commands only; no models)."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "jixiao.web.operations"
    label = "operations"
    verbose_name = "运维 / Operations"
