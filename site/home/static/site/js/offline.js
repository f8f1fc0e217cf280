/* Malang Heritage: register the service worker (pages stay readable with no signal), say when a page is a
   saved copy, and list the saved pages on the "no signal" page. No inline script: the site's CSP forbids it. */
(function () {
  "use strict";
  var root = document.documentElement;
  var language = root.lang || "id";

  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date)) return "";
    try {
      return date.toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return date.toISOString();
    }
  }

  var saved = root.getAttribute("data-offline-copy");
  var note = document.getElementById("offline-note");
  if (saved !== null && note) {
    // The <time> is made here, once its date is known: an empty one in the page would be invalid HTML.
    var slot = note.querySelector(".offline-note__when");
    if (slot && saved) {
      var time = document.createElement("time");
      time.setAttribute("datetime", saved);
      time.textContent = when(saved);
      slot.replaceChildren(time);
    }
    note.hidden = false;
  }

  var list = document.querySelector("#saved-pages ul");
  function savedIn(name) {
    // The pages a cache holds: "pages-v1" (opened), "pack-v1" (saved for offline, site/js/save-offline.js).
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          return cache.match(request).then(function (response) {
            if (!response || !response.headers.get("X-Saved-At")) return null;  // a file, not a page
            var title = decodeURIComponent(response.headers.get("X-Saved-Title") || "");
            // The title as the page's <title> holds it (entities such as &amp;), read back as plain text.
            title = new DOMParser().parseFromString(title, "text/html").documentElement.textContent;
            return { url: request.url, title: title, at: response.headers.get("X-Saved-At") || "" };
          });
        }));
      });
    });
  }

  if (list && window.caches) {
    Promise.all([savedIn("pages-v1"), savedIn("pack-v1")]).then(function (found) {
      var seen = {};
      return found[0].concat(found[1]).filter(function (p) {
        if (!p || seen[p.url]) return false;
        seen[p.url] = true;
        return true;
      });
    }).then(function (pages) {
      var mine = pages.filter(function (p) { return new URL(p.url).pathname.indexOf("/" + language + "/") === 0; });
      mine.reverse().forEach(function (p) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.title || new URL(p.url).pathname;  // text, never HTML
        item.appendChild(link);
        if (p.at) {
          var time = document.createElement("time");
          time.setAttribute("datetime", p.at);
          time.textContent = " · " + when(p.at);
          item.appendChild(time);
        }
        list.appendChild(item);
      });
      document.getElementById(mine.length ? "saved-pages" : "nothing-saved").hidden = false;
    }).catch(function () {
      document.getElementById("nothing-saved").hidden = false;
    });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.active && saved === null) {
        registration.active.postMessage({ type: "opened", url: location.href });
      }
    }).catch(function () { /* no worker (private mode, an old browser): the site works as before */ });
  }
})();
