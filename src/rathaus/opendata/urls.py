from django.urls import path

from rathaus.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("datasets/<slug:dataset_id>/", views.dataset_page, name="dataset"),
    path("dashboards/<slug:dashboard_id>/", views.dashboard, name="dashboard"),
    path("charts/<slug:chart_id>.csv", views.chart_csv, name="chart_csv"),
]
