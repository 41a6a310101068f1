// How a dossier's photos are chosen and its sections split into volumes, as pure rules: the same
// sections give the same photos and volumes, both when a job plans its volumes and when a volume
// is drawn.
import type { DossierSection } from "./dossier-types";

/** Photos sampled per criterion: evenly over the period, so a certifier sees the whole year. */
export const PHOTOS_PER_CRITERION = 8;
/**
 * About this many bytes of embedded photos make one volume: a larger dossier is split, between
 * criteria, into volumes of their own (cover, contents, sections, manifest), so that no file is
 * too big to mail, upload or open on a certifier's laptop.
 */
export const VOLUME_PHOTO_BYTES = 300 * 1024 * 1024;
/** A hard cap per volume: a photo beyond it is listed in the manifest but not embedded. */
export const MAX_EMBEDDED_PHOTO_BYTES = 2 * VOLUME_PHOTO_BYTES;

/** The records a section prints: its exceptions, then its sample. */
export const shownRecords = (section: DossierSection) => [...section.evidence.exceptions, ...section.evidence.samples];

/** The photos a section embeds: JPEG and PNG photos of the exceptions first, then of the sample. */
export function sampledPhotos(section: DossierSection) {
  const candidates = shownRecords(section).flatMap((r) => r.files.filter((f) => f.photo && /^image\/(jpeg|png)$/.test(f.mediaType)).map((f) => ({ r, f })));
  return { candidates, sampled: samplePhotos(candidates, PHOTOS_PER_CRITERION) };
}

/**
 * Splits the sections, in order, into volumes of about `budget` photo bytes (a photo shown twice in
 * a volume counts once). A section is never split; one whose photos alone exceed the budget gets a
 * volume of its own. Without photos, everything is one volume.
 */
export function planVolumes(sections: readonly DossierSection[], budget = VOLUME_PHOTO_BYTES): DossierSection[][] {
  const volumes: DossierSection[][] = [[]];
  let shas = new Set<string>();
  let bytes = 0;
  for (const section of sections) {
    const own = new Map(sampledPhotos(section).sampled.map(({ f }) => [f.sha256, f.sizeBytes]));
    const adding = [...own].reduce((sum, [sha, size]) => (shas.has(sha) ? sum : sum + size), 0);
    const current = volumes[volumes.length - 1] as DossierSection[];
    if (current.length > 0 && adding > 0 && bytes + adding > budget) {
      volumes.push([section]);
      shas = new Set(own.keys());
      bytes = [...own.values()].reduce((a, b) => a + b, 0);
    } else {
      current.push(section);
      for (const sha of own.keys()) shas.add(sha);
      bytes += adding;
    }
  }
  return volumes;
}

/** Evenly spaced picks, deterministic: the first, the last and those between. */
export function samplePhotos<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))] as T);
  return out;
}
