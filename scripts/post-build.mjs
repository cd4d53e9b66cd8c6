// Post-processes a release build in place:
//  1. names every part of the widget (the files wasm-split-cli cut off the main module) after
//     its content, and says so in the script that loads them (__wasm_split.js): an old part
//     kept in a cache never meets a newer main module;
//  2. minifies the JS glue, the start script and the snippets with terser (Trunk leaves them
//     as they are);
//  3. updates the Subresource Integrity hashes in the built HTML for every file it changed;
//  4. writes a gzip (.gz) and a Brotli (.br) copy next to every file a browser fetches, for
//     hosts that serve compressed files as they find them (README, "Embed on your site").
// The wasm, and every name wasm-bindgen generates, are left exactly as built.
//
// usage: node scripts/post-build.mjs SITE_DIR
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, rename, unlink } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'e2e', 'package.json'));
const { minify } = require('terser');

const site = resolve(process.argv[2] ?? 'target/site');
const files = await readdir(site);
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const changed = []; // [oldHash, newHash]

// ------------------------------------------------------------------ 1. parts named by content
const LOADER = '__wasm_split.js';
if (files.includes(LOADER)) {
  let loader = await readFile(join(site, LOADER), 'utf8');
  for (const part of files.filter((f) => /^(split|chunk)_.*\.wasm$/.test(f))) {
    const bytes = await readFile(join(site, part));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const named = part.replace(/\.wasm$/, `.${hash}.wasm`);
    const reference = `"./${part}"`;
    if (!loader.includes(reference)) throw new Error(`post-build: ${LOADER} does not load ${part}`);
    loader = loader.split(reference).join(`"./${named}"`);
    await rename(join(site, part), join(site, named));
    console.log(`post-build: part ${part} -> ${named}`);
  }
  await writeFile(join(site, LOADER), loader);
}

// ------------------------------------------------------------------ 2. every script, minified
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

// Every script, with the snippets wasm-bindgen puts under snippets/ (paths relative to site).
const scripts = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.js'));
for (const script of scripts) {
  await minifyInto(script, await readFile(join(site, script), 'utf8'));
}

// ------------------------------------------------------------------ 3. integrity hashes
for (const html of files.filter((f) => f.endsWith('.html'))) {
  const path = join(site, html);
  let text = await readFile(path, 'utf8');
  for (const [oldHash, newHash] of changed) text = text.split(oldHash).join(newHash);
  await writeFile(path, text);
}

// ------------------------------------------------------------------ 4. compressed copies
const COMPRESSIBLE = /\.(html|js|css|wasm|json|svg)$/;
for (const name of await readdir(site, { recursive: true })) {
  if (/\.(gz|br)$/.test(name)) {
    await unlink(join(site, name));
    continue;
  }
  if (!COMPRESSIBLE.test(name)) continue;
  const bytes = await readFile(join(site, name));
  await writeFile(join(site, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  await writeFile(
    join(site, `${name}.br`),
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
}
console.log('post-build: wrote .gz and .br next to every file a browser fetches');
