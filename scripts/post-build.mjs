// Post-processes a release build in place:
//  1. minifies the JS glue, the start script and the snippets with terser (Trunk leaves them
//     as they are);
//  2. updates the Subresource Integrity hashes in the built HTML for every file it changed.
// The wasm, and every name wasm-bindgen generates, are left exactly as built.
//
// usage: node scripts/post-build.mjs SITE_DIR
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'e2e', 'package.json'));
const { minify } = require('terser');

const site = resolve(process.argv[2] ?? 'target/site');
const files = await readdir(site);
// Every script, with the snippets wasm-bindgen writes under snippets/ (paths relative to site).
const scripts = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.js'));
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const changed = []; // [oldHash, newHash]

/** Writes `code` minified over the script `name` (relative to the site), remembering the
 * integrity hashes of the file as built and as written. */
async function minifyInto(name, code) {
  const path = join(site, name);
  const before = await readFile(path);
  const out = await minify(code, { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`terser produced nothing for ${name}`);
  await writeFile(path, out.code);
  changed.push([sri(before), sri(Buffer.from(out.code))]);
  console.log(`post-build: minified ${name}: ${before.length} -> ${out.code.length} bytes`);
}

// ------------------------------------------------------------------ 1. every script, minified
for (const script of scripts) {
  await minifyInto(script, await readFile(join(site, script), 'utf8'));
}

// ------------------------------------------------------------------ 2. integrity hashes
for (const html of files.filter((f) => f.endsWith('.html'))) {
  const path = join(site, html);
  let text = await readFile(path, 'utf8');
  for (const [oldHash, newHash] of changed) text = text.split(oldHash).join(newHash);
  await writeFile(path, text);
}
