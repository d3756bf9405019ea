// The hosts' redirects of old links (deploy/nginx/cronologia-old-links.conf,
// written from src/address.rs by `cargo xtask deploy-config`), run through
// nginx with the shipped files over the old links of the shared table
// (tests/route_table.rs): every redirect nginx makes goes where the app
// reads the address, and the plain old links to real pages are redirected.
// The rest nginx leaves to route.js, which route.spec.ts checks.
import { expect, test } from '@playwright/test';

import { loadTable, normalized } from '../route-table.mjs';

test('nginx moves old links where the app reads them, or leaves them to route.js', async ({ request }) => {
  // The home page's own address is the only location with the old-links rules.
  const cases = loadTable('route-cases.json').filter((c: { path: string }) => c.path === '');
  const wrong: string[] = [];
  let moved = 0;
  for (let i = 0; i < cases.length; i += 16) {
    await Promise.all(
      cases.slice(i, i + 16).map(async (c: { base: string; search: string; moves: string | null; hostMoves?: boolean }) => {
        const href = `${c.base}${c.search}`;
        const answer = await request.get(href, { maxRedirects: 0 });
        if (answer.status() === 301) {
          moved++;
          const to = normalized(answer.headers().location);
          if (c.moves === null || to !== normalized(c.moves)) wrong.push(`${href}: nginx moves to ${to}, the app reads ${c.moves ?? 'this page'}`);
        } else if (answer.status() !== 200) {
          wrong.push(`${href}: nginx answers ${answer.status()}`);
        } else if (c.hostMoves) {
          wrong.push(`${href}: nginx leaves it, the app reads ${c.moves}`);
        }
      }),
    );
  }
  console.log(`nginx: ${cases.length} home addresses, ${moved} moved, ${wrong.length} disagreements`);
  expect(wrong.slice(0, 20)).toEqual([]);
  expect(cases.filter((c: { hostMoves?: boolean }) => c.hostMoves).length).toBeGreaterThan(10);
});
