from django.urls import path

from rathaus.organization import views

app_name = "organization"

urlpatterns = [path("", views.units, name="units")]
