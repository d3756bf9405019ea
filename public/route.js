/* Runs in <head>, before the page is drawn, so that the reader never sees
 * the wrong page or the wrong view first.
 *
 * 1. Old links (`?lang=en&event=<id>`), and the Spanish home page for a
 *    reader who chose English (or whose browser prefers it), move to the
 *    right page: `/`, `/en/`, `/eventos/<id>/`, `/en/events/<id>/`, the same
 *    rules as `Page::path` in src/address.rs. Every address is read as
 *    the app reads it (end2end/tests/route.spec.ts checks thousands).
 * 2. `html.js`: JavaScript runs, so the note that interactive features are
 *    unavailable stays hidden (style.css), and the search box takes typing
 *    before the app starts (the app keeps what was typed).
 * 3. `html.embed` (`?embed=1`): the compact layout, a style of the same page.
 * 4. A linked view filters the prerendered list at once: `?topic=`,
 *    `?actor=` and `?key=` by a style rule on the cards' data attributes;
 *    `?q=`, `?from=` and `?to=`, which need the app, by hiding the list until
 *    it starts (`html.view-pending`). The app removes both when it starts;
 *    boot.js removes them if it cannot.
 * A file, not an inline script: the Content Security Policy refuses those. */
(function () {
  'use strict';
  var d = document, root = d.documentElement, loc = location;
  var base = new URL(d.baseURI).pathname;
  var params = new URLSearchParams(loc.search);
  var path = loc.pathname.indexOf(base) === 0 ? loc.pathname.slice(base.length) : null;

  // The address is read as src/address.rs reads it (tests/route_table.rs
  // holds the cases both must agree on): each parameter's last value wins.
  function last(name) {
    var all = params.getAll(name);
    return all.length ? all[all.length - 1] : null;
  }
  function on(name) {
    var v = last(name);
    return v !== null && !/^(0|false|no)$/.test(v);
  }
  // Rust's whitespace, which is not JavaScript's trim() (U+0085, U+FEFF).
  // A literal: Trunk's minifier doubles the backslashes of a string.
  var edges = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  function trim(s) {
    return s.replace(edges, '');
  }
  // An id: trimmed, no control characters, at most `max` characters, cut
  // by code point (a cut between the two halves of a surrogate pair would
  // make encodeURIComponent throw), trimmed again.
  function trimmed(s, max) {
    return trim(Array.from(trim(s).replace(/[\u0000-\u001f\u007f-\u009f]/g, '')).slice(0, max).join(''));
  }
  function list(value) {
    var items = [];
    (value || '').split(',').forEach(function (item) {
      item = trimmed(item, 80);
      if (item && items.indexOf(item) < 0 && items.length < 32) items.push(item);
    });
    return items;
  }
  // A path segment's escapes as UTF-8, a byte that is not UTF-8 as U+FFFD.
  function decoded(segment) {
    var parts = segment.split(/(%[0-9a-fA-F]{2})/), bytes = [];
    for (var i = 0; i < parts.length; i++) {
      var more = i % 2 ? [parseInt(parts[i].slice(1), 16)] : new TextEncoder().encode(parts[i]);
      for (var j = 0; j < more.length; j++) bytes.push(more[j]);
    }
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes));
  }
  // All but letters, digits and `-_.~,` escaped.
  function encoded(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    }).replace(/%2C/g, ',');
  }
  function language(code) {
    var l = (code || '').split(/[-_]/)[0].toLowerCase();
    return l === 'en' || l === 'es' ? l : null;
  }
  // A date the app filters by: `2012`, `2012-06` or `2012-06-30`, valid.
  function date(value) {
    var m = value !== null && /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(trim(value));
    if (!m) return false;
    var y = +m[1], month = +(m[2] || 1), day = +(m[3] || 1);
    var leap = y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
    var days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
    return month >= 1 && month <= 12 && day >= 1 && day <= days;
  }
  // A link's `?lang=` holds for the rest of this visit (the home page then
  // keeps it); only the reader's own choice with the switch is remembered
  // for good (localStorage, set by the app).
  var linked = params.getAll('lang').map(language).filter(Boolean).pop() || null;
  function preferred() {
    try {
      if (linked) sessionStorage.setItem('lang', linked);
      var stored = language(sessionStorage.getItem('lang')) || language(localStorage.getItem('lang'));
      if (stored) return stored;
    } catch (e) { /* storage refused, as in a sandboxed frame */ }
    var langs = navigator.languages || [navigator.language];
    for (var i = 0; i < langs.length; i++) {
      var l = language(langs[i]);
      if (l) return l;
    }
    return 'es';
  }

  if (path !== null) {
    try {
      // The page, as `Page::from_path` reads it: any other path is a home page.
      var here = path.replace(/index\.html$/, '');
      var parts = here.split('/').filter(Boolean).map(decoded);
      var en = parts[0] === 'en';
      var id = en ? parts.length === 3 && parts[1] === 'events' && parts[2] :
        parts.length === 2 && parts[0] === 'eventos' && parts[1];
      var asked = last('event');
      var event = trimmed(asked !== null ? asked : id || '', 80);
      // No page can have `.` or `..` as its segment: the browser drops it.
      if (/^\.\.?$/.test(event)) event = '';
      // An embed shows the language its code names, whatever the reader's.
      var lang = linked || (en ? 'en' : null) || (event || on('embed') ? 'es' : preferred());
      if (linked) preferred();
      var target = (lang === 'en' ? 'en/' : '') +
        (event ? (lang === 'en' ? 'events/' : 'eventos/') + encoded(event) + '/' : '');
      if (target !== here || params.has('lang') || params.has('event')) {
        params.delete('lang');
        params.delete('event');
        var query = params.toString();
        loc.replace(base + target + (query ? '?' + query : '') + loc.hash);
        return;
      }
    } catch (e) {
      // Whatever the address (or a browser without TextDecoder), the page
      // still gets its classes below.
    }
  }

  var classes = ['js'];
  // Where the app cannot run at all, say so at once.
  if (typeof WebAssembly !== 'object' || !('noModule' in HTMLScriptElement.prototype)) {
    classes.push('no-wasm');
  }
  if (on('embed')) classes.push('embed');
  function any(attr, values) {
    return values.map(function (v) {
      return '[' + attr + '~="' + CSS.escape(v) + '"]';
    }).join(',');
  }
  var topics = list(last('topic'));
  var actor = list(last('actor')).slice(0, 1);
  var pass = '';
  if (topics.length) pass += ':is(' + any('data-topics', topics) + ')';
  if (actor.length) pass += ':is(' + any('data-actors', actor) + ')';
  if (on('key')) pass += '.key';
  var search = (last('q') || '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (search || date(last('from')) || date(last('to'))) {
    classes.push('view-pending');
  } else if (pass) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.event:not(' + pass + '){display:none}' +
        '.year:not(:has(.event' + pass + ')),.chapter:not(:has(.event' + pass + ')){display:none}' +
        '.result-count{visibility:hidden}');
      d.adoptedStyleSheets = [sheet];
    } catch (e) {
      classes.push('view-pending');
    }
  }
  root.className += ' ' + classes.join(' ');

  d.addEventListener('DOMContentLoaded', function () {
    var search = d.getElementById('search');
    if (search && root.getAttribute('data-app') !== 'ready') search.disabled = false;
  });
})();
