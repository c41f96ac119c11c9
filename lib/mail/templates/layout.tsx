import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** The frame every email shares: the store's name, one column that reads well on a phone. */
export function EmailLayout({ storeName, preview, heading, children }: { storeName: string; preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '16px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 520, padding: '24px 20px' }}>
          <Text style={{ color: '#52525b', fontSize: 14, fontWeight: 600, margin: 0 }}>{storeName}</Text>
          <Heading as="h1" style={{ color: '#18181b', fontSize: 22, lineHeight: '28px', margin: '12px 0 16px' }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: '#e4e4e7', margin: '24px 0 12px' }} />
          <Text style={{ color: '#71717a', fontSize: 12, margin: 0 }}>
            You receive this email because of your account or order at {storeName}. If that was not you, you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { color: '#27272a', fontSize: 15, lineHeight: '22px', margin: '0 0 12px' } as const;
export const small = { color: '#52525b', fontSize: 13, lineHeight: '19px', margin: '0 0 8px' } as const;
export const mono = { ...paragraph, fontFamily: 'Menlo, Consolas, monospace', wordBreak: 'break-all' } as const;

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 16px' }}>
      <Button
        href={href}
        style={{ backgroundColor: '#18181b', borderRadius: 6, color: '#ffffff', display: 'inline-block', fontSize: 15, fontWeight: 600, padding: '12px 20px' }}
      >
        {children}
      </Button>
    </Section>
  );
}

/** Label/value lines (order number, amount...) as plain text rows: tables wrap badly on phones. */
export function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <Section style={{ margin: '0 0 12px' }}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Text key={label} style={{ ...paragraph, margin: '0 0 4px' }}>
            <span style={{ color: '#71717a' }}>{label}: </span>
            {value}
          </Text>
        ))}
    </Section>
  );
}
