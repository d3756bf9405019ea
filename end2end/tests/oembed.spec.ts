// oEmbed (issue 26): every prerendered page links its own response file,
// which follows the oEmbed 1.0 spec (https://oembed.com, section 2.3.4:
// the fields every response has, and those a `rich` one needs), holds
// what WordPress keeps from an unknown provider, and is found and read
// the same way by a second consumer, @extractus/oembed-extractor's
// auto-discovery. The real WordPress is tests-wordpress/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import { expect, test } from '@playwright/test';
import { DATA, PORTS, pagePath, ready } from '../helpers.mjs';
import { E2E_DIST } from '../nginx.mjs';

const APP = `http://127.0.0.1:${PORTS.app}`;
const ids: string[] = DATA.events.map((e: { id: string }) => e.id);
/** Every prerendered page: both homes, every event in both languages. */
const PAGES = [pagePath('es'), pagePath('en'), ...ids.flatMap((id) => [pagePath('es', id), pagePath('en', id)])];

type Response = Record<string, unknown>;

/** The spec's rules for a response: the fields every type has, then the
 * type's own. Returns what breaks them. */
function specProblems(r: Response): string[] {
  const problems: string[] = [];
  const positiveInt = (name: string) => {
    if (!(Number.isInteger(r[name]) && (r[name] as number) > 0)) problems.push(`${name} must be a positive integer`);
  };
  const text = (name: string) => {
    if (r[name] !== undefined && typeof r[name] !== 'string') problems.push(`${name} must be text`);
  };
  if (!['photo', 'video', 'link', 'rich'].includes(r.type as string)) problems.push(`unknown type ${r.type}`);
  if (r.version !== '1.0') problems.push('version must be "1.0"');
  for (const name of ['title', 'author_name', 'author_url', 'provider_name', 'provider_url']) text(name);
  if (r.cache_age !== undefined) positiveInt('cache_age');
  const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((n) => r[n] !== undefined);
  if (thumbnail.length !== 0 && thumbnail.length !== 3) problems.push('thumbnail_url, _width and _height come together');
  if (thumbnail.length === 3) {
    text('thumbnail_url');
    positiveInt('thumbnail_width');
    positiveInt('thumbnail_height');
  }
  if (r.type === 'rich' || r.type === 'video') {
    if (typeof r.html !== 'string' || !r.html) problems.push(`${r.type} needs html`);
    positiveInt('width');
    positiveInt('height');
  }
  return problems;
}

test('every page links its response, which follows the spec and frames that page', async ({ request }) => {
  test.slow();
  expect(PAGES.length).toBe(2 + 2 * ids.length);
  for (const path of PAGES) {
    const html = await (await request.get(path)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const links = [...head.matchAll(/<link [^>]*type="application\/json\+oembed"[^>]*>/g)].map((m) => m[0]);
    expect(links, path).toHaveLength(1);
    const href = links[0].match(/href="([^"]+)"/)![1];
    const canonical = head.match(/<link rel="canonical" href="([^"]+)"/)![1];
    expect(canonical, path).toBe(`${APP}${path}`);
    expect(href, path).toBe(`${canonical}oembed.json`);
    expect(links[0], path).toMatch(/ title="[^"]+"/);
    const response = await request.get(href);
    expect(response.headers()['content-type'], path).toBe('application/json; charset=utf-8');
    const json: Response = await response.json();
    expect(specProblems(json), path).toEqual([]);
    expect(json.type, path).toBe('rich');
    expect(json.provider_url, path).toBe(`${APP}${pagePath(path.startsWith('/en/') ? 'en' : 'es')}`);
    // What WordPress keeps from an unknown provider (wp_filter_oembed_result):
    // a blockquote with a link, then an iframe with only these attributes.
    const markup = json.html as string;
    expect(markup, path).toMatch(/^<blockquote class="wp-embedded-content"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe [^>]+><\/iframe>$/);
    expect(markup.match(/<a href="([^"]+)"/)![1], path).toBe(canonical);
    const iframe = markup.slice(markup.indexOf('<iframe'));
    const attributes = [...iframe.matchAll(/ ([a-z]+)="/g)].map((m) => m[1]);
    expect(attributes.filter((a) => !['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'].includes(a)), path).toEqual([]);
    expect(iframe.match(/ src="([^"]+)"/)![1], path).toBe(`${canonical}?embed=1`);
    expect(iframe, path).toMatch(/ title="[^"]+"/);
  }
});

test('a second consumer finds and reads the responses: @extractus/oembed-extractor', async () => {
  for (const path of [pagePath('es'), pagePath('en'), pagePath('es', ids[0]), pagePath('en', ids.at(-1))]) {
    const file = JSON.parse(readFileSync(join(E2E_DIST, path, 'oembed.json'), 'utf8'));
    // Its auto-discovery: the page's <link>, then the response, with the
    // consumer's size limits added to the query (a static host ignores them).
    const found = await extract(`${APP}${path}`, { maxwidth: 500, maxheight: 700 });
    expect(found, path).toEqual({ ...file, method: 'auto-discovery' });
  }
});

test('the framed page of a response is the embed, in its language', async ({ page, request }) => {
  const json = await (await request.get(`${pagePath('es', ids[0])}oembed.json`)).json();
  const src = (json.html as string).match(/<iframe src="([^"]+)"/)![1].replaceAll('&amp;', '&');
  await page.goto(src);
  await ready(page);
  await expect(page.locator('html')).toHaveClass(/\bembed\b/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#detail-heading')).toBeVisible();
  await expect(page.locator('.embed-attribution a')).toBeVisible();
});
