"""Rules, decisions, rectification items, monitoring snapshots and their audit rows.

- :class:`ResultRuleSet`: one finance bureau's rules (grade → budget reduction share, finding ids
  that call for 整改, the monitoring margin); the defaults of ``jixiao.core.results`` until the
  bureau edits them.
- :class:`Decision`: the bureau's decision on one submission, beside the suggestion it was made
  from (kept as it was then, so a later rule change does not rewrite history).
- :class:`RectificationItem` and its :class:`RectificationUpdate` rows: what a unit must put right,
  by when, and each step (the unit's progress notes, the bureau's confirmation).
- :class:`MonitoringSnapshot`: budget spent and indicator values to a date (运行监控).
- :class:`ResultAudit`: who changed what, when (the shape of ``evaluations.AuditEntry``).

Only ``results.services`` writes these rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jixiao.core.monitoring import DEFAULT_MARGIN
from jixiao.core.results import DEFAULT_RULES, ResultRules, parse_finding_ids
from jixiao.web.evaluations.models import Submission
from jixiao.web.orgs.models import Org

MONEY = {"max_digits": 16, "decimal_places": 2}
SHARE = {"max_digits": 5, "decimal_places": 2}


class MoneyUnit(models.TextChoices):
    YUAN = "元", _("元")
    WAN = "万元", _("万元")


class ResultRuleSet(models.Model):
    """A finance bureau's rules for the use of results and for monitoring warnings."""

    finance = models.OneToOneField(
        Org, on_delete=models.CASCADE, related_name="result_rules", verbose_name=_("财政局")
    )
    cut_excellent = models.DecimalField(_("“优”压减比例（%）"), default=Decimal(0), **SHARE)
    cut_good = models.DecimalField(_("“良”压减比例（%）"), default=Decimal(0), **SHARE)
    cut_fair = models.DecimalField(_("“中”压减比例（%）"), default=Decimal(5), **SHARE)
    cut_poor = models.DecimalField(_("“差”压减比例（%）"), default=Decimal(10), **SHARE)
    rectify_findings = models.TextField(_("须整改的审核发现编号"), blank=True)
    rectify_on_any_error = models.BooleanField(_("存在错误级审核发现即须整改"), default=True)
    monitoring_margin = models.DecimalField(
        _("运行监控预警阈值（百分点）"), default=DEFAULT_MARGIN, **SHARE
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("结果应用规则")
        verbose_name_plural = _("结果应用规则")

    def as_rules(self) -> ResultRules:
        return ResultRules(
            grade_cuts={
                "优": self.cut_excellent,
                "良": self.cut_good,
                "中": self.cut_fair,
                "差": self.cut_poor,
            },
            rectify_findings=parse_finding_ids(self.rectify_findings),
            rectify_on_any_error=self.rectify_on_any_error,
        )

    @classmethod
    def defaults_for(cls, finance: Org) -> ResultRuleSet:
        """An unsaved rule set with the defaults, for a bureau that has not edited its own."""
        cuts = DEFAULT_RULES.grade_cuts
        return cls(
            finance=finance,
            cut_excellent=cuts["优"],
            cut_good=cuts["良"],
            cut_fair=cuts["中"],
            cut_poor=cuts["差"],
            rectify_findings=" ".join(sorted(DEFAULT_RULES.rectify_findings)),
            rectify_on_any_error=DEFAULT_RULES.rectify_on_any_error,
            monitoring_margin=DEFAULT_MARGIN,
        )


class Choice(models.TextChoices):
    ACCEPT = "accept", _("采纳建议")
    CHANGE = "change", _("调整")


class BudgetAction(models.TextChoices):
    KEEP = "keep", _("维持预算")
    REDUCE = "reduce", _("压减预算")
    INCREASE = "increase", _("增加预算")


class Decision(models.Model):
    """The finance bureau's decision on one report's budget consequence."""

    submission = models.OneToOneField(
        Submission, on_delete=models.CASCADE, related_name="result_decision"
    )
    suggested_share = models.DecimalField(_("建议压减比例（%）"), **SHARE)
    suggested_rectify = models.BooleanField(_("建议整改"), default=False)
    suggested_text = models.CharField(_("建议"), max_length=200)
    suggested_reasons = models.JSONField(default=list, blank=True)  # [{"zh", "en"}]
    choice = models.CharField(_("决定"), max_length=10, choices=Choice.choices)
    action = models.CharField(_("预算处理"), max_length=10, choices=BudgetAction.choices)
    share = models.DecimalField(_("比例（%）"), null=True, blank=True, **SHARE)
    amount = models.DecimalField(_("金额"), null=True, blank=True, **MONEY)
    amount_unit = models.CharField(
        _("金额单位"), max_length=4, choices=MoneyUnit.choices, default=MoneyUnit.WAN
    )
    reason = models.TextField(_("理由"), blank=True)
    published = models.BooleanField(_("已公开"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_name = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("结果应用决定")
        verbose_name_plural = _("结果应用决定")


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("未开始")
    IN_PROGRESS = "in_progress", _("整改中")
    DONE = "done", _("已完成")


OVERDUE_LABEL = _("逾期")


def item_status(status: str, due: date, today: date) -> str:
    """The status shown: a stored one, or 逾期 ("overdue") when unfinished after its due date."""
    if status != ItemStatus.DONE and due < today:
        return "overdue"
    return status


class RectificationItem(models.Model):
    """One thing a unit must put right (整改事项), by a date."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="rectification_items"
    )
    owner = models.ForeignKey(
        Org,
        on_delete=models.PROTECT,
        related_name="rectification_items",
        verbose_name=_("责任单位"),
    )
    responsible = models.CharField(_("责任科室或责任人"), max_length=100, blank=True)
    description = models.TextField(_("整改事项"))
    due_date = models.DateField(_("整改期限"))
    status = models.CharField(
        _("状态"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    reported_done = models.BooleanField(_("单位已报完成"), default=False)
    confirmed_at = models.DateTimeField(_("确认完成时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("due_date", "pk")
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改事项")

    def shown_status(self, today: date | None = None) -> str:
        return item_status(self.status, self.due_date, today or timezone.localdate())

    def status_label(self, today: date | None = None) -> str:
        shown = self.shown_status(today)
        label = str(OVERDUE_LABEL) if shown == "overdue" else str(ItemStatus(shown).label)
        if self.reported_done and self.status != ItemStatus.DONE:
            label += str(_("（单位已报完成，待财政确认）"))
        return label

    @property
    def is_open(self) -> bool:
        return self.status != ItemStatus.DONE


class UpdateKind(models.TextChoices):
    PROGRESS = "progress", _("进展")
    REPORTED_DONE = "reported_done", _("报告完成")
    CONFIRMED = "confirmed", _("财政确认完成")
    SENT_BACK = "sent_back", _("财政退回继续整改")


class RectificationUpdate(models.Model):
    item = models.ForeignKey(RectificationItem, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=16, choices=UpdateKind.choices)
    status = models.CharField(max_length=12, choices=ItemStatus.choices)
    note = models.TextField(_("说明"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("at", "pk")


class MonitoringSnapshot(models.Model):
    """Budget spent and indicator values to a date (运行监控), entered by the unit."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="monitoring_snapshots"
    )
    as_of = models.DateField(_("监控截止日期"))
    label = models.CharField(_("监控期间"), max_length=40, blank=True)  # "1-7月"
    unit = models.CharField(
        _("金额单位"), max_length=4, choices=MoneyUnit.choices, default=MoneyUnit.WAN
    )
    budget = models.DecimalField(_("全年预算"), **MONEY)
    spent = models.DecimalField(_("累计支出"), **MONEY)
    # [{"id", "name", "comparator", "target", "unit", "to_date"}], numbers as text
    indicators = models.JSONField(default=list, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-as_of", "pk")
        unique_together = (("submission", "as_of"),)
        verbose_name = _("运行监控")
        verbose_name_plural = _("运行监控")


class AuditAction(models.TextChoices):
    RULES = "rules", _("修改结果应用规则")
    DECIDE = "decide", _("结果应用决定")
    PUBLISH = "publish", _("公开结果应用")
    ITEM_CREATE = "item_create", _("新增整改事项")
    ITEM_PROGRESS = "item_progress", _("更新整改进展")
    ITEM_CONFIRM = "item_confirm", _("确认整改完成")
    ITEM_SEND_BACK = "item_send_back", _("退回继续整改")
    SNAPSHOT = "snapshot", _("填报运行监控")


class ResultAudit(models.Model):
    """One change to rules, decisions, items or snapshots: who, when, what (old → new)."""

    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="result_audit"
    )
    org = models.ForeignKey(Org, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)  # [{"path", "old", "new"}]

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("结果应用审计记录")
        verbose_name_plural = _("结果应用审计记录")
