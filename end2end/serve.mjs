// A tiny static server for the end-to-end tests, with no dependencies.
//
//   node serve.mjs [--port 4173] [--host 127.0.0.1]
//
// Serves the release build `dist/` at `/` and the sub-path build
// `target/dist-subpath/` at `/sub/path/` (both made by `cargo xtask test`),
// with the MIME types and cache headers the README asks of a real host.
// Requests go through ROUTES in order; the first route whose `match` returns
// true handles the request. Fault-injection routes (slow, cut-short or broken
// responses) go before the static ones.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { faultRoute } from './faults.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const PORT = Number(option('port', process.env.PORT ?? 4173));
const HOST = option('host', '127.0.0.1');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Trunk names its outputs `name-<16 hex digits>.ext`: those never change.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** Serves files under `dir` for URLs under `prefix` (which ends in `/`). */
function staticDir(prefix, dir) {
  const base = resolve(ROOT, dir);
  return {
    name: `static ${prefix} -> ${dir}`,
    match: (url) => url.pathname === prefix.slice(0, -1) || url.pathname.startsWith(prefix),
    async handle(req, res, url) {
      if (url.pathname === prefix.slice(0, -1)) {
        return redirect(res, prefix + url.search);
      }
      let rel;
      try {
        rel = decodeURIComponent(url.pathname.slice(prefix.length));
      } catch {
        return send(res, 400, 'bad request');
      }
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(base, rel));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
      let info;
      try {
        info = await stat(file);
      } catch {
        return send(res, 404, `not found: ${url.pathname}`);
      }
      if (!info.isFile()) return send(res, 404, `not found: ${url.pathname}`);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const cache = HASHED.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': info.size,
        'Cache-Control': cache,
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    },
  };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function redirect(res, location) {
  send(res, 301, '', { Location: location });
}

export const ROUTES = [
  // Fault-injection routes go here, e.g.
  // { name: 'slow data', match: (url) => url.pathname === '/slow/data/events.json',
  //   handle: async (req, res) => { ... } },
  faultRoute, // `/__fault/<name>`: see faults.mjs
  // E2E_DIST and E2E_DIST_SUBPATH serve other builds, e.g. debug ones.
  staticDir('/sub/path/', process.env.E2E_DIST_SUBPATH ?? 'target/dist-subpath'),
  staticDir('/', process.env.E2E_DIST ?? 'dist'),
];

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  }
  const route = ROUTES.find((r) => r.match(url, req));
  if (!route) return send(res, 404, `no route for ${url.pathname}`);
  try {
    await route.handle(req, res, url);
  } catch (err) {
    console.error(`serve.mjs: ${route.name}: ${err}`);
    if (!res.headersSent) send(res, 500, 'internal error');
    else res.destroy();
  }
});

server.listen(PORT, HOST, () => {
  console.log(`serve.mjs: http://${HOST}:${PORT}/ (dist/), /sub/path/ (target/dist-subpath/)`);
});
