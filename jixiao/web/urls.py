"""URL map: the app under /, the public portal under /portal/, the API under /api/, admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from jixiao.web.api.api import api
from jixiao.web.evaluations import views
from jixiao.web.orgs import views as org_views

urlpatterns = [
    # browsers ask for /favicon.ico whatever the page links; the icon is a local static file
    path(
        "favicon.ico", lambda request: HttpResponsePermanentRedirect(static("jixiao/favicon.svg"))
    ),
    path("", RedirectView.as_view(pattern_name="portal:index", permanent=False), name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", org_views.PasswordChange.as_view(), name="password_change"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("rounds/", views.round_list, name="round_list"),
    path("rounds/new/", views.round_new, name="round_new"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/export/", views.round_export, name="round_export"),
    path("rounds/<int:pk>/import/", views.round_import, name="round_import"),
    path("jobs/<int:pk>/", views.job_status, name="job_status"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path(
        "submissions/<int:pk>/edit/<str:key>/", views.submission_section, name="submission_section"
    ),
    path(
        "submissions/<int:pk>/action/<str:action>/",
        views.submission_action,
        name="submission_action",
    ),
    path("submissions/<int:pk>/rescore/", views.submission_rescore, name="submission_rescore"),
    path("submissions/<int:pk>/waive/", views.submission_waive, name="submission_waive"),
    path("submissions/<int:pk>/unwaive/", views.submission_unwaive, name="submission_unwaive"),
    path("submissions/<int:pk>/evidence/", views.submission_evidence, name="submission_evidence"),
    path("submissions/<int:pk>/import/", views.submission_import, name="submission_import"),
    path(
        "submissions/<int:pk>/report.<str:fmt>", views.submission_report, name="submission_report"
    ),
    path("submissions/<int:pk>/audit/", views.submission_audit, name="submission_audit"),
    path("submissions/<int:pk>/audit.csv", views.submission_audit_csv, name="submission_audit_csv"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("tokens/", views.tokens, name="tokens"),
    path("template.xlsx", views.excel_template, name="excel_template"),
    path("orgs/import/", org_views.import_page, name="org_import"),
    path("oversight/", include("jixiao.web.oversight.urls")),
    path("portal/", include("jixiao.web.portal.urls")),
    path("results/", include("jixiao.web.results.urls")),
    path("ledgers/", include("jixiao.web.ledgers.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "jixiao 绩效评价 管理后台"
admin.site.site_title = "jixiao"
# /media/ is deliberately not served: evidence files and export ZIPs are streamed by views
# (evidence_download, job_download) after a permission check.
