// The database's types, which every domain module takes its queries' executor from. Types only:
// importing them loads nothing (app/lib/db.server.ts opens the database; it imports nothing of the domain).
export type { Database, DatabaseHandle, Executor, Transaction } from "../../db/client";
