'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { respondAction } from '@/app/(site)/account/requests/[ref]/actions';
import { FormMessage } from '@/app/ui/forms/Field';
import { formatMoney } from '@/lib/quote';
import type { FormState } from '@/lib/errors';
import type { CounterComparison } from '@/lib/requests/counter-view';
import { CounterTerms } from './CounterTerms';

type Props = {
  reference: string;
  version: number;
  canWithdraw: boolean;
  counter: {
    fee: number;
    note: string | null;
    quoted: number | null;
    currency: string;
    /** The changed terms beside the ones asked for; null when the offer changes only the fee. */
    terms: CounterComparison | null;
  } | null;
};

function Hidden({ reference, version, action }: { reference: string; version: number; action: string }) {
  return (
    <>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

/** The publisher's decisions on a request: answer a counter-offer, or withdraw (after confirming). */
export function RequestActions({ reference, version, canWithdraw, counter }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(respondAction, null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <div className="request-actions">
      <FormMessage message={state?.ok ? state.message : state?.message} ok={state?.ok} />
      {counter && (
        <section className="card" aria-labelledby="counter-heading">
          <h2 id="counter-heading">Counter-offer from the desk</h2>
          <p>
            The desk proposes <strong data-testid="counter-fee">{formatMoney(counter.fee, counter.currency)}</strong>
            {counter.quoted !== null && <> instead of the quoted {formatMoney(counter.quoted, counter.currency)}</>}
            {counter.terms ? ', on changed terms:' : '.'}
          </p>
          {counter.terms && (
            <CounterTerms comparison={counter.terms} askedLabel="You asked for" proposedLabel="The desk offers" />
          )}
          {counter.note && <blockquote className="counter-note">{counter.note}</blockquote>}
          <div className="actions-row">
            <form action={action}>
              <Hidden reference={reference} version={version} action="accept_counter" />
              <button type="submit" className="button" disabled={pending}>
                Accept {formatMoney(counter.fee, counter.currency)}
                {counter.terms && ' on these terms'}
              </button>
            </form>
            <form action={action}>
              <Hidden reference={reference} version={version} action="decline_counter" />
              <button type="submit" className="button secondary" disabled={pending}>
                Decline
              </button>
            </form>
          </div>
        </section>
      )}
      {canWithdraw &&
        (confirming ? (
          <form action={action} className="card" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">Withdraw {reference}?</h2>
            <p>The desk stops working on it and it cannot be reopened; you can always make a new request.</p>
            <Hidden reference={reference} version={version} action="withdraw" />
            <div className="actions-row">
              <button ref={confirmRef} type="submit" className="button danger" disabled={pending}>
                Yes, withdraw it
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
                Keep my request
              </button>
            </div>
          </form>
        ) : (
          <p>
            <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
              Withdraw request
            </button>
          </p>
        ))}
    </div>
  );
}
