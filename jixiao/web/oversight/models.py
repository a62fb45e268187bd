"""The figures the dashboard sorts, filters and plots, stored per dossier version.

A :class:`VersionFigures` row holds what the core computes from a version's dossier data
(``jixiao.core.figures``: budget, spending, execution rate, staffing) and two classifications
for filtering (单位性质 from the profile, 职能领域 inferred from names), so the dashboard reads
them with one join instead of re-running the computation for every submission on every request.
It is written when the version's data is written (a ``post_save`` signal, see
:mod:`~jixiao.web.oversight.figures`) and filled in for versions that predate this app the first
time a dashboard needs them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.models import DossierVersion


class VersionFigures(models.Model):
    version = models.OneToOneField(
        DossierVersion,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="oversight_figures",
    )
    budget_total = models.DecimalField(
        _("预算总额（万元）"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    executed_total = models.DecimalField(
        _("执行数总额（万元）"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    execution_rate = models.DecimalField(
        _("预算执行率（%）"), max_digits=9, decimal_places=2, null=True, blank=True, db_index=True
    )
    staff_authorized = models.PositiveIntegerField(_("编制人数"), null=True, blank=True)
    staff_in_service = models.PositiveIntegerField(_("在职人数"), null=True, blank=True)
    unit_type = models.CharField(_("单位性质"), max_length=32, blank=True, db_index=True)
    functional_area = models.CharField(_("职能领域"), max_length=32, blank=True, db_index=True)
    computed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("版本指标（分析用）")
        verbose_name_plural = _("版本指标（分析用）")

    def __str__(self) -> str:
        return f"{self.version_id}: {self.execution_rate}"
