// Minifies wasm-bindgen's JavaScript in a release build: Trunk runs this
// after each build (a `post_build` hook in Trunk.toml), on the site it is
// about to publish. Trunk 0.21's own minifier cannot parse that file's
// `export default`, so without this it ships as written (8.1 KB brotli,
// 6.3 KB minified). Debug builds (`trunk serve`) are left readable.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify.mjs runs as a Trunk hook, which sets TRUNK_STAGING_DIR');
if (process.env.TRUNK_PROFILE === 'release') {
  // The app's script, named by Trunk after the crate with a content hash;
  // boot.js, route.js and embed.js are small, hand-written and kept as is.
  const scripts = readdirSync(dir).filter((name) => /^cronologia-[0-9a-f]+\.js$/.test(name));
  if (scripts.length !== 1) throw new Error(`expected one app script in ${dir}, found: ${scripts.join(', ') || 'none'}`);
  const file = join(dir, scripts[0]);
  const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(file, code);
}
