// A shared link that looks like news (issue 27). Facebook's and X's
// crawlers fetch a page's HTML, run no script, read its meta tags and load
// the image they name: so does this spec, against the build behind nginx.
// Then the structured data of the same pages, read as JSON-LD (npm
// `jsonld`, offline) and checked against schema.org's vocabulary (Google's
// `schema-dts` typings, by the TypeScript compiler); and the Atom feeds, read
// by Python's feedparser (Debian's python3-feedparser, end2end/feedcheck.py).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseFluent } from '@fluent/syntax';
import { expect, test } from '@playwright/test';
import jsonld from 'jsonld';
import { DATA as DATA_FILE_TEXT, PORTS, pagePath, ready } from '../helpers.mjs';
import { E2E_DIST, ROOT } from '../nginx.mjs';

type Text = { es: string; en: string };
type Event = { id: string; date: string; title: Text; summary: Text; sources: { url: string }[]; corrections?: { date: string; text: Text }[] };
const DATA: { updated: string; events: Event[] } = DATA_FILE_TEXT;
/** An event with corrections, if the data has one. */
const EVENT = DATA.events.find((e) => e.corrections?.length) ?? DATA.events[0];
const PLAIN = DATA.events.find((e) => !e.corrections?.length) ?? DATA.events[0];
const LANGS = ['es', 'en'] as const;
type Lang = (typeof LANGS)[number];
const END2END = join(ROOT, 'end2end');

/** The fixed parts of a Fluent message (its text around the variables). */
function pieces(lang: Lang, id: string): string[] {
  const dir = join(ROOT, 'locales', lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const entry of parseFluent(readFileSync(join(dir, file), 'utf8'), { withSpans: false }).body) {
      if (entry.type === 'Message' && entry.id.name === id && entry.value) {
        return entry.value.elements.map((e) => (e.type === 'TextElement' ? e.value.trim() : '')).filter(Boolean);
      }
    }
  }
  throw new Error(`no message ${id} in locales/${lang}`);
}

