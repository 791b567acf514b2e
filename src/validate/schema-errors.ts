// ajv's errors -> ReportErrors a data editor can act on: the position of the
// offending node, a sentence instead of a keyword, and a hint.
import type { ErrorObject } from 'ajv';
import { ReportError } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import { didYouMean } from './suggest.ts';

export function schemaErrors(file: YamlFile, errors: readonly ErrorObject[]): ReportError[] {
  return firstPerValue(errors).map((e) => toReportError(file, e));
}

/**
 * One error per value: an empty name fails both minLength and pattern, and the
 * second says nothing new. Missing and unknown properties each name their own.
 */
function firstPerValue(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    // A failed `then` is reported by the error inside it.
    if (e.keyword === 'if') return false;
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') return true;
    if (seen.has(e.instancePath)) return false;
    seen.add(e.instancePath);
    return true;
  });
}

function toReportError(file: YamlFile, e: ErrorObject): ReportError {
  const parent = (e.parentSchema ?? {}) as { hint?: string; properties?: Record<string, unknown> };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      return new ReportError(
        'schema',
        `missing required property "${property}"`,
        { ...positionOf(file, e.instancePath), pointer: e.instancePath || '/' },
        `add "${property}:" to this mapping`,
      );
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return new ReportError(
        'schema',
        `unknown property "${property}"`,
        positionOf(file, e.instancePath, { kind: 'key', property }),
        didYouMean(property, allowed) ?? `allowed properties: ${allowed.join(', ')}`,
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const listed = allowed.length <= 12 ? `; allowed: ${allowed.join(', ')}` : '';
      return new ReportError(
        'schema',
        `${describe(e.data)} is not an allowed value${listed}`,
        positionOf(file, e.instancePath),
        didYouMean(e.data, allowed) ?? parent.hint,
      );
    }
    default:
      return new ReportError('schema', sentence(e), positionOf(file, e.instancePath), parent.hint);
  }
}

function sentence(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${article(String(p.type))}, got ${describe(e.data)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}, got ${describe(e.data)}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must have at most ${String(p.limit)} characters, got ${(e.data as string).length}`;
    case 'minItems':
      return `must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must list at most ${String(p.limit)} items`;
    case 'uniqueItems':
      return `repeats an item (positions ${String(p.j)} and ${String(p.i)})`;
    case 'pattern': {
      const hidden = typeof e.data === 'string' ? INVISIBLE.exec(e.data)?.[0] : undefined;
      if (hidden) return `contains the invisible character U+${hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return `${describe(e.data)} does not have the required form`;
    }
    case 'format':
      return `${describe(e.data)} is not a valid ${String(p.format)}`;
    case 'const':
      return `must be ${describe(p.allowedValue)}, got ${describe(e.data)}`;
    default:
      return e.message ?? `fails "${e.keyword}"`;
  }
}

/** Characters the text pattern refuses: controls Excel cannot store and direction overrides that disguise text. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
