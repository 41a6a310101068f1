import { z } from "zod";
import { optionalText } from "../validation";

// Four eyes for the registers a manager approves (risk assessments, continuity plans): a draft is
// approved by someone other than its author. Pure: the page hides the button, the action refuses.

export function canApproveDraft(record: { status: string; createdByUserId: string | null }, userId: string): boolean {
  return record.status === "draft" && record.createdByUserId !== userId;
}

/** The approval form: an optional note, kept with the approval. */
export const ApprovalSchema = z.object({ note: optionalText(1000) });
