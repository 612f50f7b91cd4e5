// Checks the audit chain row by row and names the FIRST row where it breaks, and how:
//   edited     a row's fields no longer match its hash, or a row was rewritten with a fresh hash
//              (the next row still points at the old one);
//   deleted    a gap in seq, a row pointing at a hash no row has, or the log ends before its head;
//   inserted   a second row with the same seq, rows the next row's prev_hash skips over, a row
//              that chains but skips numbers, or rows past the recorded head;
//   reordered  a row points at a row that comes after it.
// It works on a bare connection (read-only is enough) so `audit verify` never writes.
// What no hash chain can catch alone: a rewrite of every row from some point on, together with
// the head record. Exported copies (exportJsonl) kept elsewhere are the answer to that.
import type Database from 'better-sqlite3';
import {
  auditColumns,
  entryFromRow,
  genesisHash,
  hashAuditEntry,
  type AuditRow,
} from './audit-entry';

export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'reordered';

export type AuditVerification =
  | { ok: true; count: number }
  | { ok: false; firstBadSeq: number; problem: AuditProblem; detail: string };

interface Link {
  seq: number;
  hash: string;
}

export function verifyAuditChain(db: Database.Database): AuditVerification {
  // One read transaction: both passes see the same rows even if a console appends meanwhile.
  return db.transaction(() => check(db))();
}

function check(db: Database.Database): AuditVerification {
  // Pass 1: every row's place and stored hash, to see where a prev_hash points.
  const links = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq, rowid').all() as Link[];
  const indexByHash = new Map<string, number>();
  links.forEach((link, index) => {
    if (!indexByHash.has(link.hash)) indexByHash.set(link.hash, index);
  });

  // Pass 2: the rows themselves, one at a time.
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let index = 0;
  const rows = db
    .prepare(`SELECT ${auditColumns} FROM audit_log ORDER BY seq, rowid`)
    .iterate() as Iterable<AuditRow>;
  for (const row of rows) {
    const i = index++;
    const problem = checkRow(row, i, links, indexByHash, expectedSeq, prevHash);
    if (problem) return problem;
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }

  return checkHead(db, links);
}

function checkRow(
  row: AuditRow,
  i: number,
  links: Link[],
  indexByHash: Map<string, number>,
  expectedSeq: number,
  prevHash: string,
): AuditVerification | undefined {
  const seq = row.seq;
  const intact = hashAuditEntry(entryFromRow(row)) === row.hash;
  const before = links[i - 1];

  if (before && before.seq === seq) {
    return bad(seq, 'inserted', `two rows have seq ${seq}`);
  }

  if (row.prev_hash !== prevHash) {
    const j = indexByHash.get(row.prev_hash);
    if (j !== undefined && j < i - 1) {
      const first = links[j + 1]!.seq;
      return bad(
        first,
        'inserted',
        `row ${seq} follows row ${links[j]!.seq} in the chain, so ${first === before!.seq ? `row ${first} was` : `rows ${first} to ${before!.seq} were`} inserted between them`,
      );
    }
    if (j !== undefined && j > i) {
      return bad(
        seq,
        'reordered',
        `row ${seq} points at row ${links[j]!.seq}, which comes after it`,
      );
    }
    if (!intact || j === i) {
      return bad(
        seq,
        'edited',
        `row ${seq}'s fields do not match its hash (its link to the previous row was changed)`,
      );
    }
    if (seq > expectedSeq) {
      return bad(
        expectedSeq,
        'deleted',
        `${range(expectedSeq, seq - 1)} missing: row ${seq} points at a row that is gone`,
      );
    }
    // Numbering is whole, yet the row points at a hash no row has: the row before it was
    // rewritten with a recomputed hash (or deleted and the rest renumbered).
    if (before && before.seq === seq - 1) {
      return bad(
        before.seq,
        'edited',
        `row ${before.seq} was rewritten with a new hash: row ${seq} still points at the original (${short(row.prev_hash)})`,
      );
    }
    return bad(
      seq,
      'deleted',
      `the row before ${seq} is gone: its prev_hash ${short(row.prev_hash)} matches no row`,
    );
  }

  if (seq !== expectedSeq) {
    if (!intact)
      return bad(
        seq,
        'edited',
        `row ${seq}'s fields do not match its hash (expected seq ${expectedSeq} here)`,
      );
    return bad(
      seq,
      'inserted',
      `row ${seq} chains to the row before it but should be seq ${expectedSeq}: it was not written by the console`,
    );
  }

  if (!intact) return bad(seq, 'edited', `row ${seq}'s fields do not match its hash`);
  return undefined;
}

/** The head record catches what the chain cannot see alone: rows cut off or added at the end. */
function checkHead(db: Database.Database, links: Link[]): AuditVerification {
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    Link | undefined;
  const last = links.at(-1);
  const lastSeq = last?.seq ?? 0;
  if (!head) {
    if (!last) return { ok: true, count: 0 };
    return bad(
      lastSeq,
      'deleted',
      'the chain head record (audit_head) is missing, so rows cut off the end cannot be ruled out',
    );
  }
  if (head.seq > lastSeq) {
    return bad(
      lastSeq + 1,
      'deleted',
      `the log ends at row ${lastSeq} but the console wrote up to row ${head.seq}: ${range(lastSeq + 1, head.seq)} missing`,
    );
  }
  if (head.seq < lastSeq) {
    return bad(
      head.seq + 1,
      'inserted',
      `the console wrote up to row ${head.seq}, yet the log goes on to row ${lastSeq}`,
    );
  }
  if (last && head.hash !== last.hash) {
    return bad(
      lastSeq,
      'edited',
      `row ${lastSeq} was rewritten with a new hash: the head record still holds the original (${short(head.hash)})`,
    );
  }
  return { ok: true, count: links.length };
}

function bad(firstBadSeq: number, problem: AuditProblem, detail: string): AuditVerification {
  return { ok: false, firstBadSeq, problem, detail };
}

function range(from: number, to: number): string {
  return from === to ? `row ${from} is` : `rows ${from} to ${to} are`;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
