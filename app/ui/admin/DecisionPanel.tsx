'use client';

import { useActionState, useState } from 'react';
import { decideAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';
import { formatMoney } from '@/lib/quote';
import type { CounterFormBasis } from '@/lib/requests/counter-view';
import { decimalToInt } from '@/lib/validation/amounts';
import type { StaffDecision } from '@/lib/validation/admin';
import { CounterOfferFields, counterQuote, counterStart, readCounter, type CounterValues } from './CounterOfferFields';

type Spec = {
  /** The radio's label. */
  choice: string;
  note: string;
  noteHint?: string;
  noteRequired: boolean;
  danger?: boolean;
};

const SPECS: Record<StaffDecision, Spec> = {
  approve: { choice: 'Approve', note: 'Note to the publisher (optional)', noteRequired: false },
  counter: {
    choice: 'Counter-offer',
    note: 'Changed terms or explanation',
    noteHint: 'The publisher sees this with the fee and the terms, and can accept or decline.',
    noteRequired: false,
  },
  request_info: {
    choice: 'Ask the publisher',
    note: 'Your question',
    noteHint: 'The request stays open; the publisher answers in the thread.',
    noteRequired: true,
  },
  reject: { choice: 'Reject', note: 'Reason', noteHint: 'Sent to the publisher.', noteRequired: true, danger: true },
  revoke: {
    choice: 'Revoke the licence',
    note: 'Reason',
    noteHint: 'Sent to the licensee; downloads stop at once.',
    noteRequired: true,
    danger: true,
  },
};

/** Pounds as typed ("£1,250.50") → pence, or null: only for the button's label, the server parses again. */
function typedPence(text: string): number | null {
  const t = text.trim().replace(/^£/, '').replace(/,/g, '');
  return t ? decimalToInt(t, 2) : null;
}

/**
 * The staff decision on a request: one panel instead of a form per decision. A radio group of the
 * decisions the state machine allows now (arrow keys move between them), one note, the fee or the
 * counter-offer's terms only for the decision that has them, and one button that says what it will
 * do. It posts to the one decide action with the version the page showed.
 */
export function DecisionPanel({
  actions,
  reference,
  version,
  quotedFee,
  counter = null,
}: {
  actions: StaffDecision[];
  reference: string;
  version: number;
  /** The quoted total in pounds, for the approval's fee hint. */
  quotedFee: string | null;
  /** The request's terms and rate card, for a counter-offer that changes them. */
  counter?: CounterFormBasis | null;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(decideAction, null);
  const failed = state && !state.ok ? state : null;
  const v = failed?.values;
  const [chosen, setChosen] = useState<StaffDecision | null>((v?.action as StaffDecision | undefined) ?? null);
  const [fee, setFee] = useState(v?.fee ?? '');
  const start = counter ? counterStart(counter, v?.action === 'counter' ? v : undefined) : null;
  const [terms, setTerms] = useState<CounterValues | null>(start);

  if (!actions.length)
    return (
      <>
        <FormMessage message={state?.ok ? state.message : null} ok />
        <p className="muted">No decision is open on this request.</p>
      </>
    );
  // After a decision the page shows the request's new state: a choice it no longer allows is gone.
  const choice = chosen && actions.includes(chosen) ? chosen : null;
  const spec = choice ? SPECS[choice] : null;
  const errors = failed?.errors ?? {};

  return (
    <form
      action={formAction}
      className="form decision-panel"
      noValidate
      aria-label="Decision"
      key={failed ? JSON.stringify(failed.values) : 'form'}
      onChange={(e) => {
        const form = e.currentTarget;
        const target = e.target as unknown as HTMLInputElement;
        const typed = new FormData(form).get('fee');
        setFee(typeof typed === 'string' ? typed : '');
        if (target.name === 'action') {
          setChosen(target.value as StaffDecision);
          // The counter-offer's fields appear with the request's terms (or what was typed before).
          if (target.value === 'counter') setTerms(start);
        } else if (choice === 'counter') setTerms(readCounter(form));
      }}
    >
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      {failed?.code === 'conflict' && (
        <p>
          <a href={`/admin/requests/${reference}`}>Reload the request</a> to see what changed.
        </p>
      )}
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <fieldset className={`field decision-choices${errors.action ? ' has-error' : ''}`}>
        <legend>Your decision</legend>
        {actions.map((a) => (
          <span className="radio" key={a}>
            <input
              type="radio"
              id={`decision-${a}`}
              name="action"
              value={a}
              defaultChecked={a === choice}
              aria-describedby={errors.action ? 'decision-action-error' : undefined}
            />
            <label htmlFor={`decision-${a}`}>{SPECS[a].choice}</label>
          </span>
        ))}
        {errors.action && (
          <p id="decision-action-error" className="field-error">
            {errors.action}
          </p>
        )}
      </fieldset>

      {choice === 'approve' && (
        <Field
          id="decision-fee"
          name="fee"
          label="Fee (£)"
          hint={
            quotedFee
              ? `Leave empty for the quoted ${quotedFee}, or enter an adjusted fee.`
              : 'No instant price: enter the fee.'
          }
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v?.fee}
          error={errors.fee}
        />
      )}
      {choice === 'counter' && counter && start && terms && (
        <CounterOfferFields basis={counter} start={start} now={terms} values={v} errors={errors} />
      )}
      {choice === 'counter' && !counter && (
        <Field
          id="decision-fee"
          name="fee"
          label="Proposed fee (£)"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v?.fee}
          error={errors.fee}
        />
      )}

      <Field id="decision-note" name="note" label={spec?.note ?? 'Note'} hint={spec?.noteHint} error={errors.note}>
        <textarea
          id="decision-note"
          name="note"
          rows={4}
          maxLength={4000}
          required={spec?.noteRequired}
          defaultValue={v?.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={
            [spec?.noteHint && 'decision-note-hint', errors.note && 'decision-note-error'].filter(Boolean).join(' ') ||
            undefined
          }
        />
      </Field>
      <p>
        <button
          type="submit"
          className={`button${spec?.danger ? ' danger' : ''}`}
          disabled={pending || !choice}
          aria-busy={pending || undefined}
          data-testid="decision-submit"
        >
          {pending ? 'Working…' : buttonLabel(choice, fee, counter, terms)}
        </button>
      </p>
    </form>
  );
}

function buttonLabel(
  choice: StaffDecision | null,
  fee: string,
  counter: CounterFormBasis | null,
  terms: CounterValues | null,
): string {
  switch (choice) {
    case null:
      return 'Choose a decision';
    case 'approve':
      return 'Approve and issue the licence';
    case 'counter': {
      const typed = typedPence(fee);
      const offered = typed ?? (counter && terms ? counterQuote(counter, terms).quote?.total : null);
      return offered === null || offered === undefined
        ? 'Send counter-offer'
        : `Send counter-offer of ${formatMoney(offered, counter?.currency ?? 'GBP')}`;
    }
    case 'request_info':
      return 'Send question';
    case 'reject':
      return 'Reject request';
    case 'revoke':
      return 'Revoke licence';
  }
}
