// XLSX files written part by part, for tests and benchmarks of the import's limits: zip bombs
// (small files whose parts inflate to hundreds of megabytes) are made without ever holding their
// unpacked parts, by deflating the XML as it is generated. The zip is written by hand (local
// headers, central directory), so a test can also make a part's header lie about its size.
import { constants, crc32, createDeflateRaw } from "node:zlib";

/** A part's XML: a string, or pieces generated one after the other (for parts of any size). */
export type PartContent = string | (() => Iterable<string>);

export interface Part {
  name: string;
  content: PartContent;
  /** The uncompressed size the headers claim; the true size unless a test says otherwise. */
  claimedSize?: (trueSize: number) => number;
}

interface Deflated {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  claimed: number;
}

async function deflatePart(part: Part): Promise<Deflated> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  // Pieces are gathered to about 1 MB before each write, and each write waits for the deflater.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    if (!pendingLength) return;
    const bytes = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingLength = 0;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  const pieces = typeof part.content === "string" ? [part.content] : part.content();
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 1 << 20) await flush();
  }
  await flush();
  deflate.end();
  await done;
  return { name: part.name, data: Buffer.concat(chunks), crc, size, claimed: part.claimedSize ? part.claimedSize(size) : size };
}

/** A zip of the parts, in the order given, each deflated. */
export async function zipParts(parts: readonly Part[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const entry = await deflatePart(part);
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.claimed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A copy of a zip (zipParts') whose headers claim `size` bytes for the named part. */
export function claimingSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const end = bytes.length - 22;
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i += 1) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      bytes.writeUInt32LE(size, at + 24);
      bytes.writeUInt32LE(size, bytes.readUInt32LE(at + 42) + 22);
      return new Uint8Array(bytes);
    }
    at += 46 + nameLength;
  }
  throw new Error(`no part ${name}`);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A column letter (0 → A). */
const column = (index: number) => String.fromCharCode(65 + index);

/** One row of inline-string cells. */
export function rowXml(rowNumber: number, cells: readonly string[]): string {
  const xml = cells.map((text, i) => `<c r="${column(i)}${rowNumber}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join("");
  return `<row r="${rowNumber}">${xml}</row>`;
}

/**
 * A workbook of one sheet, as Excel orders its parts (the sheet before the shared strings). `rows`
 * are the sheet's <row> elements (rowXml), `sharedStrings` the <si> elements of a shared-strings part.
 */
export function workbookParts(options: { rows: PartContent; sharedStrings?: PartContent; sheetSize?: Part["claimedSize"]; sharedStringsSize?: Part["claimedSize"] }): Part[] {
  const wrap = (before: string, content: PartContent, after: string): PartContent =>
    typeof content === "string" ? `${before}${content}${after}` : () => [before, ...content(), after];
  const parts: Part[] = [
    {
      name: "[Content_Types].xml",
      content: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
    },
    {
      name: "_rels/.rels",
      content: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Partners" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>${options.sharedStrings ? `<Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      content: wrap(`${XML}<worksheet xmlns="${MAIN}"><sheetData>`, options.rows, "</sheetData></worksheet>"),
      claimedSize: options.sheetSize,
    },
  ];
  if (options.sharedStrings) {
    parts.push({
      name: "xl/sharedStrings.xml",
      content: wrap(`${XML}<sst xmlns="${MAIN}">`, options.sharedStrings, "</sst>"),
      claimedSize: options.sharedStringsSize,
    });
  }
  return parts;
}

export const BOMB_HEADING = ["legal_name_en", "country", "foreign_registration", "roles"];

/** A heading and `count` partner rows, generated as they are deflated. */
export function partnerRows(count: number): () => Iterable<string> {
  return function* () {
    yield rowXml(1, BOMB_HEADING);
    for (let n = 2; n <= count + 1; n += 1) yield rowXml(n, ["Acme Trading Ltd", "US", "REG-1", "carrier"]);
  };
}

/** `count` shared strings of `length` characters each (hundreds of megabytes deflate to a few hundred KB). */
export function repeatedStrings(count: number, length: number): () => Iterable<string> {
  const item = `<si><t>${"x".repeat(length)}</t></si>`;
  return function* () {
    for (let i = 0; i < count; i += 1) yield item;
  };
}

/**
 * A one-partner sheet beside a shared-strings part of `megabytes` MB (a million characters each,
 * in strings of 1,000): 100 MB deflate to about 220 KB. `lying`: its headers claim 1 KB.
 */
export function sharedStringsBomb(megabytes: number, options: { lying?: boolean } = {}): Promise<Uint8Array> {
  return zipParts(
    workbookParts({
      rows: rowXml(1, BOMB_HEADING) + rowXml(2, ["Acme", "US", "REG-1", "carrier"]),
      sharedStrings: repeatedStrings(megabytes * 1_000, 1_000),
      sharedStringsSize: options.lying ? () => 1_024 : undefined,
    }),
  );
}

/** A sheet of `count` partner rows (about 120 bytes of XML each, deflated about 8:1). `lying`: its headers claim 1 KB. */
export function rowsBomb(count: number, options: { lying?: boolean } = {}): Promise<Uint8Array> {
  return zipParts(workbookParts({ rows: partnerRows(count), sheetSize: options.lying ? () => 1_024 : undefined }));
}
