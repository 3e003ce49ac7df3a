export { unitProject as default } from '../../vitest.shared.js';
