export * from './accounts';
export * from './catalogue';
export * from './ledger';
export * from './orders';
export * from './payments';
export * from './settings';
export * from './mail';
