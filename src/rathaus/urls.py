"""URL map: pages under a language prefix (German without one), machine endpoints without."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from rathaus.api import api
from rathaus.core.views import metrics, public

urlpatterns = [
    path("healthz", public.healthz, name="healthz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    # allauth stays outside the language prefix so that the OIDC callback URL is one fixed
    # address; its pages follow the language cookie, which every prefixed page keeps current.
    path("accounts/", include("allauth.urls")),
    path("", include("rathaus.geodata.urls_machine")),
    path("", include("rathaus.opendata.urls_machine")),
]

urlpatterns += i18n_patterns(
    path("", include("rathaus.core.urls")),
    path("my-account/", include("rathaus.accounts.urls")),
    path("backoffice/", include("rathaus.core.urls_backoffice")),
    path("organization/", include("rathaus.organization.urls")),
    path("services/", include("rathaus.eservices.urls")),
    path("dogtax/", include("rathaus.dogtax.urls")),
    path("childbenefit/", include("rathaus.childbenefit.urls")),
    path("participation/", include("rathaus.participation.urls")),
    path("votes/", include("rathaus.voting.urls")),
    path("maps/", include("rathaus.geodata.urls")),
    path("data/", include("rathaus.opendata.urls")),
    prefix_default_language=False,
)

handler403 = "rathaus.core.views.public.permission_denied"
handler404 = "rathaus.core.views.public.page_not_found"
handler500 = "rathaus.core.views.public.server_error"
handler429 = "rathaus.core.ratelimit.allauth_too_many_requests"  # allauth's rate limits
