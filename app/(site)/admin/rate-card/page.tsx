import type { Metadata } from 'next';
import Link from 'next/link';
import { RateCardForm } from '@/app/ui/admin/RateCardForm';
import { formatMoment } from '@/app/ui/requests/dates';
import { listRateCardVersions } from '@/lib/rate-card/versions';
import { requirePage } from '@/lib/auth/session';
import { currentRateCard, rateCardVersion } from '@/lib/rate-card';
import { rateCardFormValues } from '@/lib/rate-card/schema';

export const metadata: Metadata = { title: 'Rate card' };

export default async function RateCardPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  await requirePage('staff', '/admin');
  const { version } = await searchParams;
  const current = currentRateCard();
  const asked = version && /^\d{1,6}$/.test(version) ? rateCardVersion(Number(version)) : undefined;
  const base = asked ?? current;
  const versions = listRateCardVersions();

  return (
    <section aria-labelledby="rc-heading">
      <h1 id="rc-heading">Rate card</h1>
      <p className="lead">
        New quotes use the newest version. Saving never changes an old version: every request keeps the version it was
        quoted on.
      </p>
      {version && !asked && <p className="notice warn">There is no version {version}; showing the current one.</p>}
      <h2>Edit (from version {base.version})</h2>
      <RateCardForm
        key={asked ? `v${base.version}` : 'current'}
        initial={rateCardFormValues(base.card)}
        current={current.card}
        currentVersion={current.version}
        baseVersion={base.version}
      >
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">Versions</h2>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">Rate card versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">
                      <Link
                        href={`/admin/rate-card?version=${v.version}`}
                        aria-current={v.version === base.version ? 'true' : undefined}
                      >
                        {v.version}
                      </Link>
                      {v.version === current.version && <span className="badge ok">current</span>}
                    </th>
                    <td>{formatMoment(v.createdAt)}</td>
                    <td>{v.createdBy ?? 'Built-in default'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </RateCardForm>
    </section>
  );
}
