// Served as readers get it (issue 16): the tests run behind Debian's nginx
// with the configuration in deploy/nginx/ (nginx.mjs), and this spec checks
// what that configuration sends: each kind of file's type, caching and
// security headers, brotli, the Content Security Policy as header and
// <meta> together, an embed from another origin (frame-ancestors), the
// sub-path build, the prerendered pages (one per language and per event),
// the Atom feeds and the link-preview images,
// the old links' redirects to them, and that deploy/netlify/ and
// deploy/cloudflare-pages/ say the same.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { PORTS, pagePath, ready } from '../helpers.mjs';
import { E2E_DIST, E2E_DIST_SUBPATH, HOST_ROOT, ROOT } from '../nginx.mjs';

// ------------------------------------------------------------ what we expect

const metaPolicy = (dist: string) => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Release builds minify the HTML: the attribute may come in any order.
  const tag = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy[^>]*>/i)?.[0] ?? '';
  const policy = tag.match(/content="([^"]*)"/)?.[1];
  if (!policy) throw new Error(`no CSP <meta> in ${dist}/index.html`);
  return policy;
};
/** The header: the <meta>'s policy, plus what a <meta> cannot carry. */
const POLICY = `${metaPolicy(E2E_DIST)}; frame-ancestors *`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HTML = /^text\/html; charset=utf-8$/;
/** A build's events, as its data file lists them. */
const eventIds = (dist: string): string[] =>
  JSON.parse(readFileSync(join(dist, 'data/events.json'), 'utf8')).events.map((e: { id: string }) => e.id);
const JS = /^(application|text)\/javascript; charset=utf-8$/;
const ATOM = /^application\/atom\+xml; charset=utf-8$/;
const PNG = /^image\/png$/;

/** Trunk's hashed outputs in a build directory. Trunk writes the hash as
 * hexadecimal digits without leading zeros: 16 digits, or fewer when the
 * hash starts with a zero (one build in sixteen, for each file). */
function hashed(dist: string) {
  const files = readdirSync(dist);
  const find = (re: RegExp) => {
    const name = files.find((f) => re.test(f));
    if (!name) throw new Error(`no file like ${re} in ${dist}`);
    return name;
  };
  return {
    js: find(/^cronologia-[0-9a-f]{1,16}\.js$/),
    wasm: find(/^cronologia-[0-9a-f]{1,16}_bg\.wasm$/),
    css: find(/^style-[0-9a-f]{1,16}\.css$/),
    route: find(/^route-[0-9a-f]{1,16}\.js$/),
  };
}

type Kind = {
  name: string;
  path: string;
  status: number;
  type: RegExp;
  cache: string;
  /** The file the body must equal, once decoded. */
  file?: string;
};

