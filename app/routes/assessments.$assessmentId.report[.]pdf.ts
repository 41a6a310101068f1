import type { LoaderFunctionArgs } from "@remix-run/node";
import { assessmentActionsByCriterion } from "~/lib/assessments/assessment-actions.server";
import { getAssessmentView } from "~/lib/assessments/assessment-queries.server";
import { buildReportData } from "~/lib/assessments/assessment-report-content.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { reasonText } from "~/lib/assessments/reason-text";
import { serverT } from "~/lib/i18n/i18n.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

// /assessments/:id/report.pdf: the self-assessment report in the official layout, Chinese first.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assessments.read");
  const orgId = auth.organization.id;
  const view = await getAssessmentView(auth.db, orgId, uuidParam(params, "assessmentId"));
  if (!view) notFound();
  const zh = serverT("zh-CN");
  const en = serverT("en");
  const reasons = view.outcome.reasons.map((r) => ({ zh: reasonText(zh, r), en: reasonText(en, r) }));
  // A final report is dated when it was finalised, so downloading it twice gives the same bytes.
  const generatedAt = view.assessment.finalizedAt ?? new Date();
  const actions = await assessmentActionsByCriterion(auth.db, orgId, view.assessment.id);
  const data = buildReportData(auth.organization, view, reasons, generatedAt, actions);
  // The PDF and font code loads with the first report, not with the server.
  const { renderAssessmentReport } = await import("~/lib/assessments/assessment-report.server");
  const pdf = await renderAssessmentReport(data);
  const fileName = `${view.reference}.pdf`;
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
