// @ts-check
/**
 * TDMRep's two values from a page's own <meta name="tdm-reservation"> / <meta name="tdm-policy">
 * tags (written by the article pages' metadata, lib/ai-terms/article-headers.ts), as the response
 * headers TDMRep also defines. Loaded by the page cache handler (lib/security/csp-cache-handler.js),
 * outside the bundler: plain CommonJS, no imports.
 * @param {string} html
 * @returns {Record<string, string>}
 */
function tdmHeadersFromHtml(html) {
  const end = html.indexOf('</head>');
  const head = end === -1 ? '' : html.slice(0, end);
  /** @param {string} name */
  const meta = (name) => {
    const m = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(head);
    return m ? m[1].replace(/&amp;/g, '&') : null;
  };
  const reservation = meta('tdm-reservation');
  if (reservation !== '0' && reservation !== '1') return {};
  const policy = meta('tdm-policy');
  return reservation === '1' && policy && /^https?:\/\/[^\s"<>]+$/.test(policy)
    ? { 'tdm-reservation': '1', 'tdm-policy': policy }
    : { 'tdm-reservation': reservation };
}

module.exports = { tdmHeadersFromHtml };
