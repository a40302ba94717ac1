/*
 * The map component (geodata/includes/map.html): every element with `data-map` becomes a
 * Leaflet map drawing the GeoJSON FeatureCollections named in `data-layers` (space-separated
 * URLs) and the one in `data-points` (inline). Features carry `properties.label` (their name)
 * and optionally `properties.url`. `data-context` names collections drawn behind, for
 * orientation only (not focusable, not counted when the map frames its content).
 *
 * Accessible by design: the map, each marker and each area can be reached with Tab and opened
 * with Enter; markers and areas are named; the page puts an equivalent table beside the map.
 * No inline script or style is needed (CSP).
 *
 * Base map (`data-basemap`, from the municipality profile): "archive" draws the platform's own
 * PMTiles archive at `data-basemap-url` with protomaps-leaflet (vector tiles, range requests to
 * the platform itself); "tiles" a WMTS/XYZ service's URL template; none: outlines only.
 * `data-overlays` (JSON) lists the city's WMS/WMTS layers: offered in a layer switcher,
 * switched off, so their host is asked for images only after a person switches one on.
 *
 * `window.RathausMap` offers the building blocks to other map scripts (the location picker).
 */
(function () {
  "use strict";

  var AREA_STYLE = { color: "#1a3da5", weight: 2, opacity: 0.9, fillColor: "#4f6fd1", fillOpacity: 0.15 };
  var CONTEXT_STYLE = { color: "#5c5c5c", weight: 1, opacity: 0.8, fillOpacity: 0 };
  var CITY_ZOOM = 12;
  var PLACE_ZOOM = 14;

  function fetchCollection(url) {
    return fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); });
  }

  function urlList(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function escapeHtml(text) {
    var element = document.createElement("span");
    element.textContent = text || "";
    return element.innerHTML;
  }

  /* How the platform's own archive is drawn (layers of rathaus.geodata.basemap). */
  function archiveRules(P) {
    var TEXT = { fill: "#1f2933", stroke: "#ffffff", width: 3 };
    return {
      paint: [
        { dataLayer: "areas", symbolizer: new P.PolygonSymbolizer({ fill: "#e3ecd9", opacity: 0.9 }) },
        { dataLayer: "areas", symbolizer: new P.LineSymbolizer({ color: "#7a8290", width: 1.5 }) },
        { dataLayer: "lines", symbolizer: new P.LineSymbolizer({ color: "#b35c00", width: 3 }) },
        {
          dataLayer: "points",
          minzoom: 11,
          symbolizer: new P.CircleSymbolizer({ radius: 4, fill: "#6d3fa6", stroke: "#ffffff", width: 1.5 })
        }
      ],
      labels: [
        {
          dataLayer: "labels",
          minzoom: 10,
          symbolizer: new P.CenteredTextSymbolizer(Object.assign({ labelProps: ["name"], font: "600 14px sans-serif" }, TEXT))
        },
        {
          dataLayer: "points",
          minzoom: 13,
          symbolizer: new P.OffsetTextSymbolizer(Object.assign({ labelProps: ["name"], font: "12px sans-serif", offsetX: 6, offsetY: 6 }, TEXT))
        }
      ]
    };
  }

  /* The kinds of base map, by `data-basemap`. */
  var BASEMAPS = {
    archive: function (map, data) {
      if (typeof protomapsL === "undefined") {
        return;
      }
      var rules = archiveRules(protomapsL);
      protomapsL.leafletLayer({
        url: data.basemapUrl,
        paintRules: rules.paint,
        labelRules: rules.labels,
        backgroundColor: "#f5f3ee",
        maxDataZoom: Number(data.basemapMaxZoom || 14),
        attribution: escapeHtml(data.basemapAttribution)
      }).addTo(map);
    },
    tiles: function (map, data) {
      L.tileLayer(data.basemapUrl, { attribution: escapeHtml(data.basemapAttribution), maxZoom: 19 }).addTo(map);
    }
  };

  /* The kinds of the city's own map services, by their `kind`. */
  var OVERLAYS = {
    wms: function (entry, options) {
      return L.tileLayer.wms(entry.url, L.extend({ layers: entry.layer, format: "image/png", transparent: true }, options));
    },
    wmts: function (entry, options) {
      return L.tileLayer(entry.url, options);
    }
  };

  /* The layer switcher: every registered service, off until a person switches it on. */
  function addOverlays(map, data) {
    if (!data.overlays) {
      return;
    }
    var overlays = {};
    JSON.parse(data.overlays).forEach(function (entry) {
      var make = OVERLAYS[entry.kind];
      if (make) {
        overlays[escapeHtml(entry.title)] = make(entry, { attribution: escapeHtml(entry.attribution), minZoom: entry.minZoom || 0 });
      }
    });
    var control = L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    var toggle = control.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (toggle && data.labelLayers) {
      toggle.setAttribute("title", data.labelLayers);
      toggle.setAttribute("aria-label", data.labelLayers);
    }
  }

  /* A Leaflet map in `container` with the zoom buttons named, its base map and layer switcher,
   * and the view over `data-center` (lat,lon) or, without one, over Germany. */
  function createMap(container) {
    var data = container.dataset;
    var map = L.map(container, { zoomControl: false, keyboard: true });
    L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
    if (BASEMAPS[data.basemap]) {
      BASEMAPS[data.basemap](map, data);
    }
    addOverlays(map, data);
    var center = (data.center || "51.1657,10.4515").split(",").map(Number);
    map.setView(center, data.center ? CITY_ZOOM : 5);
    return map;
  }

  function markerIcon(data) {
    return L.icon({
      iconUrl: data.markerIcon,
      iconRetinaUrl: data.markerIcon2x,
      shadowUrl: data.markerShadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41]
    });
  }

  /* Draws the collections at `urls` behind everything else, without interaction. */
  function addContext(map, urls) {
    return Promise.all(urls.map(fetchCollection)).then(function (collections) {
      collections.forEach(function (collection) {
        L.geoJSON(collection, {
          interactive: false,
          style: function () { return CONTEXT_STYLE; },
          filter: function (feature) { return feature.geometry && feature.geometry.type !== "Point"; }
        }).addTo(map);
      });
    });
  }

  function popupContent(properties, detailsLabel) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.label || "";
    box.appendChild(title);
    if (properties.url) {
      var paragraph = document.createElement("p");
      var anchor = document.createElement("a");
      anchor.href = properties.url;
      anchor.textContent = detailsLabel;
      paragraph.appendChild(anchor);
      box.appendChild(paragraph);
    }
    return box;
  }

  function makeAreaOperable(layer, label) {
    var element = layer.getElement && layer.getElement();
    if (!element) {
      return;
    }
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", label);
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        layer.openPopup(layer.getBounds().getCenter());
      }
    });
  }

  function init(container) {
    var data = container.dataset;
    container.textContent = "";
    var map = createMap(container);
    var icon = markerIcon(data);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close && data.labelClose) {
        close.setAttribute("aria-label", data.labelClose);
        close.setAttribute("title", data.labelClose);
      }
    });
    var bounds = L.latLngBounds([]);

    function addCollection(collection) {
      var layer = L.geoJSON(collection, {
        style: function () { return AREA_STYLE; },
        pointToLayer: function (feature, latlng) {
          var label = (feature.properties && feature.properties.label) || "";
          return L.marker(latlng, { icon: icon, title: label, alt: label, keyboard: true });
        },
        onEachFeature: function (feature, featureLayer) {
          featureLayer.bindPopup(popupContent(feature.properties || {}, data.labelDetails));
        }
      }).addTo(map);
      layer.eachLayer(function (featureLayer) {
        if (featureLayer.getBounds) {
          makeAreaOperable(featureLayer, (featureLayer.feature.properties || {}).label || "");
        }
      });
      if (layer.getBounds().isValid()) {
        bounds.extend(layer.getBounds());
      }
    }

    var inline = data.points ? [Promise.resolve(JSON.parse(data.points))] : [];
    addContext(map, urlList(data.context)).then(function () {
      return Promise.all(inline.concat(urlList(data.layers).map(fetchCollection)));
    }).then(function (collections) {
      collections.forEach(addCollection);
      if (bounds.isValid()) {
        var single = bounds.getNorthEast().equals(bounds.getSouthWest());
        if (single) {
          map.setView(bounds.getCenter(), PLACE_ZOOM);
        } else {
          map.fitBounds(bounds, { padding: [16, 16] });
        }
      }
      container.setAttribute("data-map-ready", "true");
    });
  }

  window.RathausMap = {
    createMap: createMap,
    markerIcon: markerIcon,
    addContext: addContext,
    urlList: urlList,
    PLACE_ZOOM: PLACE_ZOOM
  };

  function start() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-map]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
