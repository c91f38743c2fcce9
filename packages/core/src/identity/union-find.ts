/** Disjoint sets over dense integer nodes: path halving, union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let r = x;
    while (p[r] !== r) {
      const gp = p[p[r] as number] as number;
      p[r] = gp;
      r = gp;
    }
    return r;
  }

  /** Joins the sets of two roots; returns the surviving root. */
  linkRoots(ra: number, rb: number): number {
    if (ra === rb) return ra;
    const [big, small] = (this.size[ra] as number) >= (this.size[rb] as number) ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    this.size[big] = (this.size[big] as number) + (this.size[small] as number);
    return big;
  }
}
