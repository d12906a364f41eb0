'use client';

import { useActionState } from 'react';
import { saveAiSettingsAction } from '@/app/(site)/admin/ai/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { AI_SECTION_POLICIES, type AiSectionPolicy } from '@/db/enums';
import type { FormState } from '@/lib/errors';

export const POLICY_LABELS: Record<AiSectionPolicy, string> = {
  license: 'License to AI (catalogue licence, priced from the rate card)',
  reserve: 'Reserve (no text and data mining)',
  allow: 'Allow (no licence needed)',
};

export type AiTermsValues = {
  sections: { section: string; policy: AiSectionPolicy }[];
  defaultPolicy: AiSectionPolicy;
  crawlerRules: string;
};

function PolicySelect({ id, name, value, label }: { id: string; name: string; value: string; label: string }) {
  return (
    <select id={id} name={name} defaultValue={value} aria-label={label}>
      {AI_SECTION_POLICIES.map((p) => (
        <option key={p} value={p}>
          {POLICY_LABELS[p]}
        </option>
      ))}
    </select>
  );
}

export function AiTermsForm({ initial }: { initial: AiTermsValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveAiSettingsAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  // After an error, what was sent: policies come back comma-joined in row order (they hold no commas).
  const sentPolicies = failed?.values?.policy?.split(',');
  const v: AiTermsValues = failed?.values
    ? {
        sections: initial.sections.map((s, i) => ({
          section: s.section,
          policy: (sentPolicies?.[i] as AiSectionPolicy | undefined) ?? s.policy,
        })),
        defaultPolicy: (failed.values.defaultPolicy as AiSectionPolicy | undefined) ?? initial.defaultPolicy,
        crawlerRules: failed.values.crawlerRules ?? '',
      }
    : initial;
  return (
    <form action={action} className="form" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <fieldset>
        <legend>Sections</legend>
        <p className="hint">
          Licensed sections are offered to AI developers through catalogue licences; reserved ones are not for mining at
          any price; allowed ones need no licence. Search engines may index every section.
        </p>
        {v.sections.length === 0 ? (
          <p>No sections yet: the default applies to every article.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Section</th>
                  <th scope="col">AI policy</th>
                </tr>
              </thead>
              <tbody>
                {v.sections.map((s, i) => (
                  <tr key={s.section}>
                    <th scope="row">
                      <label htmlFor={`ai-policy-${i}`}>{s.section}</label>
                      <input type="hidden" name="section" value={s.section} />
                    </th>
                    <td>
                      <PolicySelect
                        id={`ai-policy-${i}`}
                        name="policy"
                        value={s.policy}
                        label={`AI policy for ${s.section}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {errors.policy && <p className="field-error">{errors.policy}</p>}
        <Field id="ai-defaultPolicy" name="defaultPolicy" label="New sections" error={errors.defaultPolicy}>
          <PolicySelect
            id="ai-defaultPolicy"
            name="defaultPolicy"
            value={v.defaultPolicy}
            label="Policy for new sections"
          />
        </Field>
      </fieldset>
      <Field
        id="ai-crawlerRules"
        name="crawlerRules"
        label="Crawler rules for robots.txt"
        hint="Only User-agent, Allow, Disallow and Crawl-delay lines; each group starts with User-agent. Example: User-agent: GPTBot, then Disallow: /"
        error={errors.crawlerRules}
      >
        <textarea
          id="ai-crawlerRules"
          name="crawlerRules"
          rows={8}
          defaultValue={v.crawlerRules}
          aria-invalid={errors.crawlerRules ? true : undefined}
          aria-describedby={errors.crawlerRules ? 'ai-crawlerRules-error' : 'ai-crawlerRules-hint'}
        />
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save AI terms'}
      </button>
    </form>
  );
}
