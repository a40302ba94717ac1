from django.urls import path

from rathaus.participation.views import backoffice, manage

app_name = "participation"

urlpatterns = [
    path("", backoffice.queue, name="queue"),
    path("hide/<str:kind>/<int:pk>/", backoffice.hide, name="hide"),
    path("unhide/<str:kind>/<int:pk>/", backoffice.unhide, name="unhide"),
    path("dismiss/<str:kind>/<int:pk>/", backoffice.dismiss, name="dismiss"),
    path("answer/<int:pk>/", backoffice.answer, name="answer"),
    path("participants/<int:pk>/block/", backoffice.block, name="block"),
    path("participants/<int:pk>/unblock/", backoffice.unblock, name="unblock"),
]

urlpatterns += [
    path("manage/", manage.overview, name="manage"),
    path("manage/processes/new/", manage.process_edit, name="process_new"),
    path("manage/processes/<int:pk>/", manage.process_edit, name="process_edit"),
    path("manage/projects/new/", manage.project_edit, name="project_new"),
    path("manage/projects/<int:pk>/", manage.project_edit, name="project_edit"),
    path(
        "manage/projects/<int:pk>/<str:part>/",
        manage.project_add,
        name="project_add",
    ),
]
