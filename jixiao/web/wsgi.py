"""WSGI entry point (gunicorn jixiao.web.wsgi)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from jixiao.web import settings_module

os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
application = get_wsgi_application()
