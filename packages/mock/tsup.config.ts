import { packageBuild } from '../../tsup.shared.js';

// The shared scripted server behind createRecordingServer is private: its code is built in.
export default packageBuild({ allSpecs: true, bundle: ['@tenantkit/test-support'] });