function kinds(prefix: string, dist: string): Kind[] {
  const { js, wasm, css, route } = hashed(dist);
  const page = (name: string, path: string): Kind => ({
    name,
    path,
    status: 200,
    type: HTML,
    cache: 'no-cache',
    file: join(dist, 'index.html'),
  });
  const list: Kind[] = [
    page('the page', prefix),
    page('the page by its file name', `${prefix}index.html`),
    { name: 'hashed JS', path: `${prefix}${js}`, status: 200, type: JS, cache: IMMUTABLE, file: join(dist, js) },
    { name: 'hashed wasm', path: `${prefix}${wasm}`, status: 200, type: /^application\/wasm$/, cache: IMMUTABLE, file: join(dist, wasm) },
    { name: 'hashed CSS', path: `${prefix}${css}`, status: 200, type: /^text\/css; charset=utf-8$/, cache: IMMUTABLE, file: join(dist, css) },
    { name: 'hashed route.js', path: `${prefix}${route}`, status: 200, type: JS, cache: IMMUTABLE, file: join(dist, route) },
    { name: 'boot.js', path: `${prefix}boot.js`, status: 200, type: JS, cache: 'no-cache', file: join(dist, 'boot.js') },
    { name: 'embed.js (other unhashed JS)', path: `${prefix}embed.js`, status: 200, type: JS, cache: 'no-cache', file: join(dist, 'embed.js') },
    { name: 'the data', path: `${prefix}data/events.json`, status: 200, type: /^application\/json; charset=utf-8$/, cache: 'no-cache', file: join(dist, 'data/events.json') },
    // Each page's oEmbed response, beside it (issue 26).
    { name: 'the home page\'s oEmbed response', path: `${prefix}oembed.json`, status: 200, type: /^application\/json; charset=utf-8$/, cache: 'no-cache', file: join(dist, 'oembed.json') },
    { name: 'the sitemap', path: `${prefix}sitemap.xml`, status: 200, type: /^(text|application)\/xml; charset=utf-8$/, cache: 'no-cache', file: join(dist, 'sitemap.xml') },
    { name: 'a missing page: the 404 page', path: `${prefix}no/such/page`, status: 404, type: HTML, cache: 'no-cache', file: join(dist, '404.html') },
    // Not cached for a year: the file may appear with the next deploy.
    { name: 'a missing hashed file', path: `${prefix}cronologia-0000000000000000_bg.wasm`, status: 404, type: HTML, cache: 'no-cache', file: join(dist, '404.html') },
  ];
  // The prerendered pages (issue 12): the English home, and the first and
  // last event's page in each language; each its own file.
  const ids = eventIds(dist);
  expect(ids.length, `${dist}: events`).toBeGreaterThan(0);
  for (const id of [ids[0], ids.at(-1)!]) {
    for (const lang of ['es', 'en'] as const) {
      const sub = pagePath(lang, id).slice(1);
      list.push({ ...page(`the page ${sub}`, `${prefix}${sub}`), file: join(dist, sub, 'index.html') });
      list.push({
        name: `the oEmbed response of ${sub}`,
        path: `${prefix}${sub}oembed.json`,
        status: 200,
        type: /^application\/json; charset=utf-8$/,
        cache: 'no-cache',
        file: join(dist, sub, 'oembed.json'),
      });
    }
  }
  list.push(
    { ...page('the English home page', `${prefix}en/`), file: join(dist, 'en', 'index.html') },
    { name: 'robots.txt', path: `${prefix}robots.txt`, status: 200, type: /^text\/plain; charset=utf-8$/, cache: 'no-cache', file: join(dist, 'robots.txt') },
    { name: 'an event with no page: the 404 page', path: `${prefix}eventos/no-such-event/`, status: 404, type: HTML, cache: 'no-cache', file: join(dist, '404.html') },
    // The feeds and the link-preview images (issue 27): they keep their
    // names when the data changes.
    { name: 'the Spanish feed', path: `${prefix}feed.xml`, status: 200, type: ATOM, cache: 'no-cache', file: join(dist, 'feed.xml') },
    { name: 'the English feed', path: `${prefix}en/feed.xml`, status: 200, type: ATOM, cache: 'no-cache', file: join(dist, 'en', 'feed.xml') },
    { name: 'a home page\'s preview image', path: `${prefix}previews/en/home.png`, status: 200, type: PNG, cache: 'no-cache', file: join(dist, 'previews/en/home.png') },
    { name: 'an event\'s preview image', path: `${prefix}previews/es/events/${ids[0]}.png`, status: 200, type: PNG, cache: 'no-cache', file: join(dist, `previews/es/events/${ids[0]}.png`) },
  );
  return list;
}

// ------------------------------------------------------------ raw HTTP

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** One request, without the browser's or Playwright's decoding. */
function fetchRaw(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

function decoded(answer: Answer): Buffer {
  switch (answer.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(answer.body);
    case 'gzip':
      return gunzipSync(answer.body);
    case undefined:
      return answer.body;
    default:
      throw new Error(`unexpected Content-Encoding ${answer.headers['content-encoding']}`);
  }
}

/** The headers every answer carries, whatever the file. */
function expectSecurityHeaders(headers: IncomingHttpHeaders, what: string) {
  expect(headers['content-security-policy'], what).toBe(POLICY);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  const permissions = String(headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions, what).toContain(`${feature}=()`);
  }
  // The copy buttons use the clipboard; an embedding page may allow it.
  expect(permissions, what).not.toContain('clipboard-write');
  // It would forbid every embed.
  expect(headers['x-frame-options'], what).toBeUndefined();
  // A frame with an opaque origin (WordPress's sandbox) loads every file
  // as a cross-origin request.
  expect(headers['access-control-allow-origin'], what).toBe('*');
}

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
    // What crossed the wire: the brotli file, not the 800 KB module.
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

// ------------------------------------------------------------ addresses

