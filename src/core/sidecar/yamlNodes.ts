// Small readers of `yaml` nodes shared by parsing and editing sidecars.
import { isScalar, type YAMLMap } from 'yaml';

/** The first line of a yaml error without its own "at line…" (the problem carries the position). */
export function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
}

export function stringField(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return undefined;
  const text = String(value).trim();
  return text || undefined;
}

export function scalarText(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? undefined : String(node.value).trim() || undefined;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  return undefined;
}
