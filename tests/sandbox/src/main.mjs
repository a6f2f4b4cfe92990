// Entry point: tests/sandbox/start.sh --port PORT --data DIR [options]
// Prints exactly one line on stdout, "READY https://127.0.0.1:PORT", once
// connections are accepted; everything else goes to stderr.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, DEFAULT_SEED } from './config.mjs';
import { SandboxApp } from './app.mjs';
import { ensureCertificates } from './tls.mjs';
import { createSandboxServer } from './http/server.mjs';
import { buildDataset, buildSummary } from './data/export.mjs';

const USAGE = `usage: start.sh --port PORT --data DIR [--scale small|large] [--seed N]
       [--complexity-budget N] [--minute-limit N] [--daily-limit N]
       [--concurrency-limit N] [--cursor-ttl-seconds N] [--window-seconds N]
       [--latency-ms N] [--latency-jitter-ms J]`;

function fail(message, code = 2) {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(code);
}

function intOption(values, name, fallback, min = 0) {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer >= ${min} (got ${raw})\n${USAGE}`);
  return n;
}

function writeAtomic(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' }, data: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' },
        'complexity-budget': { type: 'string' }, 'minute-limit': { type: 'string' }, 'daily-limit': { type: 'string' },
        'concurrency-limit': { type: 'string' }, 'cursor-ttl-seconds': { type: 'string' },
        'window-seconds': { type: 'string' }, 'latency-ms': { type: 'string' }, 'latency-jitter-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(`${e.message}\n${USAGE}`);
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (!values.port || !values.data) fail(`--port and --data are required\n${USAGE}`);
  // 0 = any free port (the READY line says which): no race between picking a port and binding it.
  const port = intOption(values, 'port', 0, 0);
  if (port > 65535) fail('--port must be at most 65535');
  const scale = values.scale || 'small';
  if (!['small', 'large'].includes(scale)) fail(`--scale must be small or large (got ${scale})`);
  const seed = intOption(values, 'seed', DEFAULT_SEED);
  const config = {
    complexityBudget: intOption(values, 'complexity-budget', DEFAULT_LIMITS.complexityBudget),
    minuteLimit: intOption(values, 'minute-limit', DEFAULT_LIMITS.minuteLimit),
    dailyLimit: intOption(values, 'daily-limit', DEFAULT_LIMITS.dailyLimit),
    concurrencyLimit: intOption(values, 'concurrency-limit', DEFAULT_LIMITS.concurrencyLimit, 1),
    cursorTtlSeconds: intOption(values, 'cursor-ttl-seconds', DEFAULT_LIMITS.cursorTtlSeconds),
    windowSeconds: intOption(values, 'window-seconds', DEFAULT_LIMITS.windowSeconds, 1),
    latencyMs: intOption(values, 'latency-ms', DEFAULT_LIMITS.latencyMs),
    latencyJitterMs: intOption(values, 'latency-jitter-ms', DEFAULT_LIMITS.latencyJitterMs),
  };

  const dataDir = path.resolve(values.data);
  fs.mkdirSync(dataDir, { recursive: true });
  let certs;
  try {
    certs = ensureCertificates(dataDir);
  } catch (e) {
    fail(`could not create certificates with openssl: ${e.stderr ? e.stderr.toString() : e.message}`);
  }

  // Listen before touching DIR's data files, so a second instance on a busy
  // port fails without clobbering the first one's log. Building the data is
  // synchronous, so no request is handled before `app` exists.
  let app = null;
  const server = createSandboxServer(() => app, { key: fs.readFileSync(certs.key), cert: fs.readFileSync(certs.cert) });
  server.on('error', (e) => {
    if (e.code === 'EADDRINUSE') fail(`port ${port} on 127.0.0.1 is already in use`, 3);
    fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`, 3);
  });
  server.listen(port, '127.0.0.1', () => {
    const started = Date.now();
    app = new SandboxApp({ dataDir, scale, seed, config });
    const dataset = scale === 'large' ? buildSummary(app.store) : buildDataset(app.store);
    writeAtomic(path.join(dataDir, scale === 'large' ? 'dataset-summary.json' : 'dataset.json'), `${JSON.stringify(dataset, null, 1)}\n`);
    app.baseUrl = `https://127.0.0.1:${server.address().port}`;
    process.stderr.write(`sandbox: ${scale} data (seed ${seed}) ready in ${Date.now() - started} ms; data dir ${dataDir}\n`);
    process.stdout.write(`READY ${app.baseUrl}\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => fail(e.stack || String(e), 1));
