import { useTranslation } from "~/lib/i18n/use-translation";
import type { Locale } from "~/lib/i18n/config";

/** "12.4 KB", "3.1 MB" in the reader's language (binary steps, as file managers show them). */
export function formatFileSize(bytes: number, locale: Locale): string {
  // Intl's short "byte" reads "88 byte" in English; "B" is what people expect.
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "megabyte"] : [bytes / 1024, "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/**
 * A link to /files/:id. A plain <a> with `download`, not a Remix <Link>: the answer is the file
 * itself (Content-Disposition: attachment), not a page.
 */
export function FileDownloadLink(props: { fileId: string; name: string; label?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`/files/${props.fileId}`}
      download={props.name}
      className={props.className ?? "inline-flex min-h-11 items-center gap-1 break-all text-brand-700 underline"}
      title={props.name}
    >
      <span aria-hidden="true">⤓</span>
      {props.label ?? t("files.download")}
    </a>
  );
}
