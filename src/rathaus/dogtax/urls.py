from django.urls import path

from rathaus.dogtax import views

app_name = "dogtax"

urlpatterns = [path("calculator/", views.calculator_page, name="calculator")]
