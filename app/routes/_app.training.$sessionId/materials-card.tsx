import { Form } from "@remix-run/react";
import { FileDownloadLink, formatFileSize } from "~/components/evidence/file-download";
import { MaterialsInput } from "~/components/training/training-parts";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { translateMessage } from "~/lib/i18n/messages";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { SessionView } from "~/lib/training/session-view.server";
import type { ActionData } from "./forms";

export function MaterialsCard({ d, server }: { d: SessionView; server: ActionData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const materialsError = server?.intent === "materials" ? server.errors?.materials : undefined;
  return (
    <Card title={t("training.materials.title", { count: d.materials.length })}>
      {d.materials.length === 0 ? (
        <p className="text-slate-600">{t("training.materials.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.materials.map((m) => (
            <li key={m.id} className="py-2">
              <FileDownloadLink fileId={m.id} name={m.name} label={m.name} />
              <p className="text-sm text-slate-500">{formatFileSize(m.sizeBytes, locale)}</p>
              <p className="break-all font-mono text-xs text-slate-500">SHA-256 {m.sha256}</p>
            </li>
          ))}
        </ul>
      )}
      {d.canManage ? (
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3 border-t border-slate-100 pt-3">
          <input type="hidden" name="intent" value="materials" />
          <MaterialsInput
            label={t("training.materials.add")}
            error={materialsError ? translateMessage(t, materialsError) : undefined}
          />
          <Button type="submit" variant="secondary">
            {t("training.materials.upload")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
