// A real WordPress, from Debian's packages (wordpress, php-cli, php-mysql,
// mariadb-server), for the test of a pasted link (tests-wordpress/):
//
//   node wordpress.mjs [--port 4176] [--app 4173]   until SIGINT or SIGTERM
//
// Everything lives in target/wordpress/, made afresh on each start:
// - MariaDB with its data there, on a socket, no network;
// - the site: a directory of links to Debian's /usr/share/wordpress, with
//   its own wp-config.php (Debian's reads /etc/wordpress/, which this
//   leaves alone) and wp-content: a plain theme that prints the post, and
//   a must-use plugin with the test site's configuration: WordPress
//   refuses to discover oEmbed on local addresses and on ports other than
//   80, 443 and 8080, so it lets the app's port on 127.0.0.1 through;
// - install.php: installs WordPress, adds an author (who may not post
//   unfiltered HTML) and, as that author, a post whose body is a line of
//   text, an event page's link on a line of its own, and another line;
//   its address goes to target/wordpress/post.json;
// - PHP's own server on 127.0.0.1:<port>.
// WordPress makes no request but to 127.0.0.1 (WP_HTTP_BLOCK_EXTERNAL).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { E2E_DIST, ROOT, e2ePorts } from './nginx.mjs';

export const WORDPRESS = process.env.WORDPRESS_PATH ?? '/usr/share/wordpress';
export const DIR = join(ROOT, 'target', 'wordpress');
/** What install.php wrote: the post's address and what was checked. */
export const POST_FILE = join(DIR, 'post.json');
const SITE = join(DIR, 'site');
const DATA = join(DIR, 'mysql');
const SOCKET = join(DIR, 'mysql.sock');
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The event page the post links to (first event, English). */
export function eventPage(appPort) {
  const events = JSON.parse(readFileSync(join(E2E_DIST, 'data', 'events.json'), 'utf8')).events;
  return { id: events[0].id, url: `http://127.0.0.1:${appPort}/en/events/${encodeURIComponent(events[0].id)}/` };
}

/** The English key-moments view, which nginx answers with its own page
 * (`key-moments.html`) and so its own oEmbed response. */
export function keyMomentsLink(appPort) {
  return `http://127.0.0.1:${appPort}/en/?key=1`;
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')}):\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

function waitFor(check, child, what, ms = 20_000) {
  const deadline = Date.now() + ms;
  return new Promise((done, fail) => {
    const attempt = () => {
      if (child.exitCode !== null) return fail(new Error(`${what} exited (${child.exitCode})`));
      check().then(
        (ok) => (ok ? done() : Date.now() > deadline ? fail(new Error(`${what} did not start`)) : setTimeout(attempt, 100)),
        () => (Date.now() > deadline ? fail(new Error(`${what} did not start`)) : setTimeout(attempt, 100)),
      );
    };
    attempt();
  });
}

const listening = (options) => () =>
  new Promise((done) => {
    const socket = connect(options, () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });

function startMariaDb() {
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const user = asRoot ? ['--user=root'] : [];
  run('mariadb-install-db', ['--no-defaults', `--datadir=${DATA}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user], 'mariadb-install-db');
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${DATA}`,
      `--socket=${SOCKET}`,
      `--pid-file=${join(DIR, 'mysql.pid')}`,
      `--log-error=${join(DIR, 'mysql.log')}`,
      '--skip-networking',
      '--innodb-buffer-pool-size=16M',
      ...user,
    ],
    { stdio: 'ignore' },
  );
  return { child, ready: waitFor(listening({ path: SOCKET }), child, 'mariadbd') };
}

/** The site directory: Debian's files, linked, but our wp-config.php and wp-content. */
function writeSite({ port, appPort }) {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'wp-content', 'mu-plugins'), { recursive: true });
  mkdirSync(join(SITE, 'wp-content', 'themes', 'plain'), { recursive: true });
  for (const name of readdirSync(WORDPRESS)) {
    if (name !== 'wp-config.php' && name !== 'wp-content') symlinkSync(join(WORDPRESS, name), join(SITE, name));
  }
  const home = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(SITE, 'wp-config.php'),
    `<?php
// The test site's configuration (end2end/wordpress.mjs).
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${SOCKET}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${home}');
define('WP_SITEURL', '${home}');
define('WP_CONTENT_DIR', '${join(SITE, 'wp-content')}');
define('WP_CONTENT_URL', '${home}/wp-content');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'test-only ' . $key);
}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // Debian's wp-load.php would otherwise read Debian's wp-config.php, which
  // reads /etc/wordpress/: every PHP file starts from this directory.
  writeFileSync(join(DIR, 'prepend.php'), `<?php define('ABSPATH', '${SITE}/');\n`);
  writeFileSync(
    join(SITE, 'wp-content', 'mu-plugins', 'test-site.php'),
    `<?php
// Test site only: WordPress fetches oEmbed from public addresses on ports
// 80, 443 and 8080; the timeline is served on 127.0.0.1:${appPort}.
add_filter('http_request_host_is_external', function ($external, $host) {
    return $external || $host === '127.0.0.1';
}, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports) {
    $ports[] = ${appPort};
    return $ports;
});
`,
  );
  writeFileSync(
    join(SITE, 'wp-content', 'themes', 'plain', 'style.css'),
    '/*\nTheme Name: Plain\nDescription: The post and nothing else, for the tests.\n*/\nbody { max-width: 44rem; margin: 1rem auto; padding: 0 1rem; font-family: serif; }\niframe.wp-embedded-content { border: 1px solid #999; }\n',
  );
  writeFileSync(
    join(SITE, 'wp-content', 'themes', 'plain', 'index.php'),
    `<!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="<?php echo esc_url(get_stylesheet_uri()); ?>"><?php wp_head(); ?></head>
