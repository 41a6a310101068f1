import { describe, expect, test } from "vitest";
import { evaluationRights, evaluationView, type EvaluationRows } from "~/lib/partners/evaluation-view.server";

// The evaluation page's data, from plain rows: what is still editable, who may send links, reopen and
// decide (never the preparer), and the lists mapped.

const today = "2025-06-15";
const at = new Date("2025-06-01T08:00:00Z");
const now = new Date("2025-06-15T08:00:00Z");

type Found = EvaluationRows["found"];
type Evaluation = Found["evaluation"];

const evaluation: Evaluation = {
  id: "ev1",
  organizationId: "o1",
  partnerId: "p1",
  number: 3,
  kind: "questionnaire",
  questionnaireId: "q1",
  role: "carrier",
  status: "draft",
  answers: {},
  partnerAnswers: null,
  partnerSubmittedAt: null,
  score: null,
  tier: null,
  reasons: [],
  preparedByUserId: null,
  preparedAt: null,
  answeredByUserIds: [],
  decision: null,
  decisionNote: null,
  decidedByUserId: null,
  decidedAt: null,
  createdByUserId: "u1",
  createdAt: at,
  updatedAt: at,
};

const partner: Found["partner"] = {
  id: "p1",
  organizationId: "o1",
  number: 12,
  legalNameZh: "上海速运有限公司",
  legalNameEn: "Shanghai Express Co., Ltd.",
  countryCode: "CN",
  uscc: null,
  foreignRegistrationNumber: null,
  roles: ["carrier"],
  customsCredit: "unknown",
  aeoProgramme: "none",
  aeoProgrammeName: null,
  aeoCertificateNumber: null,
  aeoValidUntil: null,
  aeoCertificateFileId: null,
  annualVolumeCny: null,
  status: "pending",
  riskTier: null,
  exempt: false,
  lastEvaluatedOn: null,
  nextEvaluationOn: null,
  nextSupervisionOn: null,
  notes: "",
  createdByUserId: "u1",
  createdAt: at,
  updatedAt: at,
};

const questionnaire: NonNullable<Found["questionnaire"]> = {
  id: "q1",
  code: "carrier",
  version: 2,
  roles: ["carrier"],
  titleZh: "承运人问卷",
  titleEn: "Carrier questionnaire",
  introZh: "",
  introEn: "",
  questions: [],
  contentHash: "hash",
  loadedAt: at,
};

const people = [
  { userId: "u1", name: "采购 李" },
  { userId: "u2", name: "合规 张" },
];

function found(over: Partial<Evaluation> = {}, rest: Partial<Omit<Found, "evaluation">> = {}): Found {
  return { evaluation: { ...evaluation, ...over }, partner, questionnaire, links: [], documents: [], actions: [], ...rest };
}

function rows(f: Found, members: EvaluationRows["members"] = []): EvaluationRows {
  return { found: f, policy: { lowTierMinScore: 80, mediumTierMinScore: 60 }, members, people };
}

describe("evaluationRights", () => {
  test("a draft questionnaire: purchasing edits and sends links; compliance too; an auditor only reads", () => {
    const draft = found().evaluation;
    expect(evaluationRights("procurement", "u1", draft)).toEqual({
      edit: true,
      link: true,
      reopen: false,
      decide: false,
      decideRole: false,
      isPreparer: false,
    });
    expect(evaluationRights("compliance", "u2", draft)).toMatchObject({ edit: true, link: true, decide: false, decideRole: true });
    expect(evaluationRights("auditor", "u3", draft)).toEqual({
      edit: false,
      link: false,
      reopen: false,
      decide: false,
      decideRole: false,
      isPreparer: false,
    });
  });

  test("the partner's answers under review stay editable, but no new link is sent", () => {
    const submitted = found({ status: "partner_submitted" }).evaluation;
    expect(evaluationRights("procurement", "u1", submitted)).toMatchObject({ edit: true, link: false });
  });

  test("an exemption is never edited nor sent as a link", () => {
    const exemption = found({ kind: "exemption", questionnaireId: null }).evaluation;
    expect(evaluationRights("owner", "u1", exemption)).toMatchObject({ edit: false, link: false });
  });

  test("prepared: reopened by purchasing; decided by compliance, never by whoever prepared or answered it", () => {
    const prepared = found({ status: "prepared", preparedByUserId: "u1", preparedAt: at, answeredByUserIds: ["u1", "u4"] }).evaluation;
    expect(evaluationRights("procurement", "u1", prepared)).toMatchObject({ edit: false, link: false, reopen: true, decide: false });
    expect(evaluationRights("compliance", "u2", prepared)).toMatchObject({ reopen: true, decide: true, decideRole: true, isPreparer: false });
    expect(evaluationRights("compliance", "u1", prepared)).toMatchObject({ decide: false, decideRole: true, isPreparer: true });
    expect(evaluationRights("admin", "u4", prepared)).toMatchObject({ decide: false, isPreparer: true });
    expect(evaluationRights("procurement", "u5", prepared)).toMatchObject({ decide: false, decideRole: false });
  });

  test("decided: nothing left to change", () => {
    const decided = found({ status: "decided", preparedByUserId: "u1", decidedByUserId: "u2", decision: "approved" }).evaluation;
    expect(evaluationRights("owner", "u3", decided)).toMatchObject({ edit: false, link: false, reopen: false, decide: false });
  });
});

