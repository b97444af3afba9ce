/**
 * Allow-list sanitizing of uploaded SVG: only known drawing elements and attributes survive, every
 * reference must point inside the document (`#id`), and CSS is reduced to presentation properties.
 * Anything not listed is dropped, so a new attack vector needs a change here to get through.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Elements kept in the background (names are case-sensitive, as in XML and inline SVG). */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = words(
  'svg g defs symbol use title desc switch circle ellipse rect line polyline polygon path text ' +
    'tspan textPath linearGradient radialGradient stop pattern clipPath mask marker filter feBlend ' +
    'feColorMatrix feComponentTransfer feFuncR feFuncG feFuncB feFuncA feComposite feDropShadow ' +
    'feFlood feGaussianBlur feMerge feMergeNode feMorphology feOffset',
);

/** Elements whose text content is drawing content; text elsewhere is formatting whitespace or junk. */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['text', 'tspan', 'textPath', 'title', 'desc']);

/** Presentation properties: allowed both as attributes and inside `style`. */
const PRESENTATION = words(
  'fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin ' +
    'stroke-dasharray stroke-dashoffset stroke-miterlimit opacity color display visibility clip-path ' +
    'clip-rule mask filter marker-start marker-mid marker-end stop-color stop-opacity flood-color ' +
    'flood-opacity lighting-color font-family font-size font-weight font-style font-variant ' +
    'font-stretch text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing ' +
    'word-spacing text-decoration writing-mode paint-order vector-effect shape-rendering ' +
    'text-rendering image-rendering color-interpolation color-interpolation-filters mix-blend-mode ' +
    'isolation',
);

const GEOMETRY_AND_STRUCTURE = words(
  'id x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points pathLength viewBox ' +
    'preserveAspectRatio transform dx dy rotate textLength lengthAdjust startOffset method spacing ' +
    'side offset gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits ' +
    'patternTransform clipPathUnits maskUnits maskContentUnits markerWidth markerHeight markerUnits ' +
    'refX refY orient filterUnits primitiveUnits in in2 result mode operator k1 k2 k3 k4 stdDeviation ' +
    'values type tableValues slope intercept amplitude exponent radius edgeMode role aria-label ' +
    'aria-hidden xml:space xml:lang lang',
);

/** Design-tool stylesheets are a few kilobytes; the cap keeps the rule regexes cheap on hostile input. */
const MAX_STYLESHEET_LENGTH = 100_000;

const LOCAL_FRAGMENT = /^#[A-Za-z_][\w.:-]*$/;
const DATA_ATTRIBUTE = /^data-[a-z0-9][a-z0-9_.-]*$/;

/** Counts what was removed, for one warning per kind instead of one per element. */
export class RemovalLog {
  private readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  messages(): string[] {
    return [...this.counts].map(([what, n]) => (n === 1 ? `removed ${what}` : `removed ${what} (${n}×)`));
  }
}

/** Lower-cased, with whitespace and control characters removed: how browsers see `java\tscript:`. */
function squash(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    const invisible =
      c <= 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202f) ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff;
    if (!invisible) out += ch;
  }
  return out.toLowerCase();
}

