/**
 * Disjoint sets over 0…n-1 (union–find with path halving): which rules touch into one table, which
 * lattice cells a missing rule merges into one. Iterative, so a long chain cannot overflow the stack.
 */
export class DisjointSets {
  private readonly parent: number[];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }

  /** The representative of i's set. */
  find(i: number): number {
    const parent = this.parent;
    let at = i;
    while (parent[at] !== at) {
      const up = parent[parent[at]!]!;
      parent[at] = up;
      at = up;
    }
    return at;
  }

  /** Puts a's and b's sets together. */
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
