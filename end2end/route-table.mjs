// Runs route.js over the shared table of addresses (tests/route_table.rs,
// which writes each address with what the app makes of it) and returns the
// addresses where the two disagree. It runs inside a page
// (end2end/tests/route.spec.ts passes it to Chromium), with the page's own
// URL, URLSearchParams, TextDecoder and CSS.escape, and stand-ins for what
// route.js changes: the location (a move is recorded, not made), the root
// element's classes and the adopted style sheet.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TMP = process.env.ROUTE_TABLE_DIR ?? fileURLToPath(new URL('../target/tmp/', import.meta.url));

/** A file of the shared table, written by the native test
 * tests/route_table.rs: `route-cases.json` (addresses and what the app
 * makes of them) or `route-more.json` (views, pages, key-moments
 * addresses). @param {'route-cases.json' | 'route-more.json'} name */
export function loadTable(name) {
  const file = join(TMP, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is missing: run \`cargo test --test route_table\` (cargo xtask test does)`);
  }
}

/** An address with its query as the browser's URLSearchParams writes it,
 * so that two ways of escaping the same query compare equal.
 * @param {string} href a path from the root, with its query */
export function normalized(href) {
  const url = new URL(href, 'http://127.0.0.1');
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * @param {{ source: string, cases: any[] }} input route.js's text and the table
 * @returns {{ checked: number, moved: number, disagreements: string[] }}
 */
export function runTable({ source, cases }) {
  const run = new Function(
    'document', 'location', 'navigator', 'sessionStorage', 'localStorage', 'CSSStyleSheet',
    source,
  );
  const storage = () => {
    const items = new Map();
    return {
      getItem: (k) => (items.has(k) ? items.get(k) : null),
      setItem: (k, v) => items.set(k, String(v)),
      removeItem: (k) => items.delete(k),
    };
  };
  /** What route.js does at `href` (from the root), for a reader whose
   * browser prefers Spanish and who chose no language before. */
  function visit(base, href) {
    const url = new URL(href, 'http://127.0.0.1');
    const out = { moved: null, classes: [], sheet: null, error: null };
    const root = { className: '', getAttribute: () => null };
    const document = {
      baseURI: `http://127.0.0.1${base}`,
      documentElement: root,
      getElementById: () => null,
      addEventListener: () => {},
      set adoptedStyleSheets(sheets) {
        out.sheet = sheets.map((s) => s.text).join('');
      },
    };
    const location = {
      pathname: url.pathname,
      search: url.search,
      hash: '',
      replace: (to) => (out.moved = to),
    };
    class Sheet {
      replaceSync(text) {
        this.text = text;
      }
    }
    try {
      run(document, location, { languages: ['es-MX'], language: 'es-MX' }, storage(), storage(), Sheet);
    } catch (e) {
      out.error = String(e);
    }
    out.classes = root.className.split(/\s+/).filter(Boolean);
    return out;
  }
  /** A CSS escape's character (U+FFFD for what cannot be one). */
  const codePoint = (n) => (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n));
  /** The values of `[attr~="…"]` in a selector, unescaped. */
  function tokens(sheet, attr) {
    const found = [];
    const re = new RegExp(`\\[${attr}~="((?:[^"\\\\]|\\\\.)*)"\\]`, 'g');
    for (const m of (sheet ?? '').matchAll(re)) {
      found.push(m[1].replace(/\\([0-9a-fA-F]{1,6}) ?|\\([^])/g, (_, hex, ch) => (hex ? codePoint(parseInt(hex, 16)) : ch)));
    }
    // The rule names each value three times (cards, years, chapters).
    return [...new Set(found)];
  }
  const disagreements = [];
  let moved = 0;
  for (const c of cases) {
    const href = `${c.base}${c.path}${c.search}`;
    const url = new URL(href, 'http://127.0.0.1');
    const say = (what) => disagreements.push(`${href}: ${what}`);
    if (url.pathname + url.search !== href) {
      say(`not as a browser writes it (${url.pathname}${url.search}): fix the table's generator`);
      continue;
    }
    let seen = visit(c.base, href);
    if (seen.error) {
      say(`route.js threw ${seen.error}`);
      continue;
    }
    if (seen.moved !== c.moves) {
      say(`route.js moves to ${seen.moved}, the app reads ${c.moves ?? 'this page, which stays'}`);
      continue;
    }
    if (seen.moved !== null) {
      moved++;
      // The view is set on the page it moved to, which stays.
      seen = visit(c.base, seen.moved);
      if (seen.error || seen.moved !== null) {
        say(`on ${c.moves}, route.js ${seen.error ? `threw ${seen.error}` : `moves again to ${seen.moved}`}`);
        continue;
      }
    }
    const has = (name) => seen.classes.includes(name);
    const view = {
      embed: has('embed'),
      pending: has('view-pending'),
      topics: tokens(seen.sheet, 'data-topics'),
      actor: tokens(seen.sheet, 'data-actors')[0] ?? null,
      key: /\.key\b/.test(seen.sheet ?? ''),
    };
    // The list waits for the app when it must filter by what only the app
    // can; then route.js filters nothing itself.
    const want = {
      embed: c.embed,
      pending: c.pending,
      topics: c.pending ? [] : c.topics,
      actor: c.pending ? null : c.actor,
      key: c.pending ? false : c.key,
    };
    if (!has('js')) say('route.js did not set its classes');
    else if (JSON.stringify(view) !== JSON.stringify(want)) {
      say(`route.js reads ${JSON.stringify(view)}, the app ${JSON.stringify(want)}`);
    }
  }
  return { checked: cases.length, moved, disagreements };
}
