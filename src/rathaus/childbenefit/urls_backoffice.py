from django.urls import path

from rathaus.childbenefit.views import backoffice, cases

app_name = "childbenefit"

urlpatterns = [
    path("amounts/", backoffice.amounts, name="amounts"),
    path("amounts/new/", backoffice.amount_create, name="amount_create"),
    path("amounts/<int:pk>/", backoffice.amount_edit, name="amount_edit"),
    path("amounts/<int:pk>/delete/", backoffice.amount_delete, name="amount_delete"),
    path("role/", backoffice.role, name="role"),
    path("payments.csv", backoffice.payment_file, name="payment_file"),
    path("cases/<str:reference>/decide/", cases.decide, name="decide"),
]
