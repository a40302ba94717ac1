from django.urls import path

from rathaus.dogtax.views import calculator, keeper

app_name = "dogtax"

urlpatterns = [
    path("calculator/", calculator.calculator_page, name="calculator"),
    path("my-dogs/", keeper.my_dogs, name="my_dogs"),
]
