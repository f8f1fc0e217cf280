{% autoescape off %}/* Malang Heritage service worker: pages stay readable with no signal (home/offline.py says what it does). */
"use strict";

const VERSION = "{{ version }}";
const SHELL = "shell-" + VERSION;  // what every page needs, and the page for a page never saved
const PAGES = "pages-v1";  // the pages a visitor opened, newest last
const FILES = "files-v1";  // static files (hashed names: never change) and images
const PACK = "pack-v1";  // what "Save for offline" stored (site/js/save-offline.js), kept until removed there
const SHELL_FILES = {{ shell_json }};
const OFFLINE = {{ offline_json }};  // language code -> the "no signal" page
const DEFAULT_LANGUAGE = {{ default_language }};
const MAX_PAGES = 80;
const NEVER = [/^\/admin\//, /^\/django-admin\//, /^\/q\//, /^\/api\//, /^\/i18n\//, /^\/documents\//, /^\/sw\.js$/];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("shell-") && n !== SHELL).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function answered(url) {
  // Ours to answer: the site's own origin, outside what must always reach the server.
  return url.origin === self.location.origin && !NEVER.some((pattern) => pattern.test(url.pathname));
}

function keepable(response) {
  if (!response || !response.ok || response.type !== "basic") return false;
  const control = response.headers.get("Cache-Control") || "";
  return !/private|no-store/i.test(control);  // an editor's view of a page is never kept
}

function titleOf(html) {
  const found = /<title>([^<]*)<\/title>/i.exec(html);
  return found ? found[1].trim() : "";
}

async function savePage(request, response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.set("X-Saved-At", new Date().toISOString());
  headers.set("X-Saved-Title", encodeURIComponent(titleOf(html)));
  const cache = await caches.open(PAGES);
  await cache.delete(request.url);  // re-added at the end: the newest copy is the last key
  await cache.put(request.url, new Response(html, { status: response.status, headers }));
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
}

async function newestCopy(url) {
  // A page opened (PAGES) or saved for offline (PACK): the copy saved last.
  const [opened, packed] = await Promise.all([
    caches.match(url, { cacheName: PAGES }),
    caches.match(url, { cacheName: PACK }),
  ]);
  if (!opened || !packed) return opened || packed;
  return (packed.headers.get("X-Saved-At") || "") > (opened.headers.get("X-Saved-At") || "") ? packed : opened;
}

async function markedAsSaved(response) {
  // The page says it is a saved copy, and since when (site/js/offline.js shows the note). A saved file that
  // is not a page (an itinerary's GPX, opened with no signal) is given as it is.
  if (!/text\/html/i.test(response.headers.get("Content-Type") || "")) return response;
  const html = await response.text();
  const saved = response.headers.get("X-Saved-At") || "";
  const marked = html.replace(/<html\b/i, '<html data-offline-copy="' + saved.replace(/[^0-9TZ:.\-]/g, "") + '"');
  return new Response(marked, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function languageOf(url) {
  const first = new URL(url).pathname.split("/")[1];
  return OFFLINE[first] ? first : DEFAULT_LANGUAGE;
}

async function page(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (keepable(response)) event.waitUntil(savePage(request, response.clone()));
    return response;
  } catch (error) {
    const saved = await newestCopy(request.url);
    if (saved) return markedAsSaved(saved);
    const offline = await caches.match(OFFLINE[languageOf(request.url)], { cacheName: SHELL });
    if (offline) return offline;
    throw error;
  }
}

async function file(event) {
  const cached = await caches.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (keepable(response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(FILES).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!answered(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith("/static/") || url.pathname.startsWith("/media/")) {
    event.respondWith(file(event));
  } else {
    // Anything else of ours (an itinerary's GPX): from the network, or with no signal from a saved pack.
    event.respondWith(
      fetch(request).catch((error) =>
        caches.match(url.href, { cacheName: PACK }).then((saved) => {
          if (saved) return saved;
          throw error;
        })
      )
    );
  }
});

self.addEventListener("message", (event) => {
  // The page that registered the worker was fetched before the worker ran: it asks to be kept too.
  const data = event.data || {};
  if (data.type !== "opened" || typeof data.url !== "string") return;
  const url = new URL(data.url);
  if (!answered(url)) return;
  event.waitUntil(
    caches.match(url.href, { cacheName: PAGES }).then((found) => {
      if (found) return undefined;
      return fetch(url.href, { credentials: "same-origin" }).then((response) => {
        if (keepable(response)) return savePage(new Request(url.href), response);
        return undefined;
      });
    }).catch(() => undefined)
  );
});
{% endautoescape %}
