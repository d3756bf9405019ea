// The benchmark's pages (bench.mjs): copies of the build with long
// timelines' data and pages, and the two references that show the same
// events, TimelineJS and a plain static list.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticDoc } from './helpers.mjs';
import { precompress } from './nginx.mjs';

export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(HERE, '..');
export const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
export const WORK = join(ROOT, 'target', 'bench');

/** The prerendering step (issue 12), when this checkout has one: `cargo
 * xtask prerender --dist <dir> --data <file> [--only-home]` renders the
 * pages of `dir` from a data file. Feature-detected from `cargo xtask help`. */
let prerenderKnown;
function prerender(dir, data, { onlyHome }) {
  prerenderKnown ??= /^\s+prerender\b/m.test(
    execFileSync('cargo', ['xtask', 'help'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  if (!prerenderKnown) return false;
  execFileSync('cargo', ['xtask', 'prerender', '--dist', dir, '--data', data, ...(onlyHome ? ['--only-home'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return true;
}

/** A copy of the build with `n` synthetic events: its data file, and its
 * two home pages when the build has a prerendering step. */
export function longTimeline(n) {
  const dir = join(WORK, `dist-${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, {
    recursive: true,
    preserveTimestamps: true,
    filter: (src) => !/\.(br|gz)$/.test(src),
  });
  const doc = syntheticDoc(n);
  const data = join(dir, 'data', 'events.json');
  writeFileSync(data, JSON.stringify(doc));
  const pages = prerender(dir, data, { onlyHome: true });
  if (!pages && existsSync(join(dir, 'en', 'index.html'))) {
    throw new Error(
      `${DIST} has prerendered pages, but this checkout has no \`cargo xtask prerender\` to render ` +
        `them from ${n} events: the ${n}-event rows would time the real data's pages`,
    );
  }
  precompress(dir);
  return { dir, doc, pages };
}

/** The address of the home page in `lang`: a page of its own once the
 * build has one (issue 12), else the app's query. */
export const homePath = (dir, lang = 'es') =>
  existsSync(join(dir, 'en', 'index.html')) ? (lang === 'es' ? '/' : '/en/') : `/?lang=${lang}`;

/** An event's page in `lang`, or the app's query for it. */
export const eventPath = (dir, id, lang = 'es') =>
  existsSync(join(dir, 'en', 'index.html'))
    ? lang === 'es'
      ? `/eventos/${id}/`
      : `/en/events/${id}/`
    : `/?lang=${lang}&event=${id}`;

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
export const sorted = (doc) => [...doc.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** TimelineJS's JSON for the same events, in Spanish. */
function timelineJs(doc) {
  const date = (d) => {
    const [year, month, day] = d.split('-');
    return { year, ...(month && { month }), ...(day && { day }) };
  };
  return {
    events: sorted(doc).map((e) => ({
      unique_id: e.id,
      start_date: date(e.date),
      ...(e.end && { end_date: date(e.end) }),
      text: { headline: escape(e.title.es), text: `<p>${escape(e.summary.es)}</p>` },
    })),
  };
}

function timelineJsPage(n) {
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>TimelineJS: ${n} eventos</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script>
<style>html, body { height: 100%; margin: 0; } #timeline { height: 100%; }</style>
</head><body><div id="timeline"></div>
<script>new TL.Timeline('timeline', new URL('tl-${n}.json', location.href).href, { language: 'es', script_path: new URL('timelinejs/js/', location.href).href, hash_bookmark: false });</script>
</body></html>
`;
}

/** The same events as the plainest page can show them. */
function staticList(doc, n) {
  const items = sorted(doc)
    .map(
      (e) =>
        `<li><article><h2>${escape(e.title.es)}</h2><p><time datetime="${e.date}">${e.date}</time></p><p>${escape(e.summary.es)}</p></article></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lista: ${n} eventos</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; } h2 { font-size: 1.1rem; margin: 0; }</style>
</head><body><h1>México y Estados Unidos: cooperación en seguridad</h1>
<ol class="events">
${items}
</ol></body></html>
`;
}

/** The references' site: TimelineJS from node_modules, and per size its
 * data and a page of each kind. */
export function references(datasets) {
  const dir = join(WORK, 'references');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tl = join(HERE, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
  if (!existsSync(tl)) throw new Error('@knight-lab/timelinejs is not installed: npm ci in end2end/');
  cpSync(tl, join(dir, 'timelinejs'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  for (const { n, doc } of datasets) {
    writeFileSync(join(dir, `tl-${n}.json`), JSON.stringify(timelineJs(doc)));
    writeFileSync(join(dir, `tl-${n}.html`), timelineJsPage(n));
    writeFileSync(join(dir, `list-${n}.html`), staticList(doc, n));
  }
  precompress(dir);
  return dir;
}
