from django.urls import path

from rathaus.eservices import views

app_name = "eservices"

urlpatterns = [path("", views.catalogue, name="catalogue")]
