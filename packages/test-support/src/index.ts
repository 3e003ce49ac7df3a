/** Shared test helpers of the tenantkit packages (private: never published). */
export { closedPortUrl } from './closed-port.js';
export {
  type ScriptedServer,
  type ScriptedServerOptions,
  type StreamOutcome,
  startScriptedServer,
} from './scripted-server.js';
export { mostInWindow } from './sliding-window.js';
export { json, type ReceivedRequest, type Script, type Step } from './steps.js';
