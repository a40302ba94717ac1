from django.urls import path

from rathaus.dogtax import views_assessment, views_backoffice

app_name = "dogtax"

urlpatterns = [
    path("statute/", views_backoffice.statute, name="statute"),
    path("statute/rates/new/", views_backoffice.rate_period_new, name="rate_period_new"),
    path(
        "statute/exemptions/<int:pk>/",
        views_backoffice.exemption_kind_edit,
        name="exemption_kind_edit",
    ),
    path("assessment/", views_assessment.runs, name="assessment"),
    path("assessment/start/", views_assessment.start, name="assessment_start"),
    path("assessment/<int:year>/", views_assessment.run_detail, name="assessment_run"),
    path(
        "assessment/<int:year>/continue/",
        views_assessment.run_continue,
        name="assessment_continue",
    ),
    path(
        "assessment/<int:year>/files/<int:export_id>/",
        views_assessment.export_download,
        name="assessment_export",
    ),
]
