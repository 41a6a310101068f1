// The first worksheet of an XLSX file, row by row, within limits: a workbook that unpacks to more
// than `maxUnpackedBytes`, or whose rows reach further right than `maxColumns`, is refused as soon as
// the reader gets there, and the caller stops at its own row limit. A zip bomb (a small file whose
// parts inflate to gigabytes: highly compressible sheet rows, or a shared-strings part of hundreds
// of megabytes) costs at most that many bytes of inflating and parsing, and never their memory.
//
// exceljs's streaming WorkbookReader does the XML: its parts for the relationships, workbook,
// styles (which cells are dates), shared strings and worksheet rows. Its own way through the zip
// (unzipper, front to back) is not used, because for a limit it is no good:
//   - a worksheet that comes before xl/sharedStrings.xml in the zip, as it does in the files Excel
//     writes, is inflated in full to a temporary file, with no limit on its size;
//   - every other part (images, styles it ignores, anything a file adds) is inflated to be skipped;
//   - the shared strings are cached with no limit.
// (It does stream: no part is inflated whole into memory.) Here the zip's central directory is read
// from the file's bytes (already in memory, at most MAX_IMPORT_FILE_BYTES), only the five parts the
// sheet needs are inflated, in the order that needs no temporary file, and every byte they inflate
// to is counted against one budget, whatever sizes their headers claim.
import { pipeline, Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";

export class XlsxLimitError extends Error {
  constructor(readonly limit: "unpacked" | "columns") {
    super(limit === "unpacked" ? "the workbook unpacks to more than the limit" : "a row reaches further right than the column limit");
    this.name = "XlsxLimitError";
  }
}

/** A file that is no workbook this reader can read (not a zip, encrypted, zip64, parts missing). */
export class XlsxFormatError extends Error {
  constructor(reason: string) {
    super(`not a readable workbook: ${reason}`);
    this.name = "XlsxFormatError";
  }
}

export interface XlsxLimits {
  maxUnpackedBytes: number;
  maxColumns: number;
}

export interface XlsxRow {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** Cell values from column A, exceljs's (string, number, Date, rich text, formula…); holes are undefined. */
  values: unknown[];
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a zip file by name, from its central directory. */
function zipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const minEnd = 22;
  if (bytes.length < minEnd) throw new XlsxFormatError("too short");
  let end = -1;
  for (let at = bytes.length - minEnd; at >= Math.max(0, bytes.length - minEnd - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new XlsxFormatError("no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new XlsxFormatError("zip64");
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new XlsxFormatError("broken central directory");
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
    };
    // The first of two entries under one name is the one read (as unzip tools do).
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** A budget of unpacked bytes shared by every part read from one file. */
interface Budget {
  remaining: number;
}

/** One part of the zip, inflated as it is read and counted against the budget. */
function partStream(bytes: Buffer, entry: ZipEntry, budget: Budget): Readable {
  if (entry.flags & 0x1) throw new XlsxFormatError("encrypted");
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxFormatError(`compression method ${entry.method}`);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new XlsxFormatError("broken local header");
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + entry.compressedSize > bytes.length) throw new XlsxFormatError("part past the end of the file");
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      budget.remaining -= chunk.byteLength;
      callback(budget.remaining < 0 ? new XlsxLimitError("unpacked") : null, chunk);
    },
  });
  const compressed = Readable.from(slices(bytes.subarray(start, start + entry.compressedSize)));
  // pipeline: an inflate error or the budget's ends every stream and reaches the reader as an error.
  if (entry.method === 8) pipeline(compressed, createInflateRaw(), counter, () => {});
  else pipeline(compressed, counter, () => {});
  return counter;
}

/** Bytes in pieces of 64 KB: a stored (uncompressed) part reaches the XML parser a piece at a time. */
function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

// The parts of exceljs's WorkbookReader used here (lib/stream/xlsx/workbook-reader.js, exceljs 4.4).
type Iterated = AsyncIterable<unknown>;
interface WorksheetReaderInternals {
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown[] }>;
}
interface WorkbookReaderInternals {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Iterated, sheetNo: string): Generator<{ eventType: string; value: WorksheetReaderInternals }>;
}

/** The zip path of the first worksheet in the workbook's order, from its relationship's target. */
function firstSheetPath(reader: WorkbookReaderInternals): { path: string; sheetNo: string } | null {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((rel) => rel.Id === first.rId)?.Target;
  if (!target) return null;
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  return { path, sheetNo: /(\d+)\.xml$/.exec(path)?.[1] ?? "1" };
}

/**
 * The rows of the first worksheet that have a value, in order, as exceljs reads them (dates by the
 * cell's number format). Throws XlsxFormatError for a file it cannot read and XlsxLimitError past a
 * limit; the caller may stop early (its row limit), which ends the reading.
 */
export async function* readFirstSheetRows(file: Uint8Array, limits: XlsxLimits): AsyncGenerator<XlsxRow> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const directory = zipDirectory(bytes);
  const budget: Budget = { remaining: limits.maxUnpackedBytes };
  const opened: Readable[] = [];
  const part = (name: string, required: boolean): Readable | null => {
    const entry = directory.get(name);
    if (!entry) {
      if (required) throw new XlsxFormatError(`no ${name}`);
      return null;
    }
    // What the headers say is enough to refuse an honest bomb before inflating any of it.
    if (entry.uncompressedSize > budget.remaining) throw new XlsxLimitError("unpacked");
    const stream = partStream(bytes, entry, budget);
    opened.push(stream);
    return stream;
  };

  // exceljs loads with the first workbook, not with the server.
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as WorkbookReaderInternals;
  try {
    await reader._parseRels(part("xl/_rels/workbook.xml.rels", true)!);
    await reader._parseWorkbook(part("xl/workbook.xml", true)!);
    const styles = part("xl/styles.xml", false);
    if (styles) await reader._parseStyles(styles);
    const sharedStrings = part("xl/sharedStrings.xml", false);
    // Cached by the reader for the sheet's cells; in this mode the generator yields nothing.
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)) void _;
    const sheet = firstSheetPath(reader);
    if (!sheet) return;
    const rows = part(sheet.path, false);
    if (!rows) throw new XlsxFormatError(`no ${sheet.path}`);
    const [emitted] = [...reader._parseWorksheet(rows, sheet.sheetNo)];
    if (!emitted) return;
    for await (const row of emitted.value) {
      const values = row.values;
      // row.values starts at index 1 (column A); its length is one past the last cell with a value.
      if (values.length - 1 > limits.maxColumns) throw new XlsxLimitError("columns");
      if (values.length > 1) yield { row: row.number, values: values.slice(1) };
    }
  } finally {
    for (const stream of opened) stream.destroy();
  }
}
