// The independent PDF readers from Debian that the standards tests use:
// python3-pikepdf (through /usr/bin/python3, not a pyenv python) and qpdf.
// Missing locally, a suite is skipped with a loud message saying what to
// install; in CI (CI=true) a missing tool fails, so a broken setup never
// passes as a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

const PYTHON = '/usr/bin/python3';

export function pikepdfAvailable(): boolean {
  return available('python3-pikepdf', () => spawnSync(PYTHON, ['-c', 'import pikepdf'], { stdio: 'ignore' }).status === 0);
}

export function qpdfAvailable(): boolean {
  return available('qpdf', () => spawnSync('qpdf', ['--version'], { stdio: 'ignore' }).status === 0);
}

function available(pkg: string, probe: () => boolean): boolean {
  if (probe()) return true;
  const message = `${pkg} is missing: PDF standards checks that read files with it are SKIPPED. To run them: apt-get install ${pkg}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n${message}\n${'!'.repeat(78)}\n`);
  return false;
}

/** What tests/pdf/pdf_facts.py reads from each file with pikepdf. */
export interface PdfFacts {
  header: string;
  version: string;
  encrypted: boolean;
  trailerId: boolean;
  info: Record<string, string>;
  lang: string | null;
  displayDocTitle: boolean;
  marked: boolean;
  suspects: boolean;
  xmp: string | null;
  /** XMP properties read by pikepdf's parser; lists (dc:creator) as arrays, Bags (dc:language) sorted. */
  xmpValues: Record<string, string | string[] | null>;
  metadataFilter: string | null;
  outputIntents: { S: string; identifier: string; N: number; profile: { version: string; class: string; space: string } }[];
  forbiddenKeys: string[];
  filters: string[];
  referenceXObjects: number;
  annotations: number;
  tabs: (string | null)[];
  fonts: { name: string; subtype: string; descendant: string | null; embedded: boolean; toUnicode: boolean; cidToGidMap: string | null; cidSet: boolean; encoding: string | null }[];
  pages: { untagged: number; artifactInTagged: number; taggedInArtifact: number; mcids: number[]; notdef: number; artifacts: number }[];
  structure: StructNode[];
  /** ParentTree: per StructParents key, the structure type each MCID maps to. */
  parentTree: Record<string, (string | null)[] | null>;
  structParents: (number | null)[];
  roleMap: Record<string, string>;
  outline: string[];
  outlineTree: Bookmark[];
  links: LinkFacts[];
}

export interface Bookmark {
  title: string;
  /** 1-based. */
  page: number | null;
  open: boolean;
  children: Bookmark[];
}

export interface LinkFacts {
  page: number;
  subtype: string;
  flags: number;
  contents: string | null;
  /** The named destination, and the page (1-based) it is on. */
  dest: string | null;
  destPage: number | null;
  action: boolean;
  /** The structure element the annotation's StructParent maps to, and whether it holds the annotation by an OBJR. */
  structure: string | null;
  heldByObjr: boolean;
}

export interface StructNode {
  type: string;
  alt: string | null;
  attributes: Record<string, unknown>;
  /** [page index, MCID] */
  mcids: [number, number][];
  kids: StructNode[];
}

export function pdfFacts(paths: readonly string[]): Map<string, PdfFacts> {
  const json = execFileSync(PYTHON, [join(PROJECT_ROOT, 'tests/pdf/pdf_facts.py'), ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return new Map(Object.entries(JSON.parse(json) as Record<string, PdfFacts>));
}

/** `qpdf --check`: exit 0, or 3 for warnings only (reported as failing too). */
export function qpdfCheck(path: string): { status: number | null; output: string } {
  const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** qpdf's JSON view of the encryption dictionary and the trailer. */
export function qpdfJson(path: string): { encrypt: { encrypted: boolean }; qpdf: [{ pdfversion: string }, Record<string, { value: Record<string, unknown> }>] } {
  return JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=encrypt', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}
