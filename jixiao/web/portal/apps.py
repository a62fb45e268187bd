"""App config for portal."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "jixiao.web.portal"
    label = "portal"
    verbose_name = "公开门户 / Portal"
