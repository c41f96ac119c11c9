export * from './accounts';
export * from './catalogue';
export * from './ledger';
export * from './orders';
export * from './settings';
export * from './webhooks';
