import { formatReference } from "../references";

// What an incident is and what closing one takes. Pure: shared by the pages, the actions and the
// dossier.

export const incidentKinds = ["seal_tampering", "intrusion", "cargo_discrepancy", "smuggling_suspicion", "it_incident", "other"] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentStatuses = ["open", "investigating", "closed"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const customsContactKinds = ["notification", "inspection", "consultation", "submission", "other"] as const;
export const customsContactChannels = ["in_person", "phone", "email", "online_platform", "letter", "other"] as const;

/**
 * The kinds customs must hear of before the incident is closed. CN-2022 (1) asks that customs is
 * told promptly of abnormal or suspicious goods or documents, and illegal, suspicious or unidentified
 * goods; (48) that overages, shortages and other cargo anomalies are reported. A tampered seal on a
 * container under customs control is such an anomaly, and suspected smuggling is the case the
 * criterion names. An intrusion, an IT incident or "other" may or may not touch goods under customs
 * control: the security lead decides, and may still record the notification.
 */
export const customsNotificationKinds: readonly IncidentKind[] = ["seal_tampering", "cargo_discrepancy", "smuggling_suspicion"];

export function customsNotificationRequired(kind: IncidentKind): boolean {
  return customsNotificationKinds.includes(kind);
}

export function incidentReference(number: number): string {
  return formatReference("incident", number);
}

export function customsContactReference(number: number): string {
  return formatReference("customsContact", number);
}
