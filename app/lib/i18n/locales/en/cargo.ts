// The receiving and shipping reconciliation register.
export const cargo = {
  cargo: {
    title: "Cargo reconciliation",
    description:
      "Receiving and shipping checked against the documents: the B/L, packing list and invoice against the packages and weight counted at the dock. A difference is explained and can raise a corrective action.",
    reference: "Reference",
    direction: "Direction",
    directions: { receiving: "Receiving", shipping: "Shipping" },
    date: "Date",
    site: "Site",
    documents: "Documents",
    billOfLading: "B/L number",
    packingList: "Packing list",
    invoiceNumbers: "Invoice numbers",
    containerNumber: "Container number",
    sealNumber: "Seal number",
    sealInRegister: "In the seal register",
    sealNotInRegister: "Sender's seal (not in the register)",
    expectedPackages: "Packages per documents",
    countedPackages: "Packages counted",
    expectedWeightKg: "Weight per documents (kg)",
    countedWeightKg: "Weight counted (kg)",
    packages: "Packages",
    weight: "Weight (kg)",
    expected: "Documents",
    counted: "Counted",
    difference: "Difference",
    result: "Result",
    matched: "Matches the documents",
    discrepancy: "Discrepancy",
    note: "Explanation",
    recordedBy: "Recorded by",
    noWeight: "No weight given",
    recordedByAt: "{{name}}, {{time}}",
    backToList: "Back to the register",
    actions: "Corrective actions",
    noActions: "No corrective action was raised.",
    recorded: "{{reference}} is recorded.",
    recordedWithAction:
      "{{reference}} is recorded and corrective action {{action}} raised.",
    list: {
      title_one: "Reconciliations ({{count}})",
      title: "Reconciliations ({{count}})",
      titleMore: "Reconciliations (more than {{count}})",
      new: "Record a reconciliation",
      exportCsv: "Export CSV",
      filter: "Filter the register",
      allSites: "All sites",
      allDirections: "Receiving and shipping",
      from: "From",
      to: "Until",
      onlyDiscrepancies: "Only discrepancies",
      search: "B/L, packing list, invoice, container or seal",
      apply: "Apply",
      clear: "Clear",
      empty: "No reconciliation recorded yet.",
      emptyFilter: "No reconciliation matches the filter.",
      pages: "Pages of the register",
    },
    form: {
      title: "Record a reconciliation",
      description:
        "Count what arrived or is leaving and compare it with the documents. Give at least one document reference.",
      notSaved: "Not recorded: correct the fields marked below.",
      noSites:
        "No sites yet. An administrator adds them under Settings → Sites.",
      documentsHint:
        "At least one of the B/L, packing list or invoice numbers.",
      sealHint:
        "Checked against the seal register. A shipment leaves with one of your applied seals; a received container may carry the sender's seal.",
      weightHint:
        "Both weights, or neither. Within 0.5% (at least 1 kg) is the same weight.",
      noteHint:
        "Required when the count or weight differs: what was found and why.",
      raiseAction: "Raise a corrective action for the discrepancy",
      actionOwner: "Action owner",
      actionDueOn: "Action due on",
      submit: "Record",
    },
    csv: {
      reference: "Reference",
      date: "Date",
      direction: "Direction",
      site: "Site",
      billOfLading: "B/L number",
      packingList: "Packing list",
      invoiceNumbers: "Invoice numbers",
      containerNumber: "Container number",
      sealNumber: "Seal number",
      sealInRegister: "Seal in register",
      expectedPackages: "Packages per documents",
      countedPackages: "Packages counted",
      expectedWeightKg: "Weight per documents (kg)",
      countedWeightKg: "Weight counted (kg)",
      discrepancy: "Discrepancy",
      note: "Explanation",
      recordedBy: "Recorded by",
      yes: "yes",
      no: "no",
    },
    errors: {
      direction: "Choose receiving or shipping.",
      site: "Choose the site where the goods were counted.",
      future: "The date cannot be in the future.",
      documentRequired:
        "Give at least one document reference: B/L, packing list or invoice number.",
      packages: "Type a whole number of packages (0 or more).",
      weight: "Type a weight in kilograms (0 or more).",
      weightDecimals: "Give the weight to at most one decimal place (0.1 kg).",
      weightPair: "Give both weights (documents and counted), or neither.",
      noteRequired:
        "The count differs from the documents: explain the discrepancy.",
      actionWithoutDiscrepancy:
        "A corrective action is for a discrepancy; the count matches the documents.",
      actionDueBefore:
        "The action cannot be due before the reconciliation's date.",
      containerFormat:
        "A container number is 4 letters and 7 digits, e.g. CSQU3054383.",
      containerCategory:
        "The fourth letter must be U, J or Z, not “{{character}}”.",
      containerCheck:
        "The check digit of {{prefix}} should be {{expected}}, not {{actual}}: check the number.",
      sealUnknown:
        "Seal {{number}} is not in the seal register: a shipment leaves with one of your own seals.",
      sealNotApplied:
        "Seal {{number}} has not been applied yet: apply it in the seal register first.",
      sealOtherContainer:
        "Seal {{number}} was applied to container {{container}}, not this one.",
      sealStatus: {
        voided: "Seal {{number}} is voided in the seal register.",
        compromised:
          "Seal {{number}} is reported compromised in the seal register.",
      },
    },
  },
};
