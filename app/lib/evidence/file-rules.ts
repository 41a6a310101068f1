// What may be uploaded as evidence: shared by the upload fields (accept=, the size hint) and
// the server, which checks the bytes themselves, not the name or the browser's claim.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

export const uploadKinds = {
  pdf: { mediaType: "application/pdf", extensions: [".pdf"] },
  jpeg: { mediaType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  png: { mediaType: "image/png", extensions: [".png"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
  },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
  doc: { mediaType: "application/msword", extensions: [".doc"] },
  xls: { mediaType: "application/vnd.ms-excel", extensions: [".xls"] },
} as const;
export type UploadKind = keyof typeof uploadKinds;

export const acceptAttribute = Object.values(uploadKinds)
  .flatMap((k) => [k.mediaType, ...k.extensions])
  .join(",");

/** Formats named in messages: "PDF, JPEG, PNG, Word, Excel". */
export const allowedFormatsLabel = "PDF, JPEG, PNG, Word (.doc/.docx), Excel (.xls/.xlsx)";

/**
 * The kind of a file from its first bytes and its name. Office formats are containers (ZIP for
 * .docx/.xlsx, OLE for .doc/.xls), so the extension picks among the ones the bytes allow. The name
 * must also agree with the bytes (a PNG called .pdf is refused): the file is downloaded under that
 * name later, and a certifier must get what the name says.
 */
export function detectUploadKind(head: Uint8Array, fileName: string): UploadKind | null {
  const ext = fileName.toLowerCase().slice(fileName.lastIndexOf("."));
  const kind = kindFromBytes(head, ext);
  return kind && (uploadKinds[kind].extensions as readonly string[]).includes(ext) ? kind : null;
}

function kindFromBytes(head: Uint8Array, ext: string): UploadKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return ext === ".docx" ? "docx" : ext === ".xlsx" ? "xlsx" : null;
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return ext === ".doc" ? "doc" : ext === ".xls" ? "xls" : null;
  return null;
}

/**
 * Inspection photos: JPEG or PNG as the phone's camera took them (the dossier embeds exactly these
 * bytes), up to 15 MB each. The bytes decide the kind, not the name: phones name photos freely.
 */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTO_MB = MAX_PHOTO_BYTES / 1024 / 1024;
export const photoAccept = "image/jpeg,image/png";
export const photoFormatsLabel = "JPEG, PNG";

export function detectPhotoKind(head: Uint8Array): "jpeg" | "png" | null {
  const kind = kindFromBytes(head, "");
  return kind === "jpeg" || kind === "png" ? kind : null;
}
