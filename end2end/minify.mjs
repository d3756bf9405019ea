// Minifies wasm-bindgen's JavaScript in a release build: Trunk runs this
// after each build (a `post_build` hook in Trunk.toml, beside the
// prerendering), on the site it is about to publish. Trunk 0.21's own
// minifier cannot parse that file's `export default`, so without this it
// ships as written: 8,053 B brotli, against 6,296 B minified. Debug builds
// (`trunk serve`) are left readable, and need no npm package.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify.mjs runs as a Trunk hook, which sets TRUNK_STAGING_DIR');
if (process.env.TRUNK_PROFILE === 'release') {
  const { minify } = await import('terser').catch(() => {
    throw new Error('terser is missing: `cargo xtask build` (or `npm ci` in end2end/) installs it');
  });
  // The app's script, named by Trunk after the crate (with a content hash
  // unless `filehash = false`). Trunk minifies route.js itself; boot.js and
  // embed.js are copied as written.
  const scripts = readdirSync(dir).filter((name) => /^cronologia(-[0-9a-f]+)?\.js$/.test(name));
  if (scripts.length !== 1) throw new Error(`expected one app script in ${dir}, found: ${scripts.join(', ') || 'none'}`);
  const file = join(dir, scripts[0]);
  const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(file, code);
}
