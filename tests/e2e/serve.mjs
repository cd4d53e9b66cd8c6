// A tiny static file server for the end-to-end tests and benchmarks: correct MIME types
// (application/wasm matters for streaming compilation), no directory listings, no traversal.
//
// With --gzip, responses are gzip-compressed when the browser accepts it, as a coach's web host
// would serve them (the benchmarks use it). With --precompressed, the .br or .gz copy the
// release build writes next to each file is sent when the browser accepts it, as hosts that
// serve precompressed files do (`make serve`).
//
// For the journey in three engines (tests/engines.rs), a coach's site: --mount /PREFIX/=DIR
// serves DIR under /PREFIX/ (the release folder uploaded beside the coach's page); --csp POLICY
// is sent with every HTML page, with its violations reported to /csp-report and appended, one
// JSON line each, to the file --csp-reports names; while the file --refuse-parts-while names
// exists, the widget's parts (split_*.wasm, chunk_*.wasm) are refused (503), as when the
// connection drops.
//
// usage: node serve.mjs --root DIR [--port 4173] [--host 127.0.0.1] [--gzip 1] [--precompressed 1]
//          [--mount /PREFIX/=DIR] [--csp POLICY --csp-reports FILE] [--refuse-parts-while FILE]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { appendFile, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i], process.argv[i + 1]);
const root = resolve(args.get('--root') ?? '.');
const port = Number(args.get('--port') ?? 4173);
const host = args.get('--host') ?? '127.0.0.1';
const gzip = args.has('--gzip');
const precompressed = args.has('--precompressed');
const [mountPrefix, mountDir] = (args.get('--mount') ?? '=').split('=');
const csp = args.get('--csp');
const cspReports = args.get('--csp-reports');
const refuseWhile = args.get('--refuse-parts-while');
const PARTS = /\/(split|chunk)_[^/]*\.wasm$/;

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
  let decoded = decodeURIComponent(urlPath.split('?')[0]);
  let base = root;
  if (mountPrefix && decoded.startsWith(mountPrefix)) {
    base = resolve(mountDir);
    decoded = '/' + decoded.slice(mountPrefix.length);
  }
  let path = normalize(join(base, decoded));
  if (path !== base && !path.startsWith(base + sep)) return null;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/csp-report') {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (cspReports) await appendFile(cspReports, Buffer.concat(chunks).toString('utf8').replace(/\n/g, ' ') + '\n');
    res.writeHead(204);
    res.end();
    return;
  }
  if (refuseWhile && existsSync(refuseWhile) && PARTS.test((req.url ?? '').split('?')[0])) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('refused');
    return;
  }
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
  if (csp && extname(file.path) === '.html') {
    headers['content-security-policy'] = `${csp}; report-uri /csp-report`;
  }
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
