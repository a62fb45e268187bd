"""The fixed Chinese words the dashboard shows from its own data, for translation.

A unit's 职能领域 (functional area, a 功能分类 类 inferred from names in ``figures``) is stored as
its Chinese name; pages show it through gettext (the ``term`` cell kind and filter). The names
are listed here as literals so that ``makemessages`` extracts them; a test checks the list
against ``figures.FUNCTIONAL_AREAS``.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

FUNCTIONAL_AREAS = (
    _("教育"),
    _("卫生健康"),
    _("农林水"),
    _("交通运输"),
    _("自然资源海洋气象等"),
    _("社会保障和就业"),
    _("文化旅游体育与传媒"),
    _("公共安全"),
    _("城乡社区"),
    _("节能环保"),
    _("一般公共服务"),
)
