import { z } from "zod";
import { requiredText } from "../validation";

/** New wording for a clause: a version of the organisation's own. */
export const ClauseTextSchema = z.object({
  titleZh: requiredText(120),
  titleEn: requiredText(120),
  textZh: requiredText(4000),
  textEn: requiredText(4000),
});
