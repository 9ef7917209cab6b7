import type { ProgramHold } from '../api/types';

/** Whose hold it is: the client and program of one of the organization's holds. */
export interface HoldOwner { clientId: string; programId: string }

/** A program's holds as the service answers the caller (a caseworker: her own organization's, with their client). */
export type HoldReader = (programId: string) => Promise<ProgramHold[]>;

const MAX = 500;

/**
 * The organization's holds by id, so a door outcome (hold.arrived|declined|no-show carries the hold id only) can
 * name her even when another tab or phone of the organization took the hold. The service lists active holds only,
 * and an outcome comes after the hold has ended: so holds are learned while they are active (at start for the
 * programs with a bed held, and on hold.created), and kept after. Ids only, in memory: never an alias or a code.
 */
export class HoldDirectory {
  private readonly owners = new Map<string, HoldOwner>();
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly read: HoldReader) {}

  /** Records the holds of a program that name a client (the caller's organization's). */
  learn(programId: string, holds: ProgramHold[]): void {
    for (const h of holds) {
      if (h.clientId == null) continue;
      this.owners.delete(String(h.id));
      this.owners.set(String(h.id), { clientId: String(h.clientId), programId: String(h.programId ?? programId) });
    }
    while (this.owners.size > MAX) this.owners.delete(this.owners.keys().next().value as string);
  }

  /** Reads a program's holds again; a read already on its way is shared, not repeated. */
  refresh(programId: string): Promise<void> {
    const pending = this.loading.get(programId);
    if (pending) return pending;
    const load = this.read(programId)
      .then((holds) => this.learn(programId, holds), () => undefined)
      .finally(() => this.loading.delete(programId));
    this.loading.set(programId, load);
    return load;
  }

  /** The hold's client if known; when not, waits for a read of its program already on its way, then reads it once. */
  async clientOf(holdId: string, programId: string): Promise<string | null> {
    const known = () => this.owners.get(holdId)?.clientId ?? null;
    if (known()) return known();
    await (this.loading.get(programId) ?? this.refresh(programId));
    return known();
  }

  known(holdId: string): HoldOwner | null {
    return this.owners.get(holdId) ?? null;
  }
}
