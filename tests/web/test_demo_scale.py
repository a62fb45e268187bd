"""The province demo (``jixiao manage demo --units N``): each submission points to its own version."""

from __future__ import annotations

import pytest
from django.db.models import F

from jixiao.web.evaluations.demo_scale import load_scale
from jixiao.web.evaluations.models import Submission

pytestmark = pytest.mark.django_db


def test_every_submission_points_to_its_own_first_version():
    loaded = load_scale(units=12, years=2, seed=3)
    rows = Submission.objects.filter(org__is_demo=True)
    assert loaded.submissions == rows.count() > 0
    assert not rows.filter(current_version__isnull=True).exists()
    assert not rows.exclude(current_version__submission_id=F("pk")).exists()
    assert set(rows.values_list("current_version__number", flat=True)) == {1}
