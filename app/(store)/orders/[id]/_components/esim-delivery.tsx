import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { formatDateTimeUtc } from '@/lib/format';
import { installDeviceOf } from '@/lib/orders/install-device';
import { CopyButton } from '@/components/ui/copy-button';
import { EsimInstallSteps } from './esim-install-steps';
import type { OrderDelivery } from '@/lib/orders/types';

type EsimSecret = { activationCode: string; smdpAddress: string | null; matchingId: string | null };

const activationLabels: Record<string, string> = {
  NOT_INSTALLED: 'Not installed yet',
  ACTIVE: 'Installed and active',
  EXPIRED: 'Expired',
};

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-center justify-between gap-3 py-2">
      <div className="min-w-0">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
        <code className="block break-all font-mono text-sm">{value}</code>
      </div>
      <CopyButton value={value} label={label} />
    </div>
  );
}

/**
 * The eSIM as the customer installs it: a QR code of the LPA string (rendered here, on the
 * server, as SVG), the manual SM-DP+ address and activation code, the iOS one-tap link.
 * Profiles install once, so after installation only the status and ICCID remain.
 */
export async function EsimDelivery({ secret, delivery }: { secret: EsimSecret | null; delivery: OrderDelivery }) {
  const installed = delivery.isInstalled === true;
  const activation = String(delivery.activationStatus ?? 'NOT_INSTALLED');
  const iccid = typeof delivery.iccid === 'string' ? delivery.iccid : null;
  const device = installDeviceOf((await headers()).get('user-agent'));
  const svg = secret && !installed ? await QRCode.toString(secret.activationCode, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;

  return (
    <div className="space-y-5">
      <p className="text-sm">
        Activation: <strong data-testid="esim-activation">{activationLabels[activation] ?? activation}</strong>
        {typeof delivery.installedAt === 'string' && <> · installed {formatDateTimeUtc(delivery.installedAt)}</>}
      </p>
      {secret && svg && (
        <>
          <div className="grid gap-5 sm:grid-cols-[14rem_1fr] sm:items-start">
            <figure className="mx-auto w-56 rounded-2xl bg-white p-3 ring-1 ring-zinc-200 sm:mx-0">
              <div role="img" aria-label="eSIM QR code" data-testid="esim-qr" className="[&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
              <figcaption className="mt-2 text-center text-xs text-zinc-600">Scan from another screen</figcaption>
            </figure>
            <div className="space-y-3">
              {device === 'ios' && (
                <a
                  href={`https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(secret.activationCode)}`}
                  className="flex w-full items-center justify-center rounded-xl bg-zinc-900 px-4 py-3 text-sm font-semibold text-white dark:bg-white dark:text-zinc-900"
                >
                  Install on this iPhone
                </a>
              )}
              <EsimInstallSteps device={device} />
            </div>
          </div>
          <div className="divide-y divide-zinc-200 rounded-2xl bg-zinc-50 px-4 dark:divide-zinc-800 dark:bg-zinc-950">
            {secret.smdpAddress && <CopyRow label="SM-DP+ address" value={secret.smdpAddress} />}
            {secret.matchingId && <CopyRow label="Activation code" value={secret.matchingId} />}
            <CopyRow label="LPA string" value={secret.activationCode} />
          </div>
        </>
      )}
      {installed && <p className="text-sm text-zinc-600 dark:text-zinc-400">This eSIM is installed on a device, so its QR code is no longer shown.</p>}
      {iccid && (
        <p className="text-sm">
          ICCID <code className="font-mono">{iccid}</code>
        </p>
      )}
    </div>
  );
}
