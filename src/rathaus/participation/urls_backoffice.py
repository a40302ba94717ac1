from django.urls import path

from rathaus.participation import views_backoffice

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
