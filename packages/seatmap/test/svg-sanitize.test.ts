import { type ChildNode, type Element, isTag } from 'domhandler';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { importSvgPlan, planSeats } from '../src/index.ts';
import { ALLOWED_ELEMENTS } from '../src/svg-sanitize.ts';

const SEAT = '<circle data-seat-id="s1" cx="5" cy="5" r="2"/>';

function background(svg: string): { background: string; warnings: string[] } {
  const { plan, warnings } = importSvgPlan(svg);
  expect(planSeats(plan).map((s) => s.id)).toEqual(['s1']);
  return { background: plan.background ?? '', warnings };
}

const wrap = (body: string, rootAttrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"${rootAttrs}>${SEAT}${body}</svg>`;

/** Everything a browser could act on, squashed the way browsers read URLs. */
const squashed = (s: string) =>
  [...s]
    .filter((ch) => ch.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();

describe('hostile SVG content never reaches the background', () => {
  test('script elements, in any case and with CDATA', () => {
    const { background: bg, warnings } = background(
      wrap(
        '<script>alert(1)</script><script><![CDATA[alert(2)]]></script><SCRIPT>alert(3)</SCRIPT><g><script href="x.js"/></g>',
      ),
    );
    expect(bg).not.toMatch(/script|alert/i);
    expect(warnings).toContain('removed <script> elements (3×)');
    expect(warnings).toContain('removed <SCRIPT> elements');
  });

  test('event handler attributes such as onload and onclick', () => {
    const { background: bg, warnings } = background(
      wrap(
        '<rect width="5" height="5" onclick="alert(1)" ONMOUSEOVER="alert(2)" onLoad="x()"/>',
        ' onload="alert(3)"',
      ),
    );
    expect(bg).not.toMatch(/\bon\w+=|alert/i);
    expect(bg).toContain('<rect width="5" height="5"/>');
    expect(warnings).toContain('removed event-handler attributes (on…) (4×)');
  });

  test('foreignObject, iframe, embed and object with their HTML', () => {
    const { background: bg } = background(
      wrap(
        '<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/><img src="x" onerror="alert(1)"/></body></foreignObject>' +
          '<iframe src="https://evil.example"/><embed src="https://evil.example/x.swf"/><object data="https://evil.example"/>',
      ),
    );
    expect(bg).not.toMatch(/foreignObject|iframe|embed|object|body|img|evil|alert/i);
  });

  test('external and script references in href and xlink:href, however they are encoded', () => {
    const { background: bg } = background(
      wrap(
        '<a href="javascript:alert(1)"><rect id="r" width="1" height="1"/></a>' +
          '<a xlink:href="&#106;avascript:alert(2)"><circle r="1"/></a>' +
          '<use href="java&#9;script:alert(3)"/><use xlink:href="https://evil.example/sprite.svg#seat"/>' +
          '<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/><image href="https://evil.example/a.png"/>' +
          '<use xlink:href="#r"/>',
      ),
    );
    expect(squashed(bg)).not.toMatch(/javascript|alert|evil|data:|<image/);
    expect(bg).toContain('<use href="#r"/>'); // local references survive, as plain href
    expect(bg).toContain('<g><rect id="r" width="1" height="1"/></g>'); // a link becomes a plain group
  });

  test('javascript: URLs anywhere, including animation that would set one', () => {
    const { background: bg } = background(
      wrap(
        '<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(2)"/></a>' +
          '<rect width="1" height="1" fill="javascript:alert(3)" data-x="javascript:alert(4)"/>' +
          '<text x="1" y="1">javascript:alert(5)</text><text x="1" y="1">Gate 4</text>',
      ),
    );
    expect(squashed(bg)).not.toMatch(/javascript|alert|<set|<animate/);
    expect(bg).toContain('<text x="1" y="1">Gate 4</text>');
  });

  test('DOCTYPE, entity bombs and processing instructions', () => {
    const bomb = [
      '<?xml version="1.0"?>',
      '<?xml-stylesheet href="https://evil.example/x.css"?>',
      '<!DOCTYPE svg [',
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      '<!ENTITY ext SYSTEM "file:///etc/passwd">',
      ']>',
    ].join('\n');
    const started = performance.now();
    const { background: bg, warnings } = background(`${bomb}${wrap('<text x="1" y="1">&lol9;&ext;</text>')}`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(bg).not.toMatch(/DOCTYPE|ENTITY|passwd|evil|stylesheet|lollol/i);
    expect(bg.length).toBeLessThan(1000);
    expect(warnings).toContain('removed DOCTYPE and entity declarations (11×)');
  });

  test('style attributes and <style> rules with external url(), @import or expressions', () => {
    const { background: bg } = background(
      wrap(
        '<style>@import url(https://evil.example/a.css); .a{fill:url(https://evil.example/p.svg#g);stroke:#f00} rect{fill:red} .b{behavior:url(x.htc)}</style>' +
          '<rect class="a b" width="1" height="1" style="fill:url(\'http://evil.example/x\');stroke-width:2;background-image:url(x.png)"/>' +
          '<rect width="1" height="1" fill="url(https://evil.example/#p)" stroke="url(#local)" style="fill:u\\72l(http://evil.example)"/>' +
          '<circle r="1" style="width:expression(alert(1));opacity:.5"/>',
      ),
    );
    expect(squashed(bg)).not.toMatch(/evil|@import|expression|behavior|background|\.htc|alert|<style/);
    expect(bg).toContain('style="stroke:#f00;stroke-width:2"');
    expect(bg).toContain('stroke="url(#local)"');
    expect(bg).toContain('style="opacity:.5"');
  });

  test('editor metadata and unknown namespaces are dropped', () => {
    const { background: bg } = background(
      wrap(
        '<metadata><rdf:RDF/></metadata><sodipodi:namedview inkscape:zoom="1"/><g inkscape:label="Layer 1" xml:space="preserve"><rect width="1" height="1"/></g>',
      ),
    );
    expect(bg).not.toMatch(/metadata|rdf|sodipodi|inkscape/);
    expect(bg).toContain('<g xml:space="preserve"><rect width="1" height="1"/></g>');
  });

  test('sanitizing the sanitized background removes nothing more', () => {
    const { background: bg } = background(
      wrap('<script>x</script><g onclick="x"><rect class="q" width="2" height="2"/></g>'),
    );
    const again = importSvgPlan(bg.replace('</svg>', `${SEAT}</svg>`));
    expect(again.warnings).toEqual([
      'no element has data-focal-point: the centre of the drawing is used as the focal point',
    ]);
  });
});

// Property: whatever mix of hostile and ordinary markup is uploaded, every element and attribute in the
// background is on the allow-list, and nothing in it can run script or load anything from outside.
const ELEMENT_NAMES = [
  'g',
  'rect',
  'text',
  'a',
  'script',
  'SCRIPT',
  'foreignObject',
  'iframe',
  'image',
  'use',
  'style',
  'set',
  'animate',
  'defs',
  'svg',
];
const ATTRIBUTE_NAMES = [
  'fill',
  'style',
  'href',
  'xlink:href',
  'onload',
  'onClick',
  'transform',
  'data-x',
  'class',
  'id',
  'src',
  'x',
];
const VALUES = [
  '#f00',
  'javascript:alert(1)',
  'JaVa&#x09;ScRiPt:alert(1)',
  'url(https://evil.example/x)',
  "url('#ok')",
  '#ok',
  'fill:red;stroke:url(http://evil.example)',
  'translate(1 2)',
  '&lt;script&gt;',
  'https://evil.example/x',
  'expression(alert(1))',
];

const markup = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('', 'text', 'javascript:alert(1)', '<![CDATA[alert(1)]]>', '<!-- c -->', '<?pi x?>'),
    fc
      .record({
        name: fc.constantFrom(...ELEMENT_NAMES),
        attributes: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), fc.constantFrom(...VALUES)), {
          maxLength: 4,
        }),
        children: fc.array(tie('node'), { maxLength: 3 }),
      })
      .map(({ name, attributes, children }) => {
        const attrs = [...new Map(attributes)]
          .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
          .join('');
        return `<${name}${attrs}>${children.join('')}</${name}>`;
      }),
  ),
}));

function* elements(nodes: ChildNode[]): Generator<Element> {
  for (const node of nodes) {
    if (isTag(node)) {
      yield node;
      yield* elements(node.children);
    }
  }
}

test('property: the background holds only allowed elements and safe attributes, whatever the input', () => {
  fc.assert(
    fc.property(fc.array(markup.node, { maxLength: 6 }), (nodes) => {
      const { plan } = importSvgPlan(wrap(nodes.join('')));
      const doc = parseDocument(plan.background ?? '', { xmlMode: true });
      for (const el of elements(doc.children)) {
        expect(ALLOWED_ELEMENTS.has(el.name)).toBe(true);
        for (const [name, value] of Object.entries(el.attribs)) {
          expect(name).not.toMatch(/^on|^src$|^xlink:href$/i);
          if (name === 'href') expect(value).toMatch(/^#/);
          expect(squashed(value)).not.toMatch(/javascript:|expression\(|url\((?!['"]?#)/);
        }
      }
      expect(squashed(plan.background ?? '')).not.toMatch(/javascript:|evil\.example/);
    }),
    { numRuns: 300 },
  );
});
