from django.urls import path

from rathaus.participation import views

app_name = "participation"

urlpatterns = [path("", views.index, name="index")]
