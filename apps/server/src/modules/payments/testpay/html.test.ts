import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, Html, html } from './html.ts';

const decodeEntities = (s: string) =>
  s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

describe('html template', () => {
  it('escapes any string so that it cannot open a tag or leave an attribute, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(decodeEntities(out)).toBe(s);
      }),
    );
  });

  it('escapes interpolations but not nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['a', '<']}${null}${false}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>a&lt;</p>',
    );
    expect(new Html('<br>').toString()).toBe('<br>');
  });
});
