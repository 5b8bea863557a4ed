/*!
 * personalize browser SDK, served at /sdk.js. No dependencies, ES2017.
 *
 *   <script async src="https://app.example/sdk.js" data-key="ck_..."></script>
 *   <div data-placement="home-hero">default markup</div>
 *
 * or, to call it before the file has loaded:
 *
 *   window.personalize = window.personalize || [];
 *   personalize.push(["init", { key: "ck_..." }]);
 *   personalize.push(["track", "Product Viewed", { sku: "A1" }]);
 *
 * Invariants: the only global is `window.personalize`; nothing here throws
 * into the page; a failed request leaves the page's default markup in place.
 */
// ES2017 has no `catch {}` without a binding, hence unused catch variables.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "caughtErrors": "none" }] */
(function (window, document) {
  "use strict";

  // Loaded twice (two snippets, a tag manager)? The first copy stays in charge.
  var existing = window.personalize;
  if (existing && typeof existing.init === "function") return;

  var VERSION = "1.0.0";
  var COOKIE = "pz_aid";
  var USER_KEY = "pz_uid";
  var ONE_YEAR = 31536000; // seconds
  var FLUSH_MS = 2000;
  var FLUSH_AT = 20; // messages; also the most sent in one request
  var MAX_RETRIES = 3;
  var ANTI_FLICKER_MS = 800;
  // A CORS-safelisted type: no preflight, and the only kind sendBeacon can send
  // cross-origin. The server parses the body as JSON whatever its type.
  var TEXT = "text/plain;charset=UTF-8";
  var ID = /^[\w-]{8,64}$/;
  var UTM = ["source", "medium", "campaign", "term", "content"];

  // Only set while this file first runs (also when async/defer), so read it now.
  var script = document.currentScript;

  var config = null; // { key, host, decideHost } once init has run
  var waiting = []; // calls made before init, replayed by init
  var queue = []; // event messages not sent yet
  var timer = null;
  var anonymousId = null;
  var freshId = false; // the anonymous id was created on this page
  var userId = null;
  var hideStyle = null;
  var hideTimer = null;

  function warn(message) {
    if (window.console) window.console.warn("[personalize] " + message);
  }

  /** A random UUID v4; crypto.randomUUID only exists in secure contexts. */
  function uuid() {
    var c = window.crypto;
    if (c && c.randomUUID) return c.randomUUID();
    var b = new Uint8Array(16);
    var i;
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (i = 0; i < 16; i++) b[i] = Math.random() * 256;
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = "";
    for (i = 0; i < 16; i++) h += (b[i] + 256).toString(16).slice(1);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- identity -----------------------------------------------------------

  function readCookie(name) {
    var parts = (document.cookie || "").split(/;\s*/);
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return parts[i].slice(eq + 1);
    }
    return null;
  }

  /** (Re)writes pz_aid for another year; the server helper writes the same cookie. */
  function writeAnonymousId(id) {
    anonymousId = id;
    try {
      document.cookie = COOKIE + "=" + id + "; Max-Age=" + ONE_YEAR + "; Path=/; SameSite=Lax" + (window.location.protocol === "https:" ? "; Secure" : "");
    } catch (e) {
      // Cookies blocked: the id lives for this page only.
    }
  }

  function storage(method, value) {
    try {
      return window.localStorage[method](USER_KEY, value);
    } catch (e) {
      return null; // storage disabled (private mode, sandboxed frame)
    }
  }

  // ---- context ------------------------------------------------------------

  /** What the decide and batch APIs are told about this page view. */
  function pageContext() {
    var loc = window.location;
    var nav = window.navigator;
    var context = { url: loc.href, path: loc.pathname, referrer: document.referrer || "", userAgent: nav.userAgent || "", locale: nav.language || "" };
    var params = new URLSearchParams(loc.search);
    var utm = {};
    var found = false;
    UTM.forEach(function (name) {
      var value = params.get("utm_" + name);
      if (value) {
        utm[name] = value;
        found = true;
      }
    });
    if (found) context.utm = utm;
    return context;
  }

  function post(path, body, init, host) {
    return window.fetch((host || config.host) + path, Object.assign({ method: "POST", body: body, credentials: "omit" }, init));
  }

  // ---- decisions ----------------------------------------------------------

  function placementElements() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-placement]"));
  }

  function domReady() {
    return new Promise(function (resolve) {
      if (document.readyState !== "loading") resolve();
      else document.addEventListener("DOMContentLoaded", function () { resolve(); });
    });
  }

  /** Hides only the placements (never the page) until unhide() or `ms` passes. */
  function hide(ms) {
    hideStyle = document.createElement("style");
    hideStyle.setAttribute("data-personalize", "anti-flicker");
    hideStyle.textContent = "[data-placement]{visibility:hidden!important}";
    (document.head || document.documentElement).appendChild(hideStyle);
    hideTimer = setTimeout(unhide, ms);
  }

  function unhide() {
    clearTimeout(hideTimer);
    if (hideStyle && hideStyle.parentNode) hideStyle.parentNode.removeChild(hideStyle);
    hideStyle = null;
  }

  async function requestDecisions(keys, traits) {
    if (!keys.length) return {};
    try {
      var body = { anonymousId: anonymousId, context: pageContext(), placements: keys };
      if (userId) body.userId = userId;
      // an id minted on this page has no history yet: the server need not look it up
      if (freshId) body.newVisitor = true;
      if (traits) body.traits = traits;
      var res = await post("/api/v1/decide", JSON.stringify(body), {
        headers: { authorization: "Bearer " + config.key, "content-type": "application/json" },
      }, config.decideHost);
      var json = await res.json();
      if (!res.ok) {
        warn("decide failed: " + ((json && json.error && json.error.message) || res.status));
        return {};
      }
      return (json && json.decisions) || {};
    } catch (e) {
      warn("decide failed: " + e);
      return {};
    }
  }

  function fill(element, decision) {
    var content = decision.content;
    if (decision.contentType === "html") element.innerHTML = content;
    else if (decision.contentType === "text") element.textContent = content;
    else if (decision.contentType === "json") element.personalizeData = JSON.parse(content);
    element.setAttribute("data-variant-id", decision.variantId);
  }

  function announce(target, placement, decision) {
    // Bubbles, so one listener on document hears every placement.
    target.dispatchEvent(new window.CustomEvent("personalize:decision", { bubbles: true, detail: { placement: placement, decision: decision } }));
  }

  function apply(decisions) {
    var elements = placementElements();
    Object.keys(decisions).forEach(function (placement) {
      var decision = decisions[placement];
      var targets = elements.filter(function (el) { return el.getAttribute("data-placement") === placement; });
      targets.forEach(function (el) {
        try {
          fill(el, decision);
        } catch (e) {
          warn("could not fill " + placement + ": " + e);
        }
        announce(el, placement, decision);
      });
      if (!targets.length) announce(document, placement, decision);
    });
  }

  /**
   * What each placement shows this visitor: `placements` or, when omitted, the
   * keys of every [data-placement] element. Fills those elements; resolves with
   * the decisions by placement key, or {} when the request fails.
   */
  async function decide(placements, traits) {
    try {
      if (typeof placements === "string") placements = [placements];
      var request = placements ? requestDecisions(dedupe(placements), traits) : null;
      await domReady(); // the elements to find or fill may not be parsed yet
      if (!request) request = requestDecisions(dedupe(placementElements().map(function (el) { return el.getAttribute("data-placement"); })), traits);
      var decisions = await request;
      apply(decisions);
      return decisions;
    } catch (e) {
      warn("decide failed: " + e);
      return {};
    } finally {
      unhide(); // whichever decide finishes first reveals the placements
    }
  }

  function dedupe(keys) {
    return keys.filter(function (key, i) { return key && keys.indexOf(key) === i; });
  }

  // ---- events -------------------------------------------------------------

  function enqueue(type, fields) {
    var context = pageContext();
    context.page = { url: context.url, path: context.path, referrer: context.referrer, title: document.title };
    context.library = { name: "personalize.js", version: VERSION };
    var message = Object.assign({ type: type, anonymousId: anonymousId, context: context, messageId: uuid(), timestamp: new Date().toISOString() }, fields);
    if (userId) message.userId = userId;
    queue.push(message);
    if (queue.length >= FLUSH_AT) flush();
    else if (!timer) timer = setTimeout(flush, FLUSH_MS);
  }

  /** Sends every queued message now; by sendBeacon when the page is going away. */
  function flush(beacon) {
    if (queue.length) freshId = false;
    clearTimeout(timer);
    timer = null;
    while (queue.length) send(queue.splice(0, FLUSH_AT), beacon === true, 0);
  }

  function send(batch, beacon, attempt) {
    var url = config.host + "/api/v1/batch";
    // sendBeacon cannot set headers, so the key travels in the body as writeKey.
    var body = JSON.stringify({ writeKey: config.key, batch: batch, sentAt: new Date().toISOString() });
    var nav = window.navigator;
    try {
      if (beacon && nav.sendBeacon && nav.sendBeacon(url, new Blob([body], { type: TEXT }))) return;
    } catch (e) {
      // fall back to fetch below
    }
    function retry() {
      // messageId lets the server drop a copy it already stored.
      if (attempt < MAX_RETRIES) setTimeout(function () { send(batch, false, attempt + 1); }, FLUSH_MS << attempt);
    }
    post("/api/v1/batch", body, { keepalive: true, headers: { "content-type": TEXT } }).then(function (res) {
      if (res.status >= 500 || res.status === 429) retry();
    }, retry);
  }

  function track(event, properties) {
    enqueue("track", { event: event, properties: properties || {} });
  }

  function page(name, properties) {
    if (typeof name === "object" && name) {
      properties = name;
      name = undefined;
    }
    var loc = window.location;
    var fields = { properties: Object.assign({ url: loc.href, path: loc.pathname, search: loc.search, referrer: document.referrer || "", title: document.title }, properties) };
    if (name) fields.name = name;
    enqueue("page", fields);
  }

  /** Remembers the user (localStorage pz_uid) and sends an identify; nothing else. */
  function identify(id, traits) {
    if (typeof id === "object" && id) {
      traits = id;
      id = null;
    }
    if (id != null && id !== "") {
      userId = String(id);
      storage("setItem", userId);
    }
    enqueue("identify", { traits: traits || {} });
  }

  /** Forgets the user and starts a new anonymous id (for a log-out). */
  function reset() {
    userId = null;
    storage("removeItem");
    writeAnonymousId(uuid());
    freshId = true;
  }

  // ---- init ---------------------------------------------------------------

  function scriptOrigin() {
    try {
      return script && script.src ? new URL(script.src, window.location.href).origin : "";
    } catch (e) {
      return "";
    }
  }

  /**
   * Starts the SDK once: ids, anti-flicker, the calls made before init, the
   * automatic page view, and the first decide (`placements`, else every
   * [data-placement] on the page; `placements: []` for none). Resolves with
   * that first decide's decisions.
   */
  function init(options) {
    if (config) {
      warn("init called twice; the first call wins");
      return Promise.resolve({});
    }
    options = options || {};
    if (!options.key) {
      warn("init needs a key");
      return Promise.resolve({});
    }
    var host = (options.host || scriptOrigin() || window.location.origin).replace(/\/+$/, "");
    config = { key: options.key, host: host, decideHost: (options.decideHost || host).replace(/\/+$/, "") };

    var existingId = readCookie(COOKIE);
    freshId = !(existingId && ID.test(existingId));
    writeAnonymousId(freshId ? uuid() : existingId);
    userId = storage("getItem") || null;

    var antiFlicker = options.antiFlicker;
    if (antiFlicker !== false) hide((antiFlicker && antiFlicker.timeout) || ANTI_FLICKER_MS);

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") flush(true);
    });
    window.addEventListener("pagehide", function () { flush(true); });

    // Replayed first, so an identify made before init applies to the page view.
    var calls = waiting;
    waiting = [];
    calls.forEach(function (call) { call(); });
    if (options.autoPage !== false) page();
    return decide(options.placements);
  }

  /** Runs `method` now if init has run, else when it does. */
  function afterInit(method) {
    return function () {
      var args = arguments;
      if (config) return method.apply(null, args);
      return new Promise(function (resolve) {
        waiting.push(function () { resolve(method.apply(null, args)); });
      });
    };
  }

  var api = {
    version: VERSION,
    init: init,
    decide: afterInit(decide),
    track: afterInit(track),
    page: afterInit(page),
    identify: afterInit(identify),
    reset: afterInit(reset),
    flush: afterInit(function () { flush(); }),
    /** The stub's push(["method", ...args]) keeps working once loaded. */
    push: function (call) {
      var method = call && api[call[0]];
      if (typeof method === "function" && call[0] !== "push") return method.apply(api, call.slice(1));
      warn("unknown call " + (call && call[0]));
    },
  };
  window.personalize = api;

  // Calls queued on the stub array, in order.
  if (Array.isArray(existing)) existing.forEach(api.push);

  // Or configured by the script tag's data attributes.
  var attr = function (name) { return script && script.getAttribute ? script.getAttribute("data-" + name) : null; };
  if (!config && attr("key")) {
    var flicker = attr("anti-flicker");
    init({
      key: attr("key"),
      host: attr("host") || undefined,
      decideHost: attr("decide-host") || undefined,
      antiFlicker: flicker == null ? undefined : /^(false|off|0)$/.test(flicker) ? false : { timeout: Number(flicker) || ANTI_FLICKER_MS },
      autoPage: attr("auto-page") !== "false",
    });
  }
})(window, document);
