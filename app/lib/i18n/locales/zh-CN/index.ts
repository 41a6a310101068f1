// 全部简体中文文本，每个功能一个文件（命名空间），与 en/ 的文件和键完全一致。
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
import type { Translations } from "../en";

export const chinese = { core, auth, dashboard, organizations, audit, criteria, policies, assessments, actions, inspections, partners, seals, visitors, badges, personnel, training, internalAudits, riskAssessments, continuity, dossiers, emails, attention, notifications, search, charts, cargo, incidents };

export const zhCN: Translations = { ...core, ...auth, ...dashboard, ...organizations, ...audit, ...criteria, ...policies, ...assessments, ...actions, ...inspections, ...partners, ...seals, ...visitors, ...badges, ...personnel, ...training, ...internalAudits, ...riskAssessments, ...continuity, ...dossiers, ...emails, ...attention, ...notifications, ...search, ...charts, ...cargo, ...incidents };
