"""App config for orgs."""

from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "jixiao.web.orgs"
    label = "orgs"
    verbose_name = "组织与人员 / Organisations"
    default_auto_field = "django.db.models.BigAutoField"
