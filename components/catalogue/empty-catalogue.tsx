/** Shown while a vertical has nothing on sale (before the operator enables products). */
export function EmptyCatalogue() {
  return (
    <div className="mt-8 rounded-2xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
      <p className="font-medium">Nothing on sale here yet</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Products appear as soon as the store enables them.</p>
    </div>
  );
}
