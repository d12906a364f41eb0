'use client';

import { useActionState } from 'react';
import { updateArticleRightsAction } from '@/app/(site)/admin/articles/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { Asset } from '@/db/schema';
import type { FormState } from '@/lib/errors';
import { RIGHTS_STATUSES, type RightsStatus } from '@/db/enums';
import { RIGHTS_LABELS } from './format';

type Props = {
  article: { id: number; rightsStatus: RightsStatus; premiumMilli: number; hidden: boolean };
  assets: Pick<Asset, 'id' | 'caption' | 'credit' | 'licensable' | 'licensableOverridden'>[];
};

const HINTS: Record<RightsStatus, string> = {
  owned: 'licensable',
  contributor: 'licensable after staff review',
  syndicated_in: 'never licensable',
};

/** Staff edit of an article's rights; what was typed comes back with the errors. */
export function ArticleRightsForm({ article, assets }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateArticleRightsAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const typed = state && !state.ok ? state.values : undefined;
  // Unticked checkboxes send nothing: after a failed save, absence means "unticked".
  const checked = (name: string, saved: boolean) => (typed ? typed[name] === 'on' : saved);
  const premium = typed?.premium ?? String(article.premiumMilli / 1000);
  return (
    <form action={action} className="form" noValidate key={typed ? JSON.stringify(typed) : 'form'}>
      <FormMessage message={state?.message} ok={state?.ok} />
      <input type="hidden" name="id" value={article.id} />
      <input type="hidden" name="assetIds" value={assets.map((a) => a.id).join(',')} />
      <Field name="rightsStatus" label="Rights status" error={errors.rightsStatus}>
        <select
          id="f-rightsStatus"
          name="rightsStatus"
          defaultValue={typed?.rightsStatus ?? article.rightsStatus}
          aria-invalid={errors.rightsStatus ? true : undefined}
        >
          {RIGHTS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {RIGHTS_LABELS[s]} — {HINTS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="premium"
        label="Premium multiplier"
        inputMode="decimal"
        defaultValue={premium}
        error={errors.premium}
        hint="1 is the normal price; 1.5 charges half as much again. From 0.1 to 10."
      />
      <label className="checkbox">
        <input type="checkbox" name="hidden" defaultChecked={checked('hidden', article.hidden)} />
        <span>Hide from the catalogue (staff still see it)</span>
      </label>
      {assets.length > 0 && (
        <fieldset>
          <legend>Pictures and embeds in a licensed copy</legend>
          {assets.map((a) => (
            <label key={a.id} className="checkbox">
              <input type="checkbox" name={`asset-${a.id}`} defaultChecked={checked(`asset-${a.id}`, a.licensable)} />
              <span>
                Include “{a.caption || 'untitled'}” — credit: {a.credit || 'not recorded'}
                {a.licensableOverridden && <span className="hint"> (set by staff)</span>}
              </span>
            </label>
          ))}
          {errors.assets && <p className="field-error">{errors.assets}</p>}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save rights'}
      </button>
    </form>
  );
}
