// Policies made through the /policies form, with a real (tiny) PDF, and criteria ids from the loaded catalogue.
import { and, asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { criteria, frameworks, policies, type Policy } from "../../db/schema";
import * as policiesRoute from "~/routes/_app.policies._index";
import { uniqueSuffix } from "./factories";
import { callAction, type Fields } from "./requests";
import { testDb } from "./test-database";

/** A small but well-formed PDF; `marker` makes its bytes (and so its SHA-256) unique. */
export function pdfBytes(marker = uniqueSuffix()): Uint8Array<ArrayBuffer> {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    `% ${marker}`,
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new TextEncoder().encode(body);
}

export function pdfFile(name = "安全管理制度.pdf", bytes: Uint8Array<ArrayBuffer> = pdfBytes()): File {
  return new File([bytes], name, { type: "application/pdf" });
}

/** Ids of `count` assessable criteria (options non-empty) of a framework's current version, in document order. */
export async function assessableCriterionIds(frameworkCode = "cn-2022-advanced", count = 2): Promise<string[]> {
  const rows = await testDb()
    .select({ id: criteria.id })
    .from(criteria)
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(frameworks.code, frameworkCode), sql`cardinality(${criteria.options}) > 0`))
    .orderBy(asc(criteria.position))
    .limit(count);
  return rows.map((r) => r.id);
}

export function policyFields(overrides: Fields = {}): Fields {
  const suffix = uniqueSuffix();
  return {
    documentNumber: `TG-SEC-${suffix}`,
    titleZh: `货物安全管理制度 ${suffix}`,
    titleEn: `Cargo security procedure ${suffix}`,
    version: "A/0",
    effectiveOn: "2025-01-01",
    approvedBy: "王总经理",
    changeNote: "首次发布",
    file: pdfFile(),
    ...overrides,
  };
}

/** Creates a policy through the new-policy form; returns its row. */
export async function createPolicy(cookie: string, overrides: Fields = {}): Promise<Policy> {
  const fields = policyFields(overrides);
  const outcome = await callAction(policiesRoute, "/policies", fields, { cookie });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /^\/policies\/([0-9a-f-]{36})\?created=1$/.exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  const [row] = await testDb().select().from(policies).where(eq(policies.id, id));
  if (!row) throw new Error("policy not stored");
  expect(row.documentNumber).toBe(String(fields.documentNumber));
  return row;
}
