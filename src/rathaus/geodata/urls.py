from django.urls import path

from rathaus.geodata import views

app_name = "geodata"

urlpatterns = [path("", views.index, name="index")]