/** Script URLs, CSS expressions, escapes, or URLs and references to anything outside the document. */
export function isDangerousValue(value: string): boolean {
  const s = squash(value);
  if (/(?:java|vb|live)script:|expression\(|@import|-moz-binding|behavior:|<|\\|:\/\//.test(s)) return true;
  for (const m of s.matchAll(/url\(([^)]*)\)?/g)) {
    const target = (m[1] ?? '').replace(/^['"]/, '');
    if (!target.startsWith('#')) return true;
  }
  return false;
}

export function containsScriptUrl(text: string): boolean {
  return /(?:java|vb|live)script:/.test(squash(text));
}

/** Keeps the allowed, safe declarations of a style attribute or CSS rule body. */
export function sanitizeStyle(css: string, log: RemovalLog): string {
  const kept: string[] = [];
  for (const declaration of css.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!PRESENTATION.has(property) || value === '') continue;
    if (isDangerousValue(value)) {
      log.add('unsafe CSS values (external url(), expressions, script URLs)');
      continue;
    }
    kept.push(`${property}:${value}`);
  }
  return kept.join(';');
}

/**
 * Rules of `<style>` elements that select single classes (`.st0{fill:#fff}`, as design tools export)
 * become class → declarations, to be inlined; every other rule is dropped because a stylesheet in
 * inline SVG would style the host page too.
 */
export function parseClassRules(cssTexts: readonly string[], log: RemovalLog): Map<string, string> {
  const rules = new Map<string, string>();
  let budget = MAX_STYLESHEET_LENGTH;
  for (const css of cssTexts) {
    budget -= css.length;
    if (budget < 0) {
      log.add(`<style> text beyond ${MAX_STYLESHEET_LENGTH.toLocaleString('en')} characters`);
      break;
    }
    const text = withoutComments(css);
    if (/@import/i.test(text)) log.add('@import in <style>');
    for (const [prelude, body] of cssRules(text)) {
      // Statement at-rules (@import …;) before the selector end at a semicolon.
      const selectors = prelude.slice(prelude.lastIndexOf(';') + 1).split(',');
      const declarations = sanitizeStyle(body, log);
      for (const raw of selectors) {
        const selector = raw.trim();
        if (!/^\.[A-Za-z_][\w-]*$/.test(selector)) {
          log.add('<style> rules other than single-class selectors');
          continue;
        }
        const name = selector.slice(1);
        const previous = rules.get(name);
        rules.set(name, previous ? `${previous};${declarations}` : declarations);
      }
    }
  }
  return rules;
}

/** Written as loops, not regexes, so hostile stylesheets cannot make them quadratic. */
function withoutComments(css: string): string {
  let out = '';
  let pos = 0;
  while (pos < css.length) {
    const open = css.indexOf('/*', pos);
    if (open < 0) return out + css.slice(pos);
    out += css.slice(pos, open);
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    pos = close + 2;
  }
  return out;
}

/** `[prelude, body]` of each innermost `prelude { body }`; block at-rules (@media) are unwrapped. */
function* cssRules(css: string): Generator<[string, string]> {
  let pos = 0;
  let close = -1;
  while (pos < css.length) {
    const open = css.indexOf('{', pos);
    if (open < 0) return;
    if (close < open) close = css.indexOf('}', open);
    if (close < 0) return;
    const nextOpen = css.indexOf('{', open + 1);
    if (nextOpen >= 0 && nextOpen < close) {
      pos = open + 1; // a nested block: its inner rules come next
      continue;
    }
    const prelude = css.slice(pos, open);
    const start = Math.max(prelude.lastIndexOf('}'), 0);
    yield [prelude.slice(start).replace(/^}/, ''), css.slice(open + 1, close)];
    pos = close + 1;
  }
}

/**
 * The attributes of one element that may reach a browser. `href`/`xlink:href` survive only as local
 * `#id` references (written as `href`); class rules from `<style>` are inlined into `style`.
 */
export function sanitizeAttributes(
  attribs: Readonly<Record<string, string>>,
  classRules: ReadonlyMap<string, string>,
  log: RemovalLog,
): Record<string, string> {
  const out: Record<string, string> = {};
  let style = '';
  for (const [name, value] of Object.entries(attribs)) {
    if (/^on/i.test(name)) {
      log.add('event-handler attributes (on…)');
      continue;
    }
    if (name === 'href' || name === 'xlink:href') {
      if (LOCAL_FRAGMENT.test(value.trim())) out.href = value.trim();
      else log.add('external or script references (href)');
      continue;
    }
    if (name === 'class') {
      const inlined = value
        .split(/\s+/)
        .map((c) => classRules.get(c))
        .filter((s): s is string => s !== undefined && s !== '');
      if (inlined.length > 0) style = `${inlined.join(';')};${style}`;
      continue;
    }
    if (name === 'style') {
      style += sanitizeStyle(value, log);
      continue;
    }
    const allowed = GEOMETRY_AND_STRUCTURE.has(name) || PRESENTATION.has(name) || DATA_ATTRIBUTE.test(name);
    if (!allowed) continue; // editor metadata (inkscape:*, sodipodi:*) and unknown attributes
    if (isDangerousValue(value)) {
      log.add('attributes with unsafe values (script URLs, external url())');
      continue;
    }
    out[name] = value;
  }
  style = style.replace(/^;+|;+$/g, '');
  if (style !== '') out.style = style;
  return out;
}
