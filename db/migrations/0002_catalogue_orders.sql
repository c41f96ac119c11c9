CREATE TYPE "public"."vertical" AS ENUM('voucher', 'topup', 'esim');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('SUBMITTING', 'PENDING', 'DELIVERED', 'FAILED', 'CANCELLED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "catalogue_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"product_id" text NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by_id" text,
	"status" text DEFAULT 'running' NOT NULL,
	"lease_expires_at" timestamp with time zone NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"from_currency" text NOT NULL,
	"to_currency" text NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_from_currency_to_currency_pk" PRIMARY KEY("from_currency","to_currency")
);
--> statement-breakpoint
CREATE TABLE "product_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"key" text NOT NULL,
	"upstream_id" integer,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(20, 4),
	"min_amount" numeric(20, 4),
	"max_amount" numeric(20, 4),
	"currency" text NOT NULL,
	"discount_percent" numeric(7, 3),
	"category" text,
	"data_gb" numeric(10, 3),
	"validity_days" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"upstream_payload" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"vertical" "vertical" NOT NULL,
	"upstream_id" integer NOT NULL,
	"name" text NOT NULL,
	"country_code" text,
	"upstream_region" text,
	"currency" text NOT NULL,
	"image_url" text,
	"category" text,
	"topup_type" text,
	"description" text,
	"input_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"upstream_payload" jsonb NOT NULL,
	"upstream_status" text DEFAULT 'active' NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"display_name" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"markup_percent" numeric(7, 3),
	"paused_reason" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"from_status" "order_status",
	"to_status" "order_status" NOT NULL,
	"source" text NOT NULL,
	"message" text,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "orders_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"user_id" text NOT NULL,
	"vertical" "vertical" NOT NULL,
	"product_id" text NOT NULL,
	"variant_id" text,
	"product_name" text NOT NULL,
	"variant_name" text,
	"client_reference" text NOT NULL,
	"checkout_token" text NOT NULL,
	"status" "order_status" DEFAULT 'SUBMITTING' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"face_amount" numeric(20, 4) NOT NULL,
	"face_currency" text NOT NULL,
	"category" text,
	"input_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recipient" text,
	"retail_amount" numeric(20, 4) NOT NULL,
	"retail_currency" text NOT NULL,
	"wholesale_amount" numeric(20, 4) NOT NULL,
	"wholesale_currency" text NOT NULL,
	"wallet_id" integer,
	"markup_percent" numeric(7, 3) NOT NULL,
	"payment_provider" text DEFAULT 'balance' NOT NULL,
	"payment_reference" text,
	"refunded_at" timestamp with time zone,
	"upstream_id" integer,
	"upstream_status" text,
	"status_text" text,
	"failure_code" text,
	"failure_reason" text,
	"is_user_fixable" boolean DEFAULT false NOT NULL,
	"delivery_secret" text,
	"delivery" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revealed_at" timestamp with time zone,
	"notification_email" text,
	"submit_attempts" integer DEFAULT 0 NOT NULL,
	"last_submitted_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "catalogue_changes" ADD CONSTRAINT "catalogue_changes_run_id_catalogue_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."catalogue_sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_changes" ADD CONSTRAINT "catalogue_changes_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_sync_runs" ADD CONSTRAINT "catalogue_sync_runs_triggered_by_id_users_id_fk" FOREIGN KEY ("triggered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_changes_run_idx" ON "catalogue_changes" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_sync_runs_one_running_idx" ON "catalogue_sync_runs" USING btree ("status") WHERE "catalogue_sync_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "catalogue_sync_runs_started_idx" ON "catalogue_sync_runs" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_key_idx" ON "product_variants" USING btree ("product_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "products_upstream_idx" ON "products" USING btree ("vertical","upstream_id");--> statement-breakpoint
CREATE INDEX "products_listing_idx" ON "products" USING btree ("vertical","enabled","upstream_status");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_client_reference_idx" ON "orders" USING btree ("client_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_checkout_token_idx" ON "orders" USING btree ("user_id","checkout_token");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","next_check_at");