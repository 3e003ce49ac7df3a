import { packageBuild } from '../../tsup.shared.js';

// index: every runtime; node: the same plus reading credentials.json by path (export condition
// `node`); error-codes: the full code table (the client ships the names only).
export default packageBuild({
  spec: 'voximplant',
  entry: ['src/index.ts', 'src/node.ts', 'src/error-codes.ts'],
});
