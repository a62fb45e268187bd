"""App config for results (结果应用 and 运行监控)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "jixiao.web.results"
    label = "results"
    verbose_name = _("结果应用")  # the admin index, in the page's language
    default_auto_field = "django.db.models.BigAutoField"
