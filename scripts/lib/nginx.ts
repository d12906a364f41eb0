/**
 * Runs nginx with the shipped deploy/nginx.conf in front of a local upstream, as an unprivileged
 * child with a temporary prefix (its cache, temp files, pid and log): for the bench's front-cache
 * rows and tests/integration/nginx-conf.test.ts. Only the conf's three marked values change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server';

const ROOT = path.resolve(__dirname, '..', '..');
export const NGINX_CONF = path.join(ROOT, 'deploy', 'nginx.conf');
// nobody:nogroup on Debian: nginx refuses nothing as an unprivileged master, and runs as one here.
const NOBODY = 65534;

/** The nginx binary on PATH (or in /usr/sbin, which a non-root PATH may lack), or null. */
export function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const file = path.join(dir, 'nginx');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** deploy/nginx.conf with the cache path, the upstream and the listen address of this run. */
export function deskConf(opts: { cacheDir: string; upstreamPort: number; port: number }): string {
  let conf = fs.readFileSync(NGINX_CONF, 'utf8');
  const swap = (from: string, to: string) => {
    if (conf.split(from).length !== 2) throw new Error(`deploy/nginx.conf: expected "${from}" once`);
    conf = conf.replace(from, to);
  };
  swap('/var/cache/nginx/desk', opts.cacheDir);
  swap('server 127.0.0.1:3000;', `server 127.0.0.1:${opts.upstreamPort};`);
  swap('listen 80;', `listen 127.0.0.1:${opts.port};`);
  return conf;
}

export type RunningNginx = {
  /** The desk through nginx. */
  url: string;
  /** A plain static server in the same nginx (its root is `staticDir`), when asked for. */
  staticUrl: string;
  staticDir: string;
  /** The master's pid (its workers are its children). */
  pid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
};

async function waitForPort(port: number, child: ChildProcess, log: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (child.exitCode !== null || Date.now() > deadline) {
      const err = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      throw new Error(`nginx did not start (exit ${child.exitCode}): ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startNginx(opts: { upstreamPort: number; workers?: number }): Promise<RunningNginx> {
  const bin = findNginx();
  if (!bin) throw new Error('nginx is not installed');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-nginx-'));
  for (const d of ['cache', 'tmp', 'static']) fs.mkdirSync(path.join(prefix, d));
  const [port, staticPort] = [await freePort(), await freePort()];
  const log = path.join(prefix, 'error.log');
  fs.writeFileSync(
    path.join(prefix, 'desk.conf'),
    deskConf({ cacheDir: path.join(prefix, 'cache'), upstreamPort: opts.upstreamPort, port }),
  );
  const tmp = (n: string) => `${n}_temp_path ${path.join(prefix, 'tmp', n)};`;
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `daemon off;
worker_processes ${opts.workers ?? 1};
pid ${path.join(prefix, 'nginx.pid')};
error_log ${log} warn;
events { worker_connections 1024; }
http {
  default_type application/octet-stream;
  types { text/html html; }
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(tmp).join('\n  ')}
  include ${path.join(prefix, 'desk.conf')};
  server {
    listen 127.0.0.1:${staticPort};
    root ${path.join(prefix, 'static')};
    gzip_static on;
  }
}
`,
  );
  // As root (this machine's CI), the master itself runs as nobody: it can bind our high ports
  // and needs no privilege. Its prefix must then be its own.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownTree(prefix, NOBODY);
  const child = spawn(bin, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', log], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  child.stderr?.on('data', (d: Buffer) => {
    const line = d.toString();
    if (!/"user" directive makes sense only/.test(line)) process.stderr.write(`[nginx] ${line}`);
  });
  await waitForPort(port, child, log);
  await waitForPort(staticPort, child, log);
  return {
    url: `http://127.0.0.1:${port}`,
    staticUrl: `http://127.0.0.1:${staticPort}`,
    staticDir: path.join(prefix, 'static'),
    pid: child.pid!,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function chownTree(dir: string, id: number) {
  fs.chownSync(dir, id, id);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, id);
    else fs.chownSync(p, id, id);
  }
}

/** Writes a file readable by the nginx of `startNginx` into its static root. */
export function writeStatic(n: RunningNginx, name: string, body: Buffer | string) {
  const file = path.join(n.staticDir, name);
  fs.writeFileSync(file, body);
  if (process.getuid?.() === 0) fs.chownSync(file, NOBODY, NOBODY);
}
