"""Tests: fast password hashing, tasks run immediately, files in a temporary directory."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao.web.settings.base import *  # noqa: F403
from jixiao.web.settings.base import database_config

DATABASES = {"default": database_config()}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="jixiao-test-media-"))
STORAGES = {
    "default": {"BACKEND": "jixiao.web.operations.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="jixiao-test-static-"))
WHITENOISE_USE_FINDERS = True  # serve static files straight from the source folders
# Django's test client signs in without a request, which django-axes refuses: the suite runs with
# the model backend alone, and the throttling tests switch axes on (tests/web/test_signin.py).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AXES_ENABLED = False
SILENCED_SYSTEM_CHECKS = ["axes.W003"]  # the axes backend is left out on purpose (above)
