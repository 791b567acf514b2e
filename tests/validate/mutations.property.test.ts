// Random edits of the real data never crash the validator: the result is valid,
// or every error carries a position inside the file it names.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionNames, parseFiles } from '../../src/load/data-set.ts';
import { validateData } from '../../src/validate/index.ts';
import { createSchemaValidator } from '../../src/validate/schemas.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

/** Fixed, so a failure replays; fast-check prints it with the shrunk counterexample. */
const SEED = 1_136_073_600;

const config = fixtureConfig();

const yamlish = fc.oneof(
  fc.constantFrom(':', '- ', '[', ']', '{', '}', '#', '&a ', '*a', '!x ', '"', "'", '\n', '  ', '\t', '---\n', '__proto__: 1\n', '-1', '1e9', 'null', 'NO', '\u0000', '\uFEFF'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

const mutation = (collections: readonly string[]) =>
  fc.record({
    collection: fc.constantFrom(...collections),
    at: fc.nat(),
    remove: fc.nat({ max: 40 }),
    insert: fc.array(yamlish, { maxLength: 3 }).map((parts) => parts.join('')),
  });

describe('validator under random mutations', () => {
  it('never throws and always points inside the named file', async () => {
    // Made here, not as the file loads, so a failure is this test's.
    const collections = await collectionNames(config.schemasDir);
    const validator = await createSchemaValidator(config.schemasDir, collections);
    const originals = new Map(
      await Promise.all(collections.map(async (c) => [c, await readFile(join(config.dataDir, `${c}.yaml`), 'utf8')] as const)),
    );
    fc.assert(
      fc.property(fc.array(mutation(collections), { minLength: 1, maxLength: 3 }), (mutations) => {
        const texts = new Map(originals);
        for (const m of mutations) {
          const text = texts.get(m.collection)!;
          const at = m.at % (text.length + 1);
          texts.set(m.collection, text.slice(0, at) + m.insert + text.slice(at + m.remove));
        }
        const raw = [...texts].map(([collection, text]) => ({ collection, file: `${collection}.yaml`, bytes: Buffer.from(text) }));
        const result = validateData(parseFiles(raw), validator);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          const text = texts.get(error.at!.file.replace(/\.yaml$/, ''))!;
          const lines = text.replace(/^\uFEFF/, '').split('\n');
          expect(error.at!.line).toBeGreaterThanOrEqual(1);
          expect(error.at!.line).toBeLessThanOrEqual(lines.length);
          expect(error.at!.column).toBeGreaterThanOrEqual(1);
          expect(error.at!.column).toBeLessThanOrEqual(lines[error.at!.line - 1]!.length + 1);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
