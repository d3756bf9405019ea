// Fault injection for the end-to-end tests (tests/hostile.spec.ts): each
// `/__fault/<name>` answers as a broken host or network would. The tests send
// the app's request for data/events.json here with Playwright's
// `route.continue({ url })`, so the browser meets a real faulty response:
// real status, real headers, real dropped connection.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SMALL = readFileSync(resolve(ROOT, 'tests/fixtures/small.json'));

/** `MAX_BYTES` in src/data.rs, plus one. */
const TOO_LARGE = 16 * 1024 * 1024 + 1;
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' };

/** A JSON document of exactly `size` bytes: `{"pad":"xxx…"}`. */
function hugeJson(size) {
  const body = Buffer.alloc(size, 'x');
  body.write('{"pad":"', 0);
  body.write('"}', size - 2);
  return body;
}

function answer(res, status, body, headers = JSON_TYPE) {
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Holds the request open until the browser gives up (or a minute passes). */
function hold(req, res) {
  return new Promise((done) => {
    const timer = setTimeout(() => {
      res.destroy();
      done();
    }, 60_000);
    req.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
}

export const FAULTS = {
  // The connection closes before any answer (a network failure).
  network: (req) => req.socket.destroy(),
  'status-404': (req, res) => answer(res, 404, 'not found', { 'Content-Type': 'text/plain' }),
  'status-500': (req, res) => answer(res, 500, 'internal error', { 'Content-Type': 'text/plain' }),
  'status-503': (req, res) => answer(res, 503, '', { 'Content-Type': 'text/plain', 'Retry-After': '1' }),
  empty: (req, res) => answer(res, 200, ''),
  // A file cut short: its first 1000 bytes, served as if whole.
  truncated: (req, res) => answer(res, 200, SMALL.subarray(0, 1000)),
  'wrong-shape': (req, res) => answer(res, 200, '{"events": "none"}'),
  // A static host's "page not found" fallback, served with status 200.
  html: (req, res) =>
    answer(res, 200, '<!doctype html><title>Not found</title><p>Not found</p>', {
      'Content-Type': 'text/html; charset=utf-8',
    }),
  // Over the limit, and saying so in Content-Length.
  'huge-declared': (req, res) => answer(res, 200, hugeJson(TOO_LARGE)),
  // Over the limit, streamed without Content-Length (chunked).
  'huge-chunked': (req, res) => {
    res.writeHead(200, JSON_TYPE);
    res.end(hugeJson(TOO_LARGE));
  },
  // No answer at all.
  slow: (req, res) => hold(req, res),
  // Headers and half the body, then nothing.
  'stalled-body': (req, res) => {
    res.writeHead(200, { ...JSON_TYPE, 'Content-Length': SMALL.length });
    res.write(SMALL.subarray(0, SMALL.length >> 1));
    return hold(req, res);
  },
  // The connection drops in the middle of the body.
  'dropped-body': (req, res) => {
    res.writeHead(200, { ...JSON_TYPE, 'Content-Length': SMALL.length });
    res.write(SMALL.subarray(0, SMALL.length >> 1), () => setTimeout(() => res.destroy(), 50));
  },
};

/** The route for serve.mjs's ROUTES. */
export const faultRoute = {
  name: 'fault injection',
  match: (url) => url.pathname.startsWith('/__fault/'),
  async handle(req, res, url) {
    const fault = FAULTS[url.pathname.slice('/__fault/'.length)];
    if (!fault) return answer(res, 404, `no fault ${url.pathname}`, { 'Content-Type': 'text/plain' });
    await fault(req, res);
  },
};
