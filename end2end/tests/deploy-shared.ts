// What deploy.spec.ts and deploy-hosts.spec.ts share: what each kind of
// file must be sent with, and raw HTTP requests to nginx (without the
// browser's or Playwright's decoding).
import { readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect } from '@playwright/test';
import { pagePath } from '../helpers.mjs';
import { E2E_DIST } from '../nginx.mjs';

// ------------------------------------------------------------ what we expect

export const metaPolicy = (dist: string) => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Release builds minify the HTML: the attribute may come in any order.
  const tag = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy[^>]*>/i)?.[0] ?? '';
  const policy = tag.match(/content="([^"]*)"/)?.[1];
  if (!policy) throw new Error(`no CSP <meta> in ${dist}/index.html`);
  return policy;
};
/** The header: the <meta>'s policy, plus what a <meta> cannot carry. */
export const POLICY = `${metaPolicy(E2E_DIST)}; frame-ancestors *`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const HTML = /^text\/html; charset=utf-8$/;
/** A build's events, as its data file lists them. */
export const eventIds = (dist: string): string[] =>
  JSON.parse(readFileSync(join(dist, 'data/events.json'), 'utf8')).events.map((e: { id: string }) => e.id);
export const JS = /^(application|text)\/javascript; charset=utf-8$/;
export const ATOM = /^application\/atom\+xml; charset=utf-8$/;
export const PNG = /^image\/png$/;

/** Trunk's hashed outputs in a build directory. Trunk writes the hash as
 * hexadecimal digits without leading zeros: 16 digits, or fewer when the
 * hash starts with a zero (one build in sixteen, for each file). */
export function hashed(dist: string) {
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

export type Kind = {
  name: string;
  path: string;
  status: number;
  type: RegExp;
  cache: string;
  /** The file the body must equal, once decoded. */
  file?: string;
};

export function kinds(prefix: string, dist: string): Kind[] {
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

export type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** One request, without the browser's or Playwright's decoding. */
export function fetchRaw(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
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

export function decoded(answer: Answer): Buffer {
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
export function expectSecurityHeaders(headers: IncomingHttpHeaders, what: string) {
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

