import { z } from 'zod';
import { idInput } from './numbers';
import { multiLine } from './text';
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

export type ArticleNoticeInput = z.infer<typeof articleNoticeSchema>;
