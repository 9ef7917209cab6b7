import type { Id } from '../api/types';

/** A hold this browser took: ids only (never the code or an alias), so a reload can ask the service again. */
export interface HeldRef { holdId: string; programId: string; clientId: string | null }

const KEY = 'harbour.holds';
const MAX = 40;

export interface KeyValueStore { getItem(k: string): string | null; setItem(k: string, v: string): void }

function store(): KeyValueStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function heldRefs(s: KeyValueStore | null = store()): HeldRef[] {
  try {
    const list = JSON.parse(s?.getItem(KEY) ?? '[]') as HeldRef[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function rememberHold(h: { id: Id; programId: Id; clientId?: Id | null }, s: KeyValueStore | null = store()): void {
  if (!s) return;
  const ref: HeldRef = { holdId: String(h.id), programId: String(h.programId), clientId: h.clientId == null ? null : String(h.clientId) };
  const rest = heldRefs(s).filter((r) => r.holdId !== ref.holdId);
  s.setItem(KEY, JSON.stringify([ref, ...rest].slice(0, MAX)));
}

/** The programs where this browser holds or held beds, newest first, each once. */
export function heldPrograms(s: KeyValueStore | null = store()): string[] {
  return [...new Set(heldRefs(s).map((r) => r.programId))];
}

export function clientOfHold(holdId: string, s: KeyValueStore | null = store()): string | null {
  return heldRefs(s).find((r) => r.holdId === holdId)?.clientId ?? null;
}
