/**
 * The waiting scans, one lane per client, served in turn: a client that queues twenty scans waits behind
 * nobody's single scan, and takes no more than its share of the running slots while others are waiting.
 * Clients are opaque keys (a one-way key of the address); "" is a client like any other.
 */
export class FairLine {
  private readonly lanes = new Map<string, string[]>();
  /** Clients with waiting scans, in the order their turn comes. */
  private readonly turns: string[] = [];
  private readonly clientOf = new Map<string, string>();

  get size(): number {
    return this.clientOf.size;
  }

  has(id: string): boolean {
    return this.clientOf.has(id);
  }

  waitingFor(client: string): number {
    return this.lanes.get(client)?.length ?? 0;
  }

  add(id: string, client: string): void {
    if (this.clientOf.has(id)) return;
    this.clientOf.set(id, client);
    const lane = this.lanes.get(client);
    if (lane) lane.push(id);
    else {
      this.lanes.set(client, [id]);
      this.turns.push(client);
    }
  }

  /**
   * The next scan to start. A client whose running scans already reach its share (the slots divided by
   * the clients asking) lets the others go first; when only such clients wait, the slot is not left idle.
   */
  next(running: ReadonlyMap<string, number>, slots: number): { id: string; client: string } | undefined {
    if (this.turns.length === 0) return undefined;
    const asking = new Set([...this.turns, ...[...running].filter(([, count]) => count > 0).map(([c]) => c)]);
    const share = Math.max(1, Math.floor(slots / asking.size));
    const client = this.turns.find((c) => (running.get(c) ?? 0) < share) ?? this.turns[0]!;
    const lane = this.lanes.get(client)!;
    const id = lane.shift()!;
    this.clientOf.delete(id);
    this.turns.splice(this.turns.indexOf(client), 1);
    if (lane.length > 0) this.turns.push(client);
    else this.lanes.delete(client);
    return { id, client };
  }

  /** The waiting scans in the order they will start as slots free up: one per client per round. */
  order(): string[] {
    const lanes = this.turns.map((client) => this.lanes.get(client)!);
    const longest = Math.max(0, ...lanes.map((lane) => lane.length));
    const order: string[] = [];
    for (let round = 0; round < longest; round++)
      for (const lane of lanes) if (round < lane.length) order.push(lane[round]!);
    return order;
  }
}
