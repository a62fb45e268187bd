"""URLs of the use of results and monitoring, under /results/."""

from __future__ import annotations

from django.urls import path

from jixiao.web.results import views

app_name = "results"

urlpatterns = [
    path("", views.index, name="index"),
    path("rules/", views.rules, name="rules"),
    path("rounds/<int:pk>/", views.register, name="register"),
    path("rounds/<int:pk>/register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("submissions/<int:pk>/", views.submission_results, name="submission"),
    path("submissions/<int:pk>/decision/", views.decide, name="decide"),
    path("submissions/<int:pk>/publish/", views.publish, name="publish"),
    path("submissions/<int:pk>/items/", views.item_new, name="item_new"),
    path("submissions/<int:pk>/monitoring/", views.monitoring, name="monitoring"),
    path("items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path("items/<int:pk>/review/", views.item_review, name="item_review"),
    path("monitoring/", views.monitoring_list, name="monitoring_list"),
]
