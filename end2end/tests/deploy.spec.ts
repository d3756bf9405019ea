// Served as readers get it (issue 16): the tests run behind Debian's nginx
// with the configuration in deploy/nginx/ (nginx.mjs), and this spec checks
// what that configuration sends: each kind of file's type, caching and
// security headers, brotli, the Content Security Policy as header and
// <meta> together, an embed from another origin (frame-ancestors), the
// sub-path build, the prerendered pages (one per language and per event),
// the Atom feeds and the link-preview images. deploy-hosts.spec.ts has the
// addresses (old links, oEmbed files) and the other hosts' files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { PORTS, pagePath, ready } from '../helpers.mjs';
import { E2E_DIST, E2E_DIST_SUBPATH, HOST_ROOT } from '../nginx.mjs';
import { metaPolicy, IMMUTABLE, hashed, kinds, fetchRaw, decoded, expectSecurityHeaders } from './deploy-shared';

// ------------------------------------------------------------ headers

test.describe('each kind of file', () => {
  for (const [where, prefix, dist] of [
    ['at /', '/', E2E_DIST],
    ['under the sub-path', '/sub/path/', E2E_DIST_SUBPATH],
  ] as const) {
    test(`${where}: type, caching, security headers and body`, async () => {
      for (const kind of kinds(prefix, dist)) {
        const answer = await fetchRaw(PORTS.app, kind.path, { 'Accept-Encoding': 'br, gzip' });
        const what = `${kind.name} (${kind.path})`;
        expect(answer.status, what).toBe(kind.status);
        expect(answer.headers['content-type'], what).toMatch(kind.type);
        expect(answer.headers['cache-control'], what).toBe(kind.cache);
        expectSecurityHeaders(answer.headers, what);
        if (kind.file) expect(decoded(answer).equals(readFileSync(kind.file)), `${what}: body`).toBe(true);
      }
    });
  }

  test('brotli when asked, gzip as the fallback, plain otherwise', async () => {
    const { wasm } = hashed(E2E_DIST);
    for (const path of ['/', `/${wasm}`, '/data/events.json']) {
      const file = readFileSync(join(E2E_DIST, path === '/' ? 'index.html' : path));
      const br = await fetchRaw(PORTS.app, path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(br.body).equals(file), path).toBe(true);
      expect(br.body.length, `${path}: brotli is smaller`).toBeLessThan(file.length / 2);
      const gz = await fetchRaw(PORTS.app, path, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(file), path).toBe(true);
      expect(br.body.length, `${path}: brotli beats gzip`).toBeLessThan(gz.body.length);
      const plain = await fetchRaw(PORTS.app, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(file), path).toBe(true);
    }
  });

  test('the browser gets the wasm and the data as brotli, with their caching', async ({ page }) => {
    const seen = new Map<string, Record<string, string>>();
    page.on('response', async (res) => seen.set(new URL(res.url()).pathname, await res.allHeaders()));
    await page.goto(pagePath('en'));
    await ready(page);
    const { wasm } = hashed(E2E_DIST);
    await expect.poll(() => seen.has('/data/events.json')).toBe(true);
    expect(seen.get(`/${wasm}`)?.['content-encoding']).toBe('br');
    expect(seen.get(`/${wasm}`)?.['cache-control']).toBe(IMMUTABLE);
    expect(seen.get('/data/events.json')?.['content-encoding']).toBe('br');
    expect(seen.get('/data/events.json')?.['cache-control']).toBe('no-cache');
    // What crossed the wire: the brotli file, not the uncompressed module.
    const wire = await page.evaluate(
      (name) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith(name))?.encodedBodySize,
      wasm,
    );
    expect(wire).toBe(readFileSync(join(E2E_DIST, `${wasm}.br`)).length);
  });
});

// ------------------------------------------------------------ CSP

