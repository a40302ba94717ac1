from django.urls import path

from rathaus.participation.views import account, opendata, processes, projects, proposals, reports

app_name = "participation"

urlpatterns = [
    path("", processes.index, name="index"),
    path("processes/<slug:slug>/", processes.process_detail, name="process"),
    path("processes/<slug:slug>/proposals/", proposals.proposal_list, name="proposals"),
    path(
        "processes/<slug:slug>/proposals/new/",
        proposals.proposal_create_view,
        name="proposal_create",
    ),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/support/", proposals.support, name="support"),
    path("proposals/<int:pk>/comments/", proposals.comment, name="comment"),
    path(
        "proposals/<int:pk>/images/<int:image_pk>/",
        proposals.proposal_image,
        name="proposal_image",
    ),
    path("report/<str:kind>/<int:pk>/", reports.report, name="report"),
    path("follow/<str:kind>/<int:pk>/", processes.follow, name="follow"),
    path("projects/", projects.project_list, name="projects"),
    path("projects/feed/", projects.ProjectFeed(), name="projects_feed"),
    path("projects/<slug:slug>/", projects.project_detail, name="project"),
    path(
        "projects/<slug:slug>/documents/<int:pk>/",
        projects.project_document,
        name="project_document",
    ),
    path("me/", account.my_contributions, name="my_contributions"),
    path("me/settings/", account.my_settings, name="my_settings"),
    path("me/export/", account.my_export, name="my_export"),
    path("unsubscribe/<str:token>/", account.unsubscribe, name="unsubscribe"),
    path("opendata/<str:name>.<str:fmt>", opendata.dataset, name="opendata"),
]
