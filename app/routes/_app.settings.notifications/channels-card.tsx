import { Form, useActionData, useNavigation } from "@remix-run/react";
import { CheckboxGroupField, SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { fields } from "~/lib/form-fields";
import { useTranslation } from "~/lib/i18n/use-translation";
import { channelKinds, ChannelSchema } from "~/lib/notifications/notification-schema";
import type { SettingsAction } from "./route";

// Shown beside the address field: what each provider's robot address looks like.
const examples = {
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  dingtalk: "https://oapi.dingtalk.com/robot/send?access_token=…",
  feishu: "https://open.feishu.cn/open-apis/bot/v2/hook/…",
} as const;

interface ChannelRow {
  id: string;
  provider: "wecom" | "dingtalk" | "feishu";
  name: string;
  locale: "zh-CN" | "en";
  urlHint: string;
  signed: boolean;
  kinds: string[];
}

export function ChannelsCard(props: { channels: ChannelRow[] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<SettingsAction>();
  const test = actionData && "test" in actionData ? actionData.test : undefined;
  return (
    <Card title={t("notifications.channels.title")}>
      {props.channels.length === 0 ? <p className="text-slate-600">{t("notifications.channels.empty")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {props.channels.map((c) => (
          <li key={c.id} className="space-y-2 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{c.name}</p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <Badge tone="brand">{t(`notifications.channels.providers.${c.provider}`)}</Badge>
                  <span className="break-all font-mono">{c.urlHint}</span>
                  {c.signed ? <Badge tone="good">{t("notifications.channels.secretSet")}</Badge> : null}
                  <span>{c.kinds.map((k) => t(`notifications.channels.kind.${k as "reminder"}`)).join(t("common.listSeparator"))}</span>
                </p>
              </div>
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="channelId" value={c.id} />
                <Button type="submit" name="intent" value="test" variant="secondary" disabled={navigation.state === "submitting"}>
                  {t("notifications.channels.sendTest")}
                </Button>
                <Button type="submit" name="intent" value="remove" variant="ghost">
                  {t("notifications.channels.remove")}
                </Button>
              </Form>
            </div>
            {test && test.channelId === c.id ? (
              test.ok ? (
                <Alert tone="success">{t("notifications.channels.testSent", { status: test.status ?? "" })}</Alert>
              ) : (
                <Alert tone="error">
                  {t("notifications.channels.testFailed", {
                    reason: `${test.status ? `HTTP ${test.status} ` : ""}${test.excerpt.startsWith("notifications.") ? t(test.excerpt as "notifications.channels.errors.url") : test.excerpt}`,
                  })}
                </Alert>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {/* Keyed by the count: once a channel is added the form starts empty again (its address holds a key). */}
      <AddChannelForm key={props.channels.length} />
    </Card>
  );
}

function AddChannelForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<SettingsAction>();
  const { form, values, errorOf, onSubmit } = useValidatedForm(ChannelSchema, {
    defaults: { provider: "wecom", locale: "zh-CN", kinds: [...channelKinds] },
    server: actionData?.intent === "add-channel" ? actionData : undefined,
  });
  const names = fields(ChannelSchema);
  const provider = (form.watch(names.provider) as keyof typeof examples | undefined) ?? "wecom";
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="mt-4 space-y-4 border-t border-slate-200 pt-4">
      <h3 className="font-semibold text-slate-900">{t("notifications.channels.add")}</h3>
      <input type="hidden" name="intent" value="add-channel" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          form={form}
          values={values}
          name={names.provider}
          label={t("notifications.channels.provider")}
          options={(["wecom", "dingtalk", "feishu"] as const).map((p) => ({ value: p, label: t(`notifications.channels.providers.${p}`) }))}
          error={errorOf(names.provider)}
        />
        <TextField form={form} values={values} name={names.name} label={t("notifications.channels.name")} hint={t("notifications.channels.nameHint")} error={errorOf(names.name)} />
      </div>
      <TextField
        form={form}
        values={values}
        name={names.url}
        type="url"
        autoComplete="off"
        label={t("notifications.channels.url")}
        hint={t("notifications.channels.urlHint", { example: examples[provider] ?? examples.wecom })}
        error={errorOf(names.url)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          values={{}}
          name={names.secret}
          type="password"
          autoComplete="off"
          label={t("notifications.channels.secret")}
          hint={t("notifications.channels.secretHint")}
          error={errorOf(names.secret)}
        />
        <SelectField
          form={form}
          values={values}
          name={names.locale}
          label={t("notifications.channels.locale")}
          options={[
            { value: "zh-CN", label: "简体中文" },
            { value: "en", label: "English" },
          ]}
        />
      </div>
      <CheckboxGroupField
        form={form}
        values={values}
        name={names.kinds}
        label={t("notifications.channels.kinds")}
        options={channelKinds.map((k) => ({ value: k, label: t(`notifications.channels.kind.${k}`) }))}
        error={errorOf(names.kinds)}
      />
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("notifications.channels.add")}
      </Button>
    </Form>
  );
}
