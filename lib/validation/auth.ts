import { z } from 'zod';
import { singleLine } from './text';
import { ORG_TYPES } from '@/db/enums';

export const emailSchema = singleLine()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const passwordSchema = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.');

/** A website, with or without scheme; stored as its host for pixel checks. */
export const websiteSchema = singleLine()
  .max(200)
  .refine((v) => v === '' || toHost(v) !== null, 'Enter a website like https://example.org.');

export function toHost(value: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return null;
    return url.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export const registerSchema = z.object({
  name: singleLine().min(1, 'Enter your name.').max(120),
  email: emailSchema,
  password: passwordSchema,
  organizationName: singleLine().min(1, 'Enter your organisation’s name.').max(160),
  organizationType: z.enum(ORG_TYPES, { message: 'Choose an organisation type.' }),
  country: singleLine().min(2, 'Enter a country.').max(80),
  website: websiteSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
