CREATE TABLE "testpay_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"description" text NOT NULL,
	"return_url" text NOT NULL,
	"status" text DEFAULT 'requires_payment' NOT NULL,
	"failure_reason" text,
	"card_last4" text,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testpay_payments_order_id_key" UNIQUE("order_id"),
	CONSTRAINT "testpay_payments_status_check" CHECK ("testpay_payments"."status" in ('requires_payment', 'requires_action', 'succeeded', 'failed', 'refunded')),
	CONSTRAINT "testpay_payments_amount_check" CHECK ("testpay_payments"."amount_cents" > 0),
	CONSTRAINT "testpay_payments_refunded_check" CHECK ("testpay_payments"."refunded_cents" >= 0 and "testpay_payments"."refunded_cents" <= "testpay_payments"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "testpay_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"refund_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'succeeded' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testpay_refunds_refund_id_key" UNIQUE("refund_id"),
	CONSTRAINT "testpay_refunds_amount_check" CHECK ("testpay_refunds"."amount_cents" > 0),
	CONSTRAINT "testpay_refunds_status_check" CHECK ("testpay_refunds"."status" in ('succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "testpay_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"payment_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testpay_webhook_events_type_check" CHECK ("testpay_webhook_events"."type" in ('payment.succeeded', 'payment.failed', 'payment.requires_action', 'refund.succeeded'))
);
--> statement-breakpoint
ALTER TABLE "testpay_refunds" ADD CONSTRAINT "testpay_refunds_payment_id_testpay_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."testpay_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testpay_webhook_events" ADD CONSTRAINT "testpay_webhook_events_payment_id_testpay_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."testpay_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "testpay_refunds_payment_idx" ON "testpay_refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "testpay_webhook_events_due_idx" ON "testpay_webhook_events" USING btree ("next_attempt_at","seq") WHERE "testpay_webhook_events"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "testpay_webhook_events_payment_idx" ON "testpay_webhook_events" USING btree ("payment_id");