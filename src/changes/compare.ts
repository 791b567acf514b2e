// Two snapshots -> what changed between them: figures with their old and new
// values, records added and removed, fields of records changed. A field that
// is itself a reported figure (a project's budget) is told once, as the figure.
import type { Figure, Snapshot, SnapshotRecord, Value } from './snapshot.ts';

export interface FigureChange {
  id: string;
  label: string;
  format: Figure['format'];
  before: number;
  after: number;
}

export interface RecordRef {
  ref: string;
  label: string;
}

export interface FieldChange {
  name: string;
  /** Undefined where the field is absent. */
  before: Value;
  after: Value;
}

export interface DataChanges {
  figures: FigureChange[];
  added: RecordRef[];
  removed: RecordRef[];
  changed: (RecordRef & { fields: FieldChange[] })[];
}

/** `same(figure, a, b)`: whether two values of a figure read the same (a share that moves by less than its shown precision did not move). */
export function compareSnapshots(before: Snapshot, after: Snapshot, same: (figure: Figure, a: number, b: number) => boolean): DataChanges {
  const old = new Map(before.figures.map((f) => [f.id, f]));
  const figures: FigureChange[] = [];
  const told = new Set<string>();
  const fielded = new Set<string>();
  for (const figure of after.figures) {
    const was = old.get(figure.id);
    if (!was || same(figure, was.value, figure.value)) continue;
    figures.push({ id: figure.id, label: figure.label, format: figure.format, before: was.value, after: figure.value });
    if (figure.field) {
      told.add(`${figure.field.ref}#${figure.field.name}`);
      fielded.add(figure.id);
    }
  }

  const oldRecords = new Map(before.records.map((r) => [r.ref, r]));
  const newRecords = new Map(after.records.map((r) => [r.ref, r]));
  const ref = (r: SnapshotRecord): RecordRef => ({ ref: r.ref, label: r.label });
  const changed: DataChanges['changed'] = [];
  for (const record of after.records) {
    const was = oldRecords.get(record.ref);
    if (!was) continue;
    const names = [...new Set([...Object.keys(was.fields), ...Object.keys(record.fields)])];
    const fields = names
      .filter((name) => JSON.stringify(was.fields[name]) !== JSON.stringify(record.fields[name]) && !told.has(`${record.ref}#${name}`))
      .map((name) => ({ name, before: was.fields[name], after: record.fields[name] }));
    if (fields.length > 0) changed.push({ ...ref(record), fields });
  }
  return {
    // The edited values first (a budget), then what they moved (totals, shares).
    figures: [...figures.filter((f) => fielded.has(f.id)), ...figures.filter((f) => !fielded.has(f.id))],
    added: after.records.filter((r) => !oldRecords.has(r.ref)).map(ref),
    removed: before.records.filter((r) => !newRecords.has(r.ref)).map(ref),
    changed,
  };
}
