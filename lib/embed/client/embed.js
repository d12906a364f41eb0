/*
 * Republish Desk embed. On an article page of the publisher's site:
 *   <script src="https://DESK/embed.js" data-url="https://PUBLISHER/ARTICLE" async></script>
 * renders a small "Republish this article — from £…" box right after the script tag, in the host
 * page's font. One anonymous GET for the box's words; no cookies, no storage, no tracking.
 * Served by app/embed.js/route.ts; tests/integration/embed-routes.test.ts keeps it under 8 KB gzipped.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.fetch) return;
  var desk = new URL(script.src).origin;
  var canonical = document.querySelector('link[rel="canonical"]');
  var url = script.getAttribute('data-url') || (canonical && canonical.href) || location.href.split('#')[0];

  var CSS =
    ':host{display:block;font:inherit;color:inherit;margin:1em 0}' +
    '.box{border:1px solid #c7ced6;border-radius:6px;padding:.75em 1em;background:#fff;color:#1b1f24}' +
    '.h{font-weight:700;margin:0 0 .3em}' +
    'p{margin:0 0 .5em}' +
    'a{display:inline-block;background:#0b5cad;color:#fff;border-radius:6px;padding:.45em .9em;font-weight:600;text-decoration:none}' +
    'a:hover{background:#084785}' +
    'a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1f24}';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function render(d) {
    var host = el('div', 'republish-desk-embed');
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var style = el('style');
    style.textContent = CSS;
    root.appendChild(style);
    var box = el('section', 'box');
    box.setAttribute('aria-label', 'Republishing');
    box.appendChild(el('p', 'h', d.heading));
    for (var i = 0; i < d.lines.length; i++) box.appendChild(el('p', '', d.lines[i]));
    // Only a path on the desk becomes a link: the answer can never send a reader elsewhere.
    if (d.action && typeof d.href === 'string' && d.href.charAt(0) === '/' && d.href.charAt(1) !== '/') {
      var a = el('a', '', d.action);
      a.href = desk + d.href;
      var p = el('p');
      p.appendChild(a);
      box.appendChild(p);
    }
    root.appendChild(box);
    script.parentNode.insertBefore(host, script.nextSibling);
  }

  fetch(desk + '/embed/data?url=' + encodeURIComponent(url), { credentials: 'omit', referrerPolicy: 'no-referrer' })
    .then(function (r) {
      return r.ok ? r.json() : null;
    })
    .then(function (d) {
      if (d && typeof d.heading === 'string' && d.lines instanceof Array) render(d);
    })
    .catch(function () {
      /* The box is an extra: without the desk the page stays as it was. */
    });
})();
