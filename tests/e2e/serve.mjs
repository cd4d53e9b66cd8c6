// A tiny static file server for the end-to-end tests and benchmarks: correct MIME types
// (application/wasm matters for streaming compilation), no directory listings, no traversal.
//
// With --gzip, responses are gzip-compressed when the browser accepts it, as a coach's web host
// would serve them (the benchmarks use it). With --precompressed, the .br or .gz copy the
// release build writes next to each file is sent when the browser accepts it, as hosts that
// serve precompressed files do (`make serve`).
//
// usage: node serve.mjs --root DIR [--port 4173] [--host 127.0.0.1] [--gzip 1] [--precompressed 1]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i], process.argv[i + 1]);
const root = resolve(args.get('--root') ?? '.');
const port = Number(args.get('--port') ?? 4173);
const host = args.get('--host') ?? '127.0.0.1';
const gzip = args.has('--gzip');
const precompressed = args.has('--precompressed');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  let path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const file = await fileFor(req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  const headers = {
    'content-type': types[extname(file.path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  };
  const accepts = req.headers['accept-encoding'] ?? '';
  if (precompressed) {
    for (const [encoding, extension] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
      const copy = await readFile(file.path + extension).catch(() => null);
      if (!copy) continue;
      res.writeHead(200, { ...headers, 'content-encoding': encoding, vary: 'accept-encoding' });
      res.end(copy);
      return;
    }
  }
  if (gzip && /\bgzip\b/.test(accepts)) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    res.end(gzipSync(file.body, { level: 6 }));
    return;
  }
  res.writeHead(200, headers);
  res.end(file.body);
}).listen(port, host, () => {
  console.log(`serving ${root} on http://${host}:${port}/`);
});
