"""Password validators whose messages are translated in both languages of the platform.

Django 5.2's minimum-length message changed its msgid, and its zh_Hans catalogue still carries
the old one, so a short password was refused in English on Chinese pages (the org sheet import,
the change-password form). This validator says the same in the project's own catalogue.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return gettext("密码太短：至少须有 %(min_length)s 个字符。") % {
            "min_length": self.min_length
        }

    def get_help_text(self) -> str:
        return gettext("密码至少须有 %(min_length)s 个字符。") % {"min_length": self.min_length}
