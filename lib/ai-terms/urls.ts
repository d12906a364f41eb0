import type { AiUse } from '@/db/enums';

/** The catalogue-licence form (C1's /republish/catalogue), optionally opened on one use. */
export const catalogueFormUrl = (site: string, use?: AiUse) =>
  `${site}/republish/catalogue${use ? `?use=${encodeURIComponent(use)}` : ''}`;

/** The TDM policy tdmrep.json and the article headers point to. */
export const tdmPolicyUrl = (site: string) => `${site}/policies/tdm.json`;
