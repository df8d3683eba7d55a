// The sidecar `<source-name>.claimdesk.yaml` is the file an analyst edits by hand: bibliographic
// metadata plus corrections to the extraction. Read in parse.ts, applied in apply.ts, written in edit.ts.
export { applyCuration, claimAnchor, type CurationResult } from './apply';
export { driftedClaims, editSidecar, newSidecarText, type SidecarEdit, type SidecarWrite } from './edit';
export { parseSidecar, type ParsedSidecar } from './parse';
export { CLAIM_FIELDS, emptyCuration, type ClaimCorrection, type ClaimField, type Curation, type EntityCorrection } from './types';