<body>
<main>
<?php while (have_posts()) : the_post(); ?>
<article><h1><?php the_title(); ?></h1><?php the_content(); ?></article>
<?php endwhile; ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
`,
  );
}

function php(args) {
  return ['-d', `auto_prepend_file=${join(DIR, 'prepend.php')}`, ...args];
}

/** Installs WordPress and writes the post as the author. */
function install({ port, appPort }) {
  const page = eventPage(appPort);
  writeFileSync(
    join(DIR, 'install.php'),
    `<?php
$socket = '${SOCKET}';
$db = new mysqli('localhost', 'root', '', '', 0, $socket);
$db->query('DROP DATABASE IF EXISTS wordpress');
$db->query('CREATE DATABASE wordpress CHARACTER SET utf8mb4');
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Cronología test site', 'admin', 'admin@example.org', false, '', 'admin-test-password');
switch_theme('plain');
$author = wp_insert_user(['user_login' => 'author', 'user_pass' => 'author-test-password', 'user_email' => 'author@example.org', 'role' => 'author']);
wp_set_current_user($author);
$post = wp_insert_post([
    'post_title' => 'A post with a pasted link',
    'post_content' => "Text before the timeline.\\n\\n${page.url}\\n\\nText after the timeline.",
    'post_status' => 'publish',
], true);
if (is_wp_error($post)) { fwrite(STDERR, $post->get_error_message()); exit(1); }
$key_post = wp_insert_post([
    'post_title' => 'A post with the key moments',
    'post_content' => "The key moments:\\n\\n${keyMomentsLink(appPort)}\\n\\nText after the timeline.",
    'post_status' => 'publish',
], true);
if (is_wp_error($key_post)) { fwrite(STDERR, $key_post->get_error_message()); exit(1); }
echo json_encode([
    'post' => get_permalink($post),
    'key_moments_post' => get_permalink($key_post),
    'key_moments_link' => '${keyMomentsLink(appPort)}',
    'author_unfiltered_html' => current_user_can('unfiltered_html'),
    'author_role' => wp_get_current_user()->roles,
    'wordpress' => $GLOBALS['wp_version'],
    'link' => '${page.url}',
    'event' => '${page.id}',
]);
`,
  );
  const out = run('php', php([join(DIR, 'install.php')]), 'installing WordPress');
  const json = out.slice(out.indexOf('{'));
  writeFileSync(POST_FILE, json);
  return JSON.parse(json);
}

export async function startWordPress({ port, appPort }) {
  mkdirSync(DIR, { recursive: true });
  const started = Date.now();
  const db = startMariaDb();
  await db.ready;
  writeSite({ port, appPort });
  const post = install({ port, appPort });
  const server = spawn('php', php(['-S', `127.0.0.1:${port}`, '-t', SITE]), {
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group: its workers stop with it.
    detached: true,
    // WordPress fetches the timeline while it renders: a second worker
    // answers the tests meanwhile.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' },
  });
  await waitFor(listening({ host: '127.0.0.1', port }), server, 'php -S');
  console.log(`wordpress.mjs: WordPress ${post.wordpress} at http://127.0.0.1:${port}/ in ${Date.now() - started} ms; post ${post.post}`);
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGTERM');
    if (db.child.exitCode === null && db.child.signalCode === null) db.child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return { post, stop, exited: new Promise((done) => server.once('exit', done)) };
}

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ports = e2ePorts();
  startWordPress({ port: option(args, 'port', ports.wordpress), appPort: option(args, 'app', ports.app) })
    .then((wp) => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => {
          wp.stop();
          process.exit(0);
        });
      }
      return wp.exited.then((code) => {
        console.error(`wordpress.mjs: php -S exited by itself (${code})`);
        wp.stop();
        process.exit(1);
      });
    })
    .catch((err) => {
      console.error(`wordpress.mjs: ${err.message}`);
      process.exit(1);
    });
}
