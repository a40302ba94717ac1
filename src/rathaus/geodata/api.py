"""Geodata in the public API: which district a point lies in."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rathaus.core.api import limited
from rathaus.core.guard import compute_slot
from rathaus.geodata.selectors import boundaries_imported, district_at

router = Router(tags=["geodata"])


class Point(Schema):
    lon: float = Field(..., ge=-180, le=180, allow_inf_nan=False, description="WGS84 longitude")
    lat: float = Field(..., ge=-90, le=90, allow_inf_nan=False, description="WGS84 latitude")


class DistrictRef(Schema):
    id: int = Field(..., description="The district's number (the id of its OGC API feature)")
    name: str


class Located(Schema):
    district: DistrictRef


class Detail(Schema):
    detail: str


@router.get(
    "/geodata/locate",
    response={200: Located, 404: Detail, 503: Detail},
    summary="The district a point (WGS84 lon/lat) lies in",
)
@limited("geodata")
def locate(request, point: Query[Point]):
    with compute_slot():
        district = district_at(point.lon, point.lat)
    if district is None:
        if not boundaries_imported():
            raise HttpError(503, _("The district boundaries have not been imported yet."))
        raise HttpError(404, _("This point does not lie in any district of the city."))
    return {"district": {"id": district.number, "name": district.name}}
