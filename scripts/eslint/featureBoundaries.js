// A feature talks to another through its service: it never imports another feature's tables
// (`schema.ts`) or its commands. Schemas may reference each other's tables for foreign keys.
import { dirname, resolve, sep } from 'node:path';

const FEATURES = `${sep}src${sep}features${sep}`;

function featureOf(path) {
  const at = path.indexOf(FEATURES);
  return at < 0 ? null : path.slice(at + FEATURES.length).split(sep)[0];
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "forbid importing another feature's schema.ts or commands/" },
    messages: {
      boundary:
        "'{{source}}' belongs to the {{other}} feature: ask its service instead (a feature never reaches into another's tables or commands).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = featureOf(file);
    if (!own) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const other = featureOf(target);
      if (!other || other === own) return;
      const isSchema = target.endsWith(`${sep}schema.ts`);
      const isCommand = target.includes(`${sep}commands${sep}`);
      if (!isSchema && !isCommand) return;
      if (isSchema && file.endsWith(`${sep}schema.ts`)) return;
      context.report({ node, messageId: 'boundary', data: { source, other } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
