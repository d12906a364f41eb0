import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SelectionFacts } from '@/app/ui/catalogue-licences/SelectionSummary';
import { NoticeList } from '@/app/ui/licenses/NoticeList';
import { StatusBadge } from '@/app/ui/licenses/StatusBadge';
import { formatDate, PORTION_LABELS, territoryText, USE_LABELS } from '@/lib/licenses/labels';
import { verifyLicense, type Verification } from '@/lib/licenses/queries';
import { licenseState } from '@/lib/licenses/status';
import { takedownTerm } from '@/lib/licenses/terms';

export const metadata: Metadata = { title: 'Licence verification', robots: { index: false } };

function statusSentence(v: Verification): string {
  const state = licenseState(v);
  if (state === 'revoked')
    return `This licence was revoked on ${formatDate(v.statusChangedAt)}. The content may no longer be used.`;
  if (state === 'expired')
    return `This licence expired on ${formatDate(v.validUntil ?? v.statusChangedAt)}. The content may no longer be used.`;
  if (state === 'upcoming') return `This licence is valid from ${formatDate(v.validFrom)}.`;
  return v.validUntil
    ? `This licence is active until ${formatDate(v.validUntil)}.`
    : 'This licence is active, without an end date.';
}

export default async function VerifyLicensePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const v = await verifyLicense(code);
  if (!v) notFound();
  const state = licenseState(v);

  return (
    <article>
      <p>
        <Link href="/licenses">← Verify another code</Link>
      </p>
      <h1>
        Licence {v.code} <StatusBadge license={v} />
      </h1>
      <p
        className={`notice ${state === 'revoked' || state === 'expired' ? 'error' : state === 'active' || state === 'expiring' ? 'success' : 'info'}`}
        data-testid="verification-status"
      >
        {statusSentence(v)}
      </p>
      <dl className="facts">
        <dt>Licensed by</dt>
        <dd>{v.publisher}</dd>
        <dt>Licensee</dt>
        <dd data-testid="verification-licensee">{v.licensee}</dd>
        {v.websites.length > 0 && (
          <>
            <dt>{v.websites.length === 1 ? 'Website' : 'Websites'}</dt>
            <dd data-testid="verification-websites">{v.websites.join(', ')}</dd>
          </>
        )}
        <dt>Publication</dt>
        <dd>{v.publicationName}</dd>
        <dt>Use</dt>
        <dd>{USE_LABELS[v.use]}</dd>
        <dt>Territory</dt>
        <dd>{territoryText(v.territory, v.territoryDetail)}</dd>
        <dt>Portion</dt>
        <dd>{PORTION_LABELS[v.portion]}</dd>
        {v.translationLanguage && (
          <>
            <dt>Translation</dt>
            <dd>Into {v.translationLanguage}</dd>
          </>
        )}
        <dt>Valid</dt>
        <dd>
          {formatDate(v.validFrom)} – {v.validUntil ? formatDate(v.validUntil) : 'no end date'}
        </dd>
        <dt>Issued</dt>
        <dd>{formatDate(v.issuedAt)}</dd>
        <dt>Kill notices</dt>
        <dd>{takedownTerm(v.takedownHours)}</dd>
      </dl>

      {v.catalogue ? (
        <>
          <h2>Catalogue licence</h2>
          <p>
            A selection of the catalogue, text only; its articles are delivered to the licensee through the desk’s API.
          </p>
          <SelectionFacts selection={v.catalogue.selection} count={v.catalogue.articleCount} />
        </>
      ) : (
        <h2>{v.articles.length === 1 ? 'Article' : 'Articles'}</h2>
      )}
      <ul>
        {v.articles.map((a) => (
          <li key={a.canonicalUrl}>
            <a href={a.canonicalUrl}>{a.title}</a>
            {a.byline && <span className="muted"> — {a.byline}</span>}{' '}
            {a.state === 'corrected' && <span className="badge warn">Corrected</span>}
            {a.state === 'withdrawn' && <span className="badge bad">Withdrawn by the publisher</span>}
          </li>
        ))}
      </ul>

      <h2>Corrections and withdrawals</h2>
      <NoticeList notices={v.notices} audience="public" />

      <h2>For machines</h2>
      <p>
        The same facts as JSON, signed by the desk (a compact JWS):{' '}
        <a href={`/api/licenses/${v.code}`}>
          <code>/api/licenses/{v.code}</code>
        </a>
        ; the keys to check the signature: <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>.
      </p>
    </article>
  );
}
