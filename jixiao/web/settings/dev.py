"""Development: DEBUG on, SQLite in <repo>/var, the local machine only."""

from __future__ import annotations

from jixiao.web.settings.base import *  # noqa: F403
from jixiao.web.settings.base import VAR_DIR

DEBUG = True
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve static files straight from the source folders
