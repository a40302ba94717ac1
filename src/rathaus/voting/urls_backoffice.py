from django.urls import path

from rathaus.voting.views import backoffice

app_name = "voting"

urlpatterns = [
    path("", backoffice.poll_list, name="polls"),
    path("new/", backoffice.poll_create_view, name="poll_create"),
    path("import/", backoffice.import_pabulib, name="import"),
    path("<int:pk>/", backoffice.poll_manage, name="poll"),
    path("<int:pk>/edit/", backoffice.poll_edit, name="poll_edit"),
    path("<int:pk>/codes/", backoffice.codes_generate, name="codes"),
    path("<int:pk>/close/", backoffice.close, name="close"),
    path("<int:pk>/seal/", backoffice.seal, name="seal"),
    path("<int:pk>/unseal/", backoffice.unseal, name="unseal"),
]
