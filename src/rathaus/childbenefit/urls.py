from django.urls import path

from rathaus.childbenefit import views

app_name = "childbenefit"

urlpatterns = [path("calculator/", views.calculator, name="calculator")]
