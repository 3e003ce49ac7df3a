export type * from './generated/openapi.js';
export { specInfo } from './generated/spec-info.js';
