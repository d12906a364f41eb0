import { z } from 'zod';
import { NOTICE_KINDS } from '@/db/enums';

export const MAX_NOTICE_NOTE = 2000;

/** Staff marking an article corrected or withdrawn (app/ui/licenses/ArticleNoticeForm.tsx). */
export const articleNoticeSchema = z.object({
  articleId: z.coerce.number({ message: 'Unknown article.' }).int('Unknown article.').positive('Unknown article.'),
  kind: z.enum(NOTICE_KINDS, { message: 'Choose corrected or withdrawn.' }),
  note: z
    .string({ message: 'Say what changed and why.' })
    .trim()
    .min(1, 'Say what changed and why: every licensee reads it.')
    .max(MAX_NOTICE_NOTE, `Keep the note under ${MAX_NOTICE_NOTE.toLocaleString('en-GB')} characters.`),
});

/** Staff recording a licence's payment (app/ui/licenses/MarkPaidForm.tsx). */
export const markPaidSchema = z.object({
  code: z.string({ message: 'Unknown licence.' }).trim().min(1, 'Unknown licence.').max(40, 'Unknown licence.'),
});
