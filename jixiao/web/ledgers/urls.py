"""URLs of the ledgers app, under /ledgers/ (the public questionnaire under /ledgers/survey/)."""

from __future__ import annotations

from django.urls import path

from jixiao.web.ledgers import views

app_name = "ledgers"

urlpatterns = [
    path("", views.index, name="index"),
    path("survey/<str:token>/", views.answer, name="answer"),
    path("records/<int:pk>/", views.record_detail, name="record"),
    path("records/<int:pk>/delete/", views.record_delete, name="record_delete"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("template/<str:ledger>.xlsx", views.template, name="template"),
    path("<int:org>/", views.unit, name="unit"),
    path("<int:org>/audit/", views.audit, name="audit"),
    path("<int:org>/surveys/", views.surveys, name="surveys"),
    path("<int:org>/energy/", views.energy, name="energy"),
    path("<int:org>/energy.xlsx", views.energy_export, name="energy_export"),
    path("<int:org>/<str:ledger>/", views.record_list, name="records"),
    path("<int:org>/<str:ledger>/new/", views.record_new, name="record_new"),
    path("<int:org>/<str:ledger>/import/", views.record_import, name="record_import"),
]
