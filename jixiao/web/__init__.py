"""The jixiao web platform: departments fill in, finance bureaus review, the public reads.

A Django 5.2 project on top of the core. Apps: ``orgs`` (the org tree and who holds which role),
``evaluations`` (rounds, submissions with versioned dossiers, the workflow and its audit trail),
``portal`` (published reports, no login) and ``api`` (django-ninja under /api/). State changes go
only through ``evaluations.services``; reads with object-level permissions through
``evaluations.selectors``. Settings: ``jixiao.web.settings.<dev|test|production>``, chosen by
``JIXIAO_ENV`` (see :func:`settings_module`).
"""

from __future__ import annotations

import os

ENVIRONMENTS = ("dev", "test", "production")


def settings_module() -> str:
    """The settings module for JIXIAO_ENV (dev by default)."""
    env = os.environ.get("JIXIAO_ENV", "dev").strip() or "dev"
    if env not in ENVIRONMENTS:
        raise SystemExit(
            f"JIXIAO_ENV={env!r} 无效，应为 {' / '.join(ENVIRONMENTS)} 之一 / "
            f"invalid JIXIAO_ENV, expected one of {', '.join(ENVIRONMENTS)}"
        )
    return f"jixiao.web.settings.{env}"
