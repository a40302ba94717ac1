from django.urls import path

from rathaus.childbenefit import views, views_cases

app_name = "childbenefit"

urlpatterns = [
    path("calculator/", views.calculator, name="calculator"),
    path("cases/<str:reference>/schedule/", views_cases.schedule, name="schedule"),
]