/** Collects the policy's violations, as events and as console messages. */
async function policyWatch(page: Page) {
  const console: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to|Permissions.Policy|frame-ancestors/i.test(msg.text())) console.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    // Which policy: only the header's has frame-ancestors.
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(
        `${e.violatedDirective} ${e.blockedURI} (${e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta'})`,
      ),
    );
  });
  return {
    console,
    events: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

/** A build's Spanish home page and one of its event pages. */
function spanishPages(prefix: string, dist: string) {
  const event = JSON.parse(readFileSync(join(dist, 'data/events.json'), 'utf8')).events[0];
  return {
    home: prefix,
    event: `${prefix}eventos/${event.id}/`,
    title: event.title.es as string,
  };
}

test.describe('the Content Security Policy, header and <meta> together', () => {
  // A Spanish-speaking reader, on the Spanish pages.
  test.use({ locale: 'es-MX' });
  for (const [where, prefix, dist] of [
    ['at /', '/', E2E_DIST],
    ['under the sub-path', '/sub/path/', E2E_DIST_SUBPATH],
  ] as const) {
    test(`${where}: the app runs with no violation, and a violation would be seen`, async ({ page }) => {
      const watch = await policyWatch(page);
      const pages = spanishPages(prefix, dist);
      const response = await page.goto(pages.home);
      // Both apply: the header with frame-ancestors, the <meta> as built.
      expect(response!.headers()['content-security-policy']).toBe(`${metaPolicy(dist)}; frame-ancestors *`);
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', metaPolicy(dist));
      await ready(page);
      // Use it: search, then open an event's page.
      await page.locator('#search').fill('fentanilo');
      await expect(page).toHaveURL(/q=fentanilo/);
      await page.goto(pages.event);
      await expect(page.getByText(pages.title).first()).toBeVisible();
      await ready(page);
      expect(await watch.events()).toEqual([]);
      expect(watch.console).toEqual([]);
      // The listener is live, and both policies are enforced: an inline
      // script is refused, and reported once by each.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.append(script);
      });
      await expect
        .poll(async () => (await watch.events()).sort())
        .toEqual(['script-src-elem inline (header)', 'script-src-elem inline (meta)']);
      expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    });
  }
});

// ------------------------------------------------------------ embeds

test('an embed on another origin shows the timeline and resizes (frame-ancestors)', async ({ page }, info) => {
  const app = `http://127.0.0.1:${PORTS.app}`;
  const name = `embed-${info.workerIndex}.html`;
  // A newsroom's article on its own server (another port: another origin),
  // with the embed code the generator gives.
  writeFileSync(
    join(HOST_ROOT, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,"></head>
<body><h1>An article</h1><p>Text before the timeline.</p>
<iframe id="t" src="${app}/en/?embed=1" title="Timeline" height="300" style="width:100%;border:0" data-timeline-embed></iframe>
<script src="${app}/embed.js" async></script>
<p>Text after the timeline.</p></body></html>
`,
  );
  const blocked: string[] = [];
  page.on('console', (msg) => {
    if (/frame-ancestors|Refused to (display|frame)|X-Frame-Options/i.test(msg.text())) blocked.push(msg.text());
  });
  await page.goto(`http://127.0.0.1:${PORTS.host}/${name}`);
  const frame = page.frameLocator('#t');
  await ready(frame);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  // Another origin indeed.
  const inner = page.frame({ url: (url) => url.port === String(PORTS.app) });
  expect(inner).not.toBeNull();
  expect(new URL(page.url()).origin).not.toBe(new URL(inner!.url()).origin);
  // embed.js, loaded from the app's origin, fits the frame to its content.
  const iframe = page.locator('#t');
  await expect.poll(() => iframe.evaluate((f) => (f as HTMLIFrameElement).clientHeight)).toBeGreaterThan(300);
  const content = await inner!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect
    .poll(async () => Math.abs((await iframe.evaluate((f) => (f as HTMLIFrameElement).clientHeight)) - content))
    .toBeLessThanOrEqual(1);
  expect(blocked).toEqual([]);
});

// ------------------------------------------------------------ sub-path

test('the sub-path build works behind nginx: its address, its files, its data', async ({ page }) => {
  const bare = await fetchRaw(PORTS.app, '/sub/path?lang=en');
  expect(bare.status).toBe(301);
  expect(bare.headers.location).toBe('/sub/path/?lang=en');
  const files: string[] = [];
  page.on('response', (res) => files.push(`${res.status()} ${new URL(res.url()).pathname}`));
  await page.goto('/sub/path?lang=en');
  // Then, an old link, to its page under the sub-path.
  await expect(page).toHaveURL(/\/sub\/path\/en\/$/);
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Mexico and the United States: security cooperation');
  const { wasm } = hashed(E2E_DIST_SUBPATH);
  expect(files).toContain('301 /sub/path/');
  expect(files).toContain(`200 /sub/path/${wasm}`);
  expect(files).toContain('200 /sub/path/data/events.json');
  expect(files.filter((f) => !f.includes('/sub/path/'))).toEqual(['301 /sub/path']);
});

