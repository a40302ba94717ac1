from django.urls import path

from rathaus.opendata.views import pages

app_name = "opendata"

urlpatterns = [
    path("", pages.catalogue, name="catalogue"),
    path("datasets/<slug:dataset_id>/", pages.dataset_page, name="dataset"),
    path("dashboards/<slug:dashboard_id>/", pages.dashboard, name="dashboard"),
    path("charts/<slug:chart_id>.csv", pages.chart_csv, name="chart_csv"),
]
