"""Settings for the web benchmark's server: production-like (DEBUG off, no query log), static
files from the source folders, local hosts only; the database from JIXIAO_DB or DATABASE_URL."""

from __future__ import annotations

from jixiao.web.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
WHITENOISE_USE_FINDERS = True
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AXES_ENABLED = False
SILENCED_SYSTEM_CHECKS = ["axes.W003"]
