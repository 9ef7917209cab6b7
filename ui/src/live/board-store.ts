import type { Availability, Id } from '../api/types';
import type { LiveMessage } from './socket';

/** The board's figures by program, kept current from REST loads and live messages. */
export class BoardStore {
  private readonly byProgram = new Map<string, Availability>();

  constructor(private readonly onChange: () => void = () => {}) {}

  all(): Availability[] {
    return [...this.byProgram.values()];
  }

  get(programId: Id): Availability | undefined {
    return this.byProgram.get(String(programId));
  }

  replace(list: Availability[]): void {
    this.byProgram.clear();
    for (const a of list) this.byProgram.set(String(a.programId), a);
    this.onChange();
  }

  /** Keeps the newer of two figures for one program (live and REST answers may cross). */
  upsert(a: Availability): void {
    const current = this.byProgram.get(String(a.programId));
    if (current && current.version > a.version) return;
    this.byProgram.set(String(a.programId), a);
    this.onChange();
  }

  apply(message: LiveMessage): void {
    if (message.type === 'snapshot' && Array.isArray(message.availability)) {
      this.replace(message.availability as Availability[]);
    } else if (message.type === 'availability.changed' && message.availability) {
      this.upsert(message.availability as Availability);
    }
  }
}
