// Migration 0023's data part: the single key_role each employee had moves into the key_roles set,
// and the old column goes. The old column is put back with the values the old form wrote, then the
// migration's statements after the new column's creation are run again on them.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { signUpOrganization } from "../support/factories";
import { insertEmployee } from "../support/personnel-factories";
import { query, testDb } from "../support/test-database";

const statements = readFileSync(new URL("../../db/migrations/0023_key_roles.sql", import.meta.url), "utf8")
  .split("--> statement-breakpoint")
  .slice(1);

test("each employee's one role becomes a set of one; no role becomes the empty set; the old column is gone", async () => {
  const org = await signUpOrganization();
  const legal = await insertEmployee(org.organizationId, { name: "法人" });
  const head = await insertEmployee(org.organizationId, { name: "关务主管" });
  const clerk = await insertEmployee(org.organizationId, { name: "文员" });
  await testDb().execute(sql`alter table employees add column key_role text`);
  await testDb().execute(sql`update employees set key_role = 'legal_representative' where id = ${legal.id}`);
  await testDb().execute(sql`update employees set key_role = 'customs_head' where id = ${head.id}`);

  for (const statement of statements) await testDb().execute(sql.raw(statement));

  const rows = await query<{ name: string; key_roles: string[] }>(
    sql`select name, key_roles from employees where organization_id = ${org.organizationId} order by number`,
  );
  expect(rows.map((r) => [r.name, r.key_roles])).toEqual([
    ["法人", ["legal_representative"]],
    ["关务主管", ["customs_head"]],
    ["文员", []],
  ]);
  expect(clerk.keyRoles).toEqual([]);
  const columns = await query<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_name = 'employees' and column_name like 'key_role%'`,
  );
  expect(columns.map((c) => c.column_name)).toEqual(["key_roles"]);
});
