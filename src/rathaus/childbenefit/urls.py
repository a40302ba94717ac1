from django.urls import path

from rathaus.childbenefit.views import calculator, cases

app_name = "childbenefit"

urlpatterns = [
    path("calculator/", calculator.calculator, name="calculator"),
    path("cases/<str:reference>/schedule/", cases.schedule, name="schedule"),
]
