#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, migrate and seed, then serve.
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { serverArgs } = require('./lib/server-args');

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const SOURCES = [
  'app',
  'lib',
  'db',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'tsconfig.json',
];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (!built || SOURCES.some((s) => newestMtime(path.join(root, s)) > built)) {
  console.log('Building the app (first start or changed sources)…');
  run(bin('next'), ['build']);
}
run(bin('tsx'), ['scripts/prepare-data.ts']);

const port = process.env.PORT || '3000';
console.log(`\nRepublish Desk on http://localhost:${port}`);
// scripts/server.js, not `next start`: it decides the client's address from the socket (TRUST_PROXY).
const server = spawn(process.execPath, serverArgs(), {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
