import { Form, Link } from "@remix-run/react";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import type { ServerFormState } from "~/components/form/use-validated-form";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { SessionView } from "~/lib/training/session-view.server";
import { AttendeePicker } from "./attendee-picker";

export function AttendanceCard(props: { d: SessionView; server: ServerFormState }) {
  const { t } = useTranslation();
  const d = props.d;
  const s = d.session;
  return (
    <Card title={t("training.attendance.title", { count: d.attendance.length })}>
      <div id="attendance" />
      {d.attendance.length === 0 ? (
        <p className="font-medium text-amber-800">{t("training.attendance.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.attendance.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <Link
                  to={`/training/people/${a.employeeId}`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                >
                  {a.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {[a.position, a.department].filter(Boolean).join(" · ")}
                  {a.keyRoles.length ? " " : null}
                  <KeyRoleBadges roles={a.keyRoles} tone="brand" />
                </p>
              </div>
              {d.canManage ? (
                <div className="flex flex-wrap items-center gap-2">
                  {s.testGiven ? (
                    <Form method="post" className="flex items-center gap-1" aria-label={t("training.attendance.testFor", { name: a.name })}>
                      <input type="hidden" name="intent" value="result" />
                      <input type="hidden" name="attendanceId" value={a.id} />
                      <Button
                        type="submit"
                        name="passed"
                        value="yes"
                        variant={a.testPassed === true ? "primary" : "secondary"}
                        aria-pressed={a.testPassed === true}
                      >
                        {t("training.attendance.passed")}
                      </Button>
                      <Button
                        type="submit"
                        name="passed"
                        value="no"
                        variant={a.testPassed === false ? "danger" : "secondary"}
                        aria-pressed={a.testPassed === false}
                      >
                        {t("training.attendance.failed")}
                      </Button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="unattend" />
                    <input type="hidden" name="attendanceId" value={a.id} />
                    <Button type="submit" variant="ghost" aria-label={t("training.attendance.removeNamed", { name: a.name })}>
                      {t("training.attendance.remove")}
                    </Button>
                  </Form>
                </div>
              ) : s.testGiven && a.testPassed !== null ? (
                <Badge tone={a.testPassed ? "good" : "bad"}>
                  {t(a.testPassed ? "training.attendance.passed" : "training.attendance.failed")}
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {d.canManage ? <AttendeePicker d={d} server={props.server} /> : null}
    </Card>
  );
}
