"""App config for results (结果应用 and 运行监控)."""

from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "jixiao.web.results"
    label = "results"
    verbose_name = "结果应用 / Use of results"
    default_auto_field = "django.db.models.BigAutoField"
