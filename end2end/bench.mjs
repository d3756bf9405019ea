// The benchmark: bytes of the first load, and speed in headless Chromium.
//
//   node bench.mjs            the full table (5 runs each), plus Lighthouse
//   node bench.mjs --budget   only what budgets.json limits, then compare
//   node bench.mjs --runs 9 --no-lighthouse
//
// It measures the release build in `dist/` (made by `cargo xtask bench` or
// `cargo xtask test`), served by serve.mjs on a free port. Synthetic data of
// 1,000 and 5,000 events is generated here from the real events (same
// schema, new ids and dates) and served in place of data/events.json.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROME_ARGS as SHARED_ARGS, CHROMIUM } from './chromium.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
const BUDGETS = JSON.parse(readFileSync(join(HERE, 'budgets.json'), 'utf8'));
const args = process.argv.slice(2);
const BUDGET_ONLY = args.includes('--budget');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const LIGHTHOUSE = !BUDGET_ONLY && !args.includes('--no-lighthouse');
const PORT = 4180 + Math.floor(Math.random() * 500);
const BASE = `http://127.0.0.1:${PORT}`;
// Precise memory figures for the table's heap row.
const CHROME_ARGS = [...SHARED_ARGS, '--enable-precise-memory-info'];

// ---------------------------------------------------------------- bytes

