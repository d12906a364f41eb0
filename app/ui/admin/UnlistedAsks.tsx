'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { attachAskAction, dismissAskAction } from '@/app/(site)/admin/requests/actions';
import type { WaitingAsk } from '@/lib/requests/unlisted-asks';
import type { FormState } from '@/lib/errors';

/** Publishers' asks for articles not in the catalogue yet; attach once the article has arrived. */
export function UnlistedAsks({ asks }: { asks: WaitingAsk[] }) {
  return (
    <section aria-labelledby="unlisted-asks" className="card">
      <h2 id="unlisted-asks">Asked for, not on the desk yet</h2>
      {asks.length === 0 ? (
        <p className="muted">No publisher is waiting for an article.</p>
      ) : (
        <ul className="plain-list">
          {asks.map((a) => (
            <li key={a.id} data-testid="unlisted-ask">
              <p>
                <span className="url-text">{a.url}</span>
                <br />
                {a.requester} ({a.organization ?? a.email}), {a.createdAt.slice(0, 10)}
                {a.note && (
                  <>
                    <br />“{a.note}”
                  </>
                )}
              </p>
              {a.article ? (
                <p>
                  Now in the catalogue:{' '}
                  <Link href={`/articles/${encodeURIComponent(a.article.slug)}`}>{a.article.title}</Link>{' '}
                  <AskButton action={attachAskAction} id={a.id} label="Attach and tell the publisher" />
                </p>
              ) : (
                <p className="muted">Not imported yet.</p>
              )}
              <AskButton action={dismissAskAction} id={a.id} label="Dismiss" secondary />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AskButton({
  action,
  id,
  label,
  secondary = false,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  id: number;
  label: string;
  secondary?: boolean;
}) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={run} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={`button small${secondary ? ' secondary' : ''}`} disabled={pending}>
        {label}
      </button>
      {state && (
        <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </span>
      )}
    </form>
  );
}