/** An event of the build, which has its pages (in both builds: the same data). */
const ID = eventIds(E2E_DIST)[0];
/** Old links and where they lead: to the page of that language and event. */
const OLD_LINKS: [string, string][] = [
  ['?lang=en', 'en/'],
  ['?lang=en&topic=fentanyl&embed=1', 'en/?topic=fentanyl&embed=1'],
  [`?event=${ID}`, `eventos/${ID}/`],
  [`?lang=es&event=${ID}&embed=1`, `eventos/${ID}/?embed=1`],
  [`?topic=arms-trafficking&lang=en&event=${ID}&childId=x1`, `en/events/${ID}/?topic=arms-trafficking&childId=x1`],
  [`?lang=en&event=${ID}`, `en/events/${ID}/`],
];
/** Links that stay: nothing to shorten, no page to go to, or (`?lang=es`)
 * the Spanish home page already, whose language route.js keeps for the
 * visit before it drops the parameter. */
const KEPT = [
  '?topic=fentanyl',
  '?lang=xx',
  '?event=no-such-event',
  '?lang=en&event=no-such-event',
  '?q=lang%3Den',
  '?lang=es',
  '?lang=es&q=armas',
];

test.describe('addresses', () => {
  for (const [prefix, dist] of [
    ['/', E2E_DIST],
    ['/sub/path/', E2E_DIST_SUBPATH],
  ] as const) {
    test(`old ?lang= and ?event= links go to their page, other parameters kept (${prefix})`, async () => {
      expect(eventIds(dist)).toContain(ID);
      for (const [from, to] of OLD_LINKS) {
        const answer = await fetchRaw(PORTS.app, `${prefix}${from}`);
        expect(answer.status, from).toBe(301);
        expect(answer.headers.location, from).toBe(`${prefix}${to}`);
        expectSecurityHeaders(answer.headers, from);
      }
      for (const query of KEPT) {
        const answer = await fetchRaw(PORTS.app, `${prefix}${query}`);
        expect(answer.status, query).toBe(200);
        expect(decoded(answer).equals(readFileSync(join(dist, 'index.html'))), `${query}: the home page`).toBe(true);
      }
    });

    test(`a page's directory without its slash gets it (${prefix})`, async () => {
      for (const [from, to] of [
        ['en', 'en/'],
        ['en?topic=x', 'en/?topic=x'],
        [`eventos/${ID}`, `eventos/${ID}/`],
        [`en/events/${ID}?embed=1`, `en/events/${ID}/?embed=1`],
      ]) {
        const answer = await fetchRaw(PORTS.app, `${prefix}${from}`);
        expect(answer.status, from).toBe(301);
        expect(answer.headers.location, from).toBe(`${prefix}${to}`);
      }
      const page = await fetchRaw(PORTS.app, `${prefix}en/events/${ID}/`);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(decoded(page).toString()).toContain('<html lang="en">');
      expect(decoded(page).equals(readFileSync(join(dist, 'en/events', ID, 'index.html')))).toBe(true);
    });
  }

  test('a browser follows an old link to its page, the rest of its query kept, and the app takes it over', async ({ page }) => {
    await page.goto(`/?lang=en&event=${ID}&embed=1`);
    expect(page.url()).toBe(`http://127.0.0.1:${PORTS.app}/en/events/${ID}/?embed=1`);
    await ready(page);
    await expect(page.locator('html')).toHaveClass(/\bembed\b/);
    await expect(page.locator('section.detail #detail-heading')).toBeVisible();
  });

  test('an oEmbed response is the same file whatever the query a consumer adds', async () => {
    // WordPress appends maxwidth, maxheight, url, dnt and format to the
    // discovered address; other consumers add some of them.
    for (const [prefix, dist] of [
      ['/', E2E_DIST],
      ['/sub/path/', E2E_DIST_SUBPATH],
    ] as const) {
      for (const sub of ['', 'en/', `eventos/${ID}/`, `en/events/${ID}/`]) {
        const page = `http://127.0.0.1:${PORTS.app}${prefix}${sub}`;
        const query = `?maxwidth=640&maxheight=960&url=${encodeURIComponent(page)}&dnt=1&format=json`;
        const answer = await fetchRaw(PORTS.app, `${prefix}${sub}oembed.json${query}`);
        expect(answer.status, sub).toBe(200);
        expect(answer.headers['content-type'], sub).toBe('application/json; charset=utf-8');
        expectSecurityHeaders(answer.headers, sub);
        expect(decoded(answer).equals(readFileSync(join(dist, sub, 'oembed.json'))), sub).toBe(true);
      }
    }
  });

  test('the data directory without its slash gets it, its query kept', async () => {
    const dir = await fetchRaw(PORTS.app, '/data?x=1');
    expect(dir.status).toBe(301);
    expect(dir.headers.location).toBe('/data/?x=1');
  });
});

