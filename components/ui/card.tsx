import type { ComponentPropsWithoutRef, ElementType } from 'react';

/** The white, ringed surface every card, panel and table frame shares. */
export const cardSurface = 'bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800';

type CardProps<Tag extends ElementType> = {
  /** The element to render (section, aside, form, fieldset, dl...); a div by default. */
  as?: Tag;
  /** The store's cards are rounder than the console's. */
  rounded?: '2xl' | '3xl';
  /** Inner spacing; false for cards that set their own. */
  padded?: boolean;
  className?: string;
} & Omit<ComponentPropsWithoutRef<Tag>, 'as' | 'className'>;

export function Card<Tag extends ElementType = 'div'>({ as, rounded = '2xl', padded = true, className = '', ...props }: CardProps<Tag>) {
  const Element: ElementType = as ?? 'div';
  const shape = rounded === '3xl' ? 'rounded-3xl' : 'rounded-2xl';
  return <Element className={`${shape} ${cardSurface} ${padded ? 'p-5' : ''} ${className}`.trim()} {...props} />;
}
