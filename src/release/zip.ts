// A zip archive written so that equal files give equal bytes: entries in the
// order given, every entry stamped with one date (in UTC, so the time zone
// never shows), Unix permissions 0644, no extra fields or comments. A file is
// deflated when that makes it smaller, else stored.
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with `/` between folders. */
  name: string;
  bytes: Uint8Array;
}

const VERSION = 20; // 2.0: deflate, folders
const MADE_BY_UNIX = (3 << 8) | VERSION;
const UTF8_NAMES = 0x0800;
const FILE_MODE = 0o100644;

export function zip(entries: readonly ZipEntry[], date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.bytes, { level: 9 });
    const method = deflated.byteLength < entry.bytes.byteLength ? 8 : 0;
    const data = method === 8 ? deflated : Buffer.from(entry.bytes);
    const crc = crc32(entry.bytes);
    // The fields local and central headers share, from "version needed" to the name's length.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(VERSION, 0);
    common.writeUInt16LE(UTF8_NAMES, 2);
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(data.byteLength, 14);
    common.writeUInt32LE(entry.bytes.byteLength, 18);
    common.writeUInt16LE(name.byteLength, 22);
    common.writeUInt16LE(0, 24); // extra field length
    const local = Buffer.concat([u32(0x04034b50), common, name, data]);
    const tail = Buffer.alloc(14); // comment length, disk, internal attributes (all 0), external attributes, offset
    tail.writeUInt32LE((FILE_MODE << 16) >>> 0, 6);
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([u32(0x02014b50), u16(MADE_BY_UNIX), common, tail, name]));
    locals.push(local);
    offset += local.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** MS-DOS date and time, from the date's UTC fields; two-second resolution, 1980 at the earliest. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