// ------------------------------------------------------------ other hosts

type Rule = { pattern: string; headers: [string, string][] };

/** A `_headers` file (Netlify, Cloudflare Pages). */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const at = line.indexOf(':');
    rules.at(-1)!.headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
  }
  return rules;
}

/** The headers `rules` give `path`. A pattern is exact, or a prefix ending
 * in its one `*`. Netlify and Cloudflare Pages combine every matching rule;
 * a header set by two of them would be joined with a comma, so none is. */
function headersFor(rules: Rule[], path: string) {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const match = rule.pattern.endsWith('*') ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (!match) continue;
    for (const [name, value] of rule.headers) {
      expect(out.has(name), `${path}: two rules set ${name}`).toBe(false);
      out.set(name, value);
    }
  }
  return out;
}

test.describe('Netlify and Cloudflare Pages', () => {
  for (const file of ['deploy/netlify/_headers', 'deploy/cloudflare-pages/_headers']) {
    test(`${file} gives each kind of file nginx's headers`, async () => {
      const rules = parseHeaders(readFileSync(join(ROOT, file), 'utf8'));
      for (const rule of rules) {
        // Netlify refuses a rule with anything after its "*".
        expect(rule.pattern.slice(0, -1), `${rule.pattern}: a "*" only at the end`).not.toContain('*');
      }
      const paths = kinds('/', E2E_DIST).filter((k) => k.status === 200).map((k) => k.path);
      // The pages among them.
      expect(paths).toContain('/en/');
      expect(paths).toContain(`/en/events/${ID}/`);
      for (const path of paths) {
        const nginx = (await fetchRaw(PORTS.app, path)).headers;
        const host = headersFor(rules, path);
        for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'access-control-allow-origin', 'cache-control']) {
          expect(host.get(name), `${file}: ${name} of ${path}`).toBe(nginx[name]);
        }
        expect(host.has('x-frame-options'), path).toBe(false);
        // The host chooses the type, except where a rule must (the feeds).
        if (host.has('content-type')) expect(host.get('content-type'), `${file}: content-type of ${path}`).toBe(nginx['content-type']);
        if (path.endsWith('feed.xml')) expect(host.get('content-type'), `${file}: ${path} as Atom`).toMatch(ATOM);
      }
    });
  }

  test('deploy/netlify/_redirects sends old links where nginx does', async () => {
    const rules = readFileSync(join(ROOT, 'deploy/netlify/_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => {
        const words = line.trim().split(/\s+/);
        return { path: words[0], conditions: words.slice(1, -2), to: words.at(-2)!, status: words.at(-1)! };
      });
    // Netlify: the first rule whose path and query conditions match; the
    // request's query is passed on to the target.
    const netlify = (url: URL) => {
      for (const rule of rules) {
        if (url.pathname !== rule.path) continue;
        let to = rule.to;
        const ok = rule.conditions.every((c) => {
          const [key, value] = c.split('=');
          const got = url.searchParams.get(key);
          if (got === null) return false;
          if (value.startsWith(':')) to = to.replace(value, got);
          return value.startsWith(':') || value === got;
        });
        if (ok) return { status: rule.status, to: new URL(`${to}${url.search}`, url) };
      }
      return null;
    };
    for (const [from, to] of OLD_LINKS) {
      const expected = new URL(`/${to}`, 'http://host/');
      const got = netlify(new URL(`/${from}`, 'http://host/'));
      expect(got?.status, from).toBe('301!');
      expect(got?.to.pathname, from).toBe(expected.pathname);
      const rest = new URLSearchParams(got!.to.search);
      rest.delete('lang');
      rest.delete('event');
      expect(rest.toString(), from).toBe(expected.searchParams.toString());
    }
    // And leaves alone what nginx leaves alone.
    for (const query of KEPT.filter((q) => !q.includes('event='))) {
      expect(netlify(new URL(`/${query}`, 'http://host/')), query).toBeNull();
    }
  });

  test('no deploy file sends X-Frame-Options', async () => {
    const files = ['nginx/cronologia.conf', 'nginx/cronologia-subpath.conf', 'nginx/cronologia-rules.conf', 'nginx/cronologia-old-links.conf', 'netlify/_headers', 'cloudflare-pages/_headers'];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, 'deploy', file), 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('#'));
      expect(lines.filter((l) => /x-frame-options/i.test(l)), file).toEqual([]);
    }
  });
});
