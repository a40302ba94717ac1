from django.urls import path

from rathaus.dogtax import views, views_keeper

app_name = "dogtax"

urlpatterns = [
    path("calculator/", views.calculator_page, name="calculator"),
    path("my-dogs/", views_keeper.my_dogs, name="my_dogs"),
]
