"""Template context: the current user's roles, for the navigation bar."""

from __future__ import annotations

from django.http import HttpRequest


def current_roles(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_memberships": []}
    memberships = getattr(request, "_jixiao_memberships", None)
    if memberships is None:
        memberships = list(user.memberships.select_related("org"))
        request._jixiao_memberships = memberships  # type: ignore[attr-defined]
    return {"my_memberships": memberships}
