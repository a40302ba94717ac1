"""The back office: every page here requires a staff member with TOTP (see core.backoffice)."""

from django.urls import include, path

from rathaus.core.views import backoffice

app_name = "backoffice"

urlpatterns = [
    path("", backoffice.home, name="home"),
    path("audit/", backoffice.audit_log, name="audit"),
    path("organization/", include("rathaus.organization.urls_backoffice")),
    path("services/", include("rathaus.eservices.urls_backoffice")),
    path("dogtax/", include("rathaus.dogtax.urls_backoffice")),
    path("childbenefit/", include("rathaus.childbenefit.urls_backoffice")),
    path("participation/", include("rathaus.participation.urls_backoffice")),
    path("votes/", include("rathaus.voting.urls_backoffice")),
    path("geodata/", include("rathaus.geodata.urls_backoffice")),
    path("data/", include("rathaus.opendata.urls_backoffice")),
]
