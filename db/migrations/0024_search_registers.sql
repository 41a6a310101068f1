-- The Step-12 registers in the search (app/lib/search/search-registers.server.ts, decision 0051):
-- words of an incident and of a customs contact's subject by trigram, a cargo reconciliation's
-- container number by its first characters, and a piece of its document numbers (B/L, packing list,
-- invoices: one field may list several) by trigram on the three together, the same expression as the query.
CREATE INDEX "incidents_description_trgm" ON "incidents" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "incidents_location_trgm" ON "incidents" USING gin ("location" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customs_contacts_subject_trgm" ON "customs_contacts" USING gin ("subject" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cargo_reconciliations_container_number_prefix" ON "cargo_reconciliations" USING btree ("organization_id","container_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cargo_reconciliations_documents_trgm" ON "cargo_reconciliations" USING gin (("bill_of_lading" || ' ' || "packing_list" || ' ' || "invoice_numbers") gin_trgm_ops);
