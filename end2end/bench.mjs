// The benchmark: bytes of the first load, and speed in headless Chromium,
// behind nginx with the configuration we ship, as readers get it.
//
//   node bench.mjs            the full table (5 runs each), references, Lighthouse
//   node bench.mjs --budget   only what budgets.json limits, then compare
//   node bench.mjs --runs 9 --no-lighthouse --no-references --sizes 1000
//                             (--sizes none: the real data only)
//
// It measures the release build in `dist/` (made by `cargo xtask bench` or
// `cargo xtask test`; BENCH_DIST for another), served by Debian's nginx
// through nginx.mjs, the same setup as the end-to-end tests: the shipped
// deploy/nginx/ files, each compressible file precompressed (brotli 11,
// gzip 9) as the README's deploy steps do. Long timelines (1,000 and 5,000
// events, helpers.mjs's generator) are copies of the build with their own
// data file, and their own pages when the build has a prerendering step.
// Two references show the same events in the same browser: TimelineJS 3
// (npm @knight-lab/timelinejs, served from node_modules) and a plain
// static HTML list; our times are printed as ratios of theirs.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROME_ARGS as SHARED_ARGS, CHROMIUM } from './chromium.mjs';
import { DIST, HERE, eventPath, homePath, longTimeline, references, sorted } from './bench-pages.mjs';
import { precompress, startNginx } from './nginx.mjs';

const BUDGETS = JSON.parse(readFileSync(join(HERE, 'budgets.json'), 'utf8'));
const args = process.argv.slice(2);
const BUDGET_ONLY = args.includes('--budget');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const LIGHTHOUSE = !BUDGET_ONLY && !args.includes('--no-lighthouse');
const REFERENCES = !BUDGET_ONLY && !args.includes('--no-references');
const SIZES_ARG = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,5000';
// The budget check times only the real data, and reads the wasm memory
// after use at 5,000 events.
const SIZES = BUDGET_ONLY ? [5000] : SIZES_ARG === 'none' ? [] : SIZES_ARG.split(',').map(Number);
// Four ports from here: the build, 1,000 events, 5,000 events, references.
const PORT = Number(process.env.BENCH_PORT ?? 4300 + 4 * Math.floor(Math.random() * 100));
// Precise memory figures for the table's heap row.
const CHROME_ARGS = [...SHARED_ARGS, '--enable-precise-memory-info'];
const SELECTOR = {
  ours: 'ol.event-list > li',
  // The first event's slide (no title slide: the first slide is an event).
  timelinejs: '.tl-slide-content .tl-headline',
  list: 'ol.events > li',
};

// ---------------------------------------------------------------- bytes

