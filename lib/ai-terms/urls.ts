import type { AiUse } from '@/db/enums';

/** The catalogue-licence form, optionally opened on one use. */
export const catalogueFormUrl = (site: string, use?: AiUse) =>
  `${site}/catalogue-licence${use ? `?use=${encodeURIComponent(use)}` : ''}`;

/** The TDM policy tdmrep.json and the article headers point to. */
export const tdmPolicyUrl = (site: string) => `${site}/policies/tdm.json`;
