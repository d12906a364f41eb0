/**
 * npm run licenses:expire — run daily (cron or a systemd timer): expires every licence past its
 * end through the state machine and mails the licensee once, 14 days before a licence ends.
 * Pages also expire licences on read, so a missed run never leaves a licence usable.
 * It reminds buyers of overdue invoices: once when an invoice becomes overdue, then every 14 days.
 * It also prunes the usage pixel's raw hit sample past the days set in the admin settings (the
 * pixel prunes a little along the way too; this catches up whatever is left).
 */
import { getDb } from '@/db/client';
import { sendInvoiceReminders } from '@/lib/invoices/receivables';
import { runExpiry } from '@/lib/licenses/expiry';
import { pruneUsage } from '@/lib/licenses/pixel-store';
import { deliverPending } from '@/lib/mail/outbox';
import { runWebhooks } from '@/lib/webhooks/deliver';

async function main() {
  const db = getDb();
  const { expired, reminded } = await runExpiry(db);
  const invoiceReminders = sendInvoiceReminders(db);
  // The first call may join a run that started before the last mails were queued.
  await deliverPending(db);
  await deliverPending(db);
  // Notices of expiries, reminders and revocations to the licensees' webhook endpoints.
  await runWebhooks(db);
  console.log(
    `Expired ${expired} licence${expired === 1 ? '' : 's'}; sent ${reminded} expiry reminder${reminded === 1 ? '' : 's'}.`,
  );
  console.log(`Sent ${invoiceReminders} overdue invoice reminder${invoiceReminders === 1 ? '' : 's'}.`);
  const pruned = await pruneUsage(db);
  console.log(
    `Pruned ${pruned.hits} raw pixel hit${pruned.hits === 1 ? '' : 's'} and ${pruned.readers} reader record${pruned.readers === 1 ? '' : 's'}.`,
  );
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
