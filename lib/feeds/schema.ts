import { z } from 'zod';
import { idInput, wholeNumberInput } from '@/lib/validation/numbers';
import { singleLine } from '@/lib/validation/text';
import { feedUrlProblem } from './fetch';

/** Registering a feed (/admin/feeds): the form, the action and the lib function read this. */
export const feedInputSchema = z.object({
  url: singleLine()
    .min(1, 'Enter the feed’s address.')
    .max(2000, 'Keep the address under 2,000 characters.')
    .superRefine((v, ctx) => {
      const problem = feedUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  intervalMinutes: wholeNumberInput(
    z
      .number({ message: 'Enter a number of minutes.' })
      .int('Enter whole minutes.')
      .min(1, 'Poll at most once a minute.')
      .max(1440, 'Poll at least once a day (1,440 minutes).')
      .default(10),
  ),
});
export type FeedInput = z.infer<typeof feedInputSchema>;

export const feedIdSchema = z.object({ id: idInput('Unknown feed.') });

export const feedActiveSchema = feedIdSchema.extend({
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/** The admin's checkbox: ticked posts "on", unticked posts nothing. */
export const feedSettingsSchema = z.object({
  allowPrivate: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});
