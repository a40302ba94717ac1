/*
 * The location picker (geodata/includes/location_picker.html) inside a
 * `<fieldset data-location-picker data-latitude-input=ID data-longitude-input=ID
 * [data-district-input=ID]>`: a click on the map, or Enter / the button for the place under the
 * cross in the middle, sets the point. It fills the plain latitude and longitude inputs (which
 * stay the way to give a place without JavaScript), asks the locate API for the district, selects
 * it, and says what happened in a status message. Typing coordinates moves the marker.
 *
 * Needs map.js (window.RathausMap) loaded before it.
 */
(function () {
  "use strict";

  function fixed(value) {
    return (Math.round(value * 1e6) / 1e6).toFixed(6);
  }

  function init(fieldset) {
    var block = fieldset.querySelector("[data-location-map]");
    var latitude = document.getElementById(fieldset.dataset.latitudeInput || "");
    var longitude = document.getElementById(fieldset.dataset.longitudeInput || "");
    var district = document.getElementById(fieldset.dataset.districtInput || "");
    if (!block || !latitude || !longitude) {
      return;
    }
    var labels = block.dataset;
    var status = block.querySelector("[data-picker-status]");
    block.hidden = false;

    var container = block.querySelector(".rh-picker__map");
    var map = window.RathausMap.createMap(container);
    var icon = window.RathausMap.markerIcon(container.dataset);
    var markerLabel = container.dataset.labelMarker || "";
    var cross = document.createElement("div");
    cross.className = "rh-picker__cross";
    cross.setAttribute("aria-hidden", "true");
    container.appendChild(cross);
    window.RathausMap.addContext(map, window.RathausMap.urlList(container.dataset.context));

    var marker = null;
    var asked = 0;

    function say(message) {
      status.textContent = message;
    }

    function placeMarker(latlng) {
      if (marker === null) {
        marker = L.marker(latlng, {
          icon: icon, alt: markerLabel, title: markerLabel, keyboard: true, draggable: true
        }).addTo(map);
        marker.on("dragend", function () { choose(marker.getLatLng()); });
      } else {
        marker.setLatLng(latlng);
      }
    }

    // A busy server answers 503 with Retry-After (one computation per worker at a time, e.g.
    // while the previous place is still being looked up): ask again, a few times at most.
    var RETRIES = 3;

    function locate(lat, lon, retries) {
      var ticket = ++asked;
      var left = retries === undefined ? RETRIES : retries;
      var url = labels.locateUrl + "?lon=" + encodeURIComponent(lon) + "&lat=" + encodeURIComponent(lat);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (ticket !== asked) {
            return;
          }
          if (response.status === 503 && left > 0) {
            var seconds = Math.min(parseInt(response.headers.get("Retry-After"), 10) || 1, 5);
            window.setTimeout(function () {
              if (ticket === asked) {
                locate(lat, lon, left - 1);
              }
            }, seconds * 1000);
            return;
          }
          if (response.status === 404) {
            say(labels.labelOutside);
            return;
          }
          if (!response.ok) {
            say(labels.labelChosen);
            return;
          }
          return response.json().then(function (body) {
            var name = body.district.name;
            if (district && Array.prototype.some.call(district.options, function (option) {
              return option.value === name;
            })) {
              district.value = name;
            }
            say(labels.labelDistrict.replace("%(district)s", name));
          });
        })
        .catch(function () { say(labels.labelChosen); });
    }

    function choose(latlng) {
      latitude.value = fixed(latlng.lat);
      longitude.value = fixed(latlng.lng);
      placeMarker(latlng);
      locate(latitude.value, longitude.value);
    }

    function typed() {
      var lat = parseFloat(latitude.value);
      var lon = parseFloat(longitude.value);
      if (latitude.value === "" && longitude.value === "") {
        clear();
        return;
      }
      if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        return;
      }
      placeMarker([lat, lon]);
      map.setView([lat, lon], Math.max(map.getZoom(), window.RathausMap.PLACE_ZOOM));
      locate(latitude.value, longitude.value);
    }

    function clear() {
      latitude.value = "";
      longitude.value = "";
      if (marker !== null) {
        map.removeLayer(marker);
        marker = null;
      }
      asked++;
      say(labels.labelRemoved);
    }

    map.on("click", function (event) { choose(event.latlng); });
    container.addEventListener("keydown", function (event) {
      if (event.target === container && event.key === "Enter") {
        event.preventDefault();
        choose(map.getCenter());
      }
    });
    block.querySelector("[data-picker-center]").addEventListener("click", function () {
      choose(map.getCenter());
    });
    block.querySelector("[data-picker-clear]").addEventListener("click", clear);
    latitude.addEventListener("change", typed);
    longitude.addEventListener("change", typed);

    var lat = parseFloat(latitude.value);
    var lon = parseFloat(longitude.value);
    if (!isNaN(lat) && !isNaN(lon)) {
      placeMarker([lat, lon]);
      map.setView([lat, lon], window.RathausMap.PLACE_ZOOM);
    }
    container.setAttribute("data-map-ready", "true");
  }

  function start() {
    if (typeof L === "undefined" || !window.RathausMap) {
      return;
    }
    document.querySelectorAll("[data-location-picker]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
