// The machinery of a dossier's record lines: one generic loader, given per record type a descriptor
// (its table, the columns read, what it names: documents, attached files, an employee, a context)
// and a line, reads the rows of a bounded list of ids in a few queries (never one per record; the ids
// travel as one array parameter), always within the organisation. The descriptors are in the
// dossier-lines-*.server.ts modules, by domain; dossier-records.server.ts lists them per type.
import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { anyUuid } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import { evidenceFiles } from "../../../db/schema/evidence";
import { employees } from "../../../db/schema/personnel";
import type { Bilingual, DossierFileRef, DossierRecord } from "./dossier-types";

/** A record as the dossier prints it, without what the evidence link says (type, id, time). */
export type LoadedRecord = Omit<DossierRecord, "recordType" | "recordId" | "occurredAt"> & { siteId: string | null };
export type Loaded = Map<string, LoadedRecord>;
/** With `detail`: also what an exception shows (failed points, actions, notes), times in its zone. */
export type Detail = { timeZone: string } | null;
export type Loader = (db: Executor, orgId: string, ids: string[], detail: Detail) => Promise<Loaded>;

export const both = (zh: string, en: string): Bilingual => ({ zh, en });
export const label = <K extends string>(zhMap: Record<K, string>, enMap: Record<K, string>, key: K): Bilingual => both(zhMap[key], enMap[key]);
export const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(" · ");

export const fileColumns = {
  id: evidenceFiles.id,
  sha256: evidenceFiles.sha256,
  sizeBytes: evidenceFiles.sizeBytes,
  mediaType: evidenceFiles.mediaType,
  originalName: evidenceFiles.originalName,
};
export type FileRow = { id: string; sha256: string; sizeBytes: number; mediaType: string; originalName: string };

export function fileRef(file: FileRow, photo: boolean, caption?: Bilingual): DossierFileRef {
  return {
    fileId: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mediaType: file.mediaType,
    originalName: file.originalName,
    photo,
    caption: caption ?? both(file.originalName, file.originalName),
  };
}

/** The stored files with these ids (documents: never photos), by id. */
async function documentsById(db: Executor, orgId: string, ids: (string | null)[]): Promise<Map<string, DossierFileRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select(fileColumns)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, orgId), anyUuid(evidenceFiles.id, wanted)));
  return new Map(rows.map((f) => [f.id, fileRef(f, false)]));
}

function pick(files: Map<string, DossierFileRef>, ...ids: (string | null)[]): DossierFileRef[] {
  return ids.flatMap((id) => (id && files.has(id) ? [files.get(id)!] : []));
}

/** The employees with these ids (never their ID number or date of birth), by id. */
async function employeesById(db: Executor, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, Person>();
  const rows = await db
    .select({ id: employees.id, number: employees.number, name: employees.name, position: employees.position, siteId: employees.siteId })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), anyUuid(employees.id, [...new Set(ids)])));
  return new Map(rows.map((e) => [e.id, e]));
}
export type Person = { id: string; number: number; name: string; position: string; siteId: string | null };

// ---- one loader, described per record type ----

/** A table of one record type: its rows belong to an organisation and are found by id. */
type RecordTable = PgTable & { id: AnyPgColumn; organizationId: AnyPgColumn };
/** A table of files attached to records (photos, materials, uploads), one row per file. */
type AttachedTable = PgTable & { organizationId: AnyPgColumn; fileId: AnyPgColumn };
type AttachedFile = { key: string | null; file: FileRow };

/** What the dossier prints of one row; what is left out: no site filled in yet, no result, no files. */
interface Line {
  reference: string;
  path: string;
  siteId?: string | null;
  summary: Bilingual;
  result?: Bilingual | null;
  files?: DossierFileRef[];
  details?: Bilingual[];
}

/** What a row's line is made from besides the row itself. */
interface Found<Extra> {
  /** The stored documents the row names (`documents`), in the order it names them. */
  documents: DossierFileRef[];
  /** The row's attached files (`attached`), in their order. */
  attached: AttachedFile[];
  /** The employee the row is about (`employee`). */
  employee: Person | undefined;
  /** What `context` read for the whole batch. */
  extra: Extra;
  detail: Detail;
}

interface RecordSource<Columns extends SelectedFields, Extra> {
  table: RecordTable;
  /** The columns read (`getTableColumns(table)`: the whole row). */
  columns: Columns;
  /** Another table the row is read with (the seal of an event, the partner of an evaluation). */
  join?: { table: PgTable; on: SQL };
  /** A further condition on the rows (an inspection counts once submitted). */
  where?: SQL;
  /** The ids of the stored documents a row names (certificate, scan, signed copy). */
  documents?: (row: SelectResultFields<Columns>) => (string | null)[];
  /** The table of files attached to a row, the column naming the row, the order of the files. */
  attached?: { table: AttachedTable; parent: AnyPgColumn; key?: AnyPgColumn; orderBy: AnyPgColumn[] };
  /** The employee a row is about. */
  employee?: (row: SelectResultFields<Columns>) => string;
  /** What the lines of the batch need beyond their rows (an inspection: templates, failed points, actions). */
  context?: (db: Executor, orgId: string, rows: SelectResultFields<Columns>[], detail: Detail) => Promise<Extra>;
  line: (row: SelectResultFields<Columns>, found: Found<Extra>) => Line;
}

/**
 * The loader of one record type: its rows of these ids within the organisation, then in one query
 * each what the type names (documents, attached files, employees, its context), then a line a row.
 */
export function source<Columns extends SelectedFields, Extra = undefined>(type: RecordSource<Columns, Extra>): Loader {
  type Row = SelectResultFields<Columns>;
  return async (db, orgId, ids, detail) => {
    const query = db.select(type.columns).from(type.table).$dynamic();
    // A dynamic query joins in place (the builder returns itself).
    if (type.join) query.innerJoin(type.join.table, type.join.on);
    const rows = (await query.where(
      and(eq(type.table.organizationId, orgId), anyUuid(type.table.id, ids), ...(type.where ? [type.where] : [])),
    )) as Row[];
    const rowId = (row: Row) => (row as { id: string }).id;
    const people = type.employee ? await employeesById(db, orgId, rows.map(type.employee)) : new Map<string, Person>();
    const documents = type.documents ? await documentsById(db, orgId, rows.flatMap(type.documents)) : new Map<string, DossierFileRef>();
    const attached = new Map<string, AttachedFile[]>();
    if (type.attached && rows.length) {
      const { table, parent, key, orderBy } = type.attached;
      const files = (await db
        .select({ parentId: parent, ...(key ? { key } : {}), file: fileColumns })
        .from(table)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, table.fileId))
        .where(and(eq(table.organizationId, orgId), anyUuid(parent, rows.map(rowId))))
        .orderBy(...orderBy)) as { parentId: string; key?: string; file: FileRow }[];
      for (const f of files) attached.set(f.parentId, [...(attached.get(f.parentId) ?? []), { key: f.key ?? null, file: f.file }]);
    }
    const extra = (type.context ? await type.context(db, orgId, rows, detail) : undefined) as Extra;
    const out: Loaded = new Map();
    for (const row of rows) {
      const id = rowId(row);
      const { reference, path, siteId = null, summary, result = null, files = [], details } = type.line(row, {
        documents: type.documents ? pick(documents, ...type.documents(row)) : [],
        attached: attached.get(id) ?? [],
        employee: type.employee ? people.get(type.employee(row)) : undefined,
        extra,
        detail,
      });
      out.set(id, { reference, path, siteId, site: null, summary, result, files, ...(details ? { details } : {}) });
    }
    return out;
  };
}
