from django.urls import path

from rathaus.dogtax import views_assessment, views_backoffice, views_register

app_name = "dogtax"

urlpatterns = [
    path("statute/", views_backoffice.statute, name="statute"),
    path("statute/rates/new/", views_backoffice.rate_period_new, name="rate_period_new"),
    path(
        "statute/exemptions/<int:pk>/",
        views_backoffice.exemption_kind_edit,
        name="exemption_kind_edit",
    ),
    path("register/", views_register.register, name="register"),
    path("register/<str:number>/", views_register.household, name="household"),
    path("tags/lookup/", views_register.tag_lookup, name="tag_lookup"),
    path("assessment/", views_assessment.runs, name="assessment"),
    path("assessment/start/", views_assessment.start, name="assessment_start"),
    path("assessment/<int:year>/", views_assessment.run_detail, name="assessment_run"),
    path(
        "assessment/<int:year>/continue/",
        views_assessment.run_continue,
        name="assessment_continue",
    ),
    path(
        "assessment/<int:year>/files/notices-by-post.zip",
        views_assessment.postal_notices,
        name="assessment_postal",
    ),
    path(
        "assessment/<int:year>/files/<int:export_id>/",
        views_assessment.export_download,
        name="assessment_export",
    ),
]
