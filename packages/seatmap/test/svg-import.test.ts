import { describe, expect, test } from 'vitest';
import {
  applySectionCategories,
  importSvgPlan,
  planSeats,
  SvgImportError,
  seatIndex,
  validatePlan,
} from '../src/index.ts';

const VENUE = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="100 50 400 300" width="800">
  <style>.seat{fill:#999}.block{fill:#eee;stroke:#333}</style>
  <defs><circle id="dot" r="4"/></defs>
  <g data-category-key="gold" data-category-label="Gold" data-category-color="#d4af37"/>
  <rect data-focal-point="1" x="200" y="60" width="200" height="20" fill="#000"/>
  <polygon data-section-id="A" data-label="Block A" class="block" points="100,100 300,100 300,200 100,200"/>
  <g data-section="A" data-category="gold" transform="translate(100 100)">
    <g data-row="1">
      <circle data-seat-id="a1" cx="30" cy="20" r="4" class="seat"/>
      <circle data-seat-id="a2" cx="20" cy="20" r="4"/>
      <circle data-seat-id="a3" cx="40" cy="20" r="4"/>
      <circle data-seat-id="a4" cx="80" cy="20" r="4" data-label="Four"/>
      <circle data-seat-id="a5" cx="90" cy="20" r="4" data-accessible="true"/>
    </g>
    <g data-row="2" transform="scale(2)">
      <rect data-seat-id="b1" x="5" y="15" width="10" height="10"/>
      <ellipse data-seat-id="b2" cx="20" cy="20" rx="3" ry="2"/>
      <use data-seat-id="b3" href="#dot" x="30" y="20"/>
    </g>
  </g>
  <rect data-section-id="B" data-label="Block B" x="0" y="0" width="50" height="40" transform="translate(350 100)"/>
  <g transform="matrix(1 0 0 1 350 100)">
    <circle data-seat-id="c1" data-section="B" data-row="1" cx="10" cy="10" r="4"/>
    <circle data-seat-id="c2" data-section="B" data-row="1" cx="20" cy="10" r="4" data-category="gold"/>
  </g>
  <polygon data-ga-id="floor" data-label="Standing" data-capacity="300" data-category="standing" points="100,300 400,300 400,340"/>
  <text x="120" y="95">Block A</text>
</svg>`;

describe('SVG import of a good drawing', () => {
  const { plan, warnings, sectionsWithoutCategory } = importSvgPlan(VENUE);
  const at = (id: string) => seatIndex(plan).get(id);

  test('finds every seat at the centre of its shape, through the transforms, relative to the viewBox', () => {
    expect(plan.width).toBe(400);
    expect(plan.height).toBe(300);
    // circle (30,20) + translate(100,100) − viewBox origin (100,50)
    expect([at('a1')?.seat.x, at('a1')?.seat.y]).toEqual([30, 70]);
    // rect centre (10,20) · scale 2 + translate(100,100) − origin
    expect([at('b1')?.seat.x, at('b1')?.seat.y]).toEqual([20, 90]);
    expect([at('b2')?.seat.x, at('b2')?.seat.y]).toEqual([40, 90]);
    expect([at('b3')?.seat.x, at('b3')?.seat.y]).toEqual([60, 90]);
    expect([at('c1')?.seat.x, at('c1')?.seat.y]).toEqual([260, 60]);
  });

  test('groups seats into sections and rows, ordered along the row, with a wide gap as a break', () => {
    expect(plan.sections.map((s) => [s.id, s.label])).toEqual([
      ['A', 'Block A'],
      ['B', 'Block B'],
    ]);
    const row1 = plan.sections[0]?.rows[0];
    expect(row1?.label).toBe('1');
    expect(row1?.seats.map((s) => s.id)).toEqual(['a2', 'a1', 'a3', 'a4', 'a5']);
    expect(row1?.seats.map((s) => s.label)).toEqual(['1', '2', '3', 'Four', '5']);
    expect(row1?.seats.filter((s) => s.breakBefore).map((s) => s.id)).toEqual(['a4']);
    expect(at('a5')?.seat.accessible).toBe(true);
  });

  test('turns section shapes into polygons in plan coordinates', () => {
    expect(plan.sections[0]?.polygon).toEqual([
      [0, 50],
      [200, 50],
      [200, 150],
      [0, 150],
    ]);
    expect(plan.sections[1]?.polygon).toEqual([
      [250, 50],
      [300, 50],
      [300, 90],
      [250, 90],
    ]);
  });

  test('reads categories, general admission and the focal point', () => {
    expect(plan.categories[0]).toEqual({ key: 'gold', label: 'Gold', color: '#d4af37' });
    expect(plan.categories.map((c) => c.key)).toEqual(['gold', 'standing']);
    expect(plan.gaAreas).toEqual([
      {
        id: 'floor',
        label: 'Standing',
        capacity: 300,
        category: 'standing',
        polygon: [
          [0, 250],
          [300, 250],
          [300, 290],
        ],
      },
    ]);
    expect(plan.focalPoint).toEqual({ x: 200, y: 20 });
    expect(warnings).toEqual([]);
  });

  test('lists sections whose seats still need a category, and mapping them completes the plan', () => {
    expect(sectionsWithoutCategory).toEqual([{ sectionId: 'B', label: 'Block B', seats: 1 }]);
    expect(validatePlan(plan)).toEqual(['1 seat has no category (c1)']);
    const mapped = applySectionCategories(plan, { B: 'silver' });
    expect(at('c2')?.seat.category).toBe('gold');
    expect(planSeats(mapped).find((s) => s.id === 'c1')?.category).toBe('silver');
    expect(validatePlan(mapped)).toEqual([]);
  });

  test('keeps the drawing as background without the seats, inlining class styles', () => {
    const bg = plan.background ?? '';
    expect(bg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 400 300" width="400" height="300">/,
    );
    expect(bg).toContain('<g transform="translate(-100 -50)">');
    expect(bg).toContain('data-section-id="A"');
    expect(bg).toContain('style="fill:#eee;stroke:#333"');
    expect(bg).toContain('<text x="120" y="95">Block A</text>');
    expect(bg).toContain('<defs><circle id="dot" r="4"/></defs>'); // the seat that used it is gone
    expect(bg).not.toContain('data-seat-id');
    expect(bg).not.toContain('<style');
    expect(bg).not.toContain('class=');
  });

  test('is deterministic', () => {
    expect(importSvgPlan(VENUE)).toEqual(importSvgPlan(VENUE));
  });
});

describe('SVG import details', () => {
  const svg = (body: string, attrs = 'viewBox="0 0 100 100"') =>
    `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;

  test('supports rotate, skew and path-based seats and sections', () => {
    const { plan } = importSvgPlan(
      svg(
        '<g transform="rotate(90 50 50)"><circle data-seat-id="r" cx="60" cy="50" r="1"/></g>' +
          '<path data-seat-id="p" d="M10 10 h4 v4 h-4 z"/>' +
          '<path data-section-id="S" d="M0,0 L50,0 50,50 L0 50 Z"/>' +
          '<g transform="skewX(45)"><circle data-seat-id="k" data-section="S" cx="0" cy="10" r="1"/></g>',
      ),
    );
    const where = seatIndex(plan);
    expect(where.get('r')?.seat.x).toBeCloseTo(50);
    expect(where.get('r')?.seat.y).toBeCloseTo(60);
    expect([where.get('p')?.seat.x, where.get('p')?.seat.y]).toEqual([12, 12]);
    expect([where.get('k')?.seat.x, where.get('k')?.seat.y]).toEqual([10, 10]);
    expect(plan.sections.find((s) => s.id === 'S')?.polygon).toEqual([
      [0, 0],
      [50, 0],
      [50, 50],
      [0, 50],
    ]);
  });

  test('puts seats without a section in a default section and seats without a row on their own', () => {
    const { plan, warnings } = importSvgPlan(
      svg('<circle data-seat-id="x" cx="1" cy="1" r="1"/><circle data-seat-id="y" cx="3" cy="1" r="1"/>', ''),
    );
    expect(plan.sections.map((s) => s.id)).toEqual(['main']);
    expect(plan.sections[0]?.rows[0]?.seats.map((s) => Boolean(s.breakBefore))).toEqual([false, true]);
    expect(warnings).toContain('the SVG has no viewBox or size: the plan is sized to fit its seats');
    expect(warnings).toContain(
      'no element has data-focal-point: the centre of the drawing is used as the focal point',
    );
  });

  test('warns about a transform it cannot read', () => {
    const { warnings } = importSvgPlan(
      svg('<g transform="perspective(3)"><circle data-seat-id="x" r="1"/></g>'),
    );
    expect(warnings).toContain("ignored a transform the importer cannot read: 'perspective(3)'");
  });
});

