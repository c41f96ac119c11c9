CREATE TABLE "gift_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"voucher_order_id" text NOT NULL,
	"position" integer NOT NULL,
	"card_hash" text,
	"reference_hash" text,
	"value" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"redeemed_order_id" text,
	"redeemed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gift_codes" ADD CONSTRAINT "gift_codes_voucher_order_id_orders_id_fk" FOREIGN KEY ("voucher_order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_codes" ADD CONSTRAINT "gift_codes_redeemed_order_id_orders_id_fk" FOREIGN KEY ("redeemed_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gift_codes_order_position_idx" ON "gift_codes" USING btree ("voucher_order_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_codes_card_hash_idx" ON "gift_codes" USING btree ("card_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_codes_reference_hash_idx" ON "gift_codes" USING btree ("reference_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_codes_redeemed_order_idx" ON "gift_codes" USING btree ("redeemed_order_id");