import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../helpers/server';

// Per run (setup and teardown share the runner's process): parallel runs never stop each other's server.
export const STATE_FILE = path.join(os.tmpdir(), `desk-e2e-server-${process.pid}.json`);

export default async function globalSetup() {
  // Online payment on, with test keys: the invoices spec signs webhook events with this secret.
  // STRIPE_API_BASE points at a closed local port, so nothing can ever reach Stripe.
  process.env.STRIPE_SECRET_KEY ??= 'sk_test_e2e';
  process.env.STRIPE_WEBHOOK_SECRET ??= 'whsec_e2e_local_only';
  process.env.STRIPE_API_BASE ??= 'http://127.0.0.1:9';
  // Webhook endpoints on 127.0.0.1 (tests/e2e/api.spec.ts's receiver) are refused without this flag.
  // Many specs register fresh accounts from 127.0.0.1: the per-address limit (10 an hour, tested in
  // tests/integration/auth-registration.test.ts) would refuse the later ones.
  const server = await startServer({ env: { WEBHOOKS_ALLOW_LOCAL: '1', REGISTRATIONS_PER_HOUR: '1000' } });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATA_DIR = server.dataDir;
  fs.writeFileSync(STATE_FILE, JSON.stringify({ pid: server.child.pid, dataDir: server.dataDir }));
}
