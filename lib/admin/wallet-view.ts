/** What GET /api/admin/wallets answers (shared with the dashboard's polling panel). */
export type WalletsResponse =
  | {
      ok: true;
      currency: string;
      threshold: string;
      low: boolean;
      wallets: { id: number; currency: string; amount: string; type: string }[];
      checkedAt: string;
    }
  | { ok: false; error: string };
