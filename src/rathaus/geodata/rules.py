"""Geodata's named permissions (autodiscovered by django-rules)."""

import rules

from rathaus.organization.predicates import is_administrator

# The city's own WMS/WMTS services on the maps: administrators register them.
rules.add_perm("geodata.manage_map_layers", is_administrator)
