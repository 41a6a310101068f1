import { z } from "zod";
import { message } from "~/lib/i18n/messages";

/** A .p12/.pfx is a few KB; anything near this is not a certificate container. */
export const MAX_CERTIFICATE_BYTES = 1024 * 1024;
export const certificateAccept = ".p12,.pfx,application/x-pkcs12";

/**
 * The upload form's text field. The passphrase is taken as typed (no trimming: spaces can be part
 * of it). The file is checked on the server, where its bytes are.
 */
export const SigningCertificateSchema = z.object({
  passphrase: z
    .string({ error: message("signing.errors.passphraseRequired") })
    .min(1, message("signing.errors.passphraseRequired"))
    .max(1024, message("errors.tooLong", { max: 1024 })),
});
export type SigningCertificateValues = z.output<typeof SigningCertificateSchema>;