function firstLoadAssets() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Attribute values may be unquoted: release builds minify the HTML.
  const refs = [...html.matchAll(/(?:href|src|data-js|data-wasm)="?\/?([^"\s>]+\.(?:js|wasm|css|svg))(?=["\s>])/g)].map((m) => m[1]);
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

// ---------------------------------------------------------------- browser

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

// Records when the first event appears, and the wasm memory once started.
// "Appears" means laid out: once the first event is in the DOM (inserted by
// the app, or by the parser of a prerendered or static page), a task queued
// behind the current work forces style and layout, and the time after that
// is the measure, from navigation start.
const INIT = (selector) => {
  let queued = false;
  const seen = () => {
    if (!queued && document.querySelector(selector)) {
      queued = true;
      setTimeout(() => {
        void document.body.offsetHeight;
        document.querySelector(selector).getBoundingClientRect();
        window.__firstEvent = performance.now();
      }, 0);
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__started = true;
    window.__wasm = e.detail?.wasm;
  });
};

// From navigation to the app answering a search keystroke: as soon as the
// app says it is interactive (`<html data-app="ready">`, issue 12), or, in
// a build that never sets that attribute (`signalsReady`), once it has
// started and the search box is enabled with events shown, a word is typed
// into #search; the time is taken when the result count has changed and is
// laid out.
const INIT_SEARCH = (signalsReady) => {
  let typed = false;
  addEventListener('TrunkApplicationStarted', () => (window.__started = true));
  const type = (how) => {
    typed = true;
    window.__readyBy = how;
    window.__readyAt = performance.now();
    const count = () => document.querySelector('.result-count')?.textContent;
    const before = count();
    const input = document.querySelector('#search');
    input.value = 'fentanilo';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const answered = () => {
      if (count() === before) return false;
      void document.body.offsetHeight;
      window.__searchAnswered = performance.now();
      return true;
    };
    if (!answered()) {
      const watch = new MutationObserver(() => answered() && watch.disconnect());
      watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    }
  };
  const check = () => {
    if (typed) return;
    const html = document.documentElement;
    if (html.dataset.app === 'ready') return type('data-app');
    if (signalsReady) return;
    const input = document.querySelector('#search');
    if (window.__started && input && !input.disabled && document.querySelector('ol.event-list > li')) {
      type('search enabled');
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-app', 'disabled'],
  });
  addEventListener('TrunkApplicationStarted', () => setTimeout(check, 0));
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

/** Requests that left the machine (aborted): none may, from any page. */
const foreign = new Set();

async function newPage(browser) {
  // A Spanish-speaking reader, on the Spanish pages: no move to /en/.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-MX' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    foreign.add(url.origin);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('ERR_BLOCKED_BY_CLIENT') && console.error('console', m.text()));
  return { context, page };
}

async function openPage(browser, url, selector) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(INIT, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstEvent, null, { timeout: 120_000 });
  return { context, page };
}

/** Bytes before the first content: the page and its style sheets, as the
 * server sent them (compressed). */
const FIRST_CONTENT_BYTES = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const css = performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.css'));
  return nav.encodedBodySize + css.reduce((n, e) => n + e.encodedBodySize, 0);
};

/** First event visible, for each page kind in `pages` (name -> url),
 * interleaved run by run so that drift hits each alike. */
async function firstEvents(browser, pages) {
  const times = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  let firstContent = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, url] of Object.entries(pages)) {
      const { context, page } = await openPage(browser, url, SELECTOR[kind]);
      times[kind].push(await page.evaluate(() => window.__firstEvent));
      if (kind === 'ours') firstContent = await page.evaluate(FIRST_CONTENT_BYTES);
      await context.close();
    }
  }
  return { ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)])), firstContent };
}

/** Whether the build says when it is interactive (`data-app="ready"`): its
 * wasm holds the attribute's name. */
function signalsReady(dir) {
  const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  return readFileSync(join(dir, wasm)).includes('data-app');
}

async function searchAfterNavigation(browser, url, dir) {
  const times = [];
  let how = '';
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.addInitScript(INIT_SEARCH, signalsReady(dir));
    await page.goto(url);
    await page.waitForFunction(() => window.__searchAnswered, null, { timeout: 120_000 });
    times.push(await page.evaluate(() => window.__searchAnswered));
    how = await page.evaluate(() => window.__readyBy);
    await context.close();
  }
  return { ...stats(times), how };
}

async function interactions(browser, url, runs = RUNS) {
  const search = [];
  const topic = [];
  const language = [];
  let heap = 0;
  let wasm = 0;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openPage(browser, url, SELECTOR.ours);
    // Let loading and progressive rendering finish before timing, and
    // between steps let the page settle, so that no step is charged with
    // the background work of the one before.
    const settle = () => page.evaluate(`(${SETTLE})()`);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120_000 });
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
        async (timed) => eval(timed)(() => document.querySelector('.language-switch a[lang=en]').click()),
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

