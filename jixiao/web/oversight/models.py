"""The figures the dashboard sorts, filters and plots, stored per dossier version.

A :class:`VersionFigures` row holds what the core computes from a version's dossier data
(``jixiao.core.figures``: budget, spending, execution rate, staffing) and two classifications
for filtering (单位性质 from the profile, 职能领域 inferred from names), so the dashboard reads
them with one join instead of re-running the computation for every submission on every request.
It is written when the version's data is written (a ``post_save`` signal, see
:mod:`~jixiao.web.oversight.figures`) and filled in for versions that predate this app the first
time a dashboard needs them.

:class:`RoundAnalysis`, :class:`VersionAnalysis` and :class:`ReusedParagraph` hold what
:mod:`~jixiao.web.oversight.analysis` finds over a round's handed-in reports with the core's
analytics (``jixiao.core.analytics``): paragraphs reused from other reports and target flags.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.models import DossierVersion, Round


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


class RoundAnalysis(models.Model):
    """When a round's reports were last compared (reuse, targets), and over which documents.

    ``fingerprint`` hashes the compared set (each handed-in submission's current version, in the
    round and the bureau's earlier rounds); a different set, or an edit of a compared version
    (``fingerprint`` blanked by the ``post_save`` signal), makes the next reader recompute.
    ``peer_targets`` keeps the round's numeric targets by indicator (name, unit, direction), so a
    form page can compare a draft's targets with its peers without reading every dossier."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, primary_key=True, related_name="oversight_analysis"
    )
    fingerprint = models.CharField(max_length=64, blank=True)
    documents = models.PositiveIntegerField(default=0)
    peer_targets = models.JSONField(default=dict, blank=True)
    seconds = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    computed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("批次分析（文字重复、目标质量）")
        verbose_name_plural = _("批次分析（文字重复、目标质量）")


class VersionAnalysis(models.Model):
    """One handed-in version's reuse score and target review, as of its round's last analysis."""

    version = models.OneToOneField(
        DossierVersion,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="oversight_analysis",
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    reuse_percent = models.DecimalField(
        _("文字重复率（%）"), max_digits=5, decimal_places=1, null=True, blank=True, db_index=True
    )
    paragraphs = models.PositiveIntegerField(default=0)  # paragraphs long enough to compare
    reused_paragraphs = models.PositiveIntegerField(default=0)
    common_paragraphs = models.PositiveIntegerField(default=0)  # template wording, not counted
    top_source = models.ForeignKey(
        DossierVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    top_source_percent = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    target_flags = models.JSONField(default=list, blank=True)  # TargetFlag.as_dict() each
    target_flag_count = models.PositiveIntegerField(_("目标问题"), default=0, db_index=True)
    # error-level findings of the version, those explained (豁免) included: a handed-in report
    # has no unexplained one, yet an explained error is still a reason to look closer
    error_findings = models.PositiveIntegerField(_("错误级核查发现"), default=0)

    class Meta:
        verbose_name = _("版本分析（文字重复、目标质量）")
        verbose_name_plural = _("版本分析（文字重复、目标质量）")


class ReusedParagraph(models.Model):
    """A paragraph of a handed-in version found (near-)verbatim in another report: its source."""

    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="reused_paragraphs"
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    place = models.CharField(max_length=80)  # narratives.effects[0]
    position = models.PositiveIntegerField()  # order among the version's narrative paragraphs
    text = models.TextField()
    source_version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="+")
    source_place = models.CharField(max_length=80)
    source_text = models.TextField()
    similarity = models.DecimalField(max_digits=4, decimal_places=3)
    documents = models.PositiveIntegerField(default=2)  # reports holding it or a near copy

    class Meta:
        ordering = ("version", "position")
        verbose_name = _("重复段落")
        verbose_name_plural = _("重复段落")


class PreparedText(models.Model):
    """A version's narrative ready for comparison (``similarity.prepare_document``): each
    counted paragraph's position, text and normalised form, their MinHash signatures, the
    field path of every narrative paragraph, and the version's error-level findings. Kept so a
    round's analysis reads the earlier years' reports without parsing and preparing them again;
    dropped when the version's data is written (``analysis.on_version_saved``)."""

    version = models.OneToOneField(
        DossierVersion, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    options = models.CharField(max_length=40)  # the ReuseOptions it was prepared with
    places = models.JSONField(default=list)
    paragraphs = models.JSONField(default=list)  # [[position, text, form], ...]
    signatures = models.BinaryField()
    error_findings = models.PositiveIntegerField(default=0)
    actuals = models.JSONField(default=dict)  # indicator "name|unit" → actual, as text
