// What a dossier prints of a receiving or shipping reconciliation: the documents, the container and
// seal, the counted against the expected, and for a discrepancy its explanation (the details an
// exception shows in full).
import { cargoReconciliations } from "../../../db/schema/cargo";
import {
  cargoDifferences,
  cargoReference,
  signedDifference,
} from "~/lib/cargo/cargo-rules";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import type { DossierRecordType } from "./dossier-facts.server";
import {
  both,
  join,
  label,
  source,
  type Loader,
} from "./dossier-record-source.server";
import type { Bilingual } from "./dossier-types";

const kg = (value: string | null) => (value === null ? null : Number(value));

export const cargoLoaders = {
  cargo_reconciliation: source({
    table: cargoReconciliations,
    columns: {
      id: cargoReconciliations.id,
      number: cargoReconciliations.number,
      siteId: cargoReconciliations.siteId,
      direction: cargoReconciliations.direction,
      billOfLading: cargoReconciliations.billOfLading,
      packingList: cargoReconciliations.packingList,
      invoiceNumbers: cargoReconciliations.invoiceNumbers,
      containerNumber: cargoReconciliations.containerNumber,
      sealNumber: cargoReconciliations.sealNumber,
      expectedPackages: cargoReconciliations.expectedPackages,
      countedPackages: cargoReconciliations.countedPackages,
      expectedWeightKg: cargoReconciliations.expectedWeightKg,
      countedWeightKg: cargoReconciliations.countedWeightKg,
      discrepancy: cargoReconciliations.discrepancy,
      note: cargoReconciliations.note,
    },
    line: (r) => {
      const direction = label(
        zhCN.cargo.directions,
        en.cargo.directions,
        r.direction,
      );
      const documents = join(
        r.billOfLading && `B/L ${r.billOfLading}`,
        r.packingList && `P/L ${r.packingList}`,
        r.invoiceNumbers && `INV ${r.invoiceNumbers}`,
      );
      const seal = r.sealNumber ? `${r.sealNumber}` : null;
      const counts = cargoDifferences({
        expectedPackages: r.expectedPackages,
        countedPackages: r.countedPackages,
        expectedWeightKg: kg(r.expectedWeightKg),
        countedWeightKg: kg(r.countedWeightKg),
      });
      const packagesZh = `${r.countedPackages}/${r.expectedPackages} 件`;
      const packagesEn = `${r.countedPackages}/${r.expectedPackages} pkgs`;
      const weight =
        r.countedWeightKg !== null
          ? `${r.countedWeightKg}/${r.expectedWeightKg} kg`
          : null;
      const details: Bilingual[] = [];
      if (r.discrepancy) {
        details.push(
          both(
            join(
              `件数差异 ${signedDifference(counts.packages)}`,
              counts.weightKg !== null
                ? `重量差异 ${signedDifference(counts.weightKg)} kg`
                : null,
            ),
            join(
              `packages ${signedDifference(counts.packages)}`,
              counts.weightKg !== null
                ? `weight ${signedDifference(counts.weightKg)} kg`
                : null,
            ),
          ),
        );
        if (r.note)
          details.push(both(`差异说明：${r.note}`, `Explanation: ${r.note}`));
      }
      return {
        reference: cargoReference(r.number),
        path: `/cargo/${r.id}`,
        siteId: r.siteId,
        summary: both(
          join(
            direction.zh,
            documents,
            r.containerNumber,
            seal && `封志 ${seal}`,
            packagesZh,
            weight,
          ),
          join(
            direction.en,
            documents,
            r.containerNumber,
            seal && `seal ${seal}`,
            packagesEn,
            weight,
          ),
        ),
        result: r.discrepancy
          ? both(zhCN.cargo.discrepancy, en.cargo.discrepancy)
          : both(zhCN.cargo.matched, en.cargo.matched),
        details,
      };
    },
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;
