import { RequestError } from '@/lib/requests/errors';

/** Unknown code, or a licence the caller may not see: the same answer, so codes cannot be probed. */
export class LicenseNotFoundError extends RequestError {
  override readonly status = 404;
  constructor() {
    super('No licence with this code.');
  }
}

export class ArticleNotFoundError extends RequestError {
  override readonly status = 404;
  constructor() {
    super('Article not found.');
  }
}
