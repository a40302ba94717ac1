from django.urls import path

from rathaus.childbenefit import views_backoffice, views_cases

app_name = "childbenefit"

urlpatterns = [
    path("amounts/", views_backoffice.amounts, name="amounts"),
    path("amounts/new/", views_backoffice.amount_create, name="amount_create"),
    path("amounts/<int:pk>/", views_backoffice.amount_edit, name="amount_edit"),
    path("amounts/<int:pk>/delete/", views_backoffice.amount_delete, name="amount_delete"),
    path("role/", views_backoffice.role, name="role"),
    path("payments.csv", views_backoffice.payment_file, name="payment_file"),
    path("cases/<str:reference>/decide/", views_cases.decide, name="decide"),
]
