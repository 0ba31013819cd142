#!/usr/bin/env node
// Starts the Podtrail dashboard: `npm start` (next start) or, in the container image, the
// standalone server.js beside this file. Plain JavaScript so the image needs no build tools.
// Two things Next.js does not do for us happen here, before the server listens:
// 1. Refuse a non-loopback listen address unless PODTRAIL_AUTH names a sign-in mode (anyone who
//    can reach it would read every cluster in the kubeconfig).
// 2. Stamp every request with its TCP peer address and a per-process key (x-podtrail-peer*),
//    overwriting anything a client sent: proxy.ts trusts identity headers only from
//    PODTRAIL_AUTH_PROXY_ADDRESSES, and rate-limits sign-in per address.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const v8 = require('node:v8');

// V8 grows the heap limit up to 4× the live heap after a fast major GC, and keeps what it grew
// to: the first list of a big cluster (and the history recorder writing every pod once) left
// ~300 MB of garbage-filled heap at 10,000 pods. Capping growth at 1.3× keeps the committed heap
// near the live one (bench: RSS 792 → 558 MB right after sync, 544 → 451 MB at rest, 10,000 pods)
// at the cost of more frequent major GCs. Set before anything big is allocated; NODE_OPTIONS
// cannot carry this flag, so it is set here. PODTRAIL_HEAP_GROWING_PERCENT=0 turns it off.
const heapGrowingPercent = Number(process.env.PODTRAIL_HEAP_GROWING_PERCENT ?? 30);
if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const mode = process.env.PODTRAIL_AUTH || 'none';

function isLoopback(name) {
  const h = name.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

if (mode === 'none' && !isLoopback(host)) {
  console.error(
    `podtrail: refusing to listen on ${host}: anyone who can reach it would read every cluster. ` +
      'Set PODTRAIL_AUTH (token, proxy or oidc) or listen on 127.0.0.1 (HOST).',
  );
  process.exit(1);
}

// instrumentation.ts installs Podtrail's own SIGTERM/SIGINT handler (stops recorders in order).
process.env.NEXT_MANUAL_SIG_HANDLE ??= '1';

const key = crypto.randomBytes(16).toString('hex');
process.env.PODTRAIL_PEER_KEY = key;
process.env.PODTRAIL_LISTEN_HOST = host;

const createServer = http.createServer;
http.createServer = function podtrailCreateServer(...args) {
  const at = args.findIndex((a) => typeof a === 'function');
  if (at >= 0) {
    const listener = args[at];
    args[at] = function stampPeer(req, res) {
      req.headers['x-podtrail-peer'] = req.socket.remoteAddress || '';
      req.headers['x-podtrail-peer-key'] = key;
      return listener.call(this, req, res);
    };
  }
  return createServer.apply(this, args);
};

const standalone = path.join(__dirname, 'server.js');
if (fs.existsSync(standalone)) {
  // The image: .next/standalone/server.js reads HOSTNAME and PORT.
  process.env.HOSTNAME = host;
  process.env.PORT = String(port);
  require(standalone);
} else {
  const { nextStart } = require('next/dist/cli/next-start');
  nextStart({ hostname: host, port }, path.resolve(__dirname, '..')).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
