/** Where a shape is: its centre (seats, focal point) and its outline (sections, GA areas). */
import type { Element } from 'domhandler';
import type { Point, Polygon } from './plan.ts';
import {
  applyMatrix,
  IDENTITY,
  length,
  type Matrix,
  multiply,
  parsePathOutline,
  parsePoints,
  parseTransform,
} from './svg-geometry.ts';

function bboxCentre(points: [number, number][]): Point | null {
  if (points.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
}

/** Centre of a shape in document coordinates; for groups, of their first shape. */
export function centreOf(el: Element, matrix: Matrix, depth = 0): Point | null {
  const a = el.attribs;
  let local: Point | null = null;
  switch (el.name) {
    case 'circle':
    case 'ellipse':
      local = { x: length(a.cx, 0), y: length(a.cy, 0) };
      break;
    case 'rect':
      local = { x: length(a.x, 0) + length(a.width, 0) / 2, y: length(a.y, 0) + length(a.height, 0) / 2 };
      break;
    case 'use':
      local = { x: length(a.x, 0), y: length(a.y, 0) };
      break;
    case 'polygon':
    case 'polyline':
      local = bboxCentre(parsePoints(a.points));
      break;
    case 'path':
      local = bboxCentre(parsePathOutline(a.d));
      break;
    default:
      if (depth > 8) return null;
      for (const child of el.children) {
        if (child.type !== 'tag') continue;
        const childMatrix = parseTransform(child.attribs.transform) ?? IDENTITY;
        const found = centreOf(child, multiply(matrix, childMatrix), depth + 1);
        if (found) return found;
      }
      return null;
  }
  if (local === null || !Number.isFinite(local.x) || !Number.isFinite(local.y)) return null;
  const [x, y] = applyMatrix(matrix, local.x, local.y);
  return { x, y };
}

/** Outline of a simple shape in document coordinates, or undefined (groups, text, too few points). */
export function outlineOf(el: Element, matrix: Matrix): Polygon | undefined {
  const a = el.attribs;
  let points: [number, number][] = [];
  if (el.name === 'polygon' || el.name === 'polyline') points = parsePoints(a.points);
  else if (el.name === 'path') points = parsePathOutline(a.d);
  else if (el.name === 'rect') {
    const x = length(a.x, 0);
    const y = length(a.y, 0);
    const w = length(a.width, 0);
    const h = length(a.height, 0);
    points = [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ];
  } else if (el.name === 'circle' || el.name === 'ellipse') {
    const cx = length(a.cx, 0);
    const cy = length(a.cy, 0);
    const rx = length(el.name === 'circle' ? a.r : a.rx, 0);
    const ry = length(el.name === 'circle' ? a.r : a.ry, 0);
    for (let k = 0; k < 24; k++) {
      const t = (k / 24) * 2 * Math.PI;
      points.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
    }
  }
  if (points.length < 3 || !points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)))
    return undefined;
  return points.map(([x, y]) => applyMatrix(matrix, x, y));
}
