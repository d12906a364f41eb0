import { formatDate, formatDateTime } from '@/lib/licenses/labels';

type Notice = {
  id: number;
  kind: 'corrected' | 'withdrawn';
  note: string;
  createdAt: string;
  articleTitle: string;
  /** Kill notices: when the copy must be down (the licence's take-down hours after the notice). */
  takedownBy: string | null;
};

/** Corrections and withdrawals of a licence's articles, newest first. */
export function NoticeList({ notices, audience }: { notices: Notice[]; audience: 'licensee' | 'public' }) {
  if (!notices.length) return <p className="muted">No corrections or withdrawals.</p>;
  return (
    <ul className="timeline" data-testid="notices">
      {notices.map((n) => (
        <li key={n.id}>
          <span className={`badge ${n.kind === 'withdrawn' ? 'bad' : 'warn'}`}>
            {n.kind === 'withdrawn' ? 'Withdrawn' : 'Corrected'}
          </span>{' '}
          <strong>“{n.articleTitle}”</strong> <span className="muted">on {formatDate(n.createdAt)}</span>
          <p>{n.note}</p>
          {n.takedownBy && (
            <p data-testid="takedown-by">
              <strong>Take the copy down by {formatDateTime(n.takedownBy)}.</strong>
            </p>
          )}
          {audience === 'licensee' && (
            <p className="hint">
              {n.kind === 'withdrawn'
                ? 'Please take your copy of this article down. Its downloads have stopped.'
                : 'Please update your copy: the downloads on this page give the corrected text.'}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
