// Post-processes a release build in place:
//  1. gives the wasm's imports short names (wasm-bindgen names each one `__wbg_<method>_<16 hex
//     digits>`; those digits appear in both the wasm and the JS and do not compress), renaming
//     them consistently in the JS glue, and refusing to change anything unless every name
//     matches exactly, and drops the custom sections (metadata the browser never reads);
//  2. minifies the JS glue, the start script and the snippets (Trunk leaves them as they are);
//  3. updates the Subresource Integrity hashes in the built HTML for every file it changed.
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

// ------------------------------------------------------------------ wasm reading and writing
function readLeb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
const str = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

/** Rewrites section `id` entry by entry: `entry(p)` reads the entry at `p` and returns its new
 * bytes and where the next one starts. Other sections are copied as they are; custom sections
 * (producers, target features: metadata the browser never reads) are left out when `dropCustom`. */
function rewriteSection(wasm, id, entry, dropCustom = false) {
  const out = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const sectionId = wasm[pos];
    const [size, start] = readLeb(wasm, pos + 1);
    const end = start + size;
    if (sectionId === 0 && dropCustom) {
      pos = end;
      continue;
    }
    if (sectionId !== id) {
      out.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    let [count, p] = readLeb(wasm, start);
    const entries = [leb(count)];
    for (let i = 0; i < count; i++) {
      let bytes;
      [bytes, p] = entry(p);
      entries.push(bytes);
    }
    const body = Buffer.concat(entries);
    out.push(Buffer.from([id]), leb(body.length), body);
    pos = end;
  }
  return Buffer.concat(out);
}

/** A name (length, then UTF-8) at `p`, and where it ends. */
function readName(wasm, p) {
  const [len, start] = readLeb(wasm, p);
  return [wasm.subarray(start, start + len).toString(), start + len];
}

/** Rewrites the import section, renaming module and names with `rename`, and leaves out the
 * custom sections. */
function renameImports(wasm, rename) {
  return rewriteSection(
    wasm,
    2,
    (p) => {
      let module, name;
      [module, p] = readName(wasm, p);
      [name, p] = readName(wasm, p);
      // The descriptor (kind and type), copied as is.
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = readLeb(wasm, p);
      else if (kind === 1) { p++; const flags = wasm[p++]; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); }
      else if (kind === 2) { const flags = wasm[p++]; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); }
      else if (kind === 3) p += 2;
      else throw new Error(`unknown import kind ${kind}`);
      const [m, n] = rename(module, name);
      return [Buffer.concat([str(m), str(n), wasm.subarray(descStart, p)]), p];
    },
    true,
  );
}

/** Rewrites the export section, renaming exports with `rename` (name -> name). */
function renameExports(wasm, rename) {
  return rewriteSection(wasm, 7, (p) => {
    let name;
    [name, p] = readName(wasm, p);
    // The kind and index, copied as they are.
    const descStart = p;
    [, p] = readLeb(wasm, p + 1);
    return [Buffer.concat([str(rename(name)), wasm.subarray(descStart, p)]), p];
  });
}

/** The names of the wasm's exports. */
function exportNames(wasm) {
  const names = [];
  renameExports(wasm, (name) => (names.push(name), name));
  return names;
}

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

// ------------------------------------------------------------------ 1. short import names
const wasmFile = files.find((f) => f.endsWith('.wasm'));
// The glue is named after the wasm; other scripts (the start script) are only minified, below.
const jsFile = wasmFile && files.find((f) => f === wasmFile.replace(/_bg\.wasm$/, '.js'));
if (wasmFile && jsFile) {
  const wasmPath = join(site, wasmFile);
  const jsPath = join(site, jsFile);
  const wasm = await readFile(wasmPath);
  let js = await readFile(jsPath, 'utf8');
  const moduleName = `./${wasmFile.replace(/_bg\.wasm$/, '_bg.js')}`;
  const names = new Map();
  // Imports straight from a snippet (a function taking only JavaScript values needs no glue)
  // keep their module and name.
  renameImports(wasm, (module, name) => {
    if (module === moduleName && !names.has(name)) names.set(name, `i${names.size.toString(36)}`);
    return [module, name];
  });
  // Every name must be exactly one key of the JS imports object, and the module key must be
  // there once too; otherwise leave both files alone.
  const keyPattern = (name) => new RegExp(`(^|[\\s{,])${name}(?=:)`, 'g');
  const moduleKey = JSON.stringify(moduleName);
  const safe = [...names.keys()].every((n) => (js.match(keyPattern(n)) ?? []).length === 1) && js.split(moduleKey).length === 2;
  if (!safe) {
    console.log('post-build: import names did not match the JS exactly; left them as they are');
  } else {
    for (const [name, short] of names) js = js.replace(keyPattern(name), `$1${short}`);
    js = js.replace(moduleKey, '"a"');
    const renamed = renameImports(wasm, (module, name) => (module === moduleName ? ['a', names.get(name)] : [module, name]));
    changed.push([sri(wasm), sri(renamed)]);
    await writeFile(wasmPath, renamed);
    console.log(`post-build: ${names.size} imports renamed, wasm ${wasm.length} -> ${renamed.length} bytes`);
  }
  // ---------------------------------------------------------------- 1b. short export names
  // wasm-bindgen names the shims that call Rust closures after their full Rust types (up to
  // 230 characters each, with crate hashes), in the wasm and again in the glue, which reads
  // them as `wasm.<name>`. They get short names, only when each appears in the glue exactly
  // as such a property and the short names are not taken.
  {
    const wasmNow = await readFile(wasmPath);
    const all = exportNames(wasmNow);
    const long = all.filter((n) => /^wasm_bindgen_[0-9a-f]{16}___convert__closures/.test(n));
    const short = new Map(long.map((n, i) => [n, `c${i.toString(36)}`]));
    const uses = (n) => js.split(`.${n}`).length - 1;
    const clash = [...short.values()].some((s) => all.includes(s) || uses(s) > 0);
    let renamedJs = js;
    for (const [n, s] of short) renamedJs = renamedJs.split(`.${n}`).join(`.${s}`);
    // What is left are the glue's own functions of the same name, which the minifier renames.
    const allReplaced = long.every((n) => ['.', '"', "'", '['].every((c) => !renamedJs.includes(c + n)));
    if (long.length && !clash && allReplaced && long.every((n) => uses(n) >= 1 && !long.some((m) => m !== n && m.startsWith(n)))) {
      js = renamedJs;
      const renamed = renameExports(wasmNow, (n) => short.get(n) ?? n);
      changed.push([sri(wasmNow), sri(renamed)]);
      await writeFile(wasmPath, renamed);
      console.log(`post-build: ${long.length} closure exports renamed, wasm ${wasmNow.length} -> ${renamed.length} bytes`);
    } else if (long.length) {
      console.log('post-build: closure export names did not match the JS exactly; left them as they are');
    }
  }
  // ---------------------------------------------------------------- 2. minified JS glue
  await minifyInto(jsFile, js);
}

// ------------------------------------------------------------------ 2b. other scripts, minified
for (const other of scripts.filter((f) => f !== jsFile)) {
  await minifyInto(other, await readFile(join(site, other), 'utf8'));
}

// ------------------------------------------------------------------ 3. integrity hashes
for (const html of files.filter((f) => f.endsWith('.html'))) {
  const path = join(site, html);
  let text = await readFile(path, 'utf8');
  for (const [oldHash, newHash] of changed) text = text.split(oldHash).join(newHash);
  await writeFile(path, text);
}
