// Policies (管理制度): the new-policy form with its first file, versions, links to criteria, and the
// download of the stored bytes. Files land in a directory of this file's own.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, criteria, evidenceFiles, evidenceLinks, frameworks, policyVersions } from "../../db/schema";
import { filesDir } from "~/lib/evidence/file-store.server";
import { MAX_UPLOAD_BYTES } from "~/lib/evidence/file-rules";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import * as policyRoute from "~/routes/_app.policies.$policyId";
import * as policiesRoute from "~/routes/_app.policies._index";
import * as fileRoute from "~/routes/files.$fileId";
import { addMember, signUpOrganization, type SignedUp } from "../support/factories";
import { assessableCriterionIds, createPolicy, pdfBytes, pdfFile, policyFields } from "../support/policy-factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf, type Fields } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

// filesDir() reads FILES_DIR at each call, so setting it here (after the imports ran) is enough.
const filesRoot = mkdtempSync(path.join(tmpdir(), "tradeguard-policy-files-"));
process.env.FILES_DIR = filesRoot;

afterAll(() => {
  delete process.env.FILES_DIR;
  rmSync(filesRoot, { recursive: true, force: true });
});

const en = createI18n("en").t;
const zh = createI18n("zh-CN").t;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every file under FILES_DIR, as paths relative to it. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(filesRoot, full));
    }
  };
  walk(filesRoot);
  return out.sort();
}

/** Row counts of everything a policy post may write, for one organisation, plus the files on disk. */
async function footprint(orgId: string) {
  const where = sql`organization_id = ${orgId}`;
  return {
    policies: await countRows("policies", where),
    versions: await countRows("policy_versions", where),
    files: await countRows("evidence_files", where),
    links: await countRows("evidence_links", where),
    audit: await countRows("audit_events", where),
    disk: storedFiles(),
  };
}

function pagePost(policyId: string, fields: Fields, cookie: string) {
  return callAction(policyRoute, `/policies/${policyId}`, fields, { cookie, params: { policyId } });
}

function download(fileId: string, cookie: string, headers: Record<string, string> = {}) {
  const request = getRequest(`/files/${fileId}`, { cookie, headers });
  return fileRoute.loader({ request, params: { fileId }, context: {} });
}

async function linksOf(policyId: string) {
  return testDb()
    .select({ criterionId: evidenceLinks.criterionId, occurredAt: evidenceLinks.occurredAt })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.recordType, "policy"), eq(evidenceLinks.recordId, policyId)));
}

async function versionsOf(policyId: string) {
  return testDb()
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(asc(policyVersions.sequence));
}

let owner: SignedUp;
let twoCriteria: string[];

beforeAll(async () => {
  owner = await signUpOrganization();
  twoCriteria = await assessableCriterionIds("cn-2022-advanced", 2);
  expect(twoCriteria).toHaveLength(2);
});

