// Module hooks for scripts run outside Next without the react-server condition (npm run worker):
// `server-only` becomes an empty module, since these scripts are the server. React Email's
// renderer needs the plain react-dom/server, which the react-server condition would replace.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      "export async function resolve(specifier, context, next) { if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true }; return next(specifier, context); }",
    ),
  import.meta.url,
);
