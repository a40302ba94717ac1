from django.urls import path

from rathaus.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("data/", views.my_data, name="my_data"),
    path("data/export/", views.my_data_export, name="my_data_export"),
    path("data/delete/", views.delete_account, name="delete_account"),
]
