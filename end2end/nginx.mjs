// Debian's nginx, serving builds with the configuration we ship in deploy/nginx/.
//
//   node nginx.mjs e2e [--port 4173]            the end-to-end layout (below),
//                                                until SIGINT or SIGTERM
//   node nginx.mjs preview [--port 8081] [--dist dist]
//                                                one build at /, as deployed
//   node nginx.mjs precompress DIR               DIR's files as .br and .gz, for
//                                                brotli_static and gzip_static
//
// The end-to-end tests (playwright.config.ts), the benchmark (bench.mjs) and
// `cargo xtask preview` all start nginx through `startNginx`. Each run gets
// its own directory, target/nginx/<name>/, with a generated nginx.conf that
// loads the brotli modules, keeps its pid file, logs and temporary files
// there, and includes the SHIPPED files: deploy/nginx/cronologia.conf and
// cronologia-subpath.conf are copied with only their `listen`, `root`, path
// and snippet directory changed (each change must apply exactly once, or
// this fails), and they include cronologia-rules.conf,
// cronologia-old-links.conf and cronologia-key-moments.conf from
// deploy/nginx/ as they are. nginx runs as
// the current user (as root, its workers too), in the foreground, as a
// child of this process, and stops with it.

import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const DEPLOY = join(ROOT, 'deploy', 'nginx');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** Where Debian's libnginx-mod-http-brotli-{filter,static} put the modules. */
export const MODULES = process.env.NGINX_MODULES ?? '/usr/lib/nginx/modules';
/** The path the sub-path build is made for and served at. */
export const SUBPATH = '/sub/path/';
/** The path cronologia-subpath.conf is written for. */
const SHIPPED_SUBPATH = '/cronologia/';
const SNIPPETS = '/etc/nginx/snippets/';

/** The ports of the end-to-end layout, from the app's port. */
export function e2ePorts(app = Number(process.env.E2E_PORT ?? 4173)) {
  return {
    /** dist/ at /, target/dist-subpath/ at /sub/path/ (nginx). */
    app,
    /** serve.mjs: faults.mjs's broken answers (Node; nginx cannot break a connection on purpose). */
    faults: app + 1,
    /** Another origin, for pages that embed the app (nginx, no rules: a newsroom's site). */
    host: app + 2,
    /** A real WordPress (wordpress.mjs), for a pasted link (tests-wordpress/). */
    wordpress: app + 3,
  };
}

export const E2E_DIR = join(ROOT, 'target', 'nginx', 'e2e');
/** Files written here are served on the `host` port (see tests/deploy.spec.ts). */
export const HOST_ROOT = join(E2E_DIR, 'host');

// ------------------------------------------------------------ configuration

function once(text, from, to, file) {
  const count = text.split(from).length - 1;
  if (count !== 1) {
    throw new Error(`${file}: expected \`${from}\` exactly once, found it ${count} times: update end2end/nginx.mjs`);
  }
  return text.replace(from, to);
}

function everywhere(text, from, to, file) {
  if (!text.includes(from)) throw new Error(`${file}: \`${from}\` not found: update end2end/nginx.mjs`);
  return text.split(from).join(to);
}

/** deploy/nginx/cronologia.conf for a port and root, with `extra` (more
 * server-level lines) added before its last brace. */
function rootSite({ port, root, extra = '' }) {
  const file = 'deploy/nginx/cronologia.conf';
  let text = readFileSync(join(DEPLOY, 'cronologia.conf'), 'utf8');
  text = once(text, '    listen 80;\n', `    listen 127.0.0.1:${port};\n`, file);
  text = once(text, '    listen [::]:80;\n', '', file);
  text = once(text, '    root /var/www/cronologia;\n', `    root ${root};\n`, file);
  text = everywhere(text, `include ${SNIPPETS}`, `include ${DEPLOY}/`, file);
  const end = text.lastIndexOf('}');
  return `${text.slice(0, end)}${extra}${text.slice(end)}`;
}

/** deploy/nginx/cronologia-subpath.conf for SUBPATH, serving `dist`. nginx
 * finds SUBPATH under the `root` directive's directory, so a directory with
 * a symbolic link at sub/path/ stands in for it. */
