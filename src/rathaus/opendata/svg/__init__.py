"""Charts as SVG, rendered on the server (pure: no Django).

Every chart is readable without JavaScript, names itself (`<title>`, `<desc>`, role img) and
marks each drawn value with `data-label` / `data-series` / `data-value`, so that the data table
beside it can be checked against exactly what is drawn.
"""

from rathaus.opendata.svg.bar import bar_chart
from rathaus.opendata.svg.choropleth import Region, Shading, choropleth, choropleth_maps
from rathaus.opendata.svg.line import line_chart
from rathaus.opendata.svg.markup import Series

__all__ = [
    "Region",
    "Series",
    "Shading",
    "bar_chart",
    "choropleth",
    "choropleth_maps",
    "line_chart",
]
