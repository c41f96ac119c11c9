export type InstallDevice = 'ios' | 'android' | 'other';

/**
 * Which eSIM install help fits the device reading the order page: the one-tap link only works
 * on an iPhone (or iPad), Android has its own steps, and a computer can only show the QR code to
 * scan with the phone. iPadOS asking for desktop sites says "Macintosh" and gets the QR code.
 */
export function installDeviceOf(userAgent: string | null | undefined): InstallDevice {
  const agent = userAgent ?? '';
  if (/\b(iPhone|iPad|iPod)\b/.test(agent)) return 'ios';
  if (/\bAndroid\b/.test(agent)) return 'android';
  return 'other';
}