function firstLoadAssets() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Attribute values may be unquoted: release builds minify the HTML.
  const refs = [...html.matchAll(/(?:href|src)="?\/?([^"\s>]+\.(?:js|wasm|css|svg))(?=["\s>])/g)].map((m) => m[1]);
  const unique = [...new Set(refs.map((r) => r.replace(/^\.\//, '')))];
  return [{ name: 'index.html', kind: 'HTML' }]
    .concat(unique.map((name) => ({ name, kind: name.split('.').pop().toUpperCase() })))
    .concat([{ name: 'data/events.json', kind: 'data' }]);
}

function sizes() {
  return firstLoadAssets().map(({ name, kind }) => {
    const bytes = readFileSync(join(DIST, name));
    return {
      name,
      kind,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

// ---------------------------------------------------------------- data

/** `n` events in the real schema: the real ones, repeated with new ids
 * and spread over the same years. */
function synthetic(n) {
  const doc = JSON.parse(readFileSync(join(ROOT, 'public/data/events.json'), 'utf8'));
  const real = doc.events;
  const eras = doc.eras;
  const start = Date.UTC(2007, 3, 1);
  const end = Date.UTC(2026, 1, 28);
  const events = [];
  for (let i = 0; i < n; i++) {
    const e = structuredClone(real[i % real.length]);
    const day = new Date(start + ((end - start) * i) / n);
    const iso = day.toISOString().slice(0, 10);
    // Cut at 50 characters without leaving a trailing hyphen: "a--1" is not
    // a valid id, and such events would be skipped (and warned about).
    e.id = `${e.id.slice(0, 50).replace(/-+$/, '')}-${i}`;
    e.date = iso;
    delete e.end;
    if (e.status === 'announced') e.status = 'unconfirmed';
    e.era = eras.find((era) => era.start <= iso && (!era.end || iso <= era.end))?.id ?? eras[0].id;
    events.push(e);
  }
  return JSON.stringify({ ...doc, events });
}

// ---------------------------------------------------------------- browser

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

// Records when the first event appears, and the wasm memory once started.
// "Appears" means laid out: once the first list item is in the DOM, a task
// queued behind the app's current work forces style and layout, and the time
// after that is the measure. (Without it the number stopped at the DOM
// insertion and left out the layout of everything the app had just built.)
const INIT = () => {
  let queued = false;
  const seen = () => {
    if (!queued && document.querySelector('ol.event-list > li')) {
      queued = true;
      setTimeout(() => {
        void document.body.offsetHeight;
        document.querySelector('ol.event-list > li').getBoundingClientRect();
        window.__firstEvent = performance.now();
      }, 0);
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail?.wasm));
};

/** Time from a change to the reader seeing its result laid out: the app
 * updates in microtasks, so a macrotask after the change runs once it is
 * done; reading the layout there forces the style and layout work the
 * browser would otherwise do later, before the next paint, so that work is
 * counted too. */
const TIMED = async (action) => {
  const t0 = performance.now();
  action();
  await new Promise((r) => setTimeout(r, 0));
  void document.body.offsetHeight;
  document.querySelector('section.events')?.getBoundingClientRect();
  return performance.now() - t0;
};

/** Waits until the page has been idle for a moment: no long task queued,
 * so that background work of the previous step is not timed as this one. */
const SETTLE = () =>
  new Promise((resolve) => {
    let quiet = 0;
    const tick = () => {
      const t = performance.now();
      setTimeout(() => {
        quiet = performance.now() - t < 20 ? quiet + 1 : 0;
        if (quiet >= 10) resolve();
        else tick();
      }, 10);
    };
    tick();
  });

async function openPage(browser, data, query = '?lang=es') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  if (data) {
    await page.route('**/data/events.json', (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: data }),
    );
  }
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await page.goto(`${BASE}/${query}`);
  await page.waitForFunction(() => window.__firstEvent, null, { timeout: 60_000 });
  return { context, page };
}

async function firstEvent(browser, data) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openPage(browser, data);
    times.push(await page.evaluate(() => window.__firstEvent));
    await context.close();
  }
  return stats(times);
}

async function interactions(browser, data) {
  const search = [];
  const topic = [];
  const language = [];
  let heap = 0;
  let wasm = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openPage(browser, data);
    // Let progressive rendering finish before timing interactions, and
    // between them let the page settle, so that no step is charged with the
    // background work of the one before.
    const settle = async () => {
      await page.waitForTimeout(300);
      await page.evaluate(`(${SETTLE})()`);
    };
    await page.waitForTimeout(1200);
    await settle();
    search.push(
      await page.evaluate(async (timed) => {
        const input = document.querySelector('#search');
        return eval(timed)(() => {
          input.value = 'fentanilo';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, `(${TIMED})`),
    );
    await page.evaluate(() => {
      const input = document.querySelector('#search');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    topic.push(
      await page.evaluate(
        async (timed) => eval(timed)(() => document.querySelector('fieldset.topics input').click()),
        `(${TIMED})`,
      ),
    );
    // Untick the topic again: the language switch is timed with all events
    // shown, the case its label names.
    await page.evaluate(() => document.querySelector('fieldset.topics input').click());
    await settle();
    language.push(
      await page.evaluate(
        async (timed) => eval(timed)(() => document.querySelector('.language-switch button[lang=en]').click()),
        `(${TIMED})`,
      ),
    );
    const memory = await page.evaluate(() => ({
      heap: performance.memory?.usedJSHeapSize ?? 0,
      wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0,
    }));
    heap = Math.max(heap, memory.heap);
    wasm = Math.max(wasm, memory.wasm);
    await context.close();
  }
  return { search: stats(search), topic: stats(topic), language: stats(language), heap, wasm };
}

// ---------------------------------------------------------------- lighthouse

// Asynchronous: the static server runs in this same process and must keep
// answering while Lighthouse loads the page.
async function lighthouse() {
  const bin = join(HERE, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return null;
  const { stdout: out } = await promisify(execFile)(
    bin,
    [
      `${BASE}/?lang=es`,
      '--output=json',
      '--quiet',
      '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${CHROME_ARGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  const report = JSON.parse(out.toString());
  const scores = Object.values(report.categories).map((c) => [c.title, Math.round(c.score * 100)]);
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
    .map((id) => [report.audits[id].title, report.audits[id].displayValue]);
  return [...scores, ...metrics];
}

// ---------------------------------------------------------------- server

const TYPES = { html: 'text/html', js: 'text/javascript', wasm: 'application/wasm', css: 'text/css', json: 'application/json', svg: 'image/svg+xml' };

/** A static server for DIST, as a plain static host serves it: brotli or
 * gzip when the browser accepts it (as GitHub Pages, Netlify or nginx with
 * gzip on do), so Lighthouse sees realistic transfers. */
const compressed = new Map();
function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, BASE).pathname;
    const file = resolve(DIST, '.' + (path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const accepts = req.headers['accept-encoding'] ?? '';
    const encoding = accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
    const headers = { 'content-type': TYPES[file.split('.').pop()] ?? 'application/octet-stream' };
    let body = readFileSync(file);
    if (encoding) {
      const key = `${encoding}:${file}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body));
      }
      body = compressed.get(key);
      headers['content-encoding'] = encoding;
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => server.listen(PORT, '127.0.0.1', () => ok(server)));
}

// ---------------------------------------------------------------- report

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (s) => `${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('no dist/: build the release first');
  const server = await serve();
  try {
    const assets = sizes();
    const code = assets.filter((a) => a.kind !== 'data');
    const total = (key) => code.reduce((n, a) => n + a[key], 0);
    console.log('First load (bytes)');
    console.log(
      table([
        ['asset', 'raw', 'gzip', 'brotli'],
        ...assets.map((a) => [a.name, kb(a.raw), kb(a.gzip), kb(a.brotli)]),
        ['total excluding data', kb(total('raw')), kb(total('gzip')), kb(total('brotli'))],
      ]),
    );

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
    const results = { firstLoadBrotli: total('brotli') };
    const speed = [['measure', `median of ${RUNS} (min, max)`]];
    results.firstEventReal = await firstEvent(browser, null);
    speed.push(['first event visible, real data', ms(results.firstEventReal)]);
    if (!BUDGET_ONLY) {
      for (const n of [1000, 5000]) {
        const data = synthetic(n);
        speed.push([`first event visible, ${n} events`, ms(await firstEvent(browser, data))]);
        if (n === 5000) {
          const r = await interactions(browser, data);
          speed.push([`search keystroke, ${n} events`, ms(r.search)]);
          speed.push([`topic filter, ${n} events`, ms(r.topic)]);
          speed.push([`language switch, ${n} events`, ms(r.language)]);
          speed.push([`JS heap after load, ${n} events`, kb(r.heap)]);
          speed.push([`wasm memory after load, ${n} events`, kb(r.wasm)]);
        }
      }
    }
    await browser.close();
    console.log('\nSpeed (headless Chromium, 1280x800)');
    console.log(table(speed));

    if (LIGHTHOUSE) {
      const scores = await lighthouse();
      console.log('\nLighthouse (mobile)');
      console.log(scores ? table([['category or metric', 'score or value'], ...scores]) : 'lighthouse is not installed');
    }

    // Budgets, with their margins, from budgets.json.
    const checks = [
      ['first load, brotli, excluding data', results.firstLoadBrotli, BUDGETS.firstLoadBrotliBytes, kb],
      ['first event visible, real data (median)', results.firstEventReal.median, BUDGETS.firstEventRealMs, (v) => `${v.toFixed(1)} ms`],
    ];
    console.log('\nBudgets (budgets.json)');
    console.log(
      table([
        ['budget', 'measured', 'limit', 'result'],
        ...checks.map(([name, value, limit, fmt]) => [name, fmt(value), fmt(limit), value <= limit ? 'ok' : 'OVER']),
      ]),
    );
    const over = checks.filter(([, value, limit]) => value > limit);
    const passed = checks.length - over.length;
    console.log(`\nbudgets: ${passed} passed, ${over.length} failed`);
    if (over.length) process.exitCode = 1;
  } finally {
    server.close();
  }
}

await main();
