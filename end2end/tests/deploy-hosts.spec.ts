// Addresses and hosts, served as readers get them: old ?lang= and ?event=
// links redirected by nginx to their pages, oEmbed files whatever the query,
// and deploy/netlify/ and deploy/cloudflare-pages/ saying what nginx says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PORTS, ready } from '../helpers.mjs';
import { E2E_DIST, E2E_DIST_SUBPATH, ROOT } from '../nginx.mjs';
import { eventIds, ATOM, kinds, fetchRaw, decoded, expectSecurityHeaders } from './deploy-shared';

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