describe('SVG import rejects with a clear message', () => {
  const reject = (text: string, options = {}) => {
    try {
      importSvgPlan(text, options);
    } catch (error) {
      expect(error).toBeInstanceOf(SvgImportError);
      return (error as Error).message;
    }
    throw new Error('expected a rejection');
  };

  test('a drawing without seats', () => {
    expect(reject('<svg viewBox="0 0 10 10"><circle cx="1" cy="1" r="1"/></svg>')).toBe(
      'the SVG has no seats: mark every seat with a data-seat-id attribute',
    );
  });

  test('duplicate seat ids, naming the id', () => {
    expect(
      reject('<svg><circle data-seat-id="A-1" r="1"/><g><circle data-seat-id="A-1" r="1"/></g></svg>'),
    ).toBe("seat id 'A-1' is used by more than one seat");
  });

  test('a file over the size limit', () => {
    const big = `<svg>${'<circle data-seat-id="x" r="1"/>'.repeat(10)}${' '.repeat(2 * 1024 * 1024)}</svg>`;
    expect(reject(big, { maxBytes: 1024 * 1024 })).toBe('the file is 2 MiB, over the 1 MiB limit');
  });

  test('more seats than allowed', () => {
    const seats = Array.from({ length: 11 }, (_, i) => `<circle data-seat-id="s${i}" r="1"/>`).join('');
    expect(reject(`<svg>${seats}</svg>`, { maxSeats: 10 })).toBe('the SVG has more than 10 seats, the limit');
  });

  test('too many elements, before parsing', () => {
    expect(reject(`<svg>${'<g/>'.repeat(100)}</svg>`, { maxElements: 50 })).toBe(
      'the file has more than 50 elements, the limit',
    );
  });

  test('a root element that is not svg', () => {
    expect(reject('<html><body><svg><circle data-seat-id="x"/></svg></body></html>')).toBe(
      'the file is not an SVG: its root element is <html>',
    );
    expect(reject('just text')).toBe('the file is not an SVG: it has no root element');
    expect(reject('   ')).toBe('the file is empty');
  });

  test('nesting deep enough to exhaust a recursive walker', () => {
    expect(reject(`<svg>${'<g>'.repeat(5000)}<circle data-seat-id="x"/>${'</g>'.repeat(5000)}</svg>`)).toBe(
      'elements are nested more than 128 levels deep',
    );
  });

  test('seat, section and category names that cannot be keys', () => {
    expect(reject('<svg><circle data-seat-id="a b" r="1"/></svg>')).toContain("seat id 'a b' may only use");
    expect(reject('<svg><circle data-seat-id="x" data-category="a/b" r="1"/></svg>')).toBe(
      "seat 'x': category 'a/b' may only use letters, digits, - and _",
    );
    expect(reject('<svg><polygon data-ga-id="g" data-category="c" points="0,0 1,0 1,1"/></svg>')).toBe(
      "general admission area 'g' needs data-capacity, a whole number from 1 to 1,000,000",
    );
  });

  test('a seat whose position cannot be found', () => {
    expect(reject('<svg><g data-seat-id="x"><text>1</text></g></svg>')).toBe(
      "seat 'x': cannot find its position (use a circle, ellipse, rect, use or path)",
    );
  });
});

describe('SVG import on pathological input', () => {
  test('stays fast on values built to make regexes backtrack', () => {
    const seat = '<circle data-seat-id="s" r="1"/>';
    const inputs = [
      `<svg><g transform="${'a('.repeat(200_000)}">${seat}</g></svg>`,
      `<svg><style>${'@'.repeat(50_000)}${'a'.repeat(50_000)}</style>${seat}</svg>`,
      `<svg><style>${'/*'.repeat(40_000)}</style>${'<style>x</style>'.repeat(10)}${seat}</svg>`,
      `<svg width="${'1'.repeat(500_000)}x">${seat}</svg>`,
      `<svg><rect data-section-id="z" width="1" height="1" style="${'url('.repeat(200_000)}"/>${seat}</svg>`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      importSvgPlan(input);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});
