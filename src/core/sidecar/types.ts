// What a sidecar says: the analyst's corrections to one source's extraction.
import type { ClaimKind, EntityType, Span } from '../model';

/** A correction to one entity, matched by its name or any alias. */
export interface EntityCorrection {
  name: string;
  type?: EntityType;
  /** Extra surface forms that name the entity. */
  aliases?: string[];
  /** New canonical name; claim speakers and figure sources follow. */
  rename?: string;
  /** Name (or alias) of another entity this one is folded into. */
  mergeInto?: string;
  /** Drops a false entity. */
  hidden?: boolean;
  note?: string;
  /** Where the entry is in the sidecar, for problems. */
  at?: Span;
}

export type ClaimField = 'kind' | 'speaker' | 'confidence' | 'hidden' | 'note';
export const CLAIM_FIELDS: readonly ClaimField[] = ['kind', 'speaker', 'confidence', 'hidden', 'note'];

/** A correction to one claim, matched by its text anchor (when given) and then by id. */
export interface ClaimCorrection {
  /** Claim id when written, e.g. `c19.1` (the mapping key or an `id:` field). */
  id?: string;
  /** The claim's text or its beginning; survives edits that renumber claims. */
  text?: string;
  kind?: ClaimKind;
  speaker?: string;
  /** An estimative phrase, or null for "no confidence phrase". */
  confidence?: string | null;
  hidden?: boolean;
  note?: string;
  at?: Span;
}

/** Analyst corrections read from a sidecar. */
export interface Curation {
  /** The sidecar the corrections come from, for problems. */
  file?: string;
  entities: EntityCorrection[];
  claims: ClaimCorrection[];
}

/** No corrections (a sidecar that is empty, missing or unreadable). */
export function emptyCuration(file?: string): Curation {
  return { ...(file !== undefined ? { file } : {}), entities: [], claims: [] };
}