describe("creating a policy", () => {
  test("stores the policy, version 1, its file by SHA-256, the criterion links and the audit events", async () => {
    expect(filesDir()).toBe(path.resolve(filesRoot));
    const bytes = pdfBytes();
    const hash = sha256(bytes);
    const policy = await createPolicy(owner.cookie, {
      documentNumber: "TG-SEC-001",
      titleZh: "集装箱七点检查程序",
      titleEn: "Seven-point container inspection",
      effectiveOn: "2025-03-01",
      criteria: twoCriteria,
      file: pdfFile("集装箱检查程序 (A-0).pdf", bytes),
    });
    expect(policy).toMatchObject({
      organizationId: owner.organizationId,
      documentNumber: "TG-SEC-001",
      titleZh: "集装箱七点检查程序",
      createdByUserId: owner.userId,
    });

    const versions = await versionsOf(policy.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      sequence: 1,
      version: "A/0",
      effectiveOn: "2025-03-01",
      approvedBy: "王总经理",
      changeNote: "首次发布",
      uploadedByUserId: owner.userId,
    });

    const [file] = await testDb().select().from(evidenceFiles).where(eq(evidenceFiles.id, versions[0]!.fileId));
    expect(file).toMatchObject({
      organizationId: owner.organizationId,
      sha256: hash,
      sizeBytes: bytes.byteLength,
      mediaType: "application/pdf",
      originalName: "集装箱检查程序 (A-0).pdf",
    });
    expect(readFileSync(path.join(filesRoot, hash.slice(0, 2), hash))).toEqual(Buffer.from(bytes));

    const links = await linksOf(policy.id);
    expect(links.map((l) => l.criterionId).sort()).toEqual([...twoCriteria].sort());
    for (const link of links) expect(link.occurredAt.toISOString()).toBe("2025-03-01T00:00:00.000Z");

    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, owner.organizationId))
      .orderBy(asc(auditEvents.seq));
    const policyEvent = events.find((e) => e.entityType === "policy" && e.entityId === policy.id);
    expect(policyEvent).toMatchObject({ action: "create", actorUserId: owner.userId });
    expect(policyEvent?.after).toMatchObject({ documentNumber: "TG-SEC-001", criteria: twoCriteria });
    expect(events.some((e) => e.entityType === "evidence_file" && e.entityId === file?.id)).toBe(true);
  });

  test("the list shows it with its current version, approver, link count and file; the picker offers only assessable criteria", async () => {
    const org = await signUpOrganization();
    const empty = await callLoader<{ policies: unknown[] }>(policiesRoute, "/policies", { cookie: org.cookie });
    expect(empty.data.policies).toEqual([]);
    const policy = await createPolicy(org.cookie, { criteria: twoCriteria, approvedBy: "李安全总监" });
    const page = await callLoader<{
      policies: {
        id: string;
        linkCount: number;
        current: { version: string; approvedBy: string; fileId: string; fileName: string };
      }[];
      picker: { code: string; groups: { criteria: { id: string }[] }[] }[];
    }>(policiesRoute, "/policies", { cookie: org.cookie });
    expect(page.status).toBe(200);
    expect(page.data.policies).toHaveLength(1);
    const [row] = page.data.policies;
    expect(row).toMatchObject({
      id: policy.id,
      linkCount: 2,
      current: { version: "A/0", approvedBy: "李安全总监", fileName: "安全管理制度.pdf" },
    });

    expect(page.data.picker.map((f) => f.code).sort()).toEqual([
      "cn-2014-general",
      "cn-2022-advanced",
      "ctpat-msc",
      "wco-safe-aeo",
    ]);
    const offered = page.data.picker.flatMap((f) => f.groups.flatMap((g) => g.criteria.map((c) => c.id)));
    const assessable = await testDb()
      .select({ id: criteria.id })
      .from(criteria)
      .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
      .where(sql`cardinality(${criteria.options}) > 0`);
    expect(offered.length).toBe(assessable.length);
    expect(new Set(offered)).toEqual(new Set(assessable.map((c) => c.id)));
    expect(offered).toEqual(expect.arrayContaining(twoCriteria));
  });

  test("the same bytes uploaded twice are one evidence file of the organisation (another organisation gets its own)", async () => {
    const org = await signUpOrganization();
    const bytes = pdfBytes();
    const first = await createPolicy(org.cookie, { file: pdfFile("a.pdf", bytes) });
    const second = await createPolicy(org.cookie, { file: pdfFile("b.pdf", bytes) });
    const [v1] = await versionsOf(first.id);
    const [v2] = await versionsOf(second.id);
    expect(v1?.fileId).toBe(v2?.fileId);
    expect(await countRows("evidence_files", sql`organization_id = ${org.organizationId} and sha256 = ${sha256(bytes)}`)).toBe(1);

    const other = await signUpOrganization();
    const third = await createPolicy(other.cookie, { file: pdfFile("c.pdf", bytes) });
    const [v3] = await versionsOf(third.id);
    expect(v3?.fileId).not.toBe(v1?.fileId);
    expect(await countRows("evidence_files", sql`sha256 = ${sha256(bytes)}`)).toBe(2);
    expect(storedFiles().filter((f) => f.endsWith(sha256(bytes)))).toHaveLength(1);
  });

  test.each([
    [
      "PNG bytes under a .pdf name",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
    ],
    ["plain text under a .pdf name", new TextEncoder().encode("This is not a PDF at all, only text.\n")],
    ["a ZIP under a .pdf name", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0])],
  ])("%s is refused with the allowed formats, and nothing is written", async (_label, bytes) => {
    const before = await footprint(owner.organizationId);
    const outcome = await callAction(
      policiesRoute,
      "/policies",
      policyFields({ file: new File([bytes], "policy.pdf", { type: "application/pdf" }) }),
      {
        cookie: owner.cookie,
      },
    );
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(Object.keys(errors)).toEqual(["file"]);
    expect(keyOf(errors.file)).toBe("files.badType");
    expect(translateMessage(en, errors.file ?? "")).toBe(
      "This kind of file cannot be uploaded. Allowed: PDF, JPEG, PNG, Word (.doc/.docx), Excel (.xls/.xlsx).",
    );
    expect(translateMessage(zh, errors.file ?? "")).toContain("不能上传此类文件");
    expect(await footprint(owner.organizationId)).toEqual(before);
    // The typed values come back for the form.
    expect((outcome.data as { values: Record<string, unknown> }).values).toMatchObject({
      version: "A/0",
      approvedBy: "王总经理",
    });
  });

  test("a file over the limit is refused naming the limit, and nothing is written", async () => {
    const before = await footprint(owner.organizationId);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const outcome = await callAction(policiesRoute, "/policies", policyFields({ file: new File([big], "scan.pdf") }), {
      cookie: owner.cookie,
    });
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    // Answered to the form (not thrown to the error page), so the limit shows next to the file field.
    expect(outcome.thrown).toBe(false);
    expect(errors.file).toBe('files.tooLarge|{"max":20}');
    expect(translateMessage(en, errors.file ?? "")).toBe(
      "The file is larger than 20 MB. Upload a smaller file (scan at a lower resolution or split it).",
    );
    expect(translateMessage(zh, errors.file ?? "")).toBe("文件超过 20 MB。请上传较小的文件（降低扫描分辨率或拆分文件）。");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("missing fields and a missing file are all named at once, in the reader's language; nothing is written", async () => {
    const before = await footprint(owner.organizationId);
    const outcome = await callAction(
      policiesRoute,
      "/policies",
      policyFields({ titleEn: "", effectiveOn: "2025-02-30", approvedBy: " ", file: undefined }),
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(errors).toEqual({
      titleEn: "errors.required",
      effectiveOn: "errors.date",
      approvedBy: "errors.required",
      file: "files.required",
    });
    expect(translateMessage(en, errors.file ?? "")).toBe("Choose a file to upload.");
    expect(translateMessage(zh, errors.file ?? "")).toBe("请选择要上传的文件。");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("good fields with a valid file but a criterion that is not assessable (or unknown) write nothing", async () => {
    const [heading] = await testDb()
      .select({ id: criteria.id })
      .from(criteria)
      .where(sql`cardinality(${criteria.options}) = 0`)
      .limit(1);
    for (const bad of [heading!.id, randomUUID(), "not-a-uuid"]) {
      const before = await footprint(owner.organizationId);
      const outcome = await callAction(policiesRoute, "/policies", policyFields({ criteria: [twoCriteria[0]!, bad] }), {
        cookie: owner.cookie,
      });
      expect(outcome.status, bad).toBe(400);
      expect(Object.keys(errorsOf(outcome))[0]).toMatch(/^criteria/);
      expect(await footprint(owner.organizationId)).toEqual(before);
    }
  });

  test("a document number already used (in any letter case) is a field error; another organisation may use it", async () => {
    const org = await signUpOrganization();
    await createPolicy(org.cookie, { documentNumber: "QM-07" });
    const before = await footprint(org.organizationId);
    const outcome = await callAction(policiesRoute, "/policies", policyFields({ documentNumber: "qm-07" }), {
      cookie: org.cookie,
    });
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(errors).toEqual({ documentNumber: "policies.numberTaken" });
    expect(translateMessage(en, errors.documentNumber ?? "")).toBe("Another policy already has this document number.");
    expect(translateMessage(zh, errors.documentNumber ?? "")).toBe("已有管理制度使用此文件编号。");
    expect(await footprint(org.organizationId)).toEqual(before);

    const other = await signUpOrganization();
    await createPolicy(other.cookie, { documentNumber: "QM-07" });
  });

  test("a compliance lead may create; an auditor, security officer or procurement member gets 403 and nothing is written", async () => {
    const org = await signUpOrganization();
    const lead = await addMember(org.cookie, "compliance");
    await createPolicy(lead.cookie);
    for (const role of ["auditor", "security", "procurement"] as const) {
      const member = await addMember(org.cookie, role);
      const before = await footprint(org.organizationId);
      const outcome = await callAction(policiesRoute, "/policies", policyFields(), { cookie: member.cookie });
      expect(outcome.status, role).toBe(403);
      expect(outcome.data).toMatchObject({ reason: "forbidden", permission: "policies.manage", role });
      expect(await footprint(org.organizationId)).toEqual(before);
      // Reading is for everyone.
      expect((await callLoader(policiesRoute, "/policies", { cookie: member.cookie })).status).toBe(200);
    }
  });

  test("logged out: the page and the form send to the login", async () => {
    const page = await callLoader(policiesRoute, "/policies");
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Fpolicies");
    const post = await callAction(policiesRoute, "/policies", policyFields());
    expect(post.status).toBe(302);
  });
});

describe("a policy's page", () => {
  test("shows details, linked criteria with their framework, and the version history with the file facts", async () => {
    const bytes = pdfBytes();
    const policy = await createPolicy(owner.cookie, { criteria: twoCriteria, file: pdfFile("制度.pdf", bytes) });
    const page = await callLoader<{
      policy: { id: string };
      versions: {
        version: string;
        uploadedByName: string | null;
        file: { sha256: string; sizeBytes: number; originalName: string };
      }[];
      links: { criterionId: string; frameworkCode: string; key: string; code: string }[];
      currentId: string | null;
      picker: unknown[];
    }>(policyRoute, `/policies/${policy.id}`, { cookie: owner.cookie, params: { policyId: policy.id } });
    expect(page.status).toBe(200);
    expect(page.data.versions).toEqual([
      expect.objectContaining({
        version: "A/0",
        uploadedByName: owner.name,
        file: expect.objectContaining({ sha256: sha256(bytes), sizeBytes: bytes.byteLength, originalName: "制度.pdf" }),
      }),
    ]);
    expect(page.data.links.map((l) => l.criterionId).sort()).toEqual([...twoCriteria].sort());
    expect(page.data.links.every((l) => l.frameworkCode === "cn-2022-advanced" && l.key && l.code)).toBe(true);
    expect(page.data.picker.length).toBe(4);

    const auditor = await addMember(owner.cookie, "auditor");
    const asAuditor = await callLoader<{ picker: unknown[] }>(policyRoute, `/policies/${policy.id}`, {
      cookie: auditor.cookie,
      params: { policyId: policy.id },
    });
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.data.picker).toEqual([]);
  });

  test("a new version becomes version 2 and moves the links to its date; a version label used before is refused", async () => {
    const policy = await createPolicy(owner.cookie, { criteria: twoCriteria, effectiveOn: "2024-01-01" });
    const bytes = pdfBytes();
    const outcome = await pagePost(
      policy.id,
      {
        intent: "version",
        version: "A/1",
        effectiveOn: "2025-06-01",
        approvedBy: "王总经理",
        changeNote: "增加封志核对",
        file: pdfFile("A1.pdf", bytes),
      },
      owner.cookie,
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/policies/${policy.id}?uploaded=1`);
    const versions = await versionsOf(policy.id);
    expect(versions.map((v) => [v.sequence, v.version, v.effectiveOn])).toEqual([
      [1, "A/0", "2024-01-01"],
      [2, "A/1", "2025-06-01"],
    ]);
    const [file] = await testDb().select().from(evidenceFiles).where(eq(evidenceFiles.id, versions[1]!.fileId));
    expect(file?.sha256).toBe(sha256(bytes));
    for (const link of await linksOf(policy.id)) expect(link.occurredAt.toISOString()).toBe("2025-06-01T00:00:00.000Z");
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "policy_version"), eq(auditEvents.entityId, versions[1]!.id)));
    expect(event).toMatchObject({ action: "create", actorUserId: owner.userId });

    const before = await footprint(owner.organizationId);
    const again = await pagePost(
      policy.id,
      { intent: "version", version: "a/1", effectiveOn: "2025-07-01", approvedBy: "王总经理", file: pdfFile("again.pdf") },
      owner.cookie,
    );
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ intent: "version", errors: { version: 'policies.versionTaken|{"version":"a/1"}' } });
    expect(translateMessage(en, errorsOf(again).version ?? "")).toBe("This policy already has a version a/1.");
    expect(await footprint(owner.organizationId)).toEqual(before);

    const noFile = await pagePost(
      policy.id,
      { intent: "version", version: "A/2", effectiveOn: "2025-07-01", approvedBy: "王总经理" },
      owner.cookie,
    );
    expect(noFile.status).toBe(400);
    expect(errorsOf(noFile)).toEqual({ file: "files.required" });
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("the current version is the newest one in force: a version effective in the future is listed but not current", async () => {
    const org = await signUpOrganization();
    const policy = await createPolicy(org.cookie, { effectiveOn: "2024-01-01" });
    await pagePost(
      policy.id,
      { intent: "version", version: "B/0", effectiveOn: "2999-01-01", approvedBy: "王总经理", file: pdfFile("future.pdf") },
      org.cookie,
    );
    const list = await callLoader<{ policies: { current: { version: string } }[] }>(policiesRoute, "/policies", {
      cookie: org.cookie,
    });
    expect(list.data.policies[0]?.current.version).toBe("A/0");
    const page = await callLoader<{ currentId: string; versions: { id: string; version: string }[] }>(
      policyRoute,
      `/policies/${policy.id}`,
      {
        cookie: org.cookie,
        params: { policyId: policy.id },
      },
    );
    expect(page.data.versions.find((v) => v.id === page.data.currentId)?.version).toBe("A/0");
  });

  test("editing the number, titles and links replaces the links and records before and after", async () => {
    const policy = await createPolicy(owner.cookie, { criteria: twoCriteria });
    const [wco] = await assessableCriterionIds("wco-safe-aeo", 1);
    const outcome = await pagePost(
      policy.id,
      {
        intent: "details",
        documentNumber: `${policy.documentNumber}-R`,
        titleZh: "货物安全管理制度（修订）",
        titleEn: "Cargo security (revised)",
        criteria: [twoCriteria[1]!, wco!],
      },
      owner.cookie,
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/policies/${policy.id}?saved=1`);
    expect((await linksOf(policy.id)).map((l) => l.criterionId).sort()).toEqual([twoCriteria[1]!, wco!].sort());
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "policy"), eq(auditEvents.entityId, policy.id), eq(auditEvents.action, "update")));
    expect(event?.before).toMatchObject({ documentNumber: policy.documentNumber, criteria: [...twoCriteria].sort() });
    expect(event?.after).toMatchObject({
      documentNumber: `${policy.documentNumber}-R`,
      criteria: [twoCriteria[1]!, wco!].sort(),
    });

    // Unlinking everything is allowed (no boxes ticked posts no criteria field).
    const cleared = await pagePost(
      policy.id,
      {
        intent: "details",
        documentNumber: `${policy.documentNumber}-R`,
        titleZh: "货物安全管理制度（修订）",
        titleEn: "Cargo security (revised)",
      },
      owner.cookie,
    );
    expect(cleared.status).toBe(302);
    expect(await linksOf(policy.id)).toEqual([]);
  });

  test("editing to another policy's number, or with empty titles, is refused and changes nothing", async () => {
    const taken = await createPolicy(owner.cookie);
    const policy = await createPolicy(owner.cookie, { criteria: twoCriteria });
    const before = await footprint(owner.organizationId);
    const duplicate = await pagePost(
      policy.id,
      {
        intent: "details",
        documentNumber: taken.documentNumber.toLowerCase(),
        titleZh: "x",
        titleEn: "x",
        criteria: twoCriteria,
      },
      owner.cookie,
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.data).toMatchObject({ intent: "details", errors: { documentNumber: "policies.numberTaken" } });
    const empty = await pagePost(policy.id, { intent: "details", documentNumber: "N-1", titleZh: "", titleEn: "" }, owner.cookie);
    expect(empty.status).toBe(400);
    expect(errorsOf(empty)).toEqual({ titleZh: "errors.required", titleEn: "errors.required" });
    const unknownIntent = await pagePost(policy.id, { intent: "delete" }, owner.cookie);
    expect(unknownIntent.status).toBe(400);
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("an auditor can read the page but every post is 403 and writes nothing", async () => {
    const policy = await createPolicy(owner.cookie, { criteria: twoCriteria });
    const auditor = await addMember(owner.cookie, "auditor");
    const before = await footprint(owner.organizationId);
    for (const fields of [
      { intent: "version", version: "Z/9", effectiveOn: "2025-01-01", approvedBy: "X", file: pdfFile() },
      { intent: "details", documentNumber: "HIJACK", titleZh: "x", titleEn: "x" },
    ] satisfies Fields[]) {
      const outcome = await pagePost(policy.id, fields, auditor.cookie);
      expect(outcome.status).toBe(403);
    }
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("another organisation's policy is 404 for the page and for every post", async () => {
    const policy = await createPolicy(owner.cookie);
    const other = await signUpOrganization();
    const page = await callLoader(policyRoute, `/policies/${policy.id}`, {
      cookie: other.cookie,
      params: { policyId: policy.id },
    });
    expect(page.status).toBe(404);
    expect(page.data).toEqual({ reason: "not_found" });
    const before = await footprint(owner.organizationId);
    for (const fields of [
      { intent: "version", version: "X", effectiveOn: "2025-01-01", approvedBy: "X", file: pdfFile() },
      { intent: "details", documentNumber: "X", titleZh: "x", titleEn: "x" },
      { intent: "version" },
    ] satisfies Fields[]) {
      expect((await pagePost(policy.id, fields, other.cookie)).status).toBe(404);
    }
    expect(await footprint(owner.organizationId)).toEqual(before);
  });
});

describe("downloading a file", () => {
  test("answers the exact bytes with type, attachment name (UTF-8), nosniff and the SHA-256 as ETag", async () => {
    const bytes = pdfBytes();
    const policy = await createPolicy(owner.cookie, { file: pdfFile("安全管理制度 2025 (A-0).pdf", bytes) });
    const [version] = await versionsOf(policy.id);
    const response = await download(version!.fileId, owner.cookie);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("ETag")).toBe(`"${sha256(bytes)}"`);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("安全管理制度 2025 (A-0).pdf");
    expect(encoded).not.toMatch(/[()' ]/);

    const cached = await download(version!.fileId, owner.cookie, { "If-None-Match": `"${sha256(bytes)}"` });
    expect(cached.status).toBe(304);
  });

  test("any member may download; logged out goes to the login; another organisation's or an unknown id is 404", async () => {
    const policy = await createPolicy(owner.cookie);
    const [version] = await versionsOf(policy.id);
    const security = await addMember(owner.cookie, "security");
    expect((await download(version!.fileId, security.cookie)).status).toBe(200);

    const loggedOut = await callLoader(fileRoute, `/files/${version!.fileId}`, { params: { fileId: version!.fileId } });
    expect(loggedOut.status).toBe(302);
    expect(loggedOut.location).toMatch(/^\/login\?redirectTo=/);

    const other = await signUpOrganization();
    for (const id of [version!.fileId, randomUUID(), "nope"]) {
      const outcome = await callLoader(fileRoute, `/files/${id}`, { cookie: other.cookie, params: { fileId: id } });
      expect(outcome.status, id).toBe(404);
      expect(outcome.data).toEqual({ reason: "not_found" });
    }
  });

  test("bytes changed on disk are an error, never served as the evidence", async () => {
    const org = await signUpOrganization();
    const bytes = pdfBytes();
    const policy = await createPolicy(org.cookie, { file: pdfFile("tampered.pdf", bytes) });
    const [version] = await versionsOf(policy.id);
    const hash = sha256(bytes);
    writeFileSync(path.join(filesRoot, hash.slice(0, 2), hash), Buffer.concat([Buffer.from(bytes), Buffer.from("tampered")]));
    await expect(download(version!.fileId, org.cookie)).rejects.toThrow(/corrupt/);
  });
});
