/* Runs in <head>, before the page is drawn, so that the reader never sees
 * the wrong page or the wrong view first.
 *
 * 1. Old links (`?lang=en&event=<id>`), and the Spanish home page for a
 *    reader who chose English (or whose browser prefers it), move to the
 *    right page: `/`, `/en/`, `/eventos/<id>/`, `/en/events/<id>/`, the same
 *    rules as `Page::path` in src/address.rs.
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

  function on(name) {
    var v = params.get(name);
    return v !== null && !/^(0|false|no)$/.test(v);
  }
  function decoded(segment) {
    try {
      return decodeURIComponent(segment);
    } catch (e) {
      return segment; // a malformed escape: kept as written
    }
  }
  function language(code) {
    var l = (code || '').slice(0, 2).toLowerCase();
    return l === 'en' || l === 'es' ? l : null;
  }
  // A link's `?lang=` holds for the rest of this visit (the home page then
  // keeps it); only the reader's own choice with the switch is remembered
  // for good (localStorage, set by the app).
  var linked = language(params.get('lang'));
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

  var page = path === null ? null :
    /^(?:(en)\/)?(?:(?:events|eventos)\/([^/]+)\/)?(?:index\.html)?$/.exec(path);
  if (page) {
    // As src/address.rs reads an id: no control characters, trimmed, at
    // most 80 characters.
    var event = (params.get('event') || (page[2] ? decoded(page[2]) : ''))
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 80).trim();
    // An embed shows the language its code names, whatever the reader's.
    var lang = linked || (page[1] ? 'en' : null) || (event || on('embed') ? 'es' : preferred());
    if (linked) preferred();
    var target = (lang === 'en' ? 'en/' : '') +
      (event ? (lang === 'en' ? 'events/' : 'eventos/') + encodeURIComponent(event) + '/' : '');
    if (target !== path.replace(/index\.html$/, '') || params.has('lang') || params.has('event')) {
      params.delete('lang');
      params.delete('event');
      var query = params.toString();
      loc.replace(base + target + (query ? '?' + query : '') + loc.hash);
      return;
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
  var topics = (params.get('topic') || '').split(',').filter(Boolean);
  var actor = (params.get('actor') || '').split(',').filter(Boolean).slice(0, 1);
  var pass = '';
  if (topics.length) pass += ':is(' + any('data-topics', topics) + ')';
  if (actor.length) pass += ':is(' + any('data-actors', actor) + ')';
  if (on('key')) pass += '.key';
  if (params.get('q') || params.get('from') || params.get('to')) {
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
