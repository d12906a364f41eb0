/**
 * One submitting worker of scripts/lib/submissions.ts (a child process, run through tsx for the
 * `@/` aliases). Opens its own connection to the desk's database file, submits the request
 * form's FormData through the form's schema and submitRequest — what the form's server action runs — as fast as
 * it can between the start and end times it is sent, and reports the references it was given.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase, setDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { flushDelivery } from '@/lib/mail/outbox';
import { formFields } from '@/lib/actions/form-data';
import { isAppError } from '@/lib/errors';
import { submitRequest } from '@/lib/requests/create';
import { requestForm, requestFormInvalid } from '@/lib/requests/submit-form';
import type { PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

export type WorkerSetup = { dbFile: string; email: string; slugs: string[]; publicationName: string; warmup: number };
export type WorkerGo = { startAt: number; endAt: number };
export type WorkerReport = {
  references: string[];
  refused: number;
  failed: number;
  firstError?: string;
  finishedAt: number;
};

/** The fields as the request form posts them (app/ui/requests/RequestForm.tsx): worldwide, no translation. */
export function requestFormData(slugs: string[], publicationName: string, startDate: string): FormData {
  const fd = new FormData();
  fd.set('idempotencyKey', randomUUID());
  for (const slug of slugs) fd.append('article', slug);
  fd.set('publicationName', publicationName);
  fd.set('publicationUrl', 'https://northbank.example/bench');
  fd.set('use', 'web');
  fd.set('audience', '25,000');
  fd.set('territory', 'worldwide');
  fd.set('duration', '1y');
  fd.set('portion', 'full');
  fd.set('startDate', startDate);
  fd.set('notes', '');
  fd.set('acceptTerms', 'on');
  return fd;
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (e: Error | null) => (e ? reject(e) : resolve())));
}

/** The submit action's steps without the session: FormData → fields → schema → submitRequest. */
async function submitForm(fd: FormData, user: PublicUser, db: Db) {
  const parsed = requestForm.safeParse(formFields(fd));
  if (!parsed.success) return { ok: false as const, ...requestFormInvalid(parsed.error) };
  try {
    const { request, duplicate } = await submitRequest(parsed.data, user, db);
    return { ok: true as const, reference: request.reference, duplicate };
  } catch (e) {
    if (isAppError(e)) return { ok: false as const, message: e.message, errors: e.fields };
    throw e;
  }
}

async function main() {
  const setup = await new Promise<WorkerSetup>((resolve) => process.once('message', (m) => resolve(m as WorkerSetup)));
  const db = openDatabase(setup.dbFile);
  setDatabase(db);
  const row = db.select().from(users).where(eq(users.email, setup.email)).get();
  if (!row) throw new Error(`no user ${setup.email}`);
  const user = toPublicUser(row);
  const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const submitOne = () => submitForm(requestFormData(setup.slugs, setup.publicationName, startDate), user, db);

  // Warm-up (JIT, prepared statements), outside the timing.
  for (let i = 0; i < setup.warmup; i++) {
    const r = await submitOne();
    if (!r.ok) throw new Error(`warm-up submission refused: ${r.message} ${JSON.stringify(r.errors)}`);
  }
  const go = new Promise<WorkerGo>((resolve) => process.once('message', (m) => resolve(m as WorkerGo)));
  await send({ ready: true });
  const { startAt, endAt } = await go;
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));

  const report: WorkerReport = { references: [], refused: 0, failed: 0, finishedAt: 0 };
  while (Date.now() < endAt) {
    // Back to the event loop between submissions, as a server's requests arrive: the mail
    // delivery scheduled by the submissions runs during the measurement, not after it.
    await new Promise((r) => setImmediate(r));
    try {
      const r = await submitOne();
      if (r.ok && !r.duplicate) report.references.push(r.reference);
      else {
        report.refused++;
        report.firstError ??= r.ok ? 'answered as a duplicate' : `${r.message} ${JSON.stringify(r.errors)}`;
      }
    } catch (e) {
      report.failed++;
      report.firstError ??= e instanceof Error ? e.message : String(e);
    }
  }
  report.finishedAt = Date.now();
  await flushDelivery();
  db.$client.close();
  await send(report);
  process.disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