function subpathSite({ dir, port, dist }) {
  const file = 'deploy/nginx/cronologia-subpath.conf';
  const parent = join(dir, `subpath-${port}`);
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(join(parent, dirname(SUBPATH.slice(1, -1))), { recursive: true });
  symlinkSync(resolve(dist), join(parent, SUBPATH.slice(1, -1)));
  let text = readFileSync(join(DEPLOY, 'cronologia-subpath.conf'), 'utf8');
  // Only the lines that are nginx directives, not the comments.
  text = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  text = everywhere(text, `include ${SNIPPETS}`, `include ${DEPLOY}/`, file);
  text = once(text, '    root /var/www/html;\n', `    root ${parent};\n`, file);
  // The path where it stands as a path (after a space), not in file names.
  const shipped = new RegExp(`(?<=\\s)${SHIPPED_SUBPATH.slice(0, -1)}(?=[/\\s;])`, 'g');
  if (!shipped.test(text)) throw new Error(`${file}: ${SHIPPED_SUBPATH} not found: update end2end/nginx.mjs`);
  return text.replace(shipped, SUBPATH.slice(0, -1));
}

/** A plain static site, as another organisation's server would be: none of
 * our rules, the same compression (for a fair benchmark). */
function plainSite({ port, root }) {
  return `server {
    listen 127.0.0.1:${port};
    root ${root};
    charset utf-8;
    charset_types text/css text/plain application/javascript application/json image/svg+xml;
    brotli on;
    brotli_static on;
    brotli_types text/css text/plain application/javascript application/json application/wasm image/svg+xml;
    gzip on;
    gzip_static on;
    gzip_vary on;
    gzip_types text/css text/plain application/javascript application/json application/wasm image/svg+xml;
    add_header Cache-Control "no-cache";
}
`;
}

function mainConf({ dir, includes }) {
  const user =
    typeof process.getuid === 'function' && process.getuid() === 0 ? 'user root root;\n' : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(dir, 'temp', kind)};`)
    .join('\n');
  return `# Generated by end2end/nginx.mjs: do not edit, it is rewritten at each start.
