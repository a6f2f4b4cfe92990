import assert from 'node:assert/strict';
// Test helpers: start a sandbox on a free port in a temp dir, talk HTTPS to it
// trusting only its CA, stop it again.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import { fileURLToPath } from 'node:url';

export const SANDBOX_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { TOKENS } from '../src/tokens.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts start.sh and resolves once it printed READY.
export async function startSandbox(extraArgs = [], { dataDir, port } = {}) {
  const dir = dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'monday-sandbox-test-'));
  const p = port || (await freePort());
  const child = spawn(path.join(SANDBOX_DIR, 'start.sh'), ['--port', String(p), '--data', dir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in time\n${stderr}`)), 60_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(stdout.split('\n')[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}\n${stderr}`));
    });
  });
  const ca = fs.readFileSync(path.join(dir, 'ca.pem'));
  const sandbox = {
    child, dir, port: p, readyLine: ready, baseUrl: `https://127.0.0.1:${p}`, ca,
    stdout: () => stdout, stderr: () => stderr,
    request: (opts) => request({ ca, port: p, ...opts }),
    gql: (query, variables, opts = {}) => gql({ ca, port: p }, query, variables, opts),
    control: (method, route, body) => request({ ca, port: p, method, path: `/__sandbox/${route}`, body: body == null ? undefined : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => ({ ...r, json: JSON.parse(r.body) })),
    dataset: () => JSON.parse(fs.readFileSync(path.join(dir, 'dataset.json'), 'utf8')),
    requests: () => fs.readFileSync(path.join(dir, 'requests.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)),
    stop: () => stopSandbox(child),
  };
  return sandbox;
}

export function stopSandbox(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export function request({ ca, port, method = 'POST', path: p = '/v2', headers = {}, body, host = '127.0.0.1', servername }) {
  return new Promise((resolve, reject) => {
    // autoSelectFamily: Debian's node 18 resolves "localhost" to ::1 first and, unlike node 20,
    // does not fall back to 127.0.0.1 (where the sandbox listens) on its own.
    const req = https.request({ host, port, method, path: p, headers, ca, servername, agent: false, autoSelectFamily: true }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body != null) req.write(body);
    req.end();
  });
}

// POST a GraphQL document; `token` defaults to the admin token, null sends none.
export async function gql(conn, query, variables, { token = 'sandbox-admin-token', version = '2026-10', operationName, headers = {} } = {}) {
  const h = { 'Content-Type': 'application/json', ...headers };
  if (token != null) h.Authorization = token;
  if (version != null) h['API-Version'] = version;
  const res = await request({ ...conn, headers: h, body: JSON.stringify({ query, variables, operationName }) });
  let json = null;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = null;
  }
  return { ...res, json };
}

// The data of a GraphQL answer that must have succeeded (HTTP 200, no errors).
export function dataOf(r) {
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.errors, undefined, JSON.stringify(r.json.errors));
  return r.json.data;
}
