// Typed arrays that grow as rows are kept: a million numbers cost 8 MB here, against several
// times that (and much garbage collection) as a JS array of numbers pushed one by one. A batch's
// decoded column is usually kept by reference (every row, or one run of rows, inside the time
// window), and the pieces are joined once, when the whole column is asked for.

abstract class Growing<T extends Float64Array | Int32Array> {
  length = 0;
  private chunks: T[] = [];
  /** The piece that single values are pushed into, and how much of it is used. */
  private open: T | undefined;
  private openUsed = 0;

  protected abstract make(size: number): T;

  push(value: number): void {
    if (!this.open || this.openUsed === this.open.length) {
      this.close();
      this.open = this.make(Math.max(1024, this.length >> 3));
    }
    this.open[this.openUsed++] = value;
    this.length++;
  }

  /**
   * Appends `values[from…]`, only where `keep` is 1 when a mask is given, and returns the piece
   * appended. `values` may be kept by reference (the caller hands it over): when every row or
   * one long run of rows is kept; scattered or few rows are copied, so a mostly discarded batch
   * is not held in memory.
   */
  appendKept(values: T, keep: Uint8Array | undefined, from = 0): T {
    this.close();
    let first = from;
    let end = values.length;
    let count = end - from;
    if (keep) {
      first = -1;
      count = 0;
      for (let i = from; i < values.length; i++) {
        if (!keep[i]) continue;
        if (first < 0) first = i;
        end = i + 1;
        count++;
      }
    }
    let piece: T;
    if (count === 0) piece = this.make(0);
    else if (count === end - first && 2 * count >= values.length) {
      piece = values.subarray(first, end) as T;
    } else if (count === end - first) {
      piece = values.slice(first, end) as T;
    } else {
      piece = this.make(count);
      let n = 0;
      for (let i = first; i < end; i++) if (keep![i]) piece[n++] = values[i]!;
    }
    if (piece.length > 0) this.chunks.push(piece);
    this.length += piece.length;
    return piece;
  }

  /** Every value so far, as the pieces appended (not joined: for a pass over every value). */
  pieces(): readonly T[] {
    this.close();
    return [...this.chunks];
  }

  /** Every value so far, as one array (the pieces are joined once, then kept joined). */
  view(): T {
    this.close();
    if (this.chunks.length === 0) return this.make(0);
    if (this.chunks.length > 1) {
      const all = this.make(this.length);
      let at = 0;
      for (const chunk of this.chunks) {
        all.set(chunk, at);
        at += chunk.length;
      }
      this.chunks = [all];
    }
    return this.chunks[0]!;
  }

  private close(): void {
    if (!this.open) return;
    if (this.openUsed > 0) this.chunks.push(this.open.subarray(0, this.openUsed) as T);
    this.open = undefined;
    this.openUsed = 0;
  }
}

export class GrowingFloat64 extends Growing<Float64Array> {
  protected make(size: number): Float64Array {
    return new Float64Array(size);
  }
}

export class GrowingInt32 extends Growing<Int32Array> {
  protected make(size: number): Int32Array {
    return new Int32Array(size);
  }
}