describe("evaluationView", () => {
  test("a new draft: references, the questionnaire, the policy, and empty lists", () => {
    const view = evaluationView(rows(found()), { role: "procurement", userId: "u1" }, today, now);
    expect(view).toEqual({
      reference: "EV-00003",
      today,
      evaluation: {
        id: "ev1",
        kind: "questionnaire",
        role: "carrier",
        status: "draft",
        answers: {},
        partnerAnswers: null,
        partnerSubmittedAt: null,
        score: null,
        tier: null,
        reasons: [],
        preparedBy: null,
        preparedAt: null,
        decision: null,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      },
      partner: {
        id: "p1",
        reference: "TP-00012",
        legalNameZh: "上海速运有限公司",
        legalNameEn: "Shanghai Express Co., Ltd.",
        status: "pending",
        riskTier: null,
        exempt: false,
        aeoProgramme: "none",
        aeoCertificateNumber: null,
        aeoValidUntil: null,
        customsCredit: "unknown",
      },
      // Nothing claimed yet, so nothing to set against the register.
      statusFlags: [],
      questionnaire: { code: "carrier", version: 2, titleZh: "承运人问卷", titleEn: "Carrier questionnaire", questions: [] },
      policy: { lowTierMinScore: 80, mediumTierMinScore: 60 },
      links: [],
      documents: [],
      actions: [],
      members: [],
      can: { edit: true, link: true, reopen: false, decide: false, decideRole: false, isPreparer: false },
      newLink: null,
    });
  });

  test("decided: who prepared and who decided, by name (a departed member is no name)", () => {
    const f = found({
      status: "decided",
      score: 85,
      tier: "low",
      preparedByUserId: "u1",
      preparedAt: at,
      decision: "approved_with_conditions",
      decisionNote: "GPS 跟踪",
      decidedByUserId: "u9",
      decidedAt: now,
    });
    const view = evaluationView(rows(f), { role: "compliance", userId: "u2" }, today, now);
    expect(view.evaluation).toMatchObject({
      score: 85,
      tier: "low",
      preparedBy: "采购 李",
      preparedAt: at,
      decision: "approved_with_conditions",
      decisionNote: "GPS 跟踪",
      decidedBy: null,
      decidedAt: now,
    });
  });

  test("an exemption has no questionnaire", () => {
    const view = evaluationView(rows(found({ kind: "exemption", questionnaireId: null }, { questionnaire: null })), { role: "owner", userId: "u1" }, today, now);
    expect(view.questionnaire).toBeNull();
  });

  test("links with their state, documents with their file, conditions as actions, the members a condition may go to", () => {
    const link = {
      organizationId: "o1",
      partnerId: "p1",
      evaluationId: "ev1",
      tokenHash: "h",
      locale: "en" as const,
      sentTo: null,
      revokedAt: null,
      submittedAt: null,
      lastOpenedAt: null,
      createdByUserId: "u1",
      createdAt: at,
    };
    const f = found(
      { status: "prepared", preparedByUserId: "u1", preparedAt: at },
      {
        links: [
          { ...link, id: "l1", expiresAt: new Date("2025-06-20T00:00:00Z") },
          { ...link, id: "l2", locale: "zh-CN", sentTo: "ops@example.cn", expiresAt: new Date("2025-06-10T00:00:00Z") },
          { ...link, id: "l3", expiresAt: new Date("2025-06-20T00:00:00Z"), revokedAt: at },
          { ...link, id: "l4", expiresAt: new Date("2025-06-20T00:00:00Z"), submittedAt: at },
        ],
        documents: [
          {
            document: {
              id: "d1",
              organizationId: "o1",
              partnerId: "p1",
              evaluationId: "ev1",
              questionKey: "gps",
              fileId: "f1",
              source: "link",
              uploadedByUserId: null,
              createdAt: at,
            },
            file: {
              id: "f1",
              organizationId: "o1",
              sha256: "abc",
              sizeBytes: 10,
              mediaType: "application/pdf",
              originalName: "gps.pdf",
              uploadedByUserId: null,
              uploadedAt: at,
            },
          },
        ],
        actions: [
          {
            id: "a1",
            organizationId: "o1",
            number: 5,
            sourceType: "partner_evaluation",
            sourceId: "ev1",
            sourceItemKey: null,
            criterionId: null,
            title: "安装 GPS",
            description: "",
            ownerUserId: "u1",
            dueOn: "2025-07-01",
            status: "open",
            closingNote: null,
            closingFileId: null,
            closedAt: null,
            closedByUserId: null,
            verifiedAt: null,
            verifiedByUserId: null,
            verificationNote: null,
            createdByUserId: "u2",
            createdAt: at,
            updatedAt: at,
          },
        ],
      },
    );
    const view = evaluationView(rows(f, [{ userId: "u1", name: "采购 李" }]), { role: "compliance", userId: "u2" }, today, now);
    expect(view.links.map((l) => [l.id, l.state])).toEqual([
      ["l1", "open"],
      ["l2", "expired"],
      ["l3", "revoked"],
      ["l4", "submitted"],
    ]);
    expect(view.links[1]).toEqual({
      id: "l2",
      locale: "zh-CN",
      sentTo: "ops@example.cn",
      expiresAt: new Date("2025-06-10T00:00:00Z"),
      createdAt: at,
      state: "expired",
      submittedAt: null,
    });
    expect(view.documents).toEqual([{ id: "d1", questionKey: "gps", source: "link", fileId: "f1", name: "gps.pdf", sha256: "abc" }]);
    expect(view.actions).toEqual([{ id: "a1", reference: "CA-0005", title: "安装 GPS", status: "open", dueOn: "2025-07-01" }]);
    expect(view.members).toEqual([{ userId: "u1", name: "采购 李" }]);
    expect(view.can).toMatchObject({ reopen: true, decide: true });
  });
});
