import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeBody } from '@/lib/catalogue/sanitize';

describe('article bodies from imports', () => {
  it('drops raw-text elements with their content (GHSA-rpr9-rxv7-x643: xmp and its kin)', () => {
    for (const tag of ['xmp', 'noembed', 'noframes', 'noscript', 'plaintext', 'iframe']) {
      const html = `<p>before</p><${tag}><img src=x onerror=alert(1)><script>alert(2)</script></${tag}><p>after</p>`;
      expect(sanitizeBody(html), tag).toBe('<p>before</p><p>after</p>');
      expect(htmlToText(html), tag).toBe('before\n\nafter');
    }
  });

  it('keeps what a body may contain and strips handlers and scripts', () => {
    expect(
      sanitizeBody(
        '<p onclick="x()">Hi <a href="javascript:alert(1)">there</a> <img src="https://e.example/a.jpg" onerror="x()"></p><script>alert(1)</script>',
      ),
    ).toBe('<p>Hi <a>there</a> <img src="https://e.example/a.jpg" /></p>');
  });
});
