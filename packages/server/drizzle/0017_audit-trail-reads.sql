CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_unit_at_idx" ON "audit_log" USING btree ("unit_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_period_at_idx" ON "audit_log" USING btree ("period_id","at","id");