/** A typed figure: a whole number from 0 up, spaces ignored; anything else is null. */
export function parseFigure(typed: string): number | null {
  const s = typed.replace(/\s+/g, '');
  return /^\d{1,5}$/.test(s) ? Number(s) : null;
}

export type CountField = 'available' | 'outOfService';

/** One saved change, kept so it can be undone. */
export interface LastChange { field: CountField; from: number; to: number }

/** The body that sets one field to a figure and keeps the other, conditional on the version shown. */
export function countBody(current: { available: number; outOfService: number; version: number }, field: CountField, value: number) {
  const next = { available: current.available, outOfService: current.outOfService, version: current.version };
  next[field] = value;
  return next;
}

/** The change that undoes the last one, when the figure is still what that change left. */
export function undoOf(last: LastChange | null, current: { available: number; outOfService: number }): LastChange | null {
  if (!last || current[last.field] !== last.to) return null;
  return { field: last.field, from: last.to, to: last.from };
}
