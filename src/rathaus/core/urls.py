from django.urls import path

from rathaus.core.views import public

app_name = "core"

urlpatterns = [
    path("", public.home, name="home"),
    path("info/<slug:slug>/", public.page, name="page"),
]
