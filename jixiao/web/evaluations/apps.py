"""App config for evaluations."""

from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "jixiao.web.evaluations"
    label = "evaluations"
    verbose_name = "绩效评价 / Evaluations"
    default_auto_field = "django.db.models.BigAutoField"
