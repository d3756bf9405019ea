// A home page with `key` on is answered with its key-moments variant
// (key-moments.html, the same page with the key-moments view's head) by the
// shipped nginx rules (deploy/nginx/cronologia-key-moments.conf, written from
// src/address.rs by `cargo xtask deploy-config`): an internal rewrite, the
// address unchanged. Each home address of the shared table
// (tests/route_table.rs) gets the page the app's reading of `key` calls for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { E2E_DIST, E2E_DIST_SUBPATH, SUBPATH } from '../nginx.mjs';
import { loadTable } from '../route-table.mjs';

const BUILDS = [
  ['/', E2E_DIST],
  [SUBPATH, E2E_DIST_SUBPATH],
] as const;

/** The og:image of a page's head. @param {string} html */
function ogImage(html: string) {
  const tag = /<meta(?=[^>]*property="?og:image"?[\s/>])[^>]*>/.exec(html)?.[0] ?? '';
  return /content="([^"]*)"|content=([^\s>]+)/.exec(tag)?.slice(1).find(Boolean) ?? null;
}

/** The file the home page at `dir` (``, `en/`) is answered with. */
function file(dist: string, dir: string, key: boolean) {
  const name = join(dist, dir, key ? 'key-moments.html' : 'index.html');
  expect(existsSync(name), `${name} (the prerender writes it beside each home page)`).toBe(true);
  return readFileSync(name, 'utf8');
}

for (const [base, dist] of BUILDS) {
  test(`?key=1 gets the key-moments head, ?key=0 the home page's (${base})`, async ({ request }) => {
    for (const [href, key] of [
      ['?key=1', true],
      ['en/?key=1&embed=1', true],
      ['?key=0', false],
      ['en/', false],
    ] as const) {
      const answer = await request.get(`${base}${href}`, { maxRedirects: 0 });
      expect(answer.status(), href).toBe(200);
      expect(answer.headers()['content-type'], href).toBe('text/html; charset=utf-8');
      const image = ogImage(await answer.text());
      expect(image, href).toBeTruthy();
      expect(image!.endsWith('key-moments.png'), `${href}: ${image}`).toBe(key);
    }
  });

  test(`every home address of the table gets the page its key calls for (${base})`, async ({ request }) => {
    const { keyMoments } = loadTable('route-more.json');
    const wrong: string[] = [];
    for (const c of keyMoments as { path: string; search: string; key: boolean }[]) {
      const answer = await request.get(`${base}${c.path}${c.search}`, { maxRedirects: 0 });
      const body = await answer.text();
      if (answer.status() !== 200 || body !== file(dist, c.path, c.key)) {
        wrong.push(`${c.path}${c.search}: status ${answer.status()}, ${body === file(dist, c.path, !c.key) ? 'the other page' : 'another answer'}; the app reads key ${c.key ? 'on' : 'off'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(keyMoments.length).toBeGreaterThan(50);
  });
}
