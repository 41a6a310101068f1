-- The search (app/lib/search, decision 0051). Trigram indexes need pg_trgm, a trusted extension (a
-- database owner may create it on PostgreSQL 13+; PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Every pair of adjacent characters of a text, lower-cased: a two-character word ("张伟", "物流"),
-- which no trigram index can serve, is found by `search_bigrams(column) @> array[word]`.
CREATE OR REPLACE FUNCTION search_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT pg_catalog.substr(pg_catalog.lower(value), i, 2)), '{}')
    FROM pg_catalog.generate_series(1, pg_catalog.char_length(value) - 1) AS i
  $$;--> statement-breakpoint
CREATE INDEX "inspections_container_number_prefix" ON "inspections" USING btree ("organization_id","container_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "partners_legal_name_zh_trgm" ON "partners" USING gin ("legal_name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_legal_name_en_trgm" ON "partners" USING gin ("legal_name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_uscc_prefix" ON "partners" USING btree ("organization_id","uscc" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "employees_name_trgm" ON "employees" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "visitor_entries_visitor_name_trgm" ON "visitor_entries" USING gin ("visitor_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "visitor_entries_company_trgm" ON "visitor_entries" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "visitor_entries_search_bigrams" ON "visitor_entries" USING gin (search_bigrams("visitor_name" || ' ' || "company"));--> statement-breakpoint
CREATE INDEX "seals_number_prefix" ON "seals" USING btree ("organization_id","number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "seals_target_prefix" ON "seals" USING btree ("organization_id","target" text_pattern_ops);