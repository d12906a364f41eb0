/**
 * Test data for tests/e2e/licenses.spec.ts, written straight into the e2e server's DATA_DIR
 * through the same lib functions the app uses:
 *   tsx tests/e2e/support/licenses-seed.ts issue <publisher email> <article slug>  → {"code","reference"}
 *   tsx tests/e2e/support/licenses-seed.ts revoke <code> <reason>
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { deliverPending } from '@/lib/mail/outbox';
import { runWebhooks } from '@/lib/webhooks/deliver';
import { licenseRequests, licenses, users } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { submitRequest } from '@/lib/requests/create';
import { transition } from '@/lib/requests/transition';
import { requestFormSchema } from '@/lib/validation/request';

async function main() {
  const [cmd, a, b] = process.argv.slice(2);
  const db = getDb();
  let answer: object | undefined;
  const user = (email: string) => toPublicUser(db.select().from(users).where(eq(users.email, email)).get()!);
  if (cmd === 'issue') {
    const form = requestFormSchema.parse({
      articles: [b],
      use: 'web',
      audience: 5000,
      territory: 'country',
      territoryDetail: 'United Kingdom',
      duration: '1y',
      portion: 'full',
      translation: false,
      publicationName: 'Northbank Daily',
      publicationUrl: 'https://northbank.example/news',
      startDate: new Date().toISOString().slice(0, 10),
      acceptTerms: true,
      idempotencyKey: randomUUID(),
    });
    const { request, license } = await submitRequest(form, user(a), db);
    if (!license) throw new Error(`request ${request.reference} was not auto-approved`);
    answer = { code: license.code, reference: request.reference };
  } else if (cmd === 'revoke') {
    const l = db.select().from(licenses).where(eq(licenses.code, a)).get()!;
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, l.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: b },
      user('staff@demo.test'),
      db,
    );
  } else {
    throw new Error(`unknown command ${cmd}`);
  }
  await deliverPending(db);
  // Notices of expiries, reminders and revocations to the licensees' webhook endpoints.
  await runWebhooks(db);
  db.$client.close();
  // Last, after the mail log lines: the spec reads the final line.
  if (answer) console.log(JSON.stringify(answer));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
