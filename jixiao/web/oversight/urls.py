"""URLs of the oversight pages, under /oversight/."""

from __future__ import annotations

from django.urls import path

from jixiao.web.oversight import views

app_name = "oversight"
urlpatterns = [
    path("rounds/<int:pk>/", views.round_dashboard, name="round_dashboard"),
    path(
        "rounds/<int:pk>/export/<str:table>.xlsx",
        views.round_dashboard_export,
        name="round_dashboard_export",
    ),
    path("orgs/<int:org_id>/years/", views.org_years, name="org_years"),
    path("submissions/<int:pk>/reuse/", views.submission_reuse, name="submission_reuse"),
]
