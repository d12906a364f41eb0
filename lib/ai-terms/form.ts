import { z } from 'zod';
import { AI_SECTION_POLICIES } from '@/db/enums';
import { crawlerRulesSchema } from './crawler-rules';

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const policy = z.enum(AI_SECTION_POLICIES, { message: 'Choose license, reserve or allow.' });

/**
 * The /admin/ai form (and any script that saves the same): one `section` and one `policy` per row,
 * in the same order, the default policy and the crawler rules.
 */
export const aiSettingsFormSchema = z
  .object({
    section: z.preprocess(list, z.array(z.string().trim().min(1).max(100)).max(500)),
    policy: z.preprocess(list, z.array(policy).max(500)),
    defaultPolicy: policy,
    crawlerRules: z.preprocess((v) => v ?? '', crawlerRulesSchema),
  })
  .refine((v) => v.section.length === v.policy.length, {
    path: ['policy'],
    message: 'Choose a policy for every section.',
  })
  .transform((v) => ({
    sections: Object.fromEntries(v.section.map((s, i) => [s, v.policy[i]!])) as Record<
      string,
      (typeof AI_SECTION_POLICIES)[number]
    >,
    defaultPolicy: v.defaultPolicy,
    crawlerRules: v.crawlerRules,
  }));

export type AiSettingsInput = z.output<typeof aiSettingsFormSchema>;
