/* Malang Heritage: "Save for offline" (issue 17). One tap stores what the server lists for the page or the
   corridor (home/offline_pack.py: pages, images, static files, GPX) in the cache "pack-v1", which the service
   worker (home/templates/home/sw.js) answers from with no signal; says how much it took and when; offers to
   update or remove it on the next visit. Every text shown is set as a text node: none is ever HTML. */
(function () {
  "use strict";
  var PACK = "pack-v1";
  var RECORDS = "offline-packs-v1";  // localStorage: pack id -> {at, bytes, urls, title}
  var language = document.documentElement.lang || "id";
  var boxes = document.querySelectorAll("[data-offline-pack]");
  if (!boxes.length || !("serviceWorker" in navigator) || !window.caches || !window.fetch) return;
  try {
    window.localStorage.getItem(RECORDS);
  } catch (error) {
    return;  // storage refused (some private modes): the button stays hidden
  }

  function records() {
    try {
      return JSON.parse(localStorage.getItem(RECORDS)) || {};
    } catch (error) {
      return {};
    }
  }

  function keepRecords(all) {
    localStorage.setItem(RECORDS, JSON.stringify(all));
  }

  function number(value, digits) {
    try {
      return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
    } catch (error) {
      return value.toFixed(digits);
    }
  }

  function size(bytes) {
    // SI units, as the 2 MB target is counted: 1 KB = 1,000 bytes, 1 MB = 1,000,000.
    if (bytes >= 1e6) return number(bytes / 1e6, 1) + " MB";
    return number(Math.max(1, Math.round(bytes / 1e3)), 0) + " KB";
  }

  function when(iso) {
    var date = new Date(iso);
    try {
      return date.toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return date.toISOString();
    }
  }

  function titleOf(html) {
    var found = /<title>([^<]*)<\/title>/i.exec(html);
    return found ? found[1].trim() : "";
  }

  function say(box, template, values) {
    // "{time}" and "{size}" in the translated text become a <time> and a <strong>, filled with text.
    var status = box.querySelector(".save-offline__status");
    status.textContent = "";
    template.split(/(\{time\}|\{size\})/).forEach(function (piece) {
      if (piece === "{time}" && values) {
        var time = document.createElement("time");
        time.setAttribute("datetime", values.at);
        time.textContent = when(values.at);
        status.appendChild(time);
      } else if (piece === "{size}" && values) {
        var strong = document.createElement("strong");
        strong.className = "save-offline__size";
        strong.setAttribute("data-bytes", String(values.bytes));
        strong.textContent = size(values.bytes);
        status.appendChild(strong);
      } else if (piece) {
        status.appendChild(document.createTextNode(piece));
      }
    });
  }

  function show(box, saved) {
    box.querySelector('[data-action="save"]').hidden = Boolean(saved);
    box.querySelector('[data-action="update"]').hidden = !saved;
    box.querySelector('[data-action="remove"]').hidden = !saved;
    box.setAttribute("data-saved", saved ? saved.at : "");
  }

  function busy(box, on) {
    box.setAttribute("aria-busy", on ? "true" : "false");
    box.querySelectorAll("button").forEach(function (button) { button.disabled = on; });
  }

  async function storePage(cache, url, at) {
    var response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    var control = response.headers.get("Cache-Control") || "";
    // An editor's view of a page (private) is not a visitor's: never kept, as the service worker does.
    if (!response.ok || /private|no-store/i.test(control)) throw new Error("not saved: " + url);
    var html = await response.text();
    var headers = new Headers(response.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    headers.set("X-Saved-At", at);
    headers.set("X-Saved-Title", encodeURIComponent(titleOf(html)));
    var body = new Blob([html], { type: response.headers.get("Content-Type") || "text/html; charset=utf-8" });
    await cache.put(url, new Response(body, { status: 200, headers: headers }));
    return body.size;
  }

  async function storeFile(cache, url) {
    var response = await fetch(url, { credentials: "same-origin" });
    // A file the server does not have (an image missing from the media storage) is not on the page with
    // signal either: nothing to keep. Any other failure (no signal, a server error) stops the saving.
    if (response.status === 404 || response.status === 410) return 0;
    if (!response.ok) throw new Error("not saved: " + url);
    var bytes = (await response.clone().blob()).size;
    await cache.put(url, response);
    return bytes;
  }

  async function inTurn(items, work) {
    // Four at a time: one bar of signal is not made faster by forty requests at once.
    var total = 0, next = 0;
    async function worker() {
      while (next < items.length) {
        total += await work(items[next++]);
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()]);
    return total;
  }

  function heldByOthers(id) {
    var all = records(), held = {};
    Object.keys(all).forEach(function (other) {
      if (other !== id) (all[other].urls || []).forEach(function (url) { held[url] = true; });
    });
    return held;
  }

  async function drop(cache, urls, id) {
    var held = heldByOthers(id);
    await Promise.all(urls.filter(function (url) { return !held[url]; }).map(function (url) {
      return cache.delete(url);
    }));
  }

  async function save(box) {
    var id = box.getAttribute("data-pack-id");
    busy(box, true);
    say(box, box.getAttribute("data-text-saving"));
    try {
      var answer = await fetch(box.getAttribute("data-offline-pack"), { credentials: "same-origin", cache: "no-store" });
      if (!answer.ok) throw new Error("no pack");
      var pack = await answer.json();
      var cache = await caches.open(PACK);
      var at = new Date().toISOString();
      var bytes = await inTurn(pack.pages, function (url) { return storePage(cache, url, at); });
      bytes += await inTurn(pack.files, function (url) { return storeFile(cache, url); });
      var urls = pack.pages.concat(pack.files);
      var before = records()[id];
      if (before) {
        await drop(cache, (before.urls || []).filter(function (url) { return urls.indexOf(url) < 0; }), id);
      }
      var all = records();
      all[id] = { at: at, bytes: bytes, urls: urls, title: String(pack.title || "") };
      keepRecords(all);
      show(box, all[id]);
      say(box, box.getAttribute("data-text-saved"), all[id]);
    } catch (error) {
      say(box, box.getAttribute("data-text-failed"));
    }
    busy(box, false);
  }

  async function remove(box) {
    var id = box.getAttribute("data-pack-id");
    var record = records()[id];
    busy(box, true);
    if (record) {
      await drop(await caches.open(PACK), record.urls || [], id);
      var all = records();
      delete all[id];
      keepRecords(all);
    }
    show(box, null);
    say(box, box.getAttribute("data-text-removed"));
    busy(box, false);
  }

  Array.prototype.forEach.call(boxes, function (box) {
    var record = records()[box.getAttribute("data-pack-id")];
    show(box, record || null);
    if (record) say(box, box.getAttribute("data-text-saved"), record);
    box.querySelector('[data-action="save"]').addEventListener("click", function () { save(box); });
    box.querySelector('[data-action="update"]').addEventListener("click", function () { save(box); });
    box.querySelector('[data-action="remove"]').addEventListener("click", function () { remove(box); });
    box.hidden = false;
  });
})();
