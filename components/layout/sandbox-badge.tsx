/** Tells everyone that orders go to the simulator, not to a real supplier. */
export function SandboxBadge() {
  return (
    <span
      title="Orders go to the Octopus sandbox: codes are not redeemable and no real money moves."
      className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
    >
      Sandbox
    </span>
  );
}
