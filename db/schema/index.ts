export * from './accounts';
export * from './ledger';
export * from './settings';
