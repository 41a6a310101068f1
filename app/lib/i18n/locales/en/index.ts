// Every English text of the app, one file per feature (a namespace). The server renders pages, emails,
// exports and PDFs from all of them; a browser loads only the namespaces its page declares
// (namespaces.ts). zh-CN/ has the same files with exactly the same keys.
import { core } from "./core";
import { auth } from "./auth";
import { dashboard } from "./dashboard";
import { organizations } from "./organizations";
import { audit } from "./audit";
import { criteria } from "./criteria";
import { policies } from "./policies";
import { assessments } from "./assessments";
import { actions } from "./actions";
import { inspections } from "./inspections";
import { partners } from "./partners";
import { seals } from "./seals";
import { visitors } from "./visitors";
import { cargo } from "./cargo";
import { incidents } from "./incidents";
import { badges } from "./badges";
import { personnel } from "./personnel";
import { training } from "./training";
import { internalAudits } from "./internal-audits";
import { riskAssessments } from "./risk-assessments";
import { continuity } from "./continuity";
import { dossiers } from "./dossiers";
import { emails } from "./emails";
import { attention } from "./attention";
import { notifications } from "./notifications";
import { search } from "./search";
import { charts } from "./charts";
import type { Widen } from "../widen";

export const english = { core, auth, dashboard, organizations, audit, criteria, policies, assessments, actions, inspections, partners, seals, visitors, badges, personnel, training, internalAudits, riskAssessments, continuity, dossiers, emails, attention, notifications, search, charts, cargo, incidents };

/** All English texts in one object, as the server and the type of `t()` keys see them. */
export const en = { ...core, ...auth, ...dashboard, ...organizations, ...audit, ...criteria, ...policies, ...assessments, ...actions, ...inspections, ...partners, ...seals, ...visitors, ...badges, ...personnel, ...training, ...internalAudits, ...riskAssessments, ...continuity, ...dossiers, ...emails, ...attention, ...notifications, ...search, ...charts, ...cargo, ...incidents };

/** The shape every language must have. */
export type Translations = Widen<typeof en>;
