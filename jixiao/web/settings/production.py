"""Production (JIXIAO_ENV=production): secrets and hosts from the environment, PostgreSQL via
DATABASE_URL, WhiteNoise serving compressed, fingerprinted static files; run with gunicorn.

Refuses to start (ImproperlyConfigured, bilingual) when SECRET_KEY, ALLOWED_HOSTS or DATABASE_URL
is missing, rather than falling back to a development value.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from jixiao.web.settings.base import *  # noqa: F403
from jixiao.web.settings.base import database_config

REQUIRED = {
    "SECRET_KEY": "随机的长密钥 / a long random secret",
    "ALLOWED_HOSTS": "逗号分隔的主机名，如 jixiao.example.gov.cn / comma-separated host names",
    "DATABASE_URL": "如 postgres://user:pass@host:5432/jixiao / e.g. postgres://user:pass@host/db",
}
_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    details = "; ".join(f"{name}: {REQUIRED[name]}" for name in _missing)
    raise ImproperlyConfigured(
        f"生产环境缺少环境变量 {', '.join(_missing)}，拒绝启动 / production settings refuse to start "
        f"without {', '.join(_missing)} ({details})"
    )

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
DATABASES = {"default": database_config()}
STORAGES = {
    "default": {"BACKEND": "jixiao.web.operations.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SESSION_COOKIE_SECURE = os.environ.get("JIXIAO_INSECURE_COOKIES") != "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# HTTPS only, by default. Behind a TLS-terminating proxy that sets X-Forwarded-Proto (see
# SECURE_PROXY_SSL_HEADER) this still holds; a proxy that redirects to HTTPS itself can switch the
# redirect off with JIXIAO_SSL_REDIRECT=0, and JIXIAO_HSTS_SECONDS=0 switches HSTS off while a new
# host name is being tried out (browsers remember HSTS for the whole period).
SECURE_SSL_REDIRECT = os.environ.get("JIXIAO_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("JIXIAO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# The browsers' HSTS preload list is for public domains: a government intranet host cannot be on it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
