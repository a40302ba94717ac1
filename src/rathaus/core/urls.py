from django.urls import path

from rathaus.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("info/<slug:slug>/", views.page, name="page"),
]
