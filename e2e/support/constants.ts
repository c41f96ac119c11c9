/** Shared by playwright.config.ts (which starts the server with them) and the specs. */
export const e2eOperator = { email: 'operator@e2e.test', password: 'e2e operator passphrase' };
