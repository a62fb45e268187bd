"""App config for oversight: connects the signals that keep each version's figures and the
rounds' analyses (reuse, targets) current."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "jixiao.web.oversight"
    label = "oversight"
    verbose_name = _("绩效监督分析")  # the admin index, in the page's language
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from jixiao.web.evaluations.models import DossierVersion
        from jixiao.web.oversight import analysis, figures

        post_save.connect(
            figures.on_version_saved, sender=DossierVersion, dispatch_uid="oversight-figures"
        )
        post_save.connect(
            analysis.on_version_saved, sender=DossierVersion, dispatch_uid="oversight-analysis"
        )
