"""App config for evaluations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "jixiao.web.evaluations"
    label = "evaluations"
    verbose_name = _("绩效评价")  # the admin index, in the page's language
    default_auto_field = "django.db.models.BigAutoField"