/** A GET as a crawler makes it: its user agent, no script, no cookies. */
async function crawl(path: string, userAgent: string) {
  const res = await fetch(`http://127.0.0.1:${PORTS.app}${path}`, { headers: { 'User-Agent': userAgent } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
const FACEBOOK = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)';
const X = 'Twitterbot/1.0';

const entities = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The attributes of every tag named `name` in `html`, as a crawler's parser reads them. */
function tags(html: string, name: string): Record<string, string>[] {
  const out = [];
  for (const [, attrs] of html.matchAll(new RegExp(`<${name}\\s([^>]*)>`, 'gi'))) {
    const tag: Record<string, string> = {};
    for (const m of attrs.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      tag[m[1].toLowerCase()] = entities(m[2] ?? m[3] ?? m[4]);
    }
    out.push(tag);
  }
  return out;
}

/** The meta tags a link preview reads: Open Graph's by `property`, X's by `name`. */
function metaOf(html: string) {
  const meta = new Map<string, string>();
  for (const tag of tags(html, 'meta')) {
    const key = tag.property ?? tag.name;
    if (key && tag.content !== undefined && !meta.has(key)) meta.set(key, tag.content);
  }
  return meta;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG').toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test.describe('link previews, as Facebook and X make them', () => {
  for (const lang of LANGS) {
    test(`an event page in ${lang}: its own image and title, in ${lang}`, async () => {
      const path = pagePath(lang, EVENT.id);
      for (const agent of [FACEBOOK, X]) {
        const page = await crawl(path, agent);
        expect(page.status).toBe(200);
        const html = page.body.toString('utf8');
        const meta = metaOf(html);
        const canonical = tags(html, 'link').find((l) => l.rel === 'canonical')!.href;
        const site = canonical.slice(0, canonical.length - path.length + 1);
        // What each shows: Facebook reads Open Graph; X its own tags first,
        // then Open Graph's.
        const preview =
          agent === FACEBOOK
            ? { title: meta.get('og:title'), image: meta.get('og:image'), alt: meta.get('og:image:alt'), large: true }
            : {
                title: meta.get('twitter:title') ?? meta.get('og:title'),
                image: meta.get('twitter:image') ?? meta.get('og:image'),
                alt: meta.get('twitter:image:alt') ?? meta.get('og:image:alt'),
                large: meta.get('twitter:card') === 'summary_large_image',
              };
        expect(preview.large, agent).toBe(true);
        expect(preview.title, agent).toContain(EVENT.title[lang]);
        const other = lang === 'es' ? 'en' : 'es';
        if (EVENT.title.es !== EVENT.title.en) expect(preview.title).not.toContain(EVENT.title[other]);
        // The event's own image, at the site's address as the canonical link.
        expect(preview.image, agent).toBe(`${site}previews/${lang}/events/${EVENT.id}.png`);
        expect(meta.get('og:image:width')).toBe('1200');
        expect(meta.get('og:image:height')).toBe('630');
        expect(meta.get('og:image:type')).toBe('image/png');
        // Its description, in the page's language: the message's words and
        // the event's title in that language.
        expect(preview.alt).toContain(EVENT.title[lang]);
        for (const piece of pieces(lang, 'share-image-alt-event')) expect(preview.alt, piece).toContain(piece);
        // Load the image as the crawler would (from this server: the build's
        // SITE_URL is elsewhere).
        const image = await crawl(new URL(preview.image!).pathname, agent);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/png');
        expect(pngSize(image.body)).toEqual({ width: 1200, height: 630 });
        expect(image.body.length).toBeLessThan(100_000);
        expect(image.body.equals(readFileSync(join(E2E_DIST, 'previews', lang, 'events', `${EVENT.id}.png`)))).toBe(true);
      }
    });

    test(`the home page in ${lang}: its own image, described in ${lang}`, async () => {
      const html = (await crawl(pagePath(lang), FACEBOOK)).body.toString('utf8');
      const meta = metaOf(html);
      expect(new URL(meta.get('og:image')!).pathname).toBe(`/previews/${lang}/home.png`);
      expect(meta.get('og:image:alt')).toBe(pieces(lang, 'share-image-alt-home').join(''));
      expect(meta.get('twitter:card')).toBe('summary_large_image');
      const image = await crawl(new URL(meta.get('og:image')!).pathname, FACEBOOK);
      expect(pngSize(image.body)).toEqual({ width: 1200, height: 630 });
    });
  }

  test('after a language switch in the app, the document names the new page\'s image and feed', async ({ page }) => {
    await page.goto(pagePath('es', EVENT.id));
    await ready(page);
    await page.locator('.language-switch a[lang=en]').click();
    await expect(page).toHaveURL(new RegExp(`${pagePath('en', EVENT.id)}$`));
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/previews/en/events/${EVENT.id}\\.png$`));
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', new RegExp(EVENT.title.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.locator('meta[name="twitter:image:alt"]')).toHaveAttribute('content', (await page.locator('meta[property="og:image:alt"]').getAttribute('content'))!);
    const feed = page.locator('link[rel=alternate][type="application/atom+xml"]');
    await expect(feed).toHaveAttribute('href', /\/en\/feed\.xml$/);
    await expect(feed).toHaveAttribute('title', pieces('en', 'feed-title').join(''));
  });

  test('every image of the build is a 1200×630 PNG under 100 KB: each page, each language, the key moments', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else files.push(join(dir, entry.name));
      }
    };
    walk(join(E2E_DIST, 'previews'));
    const expected = LANGS.flatMap((lang) => [
      `${lang}/home.png`,
      `${lang}/key-moments.png`,
      ...DATA.events.map((e) => `${lang}/events/${e.id}.png`),
    ]);
    expect(files.map((f) => f.slice(join(E2E_DIST, 'previews').length + 1)).sort()).toEqual(expected.sort());
    for (const file of files) {
      expect(statSync(file).size, file).toBeLessThan(100_000);
      expect(pngSize(readFileSync(file)), file).toEqual({ width: 1200, height: 630 });
    }
  });
});

// ------------------------------------------------------------ JSON-LD

/** The JSON-LD blocks of a page as served. */
async function blocks(path: string) {
  const html = (await crawl(path, FACEBOOK)).body.toString('utf8');
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

/** schema.org's context, from the repository: no network at test time. */
const CONTEXT = JSON.parse(readFileSync(join(END2END, 'fixtures', 'schemaorg-context.jsonld'), 'utf8'));
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network: ${url}`);
  return { contextUrl: null, documentUrl: url, document: CONTEXT };
};
const S = (term: string) => `https://schema.org/${term}`;

/** Checks TypeScript declarations of the blocks against schema-dts; returns
 * the compiler's complaints. */
function typecheck(name: string, blocks: { type: string; data: unknown }[]): string {
  // Under node_modules, so that the compiler finds schema-dts from there.
  const dir = join(END2END, 'node_modules', '.cache', `jsonld-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const lines = [`import type { WithContext, ${[...new Set(blocks.map((b) => b.type))].join(', ')} } from 'schema-dts';`];
  blocks.forEach((b, i) => lines.push(`export const block${i}: WithContext<${b.type}> = ${JSON.stringify(b.data)};`));
  writeFileSync(join(dir, 'check.ts'), lines.join('\n'));
  const tsc = spawnSync(
    join(END2END, 'node_modules', '.bin', 'tsc'),
    ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', join(dir, 'check.ts')],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  return `${tsc.stdout}${tsc.stderr}`.trim();
}

test.describe('structured data (JSON-LD)', () => {
  test('an event page: an Article about the event, with its sources, day checked and corrections', async () => {
    const checked: { type: string; data: unknown }[] = [];
    for (const lang of LANGS) {
      for (const event of [EVENT, PLAIN]) {
        const found = await blocks(pagePath(lang, event.id));
        expect(found).toHaveLength(1);
        const data = found[0];
        checked.push({ type: 'Article', data });
        const [node] = await jsonld.expand(data, { documentLoader, safe: true });
        expect(node['@type']).toEqual([S('Article')]);
        const value = (n: Record<string, unknown>, term: string) => (n[S(term)] as { '@value'?: unknown; '@id'?: string }[] | undefined)?.[0];
        expect(value(node, 'headline')?.['@value']).toBe(event.title[lang]);
        expect(value(node, 'inLanguage')?.['@value']).toBe(lang);
        expect(String(value(node, 'dateModified')?.['@value'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const about = value(node, 'about') as unknown as Record<string, unknown>;
        expect(about['@type']).toEqual([S('Event')]);
        expect(value(about, 'startDate')?.['@value']).toBe(event.date);
        const citations = node[S('citation')] as Record<string, unknown>[];
        expect(citations.map((c) => value(c, 'url')?.['@value'])).toEqual(event.sources.map((s) => s.url));
        const corrections = (node[S('correction')] ?? []) as Record<string, unknown>[];
        expect(corrections).toHaveLength(event.corrections?.length ?? 0);
        corrections.forEach((c, i) => {
          expect(c['@type']).toEqual([S('CorrectionComment')]);
          expect(value(c, 'datePublished')?.['@value']).toBe(event.corrections![i].date);
          expect(value(c, 'text')?.['@value']).toBe(event.corrections![i].text[lang]);
        });
      }
    }
    expect(typecheck('event', checked)).toBe('');
  });

  test('a home page: the record as a list of its event pages', async () => {
    const checked: { type: string; data: unknown }[] = [];
    for (const lang of LANGS) {
      const found = await blocks(pagePath(lang));
      expect(found).toHaveLength(1);
      checked.push({ type: 'CollectionPage', data: found[0] });
      const [node] = await jsonld.expand(found[0], { documentLoader, safe: true });
      expect(node['@type']).toEqual([S('CollectionPage')]);
      const list = (node[S('mainEntity')] as Record<string, unknown>[])[0];
      expect(list['@type']).toEqual([S('ItemList')]);
      const items = list[S('itemListElement')] as Record<string, { '@value': unknown }[]>[];
      expect(items).toHaveLength(DATA.events.length);
      const paths = items.map((item) => new URL(String(item[S('url')][0]['@value'])).pathname);
      // Every event's page, in the list's order.
      expect(new Set(paths)).toEqual(new Set(DATA.events.map((e) => pagePath(lang, e.id))));
      expect(items.map((item) => item[S('position')][0]['@value'])).toEqual(items.map((_, i) => i + 1));
    }
    expect(typecheck('home', checked)).toBe('');
  });

  test('the checks have teeth: unknown properties, a value of the wrong type and broken JSON-LD fail', async () => {
    const complaints = typecheck('wrong', [
      { type: 'Article', data: { '@context': 'https://schema.org', '@type': 'Article', headlin: 'x' } },
      { type: 'Article', data: { '@context': 'https://schema.org', '@type': 'Article', correction: [{ '@type': 'CorrectionComment', datePublishd: '2026-01-01' }] } },
      { type: 'Article', data: { '@context': 'https://schema.org', '@type': 'Article', image: { '@type': 'ImageObject', width: 1200 } } },
    ]);
    expect(complaints).toContain('"headlin"');
    expect(complaints).toContain('"datePublishd"');
    expect(complaints).toContain("Type 'number' is not assignable");
    await expect(jsonld.expand({ '@context': 'https://schema.org', '@id': 'not an IRI', name: 'x' }, { documentLoader, safe: true })).rejects.toThrow();
  });
});

// ------------------------------------------------------------ the feeds

/** A feed as feedparser reads it. */
function feedparser(xml: Buffer) {
  const dir = join(END2END, 'node_modules', '.cache', `feed-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `feed-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    return JSON.parse(execFileSync(process.env.PYTHON ?? '/usr/bin/python3', [join(END2END, 'feedcheck.py'), file], { encoding: 'utf8' }));
  } finally {
    rmSync(file, { force: true });
  }
}

test.describe('the Atom feeds', () => {
  for (const lang of LANGS) {
    test(`the ${lang} feed is valid Atom: events and corrections, newest first, each linking its page`, async () => {
      const path = lang === 'es' ? '/feed.xml' : '/en/feed.xml';
      const answer = await crawl(path, 'feedparser');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      const feed = feedparser(answer.body);
      expect(feed.bozo, feed.bozo_exception).toBe(false);
      expect(feed.version).toBe('atom10');
      expect(feed.feed.title).toBe(pieces(lang, 'feed-title').join(''));
      expect(feed.feed.language).toBe(lang);
      expect(feed.feed.author).toBeTruthy();
      expect(feed.feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(feed.feed.links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: feed.feed.id });
      expect(new URL(feed.feed.id).pathname).toBe(path);
      // Every event, and every correction (the data has fewer than 200, the most a feed holds).
      const corrections = DATA.events.reduce((n, e) => n + (e.corrections?.length ?? 0), 0);
      expect(feed.entries).toHaveLength(Math.min(200, DATA.events.length + corrections));
      const days = feed.entries.map((e: { updated: string }) => e.updated);
      expect(days).toEqual([...days].sort().reverse());
      expect(new Set(feed.entries.map((e: { id: string }) => e.id)).size).toBe(feed.entries.length);
      for (const entry of feed.entries) {
        const page = new URL(entry.link).pathname;
        expect(DATA.events.map((e) => pagePath(lang, e.id))).toContain(page);
        expect(entry.title).toBeTruthy();
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      }
      const own = feed.entries.filter((e: { link: string }) => new URL(e.link).pathname === pagePath(lang, EVENT.id));
      expect(own.map((e: { title: string }) => e.title)).toContain(EVENT.title[lang]);
      for (const c of EVENT.corrections ?? []) {
        const entry = own.find((e: { summary: string }) => e.summary === c.text[lang]);
        expect(entry, c.text[lang]).toBeTruthy();
        expect(entry.updated).toBe(`${c.date}T00:00:00Z`);
        for (const piece of pieces(lang, 'feed-entry-correction')) expect(entry.title).toContain(piece);
      }
    });

    test(`every ${lang} page announces the ${lang} feed`, async () => {
      for (const path of [pagePath(lang), pagePath(lang, EVENT.id)]) {
        const html = (await crawl(path, FACEBOOK)).body.toString('utf8');
        const feeds = tags(html, 'link').filter((l) => l.rel === 'alternate' && l.type === 'application/atom+xml');
        expect(feeds, path).toHaveLength(1);
        expect(feeds[0].title).toBe(pieces(lang, 'feed-title').join(''));
        expect(new URL(feeds[0].href).pathname).toBe(lang === 'es' ? '/feed.xml' : '/en/feed.xml');
      }
    });
  }
});
