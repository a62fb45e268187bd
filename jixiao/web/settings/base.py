"""Shared settings: apps, middleware, i18n (zh-hans default, English available), Asia/Shanghai.

The database is SQLite at <repo>/var/jixiao.sqlite3 unless JIXIAO_DB names another SQLite file
or DATABASE_URL names a server database (PostgreSQL in real deployments).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

WEB_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = WEB_DIR.parent.parent
VAR_DIR = Path(os.environ.get("JIXIAO_VAR", REPO_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "jixiao-dev-only-not-secret")
DEBUG = False
ALLOWED_HOSTS: list[str] = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # with ninja installed as an app, /api/docs serves its bundled Swagger UI, not a CDN
    "axes",  # failed-login throttling
    "csp",  # Content-Security-Policy header (its system checks flag pre-4.0 settings)
    "jixiao.web.orgs",
    "jixiao.web.evaluations",
    "jixiao.web.portal",
    "jixiao.web.api",
    "jixiao.web.operations",
    "jixiao.web.results",
    "jixiao.web.ledgers",
    "jixiao.web.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao.web.orgs.middleware.PasswordChangeRequired",
    "jixiao.web.operations.middleware.DatabaseUnavailable",  # 503, not a 500, when the DB is gone
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# ── Content-Security-Policy (django-csp 4), on every response ──
# Scripts and styles only from this site's static files: no inline <script>, no style="" and no
# on…= handlers in any template (tests/web/test_csp.py), nothing from a CDN. The one exception is a
# report served as HTML: a standalone page whose own <style> is allowed by its hash, per response
# (evaluations.views.report_response). docs/web.md explains the policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# ── sign-in: throttling and passwords ──
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses while an account/address is locked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5  # wrong passwords for one account from one address ...
AXES_COOLOFF_TIME = timedelta(minutes=15)  # ... lock that pair for this long
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("JIXIAO_PROXY_COUNT", "0"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "jixiao.web.orgs.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "jixiao.web.orgs.context.current_roles",
            ],
        },
    }
]


# SQLite under concurrent requests: write-ahead logging lets readers go on while one request
# writes, and IMMEDIATE transactions take the write lock when they begin, so a second writer waits
# (up to the timeout) instead of failing with "database is locked" when it upgrades a read.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}

# PostgreSQL plans a server-side cursor (Django's .iterator()) for the first 10 % of its rows by
# default, and picked nested loops that ran for minutes over the oversight reads at a few hundred
# submissions; the lists read every row they open, so plan them as whole queries.
POSTGRES_OPTIONS = {"options": "-c cursor_tuple_fraction=1"}


def database_config() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60)
    else:
        path = os.environ.get("JIXIAO_DB") or str(VAR_DIR / "jixiao.sqlite3")
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    if "sqlite" in str(config["ENGINE"]):
        config["OPTIONS"] = {**SQLITE_OPTIONS, **dict(config.get("OPTIONS") or {})}
    elif "postgresql" in str(config["ENGINE"]):
        config["OPTIONS"] = {**POSTGRES_OPTIONS, **dict(config.get("OPTIONS") or {})}
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [WEB_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "jixiao.web.operations.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Evidence files: what a department may upload beside an indicator.
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
EVIDENCE_EXTENSIONS = (
    ".pdf",
    ".docx",
    ".doc",
    ".xlsx",
    ".xls",
    ".jpg",
    ".jpeg",
    ".png",
    ".txt",
    ".zip",
)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "portal:index"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# a running background job whose worker has not reported progress for this long is taken for
# dead and marked failed when its round page is read (evaluations.liveness)
JIXIAO_JOB_STALE_SECONDS = int(os.environ.get("JIXIAO_JOB_STALE_SECONDS", "600"))


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
