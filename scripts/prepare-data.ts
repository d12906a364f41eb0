/** Migrates the database and, on first run, seeds the demo desk; prints how to sign in. */
import fs from 'node:fs';
import { dataDir, getDb } from '@/db/client';
import { credentialsFile, credentialsText, demoPassword, seedDemo } from './demo/seed';
import { flushDelivery } from '@/lib/mail/outbox';
import { currentRateCard } from '@/lib/rate-card';
import { ensureSigningKeys, signingKeysFile } from '@/lib/licenses/signing-keys';

async function main() {
  const dir = dataDir();
  const db = getDb(); // opening runs pending migrations
  console.log(`Database ready: ${dir}/desk.db`);
  // The licence-signing key, made on first start like the auth secret (never in the repository).
  ensureSigningKeys();
  console.log(`Signing keys: ${signingKeysFile()}`);
  if (process.env.SEED_DEMO === '0') {
    currentRateCard(db);
    console.log('SEED_DEMO=0: no demo data.');
    return;
  }
  const password = demoPassword(dir);
  const result = await seedDemo(db, password);
  const baseUrl = process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  if (result.seeded) {
    fs.writeFileSync(credentialsFile(dir), credentialsText(password, baseUrl), { mode: 0o600 });
    console.log('Seeded the demo desk.');
  }
  if (fs.existsSync(credentialsFile(dir))) console.log('\n' + credentialsText(demoPassword(dir), baseUrl));
  // The demo requests' mails were scheduled for delivery: send them before the connection closes.
  await flushDelivery();
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
