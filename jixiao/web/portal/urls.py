"""Portal URLs (no login)."""

from django.urls import path

from jixiao.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/report.<str:fmt>", views.report_file, name="report_file"),
]
