// The fault server of the end-to-end tests, with no dependencies.
//
//   node serve.mjs [--port 4174] [--host 127.0.0.1]
//
// The app itself is served by nginx with the shipped configuration
// (nginx.mjs). This server does only what nginx cannot: answer as a broken
// host or network would, at `/__fault/<name>` (faults.mjs). The tests send
// the app's data request here with Playwright's `route.continue({ url })`
// (helpers.mjs, `serverFault`), so the browser meets a real faulty response
// while the page stays on nginx's origin.

import { createServer } from 'node:http';

import { faultRoute } from './faults.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const PORT = Number(option('port', process.env.PORT ?? 4174));
const HOST = option('host', '127.0.0.1');

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

export const ROUTES = [
  faultRoute, // `/__fault/<name>`: see faults.mjs
  // For the test runner's readiness check.
  { name: 'health', match: (url) => url.pathname === '/health', handle: (req, res) => send(res, 200, 'ok') },
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
  console.log(`serve.mjs: faults at http://${HOST}:${PORT}/__fault/<name>`);
});
