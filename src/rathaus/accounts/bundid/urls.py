"""Included by allauth under /accounts/ (no language prefix: fixed addresses for the IdP)."""

from django.urls import path

from rathaus.accounts.bundid import views

urlpatterns = [
    path("bundid/login/", views.login, name="bundid_login"),
    path("bundid/acs/", views.acs, name="bundid_acs"),
    path("bundid/acs/finish/", views.finish, name="bundid_finish"),
    path("bundid/metadata/", views.metadata, name="bundid_metadata"),
]
