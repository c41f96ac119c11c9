import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * Under a mobile product's form after a number lookup: the operator we detected, and the other
 * operators the number might belong to ("wrong operator?"), keeping the number.
 */
export async function DetectedOperator({
  currentId,
  operatorName,
  detected,
  phone,
  alternatives,
}: {
  currentId: string;
  operatorName: string;
  detected: boolean;
  phone: string;
  alternatives: { id: string; name: string }[];
}) {
  const t = await getTranslations('checkout');
  return (
    <div className="rounded-2xl bg-sky-50 p-4 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100" data-testid="detected-operator">
      <p>
        {detected ? t('detectedOperator') : t('likelyOperator')}: <strong>{operatorName}</strong>
      </p>
      {alternatives.length > 0 && (
        <p className="mt-1">
          {t('wrongOperator')}{' '}
          {alternatives.map((alternative, index) => (
            <span key={alternative.id}>
              {index > 0 && ', '}
              <Link
                href={`/mobile/${alternative.id}?${new URLSearchParams({
                  'input.phone_number': phone,
                  detected: '0',
                  // Switching keeps every candidate one tap away, including the one we left.
                  alternatives: [currentId, ...alternatives.map((other) => other.id)].filter((id) => id !== alternative.id).join(','),
                })}`}
                className="font-semibold underline"
              >
                {alternative.name}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
