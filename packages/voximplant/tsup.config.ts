import { packageBuild } from '../../tsup.shared.js';

// index: every runtime; node: the same plus reading credentials.json by path (export condition `node`).
export default packageBuild({ spec: 'voximplant', entry: ['src/index.ts', 'src/node.ts'] });
