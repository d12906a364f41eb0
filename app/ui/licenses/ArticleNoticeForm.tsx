'use client';

import { useActionState } from 'react';
import { articleNoticeAction } from '@/app/(site)/admin/articles/notice-actions';
import { FormMessage } from '@/app/ui/forms/Field';
import type { Article } from '@/db/schema';
import type { FormState } from '@/lib/errors';

type Props = { articleId: number; state: Article['state']; stateNote: string | null };

/**
 * Staff: mark an article corrected (licensees get the corrected copy) or withdrawn (licensees
 * are asked to take it down and its downloads stop). Sits on /admin/articles/[id].
 */
export function ArticleNoticeForm({ articleId, state: articleState, stateNote }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(articleNoticeAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const v = (name: string) => (state && !state.ok ? state.values?.[name] : undefined);

  if (articleState === 'withdrawn') {
    return (
      <section aria-labelledby="notice-heading" className="card">
        <h2 id="notice-heading">Corrections and withdrawal</h2>
        <FormMessage message={state?.ok ? state.message : null} ok />
        <p className="notice error">
          This article has been withdrawn{stateNote ? `: ${stateNote}` : '.'} Licensees were asked to take it down.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="notice-heading" className="card">
      <h2 id="notice-heading">Corrections and withdrawal</h2>
      {articleState === 'corrected' && <p className="notice warn">Last correction: {stateNote}</p>}
      <form
        action={action}
        className="form"
        noValidate
        key={state && !state.ok ? JSON.stringify(state.values) : `notice-${state?.ok ? state.message : ''}`}
      >
        <FormMessage message={state?.message} ok={state?.ok} />
        <input type="hidden" name="articleId" value={articleId} />
        <fieldset aria-describedby={errors.kind ? 'f-kind-error' : undefined}>
          <legend>What happened</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="kind"
              value="corrected"
              defaultChecked={(v('kind') ?? 'corrected') === 'corrected'}
            />
            <span>Corrected — licensees get a notice and the corrected copy</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="kind" value="withdrawn" defaultChecked={v('kind') === 'withdrawn'} />
            <span>Withdrawn — licensees are asked to take it down; downloads stop</span>
          </label>
          {errors.kind && (
            <p id="f-kind-error" className="field-error">
              {errors.kind}
            </p>
          )}
        </fieldset>
        <div className={`field${errors.note ? ' has-error' : ''}`}>
          <label htmlFor="f-notice-note">Note to licensees</label>
          <p id="f-notice-note-hint" className="hint">
            Shown on every licence page and the public verification page, and sent by email.
          </p>
          <textarea
            id="f-notice-note"
            name="note"
            rows={3}
            required
            maxLength={2000}
            defaultValue={v('note')}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={`f-notice-note-hint${errors.note ? ' f-notice-note-error' : ''}`}
          />
          {errors.note && (
            <p id="f-notice-note-error" className="field-error">
              {errors.note}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Sending notices…' : 'Save and notify licensees'}
        </button>
      </form>
    </section>
  );
}
