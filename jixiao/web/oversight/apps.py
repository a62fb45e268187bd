"""App config for oversight: connects the signal that keeps each version's figures current."""

from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "jixiao.web.oversight"
    label = "oversight"
    verbose_name = "绩效监督分析 / Oversight"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from jixiao.web.evaluations.models import DossierVersion
        from jixiao.web.oversight import figures

        post_save.connect(
            figures.on_version_saved, sender=DossierVersion, dispatch_uid="oversight-figures"
        )
