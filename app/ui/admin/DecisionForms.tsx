'use client';

import { useActionState } from 'react';
import { decideAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { StaffDecision } from '@/lib/validation/admin';
import type { FormState } from '@/lib/errors';
import type { CounterFormBasis } from '@/lib/requests/counter-view';
import { CounterOfferForm } from './CounterOfferForm';

type Spec = {
  title: string;
  button: string;
  note: string;
  noteHint?: string;
  noteRequired: boolean;
  fee?: 'optional' | 'counter';
  danger?: boolean;
};

const SPECS: Record<StaffDecision, Spec> = {
  approve: {
    title: 'Approve',
    button: 'Approve',
    note: 'Note to the publisher (optional)',
    noteRequired: false,
    fee: 'optional',
  },
  counter: {
    title: 'Make a counter-offer',
    button: 'Send counter-offer',
    note: 'Changed terms or explanation',
    noteHint: 'The publisher sees this with the fee and can accept or decline.',
    noteRequired: false,
    fee: 'counter',
  },
  request_info: {
    title: 'Ask for information',
    button: 'Send question',
    note: 'Your question',
    noteHint: 'The request stays open; the publisher answers in the thread.',
    noteRequired: true,
  },
  reject: {
    title: 'Reject',
    button: 'Reject',
    note: 'Reason',
    noteHint: 'Sent to the publisher.',
    noteRequired: true,
    danger: true,
  },
  revoke: {
    title: 'Revoke the licence',
    button: 'Revoke licence',
    note: 'Reason',
    noteHint: 'Sent to the licensee; downloads stop at once.',
    noteRequired: true,
    danger: true,
  },
};

function DecisionForm({
  action,
  reference,
  version,
  quotedFee,
}: {
  action: StaffDecision;
  reference: string;
  version: number;
  quotedFee: string | null;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(decideAction, null);
  const spec = SPECS[action];
  const failed = state && !state.ok ? state : null;
  const id = (name: string) => `${action}-${name}`;
  return (
    <form
      action={formAction}
      className="form decision"
      noValidate
      aria-labelledby={id('title')}
      key={failed ? JSON.stringify(failed.values) : 'form'}
    >
      <h3 id={id('title')}>{spec.title}</h3>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      {failed?.code === 'conflict' && (
        <p>
          <a href={`/admin/requests/${reference}`}>Reload the request</a> to see what changed.
        </p>
      )}
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={version} />
      {spec.fee && (
        <Field
          id={id('fee')}
          name="fee"
          label={spec.fee === 'optional' ? 'Fee (£)' : 'Proposed fee (£)'}
          hint={
            spec.fee === 'optional'
              ? quotedFee
                ? `Leave empty for the quoted ${quotedFee}, or enter an adjusted fee.`
                : 'No instant price: enter the fee.'
              : quotedFee
                ? `Quoted: ${quotedFee}. Leave empty to keep it and change only the terms.`
                : 'No instant price: enter the fee you propose.'
          }
          inputMode="decimal"
          autoComplete="off"
          defaultValue={failed?.values?.fee}
          error={failed?.errors.fee}
        />
      )}
      <Field id={id('note')} name="note" label={spec.note} hint={spec.noteHint} error={failed?.errors.note}>
        <textarea
          id={id('note')}
          name="note"
          rows={3}
          maxLength={4000}
          required={spec.noteRequired}
          defaultValue={failed?.values?.note}
          aria-invalid={failed?.errors.note ? true : undefined}
          aria-describedby={
            [spec.noteHint && `${id('note')}-hint`, failed?.errors.note && `${id('note')}-error`]
              .filter(Boolean)
              .join(' ') || undefined
          }
        />
      </Field>
      <p>
        <button type="submit" className={`button${spec.danger ? ' danger' : ''}`} disabled={pending}>
          {pending ? 'Working…' : spec.button}
        </button>
      </p>
    </form>
  );
}

/** The decisions the state machine allows now, each its own form posting the version the page showed. */
export function DecisionForms({
  actions,
  reference,
  version,
  quotedFee,
  counter = null,
}: {
  actions: StaffDecision[];
  reference: string;
  version: number;
  quotedFee: string | null;
  /** The request's terms and rate card, for a counter-offer that changes them. */
  counter?: CounterFormBasis | null;
}) {
  if (!actions.length) return <p className="muted">No decision is open on this request.</p>;
  return (
    <div className="decisions">
      {actions.map((a) =>
        a === 'counter' && counter ? (
          <CounterOfferForm key={a} reference={reference} version={version} basis={counter} />
        ) : (
          <DecisionForm key={a} action={a} reference={reference} version={version} quotedFee={quotedFee} />
        ),
      )}
    </div>
  );
}
