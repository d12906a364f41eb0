/** The export's page sizes and per-token item budget: pure, shared by the handler and the OpenAPI document. */
export const EXPORT_PAGE = 500;
export const EXPORT_MAX_PAGE = 1000;
/** Items per token per minute, on top of the API's calls per minute: a page of 1,000 costs 1,000. */
export const EXPORT_ITEMS_PER_MINUTE = 20_000;