// Asynchronous, so that this process keeps answering while it runs.
async function lighthouse(url) {
  const bin = join(HERE, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return null;
  const { stdout: out } = await promisify(execFile)(
    bin,
    [
      url,
      '--output=json',
      '--quiet',
      '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${CHROME_ARGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
  );
  const report = JSON.parse(out.toString());
  const scores = Object.values(report.categories).map((c) => [c.title, Math.round(c.score * 100)]);
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'interactive']
    .map((id) => [report.audits[id].title, report.audits[id].displayValue]);
  return [...scores, ...metrics];
}

// ---------------------------------------------------------------- report

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (s) => `${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;
const ratio = (a, b) => `${(a.median / b.median).toFixed(2)}×`;
const events = (n) => n.toLocaleString('en-US');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: build the release first`);
  const assets = sizes();
  const code = assets.filter((a) => a.kind !== 'data');
  const total = (key) => code.reduce((n, a) => n + a[key], 0);
  // The app's own bytes, as issue 15 counts them: no page, CSS or icon.
  const app = (key) => code.filter((a) => a.kind === 'WASM' || a.kind === 'JS').reduce((n, a) => n + a[key], 0);
  console.log('First load (bytes)');
  console.log(
    table([
      ['asset', 'raw', 'gzip', 'brotli'],
      ...assets.map((a) => [a.name, kb(a.raw), kb(a.gzip), kb(a.brotli)]),
      ['total excluding data', kb(total('raw')), kb(total('gzip')), kb(total('brotli'))],
      ['app (wasm and JS only)', kb(app('raw')), kb(app('gzip')), kb(app('brotli'))],
    ]),
  );

  precompress(DIST);
  const realDoc = JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8'));
  const datasets = [{ n: realDoc.events.length, label: `real data (${realDoc.events.length} events)`, port: PORT, dir: DIST, doc: realDoc }];
  SIZES.forEach((n, i) => {
    process.stdout.write(`\npreparing ${events(n)} events... `);
    const long = longTimeline(n);
    console.log(long.pages ? 'data and home pages (cargo xtask prerender)' : 'data (this build has no prerendering step)');
    datasets.push({ n, label: `${events(n)} events`, port: PORT + 1 + i, dir: long.dir, doc: long.doc });
  });
  const refsPort = PORT + 3;
  const sites = datasets.map((d) => ({ kind: 'app', port: d.port, root: d.dir }));
  if (REFERENCES) sites.push({ kind: 'plain', port: refsPort, root: references(datasets) });
  const server = await startNginx({ name: 'bench', sites, quiet: true });
  console.log(`\nServed by nginx (deploy/nginx/cronologia.conf) on 127.0.0.1:${PORT}-${PORT + sites.length - 1}`);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
    const results = { firstLoadBrotli: total('brotli') };
    const speed = [['measure', `median of ${RUNS} (min, max)`]];
    const versus = [['first event visible, median (ms)', 'ours', 'TimelineJS', 'static list', 'ours/TimelineJS', 'ours/static']];
    for (const d of datasets) {
      const base = `http://127.0.0.1:${d.port}`;
      const pages = { ours: `${base}${homePath(d.dir)}` };
      if (REFERENCES) {
        pages.timelinejs = `http://127.0.0.1:${refsPort}/tl-${d.n}.html`;
        pages.list = `http://127.0.0.1:${refsPort}/list-${d.n}.html`;
      }
      if (BUDGET_ONLY && d.dir !== DIST) {
        // Three runs: the median of three is steady enough for a limit
        // with a margin on a shared machine.
        results.interactions5000 = await interactions(browser, pages.ours, 3);
        continue;
      }
      const r = await firstEvents(browser, pages);
      speed.push([`first event visible, ${d.label}`, ms(r.ours)]);
      if (d.dir === DIST) {
        results.firstEventReal = r.ours;
        results.firstContent = r.firstContent;
      }
      if (REFERENCES) {
        speed.push([`  TimelineJS 3, ${d.label}`, ms(r.timelinejs)]);
        speed.push([`  static HTML list, ${d.label}`, ms(r.list)]);
        versus.push([d.label, r.ours.median.toFixed(0), r.timelinejs.median.toFixed(0), r.list.median.toFixed(0), ratio(r.ours, r.timelinejs), ratio(r.ours, r.list)]);
      }
      if (!BUDGET_ONLY && (d.dir === DIST || d.n === 5000)) {
        const s = await searchAfterNavigation(browser, pages.ours, d.dir);
        speed.push([`search answered, from navigation, ${d.label} (ready: ${s.how})`, ms(s)]);
      }
      if (d.n === 5000) {
        const r5 = await interactions(browser, pages.ours);
        speed.push([`search keystroke, ${d.label}`, ms(r5.search)]);
        speed.push([`topic filter, ${d.label}`, ms(r5.topic)]);
        speed.push([`language switch, ${d.label}`, ms(r5.language)]);
        speed.push([`JS heap after load, ${d.label}`, kb(r5.heap)]);
        speed.push([`wasm memory after use, ${d.label}`, kb(r5.wasm)]);
        results.interactions5000 = r5;
      }
    }
    await browser.close();
    console.log('\nBytes before first content (the page and its CSS, as nginx sent them)');
    console.log(table([['page', 'brotli'], [`home (${homePath(DIST)})`, kb(results.firstContent)]]));
    console.log('\nSpeed (headless Chromium, 1280x800, behind nginx)');
    console.log(table(speed));
    if (REFERENCES) {
      console.log('\nThe same events elsewhere, same browser, same run');
      console.log(table(versus));
    }
    if (foreign.size) {
      console.log(`\nRequests to other origins, blocked: ${[...foreign].join(', ')}`);
    }

    if (LIGHTHOUSE) {
      // In English: Lighthouse's browser asks for English, and a Spanish
      // page would send it on to its English twin first.
      const last = sorted(realDoc).at(-1).id;
      for (const [name, path] of [
        ['home page', homePath(DIST, 'en')],
        [`event page (${last})`, eventPath(DIST, last, 'en')],
      ]) {
        const scores = await lighthouse(`http://127.0.0.1:${PORT}${path}`);
        console.log(`\nLighthouse (mobile), ${name}: ${path}`);
        console.log(scores ? table([['category or metric', 'score or value'], ...scores]) : 'lighthouse is not installed');
      }
    }

    // Budgets, with their margins, from budgets.json.
    const checks = [
      ['first load, brotli, excluding data', results.firstLoadBrotli, BUDGETS.firstLoadBrotliBytes, kb],
      ['bytes before first content, brotli', results.firstContent, BUDGETS.firstContentBrotliBytes, kb],
      ['first event visible, real data (median)', results.firstEventReal.median, BUDGETS.firstEventRealMs, (v) => `${v.toFixed(1)} ms`],
    ];
    const r5 = results.interactions5000;
    if (r5 !== undefined) {
      const time = (v) => `${v.toFixed(1)} ms`;
      checks.push(['search keystroke, 5,000 events (median)', r5.search.median, BUDGETS.interaction5000Ms, time]);
      checks.push(['topic filter, 5,000 events (median)', r5.topic.median, BUDGETS.interaction5000Ms, time]);
      checks.push(['language switch, 5,000 events (median)', r5.language.median, BUDGETS.interaction5000Ms, time]);
      checks.push(['wasm memory after use, 5,000 events', r5.wasm, BUDGETS.wasmMemory5000Bytes, kb]);
    }
    console.log('\nBudgets (budgets.json)');
    console.log(
      table([
        ['budget', 'measured', 'limit', 'result'],
        ...checks.map(([name, value, limit, fmt]) => [name, fmt(value), fmt(limit), value <= limit ? 'ok' : 'OVER']),
      ]),
    );
    const over = checks.filter(([, value, limit]) => !(value <= limit));
    const passed = checks.length - over.length;
    console.log(`\nbudgets: ${passed} passed, ${over.length} failed`);
    if (over.length) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

await main();
