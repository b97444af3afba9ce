CREATE TABLE "event_types" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"image_url" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"search_document" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_session_at" timestamp with time zone,
	"last_session_at" timestamp with time zone,
	"session_count" integer DEFAULT 0 NOT NULL,
	"cities" text[] DEFAULT '{}'::text[] NOT NULL,
	"venue_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"venue_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_min_cents" integer,
	"price_max_cents" integer,
	"currency" text,
	"sold_ratio" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "events_status_check" CHECK ("events"."status" in ('draft', 'published', 'cancelled', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "layouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"spec" jsonb,
	"plan" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"categories" jsonb NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "layouts_kind_check" CHECK ("layouts"."kind" in ('procedural', 'svg')),
	CONSTRAINT "layouts_capacity_check" CHECK ("layouts"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"session_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "prices_session_id_category_key_pk" PRIMARY KEY("session_id","category_key"),
	CONSTRAINT "prices_amount_check" CHECK ("prices"."amount_cents" >= 0),
	CONSTRAINT "prices_currency_check" CHECK ("prices"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"layout_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"sales_open_at" timestamp with time zone NOT NULL,
	"sales_close_at" timestamp with time zone NOT NULL,
	"hold_minutes" integer DEFAULT 10 NOT NULL,
	"max_tickets_per_order" integer DEFAULT 10 NOT NULL,
	"cancel_cutoff_hours" integer DEFAULT 24 NOT NULL,
	"queue_mode" text DEFAULT 'off' NOT NULL,
	"queue_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_times_check" CHECK ("sessions"."ends_at" > "sessions"."starts_at"),
	CONSTRAINT "sessions_sales_check" CHECK ("sessions"."sales_open_at" < "sessions"."sales_close_at" and "sessions"."sales_close_at" <= "sessions"."ends_at"),
	CONSTRAINT "sessions_hold_check" CHECK ("sessions"."hold_minutes" between 1 and 60),
	CONSTRAINT "sessions_max_tickets_check" CHECK ("sessions"."max_tickets_per_order" between 1 and 100),
	CONSTRAINT "sessions_cutoff_check" CHECK ("sessions"."cancel_cutoff_hours" between 0 and 8760),
	CONSTRAINT "sessions_queue_mode_check" CHECK ("sessions"."queue_mode" in ('off', 'scheduled', 'auto')),
	CONSTRAINT "sessions_status_check" CHECK ("sessions"."status" in ('draft', 'published', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"timezone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ga_inventory" (
	"session_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	"category" text NOT NULL,
	"capacity" integer NOT NULL,
	"remaining" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ga_inventory_session_id_area_id_pk" PRIMARY KEY("session_id","area_id"),
	CONSTRAINT "ga_inventory_remaining_check" CHECK ("ga_inventory"."remaining" >= 0 and "ga_inventory"."remaining" <= "ga_inventory"."capacity")
);
--> statement-breakpoint
CREATE TABLE "seat_inventory" (
	"session_id" uuid NOT NULL,
	"seat_id" text NOT NULL,
	"category" text NOT NULL,
	"section_id" text NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"hold_id" uuid,
	"hold_expires_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "seat_inventory_session_id_seat_id_pk" PRIMARY KEY("session_id","seat_id"),
	CONSTRAINT "seat_inventory_status_check" CHECK ("seat_inventory"."status" in ('available', 'held', 'sold', 'blocked'))
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_key_event_types_key_fk" FOREIGN KEY ("type_key") REFERENCES "public"."event_types"("key") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "layouts" ADD CONSTRAINT "layouts_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layouts" ADD CONSTRAINT "layouts_previous_id_layouts_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_layout_id_layouts_id_fk" FOREIGN KEY ("layout_id") REFERENCES "public"."layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ga_inventory" ADD CONSTRAINT "ga_inventory_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_inventory" ADD CONSTRAINT "seat_inventory_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_next_session_idx" ON "events" USING btree ("status","next_session_at");--> statement-breakpoint
CREATE INDEX "events_cities_idx" ON "events" USING gin ("cities");--> statement-breakpoint
CREATE INDEX "events_status_idx" ON "events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "events_type_idx" ON "events" USING btree ("type_key");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "events_title_trgm_idx" ON "events" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "layouts_venue_idx" ON "layouts" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "layouts_lineage_idx" ON "layouts" USING btree ("lineage_id","version");--> statement-breakpoint
CREATE INDEX "sessions_event_idx" ON "sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "sessions_starts_idx" ON "sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "sessions_layout_idx" ON "sessions" USING btree ("layout_id");--> statement-breakpoint
CREATE INDEX "venues_city_idx" ON "venues" USING btree (lower("city"));--> statement-breakpoint
CREATE INDEX "seat_inventory_status_idx" ON "seat_inventory" USING btree ("session_id","category","status");--> statement-breakpoint
CREATE INDEX "seat_inventory_hold_idx" ON "seat_inventory" USING btree ("hold_id");