from django.urls import path

from rathaus.participation import views_backoffice, views_manage

app_name = "participation"

urlpatterns = [
    path("", views_backoffice.queue, name="queue"),
    path("hide/<str:kind>/<int:pk>/", views_backoffice.hide, name="hide"),
    path("unhide/<str:kind>/<int:pk>/", views_backoffice.unhide, name="unhide"),
    path("dismiss/<str:kind>/<int:pk>/", views_backoffice.dismiss, name="dismiss"),
    path("answer/<int:pk>/", views_backoffice.answer, name="answer"),
    path("participants/<int:pk>/block/", views_backoffice.block, name="block"),
    path("participants/<int:pk>/unblock/", views_backoffice.unblock, name="unblock"),
]

urlpatterns += [
    path("manage/", views_manage.overview, name="manage"),
    path("manage/processes/new/", views_manage.process_edit, name="process_new"),
    path("manage/processes/<int:pk>/", views_manage.process_edit, name="process_edit"),
    path("manage/projects/new/", views_manage.project_edit, name="project_new"),
    path("manage/projects/<int:pk>/", views_manage.project_edit, name="project_edit"),
    path(
        "manage/projects/<int:pk>/<str:part>/",
        views_manage.project_add,
        name="project_add",
    ),
]
