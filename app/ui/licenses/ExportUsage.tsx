import { catalogueTermsOf } from '@/lib/catalogue-licences/licensed';
import { exportUsage, MANY_ADDRESSES, USAGE_DAYS } from '@/lib/catalogue-licences/usage';
import { formatDate, formatDateTime } from '@/lib/licenses/labels';

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * A catalogue licence's exports through the API (staff on the request page, the licensee on the
 * licence page): items per day, the last export, and a warning for a token used from many addresses.
 * Nothing for a per-article licence.
 */
export function ExportUsage({ license }: { license: { id: number; terms: unknown } }) {
  const catalogue = catalogueTermsOf(license);
  if (!catalogue) return null;
  const usage = exportUsage(license.id);
  return (
    <section aria-labelledby="export-usage-heading" className="card" data-testid="export-usage">
      <h2 id="export-usage-heading">API exports</h2>
      <p>
        {n(catalogue.articleCount)} articles licensed at issue{catalogue.ongoing ? ', plus new matching articles' : ''}.{' '}
        {n(usage.totalItems)} items exported in all.
      </p>
      {usage.manyAddresses.map((t) => (
        <p key={t.token} className="notice warn" role="alert">
          Token {t.token} was used from {n(t.addresses)} addresses in the last 24 hours (more than {MANY_ADDRESSES}): it
          may have been shared.
        </p>
      ))}
      {usage.last ? (
        <p data-testid="last-export">
          Last export {formatDateTime(usage.last.at)}: {n(usage.last.items)} items with {usage.last.token} from{' '}
          {usage.last.address}.
        </p>
      ) : (
        <p className="muted">Nothing exported yet.</p>
      )}
      {usage.days.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Items exported per day, last {USAGE_DAYS} days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Calls</th>
                <th scope="col">Items</th>
              </tr>
            </thead>
            <tbody>
              {usage.days.map((d) => (
                <tr key={d.day}>
                  <td>{formatDate(`${d.day}T00:00:00.000Z`)}</td>
                  <td>{n(d.calls)}</td>
                  <td>{n(d.items)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
