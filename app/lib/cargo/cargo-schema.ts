import { z } from "zod";
import { message } from "../i18n/messages";
import {
  checkContainerNumber,
  normalizeContainerNumber,
} from "../inspections/container-number";
import { optionalText, RequiredDateSchema } from "../validation";
import { isCalendarDate } from "../value-checks";
import { cargoDifferences, cargoDirections } from "./cargo-rules";

// The reconciliation form: one schema for react-hook-form in the browser and the action. The
// discrepancy is computed here from the numbers (never taken from the form), so a difference
// without its explanation is refused before anything is written.

const ticked = z.preprocess(
  (v) => v === "yes" || v === true || v === "on",
  z.boolean(),
);
const blankToUndefined = (v: unknown) =>
  v === "" || v === null || v === undefined
    ? undefined
    : typeof v === "string"
      ? v.trim()
      : v;

const packages = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: message("cargo.errors.packages") })
    .int(message("cargo.errors.packages"))
    .min(0, message("cargo.errors.packages"))
    .max(1_000_000, message("cargo.errors.packages")),
);
const weight = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: message("cargo.errors.weight") })
    .min(0, message("cargo.errors.weight"))
    .max(100_000_000, message("cargo.errors.weight"))
    .refine(
      (v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6,
      message("cargo.errors.weightDecimals"),
    )
    .optional(),
);

export const CargoReconciliationSchema = z
  .object({
    direction: z.enum(cargoDirections, {
      error: message("cargo.errors.direction"),
    }),
    reconciledOn: RequiredDateSchema,
    siteId: z
      .string({ error: message("cargo.errors.site") })
      .uuid(message("cargo.errors.site")),
    billOfLading: optionalText(60),
    packingList: optionalText(60),
    invoiceNumbers: optionalText(200),
    containerNumber: optionalText(20),
    sealNumber: optionalText(30).transform((v) =>
      v?.toUpperCase().replace(/\s+/g, ""),
    ),
    expectedPackages: packages,
    countedPackages: packages,
    expectedWeightKg: weight,
    countedWeightKg: weight,
    note: optionalText(1000),
    raiseAction: ticked,
    actionOwnerUserId: optionalText(40),
    actionDueOn: optionalText(10),
  })
  .superRefine((v, ctx) => {
    if (!v.billOfLading && !v.packingList && !v.invoiceNumbers)
      ctx.addIssue({
        code: "custom",
        path: ["billOfLading"],
        message: message("cargo.errors.documentRequired"),
      });
    if (v.containerNumber) {
      const checked = checkContainerNumber(v.containerNumber);
      if (!checked.ok) {
        const text =
          checked.reason === "format"
            ? message("cargo.errors.containerFormat")
            : checked.reason === "category"
              ? message("cargo.errors.containerCategory", {
                  character: checked.character,
                })
              : message("cargo.errors.containerCheck", {
                  prefix: checked.prefix,
                  expected: checked.expected,
                  actual: checked.actual,
                });
        ctx.addIssue({
          code: "custom",
          path: ["containerNumber"],
          message: text,
        });
      }
    }
    if (
      (v.expectedWeightKg === undefined) !==
      (v.countedWeightKg === undefined)
    ) {
      const path =
        v.expectedWeightKg === undefined
          ? "expectedWeightKg"
          : "countedWeightKg";
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: message("cargo.errors.weightPair"),
      });
    }
    const differences = cargoDifferences(v);
    if (differences.discrepancy && !v.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: message("cargo.errors.noteRequired"),
      });
    if (v.raiseAction) {
      if (!differences.discrepancy)
        ctx.addIssue({
          code: "custom",
          path: ["raiseAction"],
          message: message("cargo.errors.actionWithoutDiscrepancy"),
        });
      if (!v.actionOwnerUserId)
        ctx.addIssue({
          code: "custom",
          path: ["actionOwnerUserId"],
          message: message("errors.choose"),
        });
      if (!v.actionDueOn || !isCalendarDate(v.actionDueOn))
        ctx.addIssue({
          code: "custom",
          path: ["actionDueOn"],
          message: message("errors.date"),
        });
      else if (v.actionDueOn < v.reconciledOn)
        ctx.addIssue({
          code: "custom",
          path: ["actionDueOn"],
          message: message("cargo.errors.actionDueBefore"),
        });
    }
  })
  .transform((v) => {
    const { raiseAction, actionOwnerUserId, actionDueOn, ...rest } = v;
    return {
      ...rest,
      containerNumber: rest.containerNumber
        ? normalizeContainerNumber(rest.containerNumber)
        : undefined,
      discrepancy: cargoDifferences(rest).discrepancy,
      action:
        raiseAction && actionOwnerUserId && actionDueOn
          ? { ownerUserId: actionOwnerUserId, dueOn: actionDueOn }
          : null,
    };
  });
export type CargoReconciliationInput = z.input<
  typeof CargoReconciliationSchema
>;
export type CargoReconciliationValues = z.output<
  typeof CargoReconciliationSchema
>;
