from django.urls import path

from rathaus.dogtax.views import assessment, register, statute

app_name = "dogtax"

urlpatterns = [
    path("statute/", statute.statute, name="statute"),
    path("statute/rates/new/", statute.rate_period_new, name="rate_period_new"),
    path(
        "statute/exemptions/<int:pk>/",
        statute.exemption_kind_edit,
        name="exemption_kind_edit",
    ),
    path("register/", register.register, name="register"),
    path("register/<str:number>/", register.household, name="household"),
    path("tags/lookup/", register.tag_lookup, name="tag_lookup"),
    path("assessment/", assessment.runs, name="assessment"),
    path("assessment/start/", assessment.start, name="assessment_start"),
    path("assessment/<int:year>/", assessment.run_detail, name="assessment_run"),
    path(
        "assessment/<int:year>/continue/",
        assessment.run_continue,
        name="assessment_continue",
    ),
    path(
        "assessment/<int:year>/files/notices-by-post.zip",
        assessment.postal_notices,
        name="assessment_postal",
    ),
    path(
        "assessment/<int:year>/files/<int:export_id>/",
        assessment.export_download,
        name="assessment_export",
    ),
]
