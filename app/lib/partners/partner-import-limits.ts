// How much a partner list import may hold: what the upload, the CSV reader and the XLSX reader
// refuse past. Kept apart from partner-import.server.ts so that server.ts's body limits
// (app/lib/http/body-limits.server.ts) can name the file size without loading the importer.
import { MAX_UPLOAD_BYTES } from "../evidence/file-rules";

/** Data rows in one file (the heading row and blank rows not counted). */
export const MAX_IMPORT_ROWS = 20_000;

/** The uploaded file: CSV or XLSX, as the evidence limit. */
export const MAX_IMPORT_FILE_BYTES = MAX_UPLOAD_BYTES;

/**
 * An XLSX file unpacked: every part it reads (workbook, relationships, styles, shared strings, the
 * first worksheet) added up. A list of 20,000 partners with every column filled, as Excel saves it,
 * unpacks to about 17 MB (its sheet 10 MB, its shared strings 7 MB; tests/unit/partners/
 * partner-import.test.ts reads a larger one); a workbook that unpacks to more than this is refused
 * as soon as the reader passes it, whatever its rows: a zip bomb is a small file that unpacks to
 * gigabytes.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Columns read from each row; a workbook with a value further right is refused. */
export const MAX_IMPORT_COLUMNS = 64;
