CREATE TABLE "ticket_checkins" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"checked_in_by" uuid,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"lease_until" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "ticket_deliveries_reason_check" CHECK ("ticket_deliveries"."reason" in ('paid', 'resend')),
	CONSTRAINT "ticket_deliveries_status_check" CHECK ("ticket_deliveries"."status" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "ticket_deliveries_attempts_check" CHECK ("ticket_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ticket_checkins" ADD CONSTRAINT "ticket_checkins_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_checkins" ADD CONSTRAINT "ticket_checkins_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_checkins" ADD CONSTRAINT "ticket_checkins_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_deliveries" ADD CONSTRAINT "ticket_deliveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_checkins_session_idx" ON "ticket_checkins" USING btree ("session_id","checked_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_deliveries_one_paid_per_order" ON "ticket_deliveries" USING btree ("order_id") WHERE "ticket_deliveries"."reason" = 'paid';--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_deliveries_one_open_resend" ON "ticket_deliveries" USING btree ("order_id") WHERE "ticket_deliveries"."reason" = 'resend' and "ticket_deliveries"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "ticket_deliveries_order_idx" ON "ticket_deliveries" USING btree ("order_id","created_at");