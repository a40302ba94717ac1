/*
 * The map component (geodata/includes/map.html): every element with `data-map` becomes a
 * Leaflet map drawing the GeoJSON FeatureCollections named in `data-layers` (space-separated
 * URLs) and the one in `data-points` (inline). Features carry `properties.label` (their name)
 * and optionally `properties.url`. `data-context` names collections drawn behind, for
 * orientation only (not focusable, not counted when the map frames its content).
 *
 * Accessible by design: the map, each marker and each area can be reached with Tab and opened
 * with Enter; markers and areas are named; the page puts an equivalent table beside the map.
 * No inline script or style is needed (CSP), no tile server unless `data-tile-url` is set.
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

  /* A Leaflet map in `container` with the zoom buttons named, optional tiles, and the view
   * over `data-center` (lat,lon) or, without one, over Germany. */
  function createMap(container) {
    var data = container.dataset;
    var map = L.map(container, { zoomControl: false, keyboard: true });
    L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || "" }).addTo(map);
    }
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