load_module ${MODULES}/ngx_http_brotli_filter_module.so;
load_module ${MODULES}/ngx_http_brotli_static_module.so;
${user}worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events {
    worker_connections 512;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log ${join(dir, 'access.log')};
${temp}
${includes.map((file) => `    include ${file};`).join('\n')}
}
`;
}

// ------------------------------------------------------------ precompression

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.xml', '.txt']);

/** Writes `file.br` (brotli 11) and `file.gz` (gzip 9) beside each
 * compressible file of `dir` that has none or an older one, as the README's
 * deploy steps do; nginx then sends those (brotli_static, gzip_static). */
export function precompress(dir) {
  let written = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
      const mtime = statSync(path).mtimeMs;
      const fresh = (p) => existsSync(p) && statSync(p).mtimeMs >= mtime;
      if (fresh(`${path}.br`) && fresh(`${path}.gz`)) continue;
      const bytes = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      written += 1;
    }
  };
  walk(dir);
  return written;
}

// ------------------------------------------------------------ process

function waitForPort(port, child, deadline) {
  return new Promise((ok, fail) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        fail(new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before listening on ${port}`));
        return;
      }
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        ok();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) fail(new Error(`nginx is not listening on 127.0.0.1:${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Stops an nginx a crashed run of the same name left behind: only the
 * process its pid file names, and only if that is nginx with this config. */
function stopStale(dir, conf) {
  const pidFile = join(dir, 'nginx.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (pid > 0 && cmdline.includes('nginx') && cmdline.includes(conf)) {
    console.error(`nginx.mjs: stopping the nginx a previous run left (pid ${pid})`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const until = Date.now() + 5000;
    while (Date.now() < until && existsSync(`/proc/${pid}`)) spawnSync('sleep', ['0.05']);
  }
}

/**
 * Starts nginx with the given sites, and returns `{ stop, dir }`.
 *
 * - `{ kind: 'app', port, root, subpath? }`: deploy/nginx/cronologia.conf
 *   with `root`, plus cronologia-subpath.conf serving the build `subpath`
 *   at SUBPATH when given;
 * - `{ kind: 'plain', port, root }`: a static site without our rules.
 */
export async function startNginx({ name, sites, quiet = false }) {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx is not installed (looked for ${NGINX}): sudo apt-get install nginx ` +
        'libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static (cargo xtask test does it as root)',
    );
  }
  const dir = join(ROOT, 'target', 'nginx', name);
  const conf = join(dir, 'nginx.conf');
  mkdirSync(dir, { recursive: true });
  stopStale(dir, conf);
  for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, 'temp', kind), { recursive: true });
  }
  const includes = [];
  for (const site of sites) {
    const file = join(dir, `site-${site.port}.conf`);
    let text;
    if (site.kind === 'app') {
      let extra = '';
      if (site.subpath) {
        const sub = join(dir, `subpath-${site.port}.conf`);
        writeFileSync(sub, subpathSite({ dir, port: site.port, dist: site.subpath }));
        extra = `\n    # Generated: the sub-path variant, in the same server.\n    include ${sub};\n`;
      }
      text = rootSite({ port: site.port, root: resolve(site.root), extra });
    } else {
      text = plainSite({ port: site.port, root: resolve(site.root) });
    }
    writeFileSync(file, text);
    includes.push(file);
  }
  writeFileSync(conf, mainConf({ dir, includes }));
  const errorLog = join(dir, 'error.log');
  const args = ['-p', `${dir}/`, '-c', conf, '-e', errorLog];
  const check = spawnSync(NGINX, [...args, '-t', '-q'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(`nginx -t refused ${conf}:\n${check.stderr}${check.stdout}`);
  }
  const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((done) => child.once('exit', done));
  // Whatever ends this process ends nginx too.
  const orphan = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
  process.once('exit', orphan);
  try {
    const deadline = Date.now() + 10_000;
    for (const site of sites) await waitForPort(site.port, child, deadline);
  } catch (err) {
    child.kill('SIGKILL');
    const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('\n').slice(-10).join('\n') : '';
    throw new Error(`${err.message}\n${log}`);
  }
  if (!quiet) {
    for (const site of sites) {
      const what = site.kind === 'app' ? `${site.root}${site.subpath ? ` (+ ${site.subpath} at ${SUBPATH})` : ''}` : site.root;
      console.log(`nginx.mjs: http://127.0.0.1:${site.port}/ -> ${what}`);
    }
  }
  let stopping;
  return {
    dir,
    child,
    exited,
    /** Stops nginx (fast shutdown) and waits for it. */
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

// ------------------------------------------------------------ layouts

export const E2E_DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
export const E2E_DIST_SUBPATH = resolve(ROOT, process.env.E2E_DIST_SUBPATH ?? 'target/dist-subpath');

/** The end-to-end layout: see e2ePorts. */
export async function startE2e(port) {
  const ports = e2ePorts(port);
  for (const dist of [E2E_DIST, E2E_DIST_SUBPATH]) {
    // The prerendered build: its pages, 404.html and sitemap.xml.
    for (const file of ['index.html', '404.html', 'sitemap.xml']) {
      if (!existsSync(join(dist, file))) {
        throw new Error(`${dist}/${file} is missing: run \`cargo xtask test\` once`);
      }
    }
    precompress(dist);
  }
  mkdirSync(HOST_ROOT, { recursive: true });
  return startNginx({
    name: 'e2e',
    sites: [
      { kind: 'app', port: ports.app, root: E2E_DIST, subpath: E2E_DIST_SUBPATH },
      { kind: 'plain', port: ports.host, root: HOST_ROOT },
    ],
  });
}

/** `cargo xtask preview`: one build at / on `port`. */
export async function startPreview(port, dist) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build first`);
  precompress(dist);
  return startNginx({ name: 'preview', sites: [{ kind: 'app', port, root: dist }], quiet: true });
}

// ------------------------------------------------------------ command line

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function cli(args) {
  const [mode] = args;
  let server;
  if (mode === 'precompress' && args[1]) {
    const written = precompress(resolve(args[1]));
    console.log(`nginx.mjs: compressed ${written} file${written === 1 ? '' : 's'} of ${args[1]} (brotli 11, gzip 9)`);
    return;
  }
  if (mode === 'e2e') {
    server = await startE2e(Number(option(args, 'port', process.env.E2E_PORT ?? 4173)));
  } else if (mode === 'preview') {
    const port = Number(option(args, 'port', 8081));
    const dist = resolve(ROOT, option(args, 'dist', 'dist'));
    server = await startPreview(port, dist);
    console.log(`\n  The release build, served as deployed (deploy/nginx/cronologia.conf):\n\n    http://127.0.0.1:${port}/\n\n  Ctrl-C to stop.\n`);
  } else {
    console.error('usage: node nginx.mjs e2e [--port 4173] | preview [--port 8081] [--dist dist] | precompress DIR');
    process.exit(2);
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopping = true;
      server.stop().then(() => process.exit(0));
    });
  }
  const code = await server.exited;
  if (!stopping) {
    console.error(`nginx.mjs: nginx exited by itself (${code}); see ${server.dir}/error.log`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((err) => {
    console.error(`nginx.mjs: ${err.message}`);
    process.exit(1);
  });
}
