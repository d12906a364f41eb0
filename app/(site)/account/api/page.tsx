import type { Metadata } from 'next';
import { AddEndpointForm } from '@/app/ui/api/AddEndpointForm';
import { CreateTokenForm } from '@/app/ui/api/CreateTokenForm';
import { DeliveryLog } from '@/app/ui/api/DeliveryLog';
import { IdActionButton } from '@/app/ui/api/IdActionButton';
import { formatMoment } from '@/app/ui/requests/dates';
import { listTokens } from '@/lib/api/tokens';
import { requirePage } from '@/lib/auth/session';
import { deliveryLog, listEndpoints } from '@/lib/webhooks/endpoints';
import { removeEndpointAction, retryDeliveryAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API and webhooks' };

function tokenState(t: { revokedAt: string | null; expiresAt: string | null }) {
  if (t.revokedAt) return { tone: 'bad', label: `Revoked ${formatMoment(t.revokedAt)}` };
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now()) return { tone: 'bad', label: 'Expired' };
  return { tone: 'ok', label: 'Active' };
}

export default async function AccountApiPage() {
  const user = await requirePage('publisher', '/account/api');
  const orgId = user.organizationId!;
  const owner = user.orgRole === 'owner';
  const tokens = listTokens(orgId);
  const endpoints = listEndpoints(orgId);
  const log = deliveryLog(orgId);

  return (
    <section aria-labelledby="api-heading">
      <h1 id="api-heading">API and webhooks</h1>
      <p className="lead">
        Let your systems list your organisation’s licences, download licensed copies and follow notices (corrections,
        withdrawals, revocations, expiries). The API is described at <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      {!owner && (
        <p className="notice">Only the owners of your organisation can create or revoke tokens and endpoints.</p>
      )}

      <h2>Tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="api-tokens">
            <caption className="sr-only">Your organisation’s API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                {owner && <th scope="col">Revoke</th>}
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => {
                const state = tokenState(t);
                return (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{t.scope}</td>
                    <td>{formatMoment(t.createdAt)}</td>
                    <td>{t.expiresAt ? formatMoment(t.expiresAt) : 'Never'}</td>
                    <td>{t.lastUsedAt ? formatMoment(t.lastUsedAt) : 'Never'}</td>
                    <td>
                      <span className={`badge ${state.tone}`}>{state.label}</span>
                    </td>
                    {owner && (
                      <td>
                        {t.revokedAt ? (
                          <span className="muted">—</span>
                        ) : (
                          <IdActionButton action={revokeTokenAction} id={t.id} label="Revoke" what={t.name} />
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {owner && <CreateTokenForm />}

      <h2>Webhook endpoints</h2>
      <p>
        Each notice is POSTed to every endpoint, signed per Standard Webhooks (<code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>), and retried for 24 hours until your server
        answers 2xx. Verify the signature with the secret shown when you add the endpoint.
      </p>
      {endpoints.length === 0 ? (
        <p className="muted">No endpoints yet.</p>
      ) : (
        <ul data-testid="webhook-endpoints">
          {endpoints.map((e) => (
            <li key={e.id}>
              <code className="break">{e.url}</code> <span className="muted">added {formatMoment(e.createdAt)}</span>{' '}
              {owner && <IdActionButton action={removeEndpointAction} id={e.id} label="Remove" what={e.url} />}
            </li>
          ))}
        </ul>
      )}
      {owner && <AddEndpointForm />}

      <h2>Deliveries</h2>
      <DeliveryLog rows={log} retry={owner ? retryDeliveryAction : undefined} />
    </section>
  );
}
