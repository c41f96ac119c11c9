'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { InstallDevice } from '@/lib/orders/install-device';

type Platform = 'ios' | 'android';

function IosSteps() {
  return (
    <ol className="list-decimal space-y-1.5 pl-5" data-platform="ios">
      <li>Connect to Wi-Fi. Install before you travel; the profile installs once, so do not delete it.</li>
      <li>
        Tap <strong>Install on this iPhone</strong> (iOS 17.4 and later), or open <strong>Settings › Cellular</strong> (Mobile Service) ›{' '}
        <strong>Add eSIM</strong> › <strong>Use QR Code</strong> and scan the code from another screen. No second screen? Choose{' '}
        <strong>Enter Details Manually</strong> and paste the SM-DP+ address and activation code below.
      </li>
      <li>Name the new line (for example “Travel”) and keep your usual line for calls if you like.</li>
      <li>
        On arrival: <strong>Settings › Cellular</strong> › pick this line for <strong>Cellular Data</strong> and turn <strong>Data Roaming</strong> on for it.
      </li>
    </ol>
  );
}

function AndroidSteps() {
  return (
    <ol className="list-decimal space-y-1.5 pl-5" data-platform="android">
      <li>Connect to Wi-Fi. Install before you travel; the profile installs once, so do not delete it.</li>
      <li>
        Samsung: <strong>Settings › Connections › SIM manager › Add eSIM</strong>. Pixel: <strong>Settings › Network &amp; internet › SIMs › Add SIM</strong>{' '}
        (“Download a SIM instead?”). Other phones: look under <strong>Settings › Connections</strong> or <strong>Network</strong> for the SIM manager.
      </li>
      <li>
        Scan the QR code from another screen. No second screen? Choose <strong>Enter code manually</strong> (or “Need help?”) and paste the
        activation code below.
      </li>
      <li>On arrival: turn this eSIM on for mobile data and turn <strong>Roaming</strong> on for it.</li>
    </ol>
  );
}

const labels: Record<Platform, string> = { ios: 'iPhone / iPad', android: 'Android' };

/**
 * Install steps for the device reading the page (from its User-Agent), with a switch to the other
 * platform: the order is often opened on a computer or on another phone than the one to set up.
 */
export function EsimInstallSteps({ device }: { device: InstallDevice }) {
  const [shown, setShown] = useState<Platform | 'both'>(device === 'other' ? 'both' : device);
  return (
    <div className="space-y-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="esim-install-steps" data-device={device} data-shown={shown}>
      <div role="group" aria-label="Install steps for" className="inline-flex rounded-xl bg-zinc-100 p-1 dark:bg-zinc-800">
        {(['ios', 'android'] as const).map((platform) => (
          <button
            key={platform}
            type="button"
            aria-pressed={shown === platform || shown === 'both'}
            onClick={() => setShown(platform)}
            className="rounded-lg px-3 py-1.5 text-sm font-medium aria-pressed:bg-white aria-pressed:shadow-sm dark:aria-pressed:bg-zinc-950"
          >
            {labels[platform]}
          </button>
        ))}
      </div>
      {(shown === 'ios' || shown === 'both') && (
        <section aria-label="Install on iPhone or iPad">
          {shown === 'both' && <h3 className="mb-1 font-semibold text-zinc-900 dark:text-white">iPhone / iPad</h3>}
          <IosSteps />
        </section>
      )}
      {(shown === 'android' || shown === 'both') && (
        <section aria-label="Install on Android">
          {shown === 'both' && <h3 className="mb-1 font-semibold text-zinc-900 dark:text-white">Android</h3>}
          <AndroidSteps />
        </section>
      )}
      <p>
        Not sure your phone takes an eSIM? Dial <code className="font-mono">*#06#</code>: an EID means it does.{' '}
        <Link href="/help/esim" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
          eSIM help
        </Link>
      </p>
    </div>
  );
}
