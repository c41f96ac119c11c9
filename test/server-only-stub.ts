// Vitest and the CLI scripts run outside Next's react-server graph, where the real
// `server-only` module throws on import; server code is still server code there.
export {};
