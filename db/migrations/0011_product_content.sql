ALTER TABLE "product_images" ADD COLUMN "uploaded_by" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "store_description" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "redeem_steps" text;