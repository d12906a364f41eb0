import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverArgs } from './server-args';

export const DEMO_PASSWORD = 'demo-password-e2e';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; dataDir: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Migrates and seeds a temporary DATA_DIR, then runs the production build (`next start`) on a
 * free port through scripts/server.js. Needs `next build` to have run.
 */
export async function startServer(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const root = path.resolve(__dirname, '..', '..');
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')))
    throw new Error('Run `npm run build` before the browser tests.');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO_PASSWORD,
    NEXTAUTH_URL: url,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
    ...opts.env,
  };
  const prep = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/prepare-data.ts'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) =>
    prep.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare-data exited ${code}`)))),
  );
  // scripts/server.js, as `npm start` runs it: the client address comes from the socket.
  const child = spawn(process.execPath, serverArgs(env), {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  child.stderr?.on('data', (d) => process.stderr.write(d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode})`);
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
