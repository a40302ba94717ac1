"""The public and staff API at /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each domain contributes one router from its own `api.py` and names its own paths there
(`/services`, `/dogtax/quote`, ...). Authentication and the error format are shared and live
in `rathaus.core.api`.
"""

from ninja import NinjaAPI

from rathaus.childbenefit.api import router as childbenefit_router
from rathaus.core.api import install_error_handlers
from rathaus.core.api import router as core_router
from rathaus.dogtax.api import router as dogtax_router
from rathaus.eservices.api import router as eservices_router
from rathaus.geodata.api import router as geodata_router
from rathaus.opendata.api import router as opendata_router
from rathaus.participation.api import router as participation_router
from rathaus.voting.api import router as voting_router

api = NinjaAPI(
    title="Rathaus API",
    version="1",
    description=(
        "Public and staff API of the Rathaus platform. Authenticate with "
        "`Authorization: Bearer <token>` (tokens from `manage.py create_api_token`) "
        "or a browser session. Errors are `{detail, errors: [{field, message}]}` in the "
        "language of `Accept-Language`."
    ),
    urls_namespace="api",
)
install_error_handlers(api)

for router in (
    core_router,
    eservices_router,
    dogtax_router,
    childbenefit_router,
    participation_router,
    voting_router,
    geodata_router,
    opendata_router,
):
    api.add_router("", router)
