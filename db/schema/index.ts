export * from './accounts';
export * from './catalogue';
export * from './content';
export * from './ledger';
export * from './orders';
export * from './settings';
export * from './gift-codes';
