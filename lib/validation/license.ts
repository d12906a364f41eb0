import { z } from 'zod';
import { idInput } from './numbers';
import { multiLine, singleLine } from './text';
import { NOTICE_KINDS } from '@/db/enums';

export const MAX_NOTICE_NOTE = 2000;

/** Staff marking an article corrected or withdrawn (app/ui/licenses/ArticleNoticeForm.tsx). */
export const articleNoticeSchema = z.object({
  articleId: idInput('Unknown article.'),
  kind: z.enum(NOTICE_KINDS, { message: 'Choose corrected or withdrawn.' }),
  note: multiLine({ message: 'Say what changed and why.' })
    .min(1, 'Say what changed and why: every licensee reads it.')
    .max(MAX_NOTICE_NOTE, `Keep the note under ${MAX_NOTICE_NOTE.toLocaleString('en-GB')} characters.`),
});

/** Staff recording a licence's payment (app/ui/licenses/MarkPaidForm.tsx). */
export const markPaidSchema = z.object({
  code: singleLine({ message: 'Unknown licence.' }).min(1, 'Unknown licence.').max(40, 'Unknown licence.'),
});
export type ArticleNoticeInput = z.infer<typeof articleNoticeSchema>;
export type MarkPaidInput = z.infer<typeof markPaidSchema>;
