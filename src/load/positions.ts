// JSON pointers -> 1-based line and column in the YAML source.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Position } from '../errors.ts';
import type { YamlFile } from './yaml-file.ts';

/** Which part of the node at a pointer to point at. */
export type Target =
  | { kind: 'value' }
  /** The key of a property, e.g. an unknown one. */
  | { kind: 'key'; property: string };

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function positionOf(file: YamlFile, pointer: string, target: Target = { kind: 'value' }): Position {
  let node: unknown = file.doc.contents;
  let lastPair: Pair | undefined;
  for (const segment of pointerSegments(pointer)) {
    const step = child(node, segment);
    if (!step) break;
    node = step.node;
    lastPair = step.pair ?? lastPair;
  }
  let offset = rangeStart(node) ?? rangeStart(lastPair?.key) ?? 0;
  if (target.kind === 'key') {
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === target.property) : undefined;
    offset = rangeStart(pair?.key) ?? offset;
  }
  const { line, column } = file.locate(offset);
  const property = target.kind === 'key' ? `/${target.property}` : '';
  return { file: file.file, line, column, pointer: `${pointer}${property}` };
}

function child(node: unknown, segment: string): { node: unknown; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
    if (!pair) return undefined;
    // A key with no value ("budget_eur:") has an empty node or none: point at the key.
    const value = pair.value as Node | null;
    const empty = !value || (value.range != null && value.range[0] === value.range[1]);
    return { node: empty ? pair.key : value, pair: pair as Pair };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
