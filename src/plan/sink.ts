// What every output sink (pdf/, xlsx/, ...) defines, and what it is given.
// Sinks are listed in one table (src/sinks.ts); the build dispatches through
// it and never names a kind of output itself.
import type { Config } from '../config.ts';
import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import type { Edition } from './edition.ts';
import type { PlannedOutput, SinkItem } from './outputs.ts';
import type { Resources } from './resources.ts';

export interface Sink<Plan = unknown> {
  /** The catalogue's `kind:` for this sink. */
  kind: string;
  /**
   * Before anything renders: loads and checks what one catalogue entry needs
   * in one edition (templates, declarations). Throws ReportError(s) at the
   * cause, so `validate` reports everything the build would.
   */
  plan(entry: CatalogueEntry, edition: Edition, env: SinkEnv): Promise<Plan>;
  /**
   * The outputs of an entry without `each:`, when the sink decides them (one
   * file per table of the data): each item fills the entry's path template and
   * its name ends the output's key. Without it an entry makes one output.
   */
  items?(plan: Plan): SinkItem[];
  /** One output: what it is made from (digested to decide whether to rebuild) and how to make its bytes. */
  work(output: PlannedOutput<Plan>, env: SinkEnv): Promise<OutputWork>;
  /** Starts costly resources early (a browser), when a build is sure to need them, before the catalogue is read. */
  warm?(env: Pick<SinkEnv, 'config' | 'tool' | 'print' | 'resources'>): void;
}

export interface SinkEnv {
  config: Config;
  catalogue: Catalogue;
  /** The date every output carries: the data's as-of date, or SOURCE_DATE_EPOCH. */
  created: Date;
  tool: Tool;
  print: PrintOptions;
  /** Per-build resources shared by a sink's outputs (a browser, loaded styles); closed after the build. */
  resources: Resources;
}

export interface PrintOptions {
  /** Per-document browser timeout. */
  timeoutMs?: number;
  executablePath?: string;
  /** Print in a running browser at this DevTools endpoint instead of launching one. */
  browserUrl?: string;
}

/** `name` is written into the files; `digest` (of the tool's own code) only into input digests. */
export interface Tool {
  name: string;
  digest: string;
}

export interface OutputWork {
  /** Everything the bytes depend on, as JSON-able values. */
  inputs: unknown;
  make(): Promise<Made>;
}

export interface Made {
  bytes: Uint8Array;
  pages?: number;
  sheets?: number;
}
