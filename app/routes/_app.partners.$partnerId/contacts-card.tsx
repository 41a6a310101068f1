import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Card } from "~/components/ui/card";
import { ContactSchema } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, RemoveButton, serverFor, Submit, type ServerState } from "./forms";
import { fields } from "~/lib/form-fields";

export function ContactsCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t } = useTranslation();
  return (
    <Card title={t("partners.contactsTitle", { count: d.contacts.length })}>
      <div id="contacts" className="space-y-3">
        <ul className="divide-y divide-slate-100">
          {d.contacts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{c.name}</span>
                {c.position ? ` · ${c.position}` : ""}
                <span className="block text-slate-600">{[c.email, c.phone].filter(Boolean).join(" · ")}</span>
              </span>
              {d.canManage ? <RemoveButton intent="removeContact" id={c.id} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? <ContactForm server={serverFor(server, "contact")} /> : null}
      </div>
    </Card>
  );
}

function ContactForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContactSchema, {
    server: props.server,
    defaults: { intent: "contact" },
  });
  const names = fields(ContactSchema);
  const field = { form, values, idPrefix: "contact-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addContact")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormAlert rejected={rejected} formError={formError} />
        </div>
        <input type="hidden" value="contact" {...form.register(names.intent)} />
        <TextField {...field} name={names.name} label={t("partners.contactName")} error={errorOf(names.name)} />
        <TextField {...field} name={names.position} label={t("partners.contactPosition")} error={errorOf(names.position)} />
        <TextField {...field} name={names.email} type="email" label={t("fields.email")} error={errorOf(names.email)} />
        <TextField {...field} name={names.phone} type="tel" label={t("partners.contactPhone")} error={errorOf(names.phone)} />
        <div className="sm:col-span-2">
          <Submit variant="secondary">{t("partners.addContactSubmit")}</Submit>
        </div>
      </Form>
    </details>
  );
}
