from rathaus.geodata.models.district import District
from rathaus.geodata.models.place import Place, PlaceKind
from rathaus.geodata.models.service_layer import MapServiceLayer, ServiceKind
from rathaus.geodata.models.version import DataVersion

__all__ = [
    "DataVersion",
    "District",
    "MapServiceLayer",
    "Place",
    "PlaceKind",
    "ServiceKind",
]
