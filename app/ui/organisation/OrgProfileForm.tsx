'use client';

import { useActionState } from 'react';
import { saveOrgProfileAction } from '@/app/(site)/account/organisation/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

export type ProfileValues = {
  legalName: string;
  billingLine1: string;
  billingLine2: string;
  billingCity: string;
  billingPostcode: string;
  billingCountry: string;
  vatNumber: string;
  billingEmail: string;
  websites: string;
};

/** The owners' form for the billing profile and websites; the country list comes from the server. */
export function OrgProfileForm({
  saved,
  countries,
}: {
  saved: ProfileValues;
  countries: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveOrgProfileAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  // After a failure the form shows what was typed; otherwise what is saved.
  const v = (k: keyof ProfileValues) => (failed ? (failed.values?.[k] ?? '') : saved[k]);
  const text = (name: keyof ProfileValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={`p-${name}`} name={name} label={label} defaultValue={v(name)} error={errors[name]} {...extra} />
  );
  return (
    <form
      action={action}
      className="form"
      noValidate
      key={failed ? JSON.stringify(failed.values) : JSON.stringify(saved)}
    >
      <FormMessage message={state?.message} ok={state?.ok} />
      {text('legalName', 'Legal name', {
        hint: 'As it should appear on invoices and licences; leave empty to use the organisation’s name.',
        autoComplete: 'organization',
      })}
      <fieldset>
        <legend>Billing address</legend>
        {text('billingLine1', 'Address line 1', { autoComplete: 'address-line1' })}
        {text('billingLine2', 'Address line 2', { autoComplete: 'address-line2' })}
        {text('billingCity', 'Town or city', { autoComplete: 'address-level2' })}
        {text('billingPostcode', 'Postcode', { autoComplete: 'postal-code' })}
        <Field id="p-billingCountry" name="billingCountry" label="Country" error={errors.billingCountry}>
          <select
            id="p-billingCountry"
            name="billingCountry"
            defaultValue={v('billingCountry')}
            autoComplete="country"
            aria-invalid={errors.billingCountry ? true : undefined}
          >
            <option value="">Choose a country</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      {text('vatNumber', 'VAT or tax number (optional)', {
        hint: 'EU and UK numbers are checked against the country, e.g. GB123456789.',
      })}
      {text('billingEmail', 'Billing email (optional)', {
        type: 'email',
        hint: 'Where invoices go; without one, to the person who made the request.',
      })}
      <Field
        id="p-websites"
        name="websites"
        label="Websites you publish on"
        hint="One a line, e.g. https://news.example.org. Licences name them; hits from elsewhere are flagged."
        error={errors.websites}
      >
        <textarea
          id="p-websites"
          name="websites"
          rows={3}
          defaultValue={v('websites')}
          aria-invalid={errors.websites ? true : undefined}
          aria-describedby={`p-websites-hint${errors.websites ? ' p-websites-error' : ''}`}
        />
      </Field>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save profile'}
        </button>
      </p>
    </form>
  );
}
