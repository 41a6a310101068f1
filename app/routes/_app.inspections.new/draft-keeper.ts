import { createStore, del, entries, set, type UseStore } from "idb-keyval";
import { SENSITIVE_FIELDS } from "~/lib/inspections/inspection-schema";

// What the phone keeps of an inspection that has not reached the server yet: typed values in
// localStorage (the ID number only in the tab's sessionStorage), photos not yet uploaded in
// IndexedDB. All of it is keyed by the draft key and cleared once the inspection is submitted.

const PREFIX = "tradeguard:inspection:";

export interface KeptValues {
  values: Record<string, string>;
  /** When they were typed (ms since epoch), to tell them from an older server draft. */
  at: number;
}

function storage(kind: "local" | "session"): Storage | null {
  try {
    return kind === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function keepValues(draftKey: string, values: Record<string, unknown>): void {
  const plain: Record<string, string> = {};
  const sensitive: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === "string" ? value : value === true ? "on" : "";
    if (!text) continue;
    (SENSITIVE_FIELDS.includes(key) ? sensitive : plain)[key] = text;
  }
  const at = Date.now();
  try {
    storage("local")?.setItem(PREFIX + draftKey, JSON.stringify({ values: plain, at } satisfies KeptValues));
    storage("session")?.setItem(PREFIX + draftKey, JSON.stringify({ values: sensitive, at } satisfies KeptValues));
  } catch {
    // Storage full or refused (private mode): the server draft still keeps the values.
  }
}

export function keptValues(draftKey: string): KeptValues | null {
  const read = (kind: "local" | "session") => {
    try {
      const raw = storage(kind)?.getItem(PREFIX + draftKey);
      return raw ? (JSON.parse(raw) as KeptValues) : null;
    } catch {
      return null;
    }
  };
  const local = read("local");
  const session = read("session");
  if (!local && !session) return null;
  return { values: { ...local?.values, ...session?.values }, at: Math.max(local?.at ?? 0, session?.at ?? 0) };
}

export interface PendingPhoto {
  id: string;
  draftKey: string;
  itemKey: string;
  blob: Blob;
  name: string;
  sha256: string | null;
  at: number;
}

let photoStore: UseStore | null = null;
function photos(): UseStore {
  photoStore ??= createStore("tradeguard", "pending-photos");
  return photoStore;
}

export async function keepPhoto(photo: PendingPhoto): Promise<void> {
  try {
    await set(photo.id, photo, photos());
  } catch {
    // No IndexedDB (private mode on old browsers): the photo lives only in this page until sent.
  }
}

export async function forgetPhoto(id: string): Promise<void> {
  try {
    await del(id, photos());
  } catch {
    // Nothing kept.
  }
}

export async function keptPhotos(draftKey: string): Promise<PendingPhoto[]> {
  try {
    const all = await entries<string, PendingPhoto>(photos());
    return all
      .map(([, p]) => p)
      .filter((p) => p.draftKey === draftKey)
      .sort((a, b) => a.at - b.at);
  } catch {
    return [];
  }
}

export async function forgetDraft(draftKey: string): Promise<void> {
  storage("local")?.removeItem(PREFIX + draftKey);
  storage("session")?.removeItem(PREFIX + draftKey);
  for (const photo of await keptPhotos(draftKey)) await forgetPhoto(photo.id);
}

/** SHA-256 of the bytes, hex, where the browser offers it (secure contexts only). */
export async function sha256Hex(blob: Blob): Promise<string | null> {
  if (typeof crypto === "undefined" || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
