// The parts of a written workbook package, to read and change after ExcelJS
// has written it. JSZip is what ExcelJS itself zips with: the parts nobody
// changes keep their compressed bytes, and the archive's order stays as written.
import JSZip from 'jszip';

export class ZipParts {
  private constructor(private readonly zip: JSZip) {}

  static async read(bytes: Uint8Array): Promise<ZipParts> {
    return new ZipParts(await JSZip.loadAsync(bytes));
  }

  /** Part names without a leading slash, in archive order. */
  names(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name]!.dir);
  }

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  async text(name: string): Promise<string> {
    const file = this.zip.file(name);
    if (!file) throw new Error(`the package has no part ${name}`);
    return file.async('string');
  }

  /** Adds the part, or replaces it in place. */
  set(name: string, text: string): void {
    this.zip.file(name, text);
  }

  /** Each part's text changed by `change`, for the parts whose names match. */
  async update(match: RegExp, change: (text: string, name: string) => string): Promise<void> {
    for (const name of this.names().filter((n) => match.test(n))) this.set(name, change(await this.text(name), name));
  }

  bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
