// The speed limits the ingest benchmark compares with: a minimal scanner written for exactly the
// benchmark's files (id,type,year,outcome with LF; the cerebral palsy types, outcomes, 2004-2014)
// that compares the known spellings as 32-bit words and counts into a dense array, and a loop that
// only reads the file and counts line feeds. Neither validates anything else: a line they do not
// recognise is counted as rejected.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 21;
const SLACK = 16;

/** Call `scan(buf, dv, end)` on each piece of the file that ends with a line feed; it returns how many rows it read. */
function eachPiece(file, skipHeader, scan) {
  const buf = Buffer.alloc(CHUNK + (1 << 16) + SLACK);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const fd = openSync(file, 'r');
  let kept = 0;
  let header = skipHeader;
  try {
    for (;;) {
      const n = readSync(fd, buf, kept, CHUNK, null);
      let end = kept + n;
      if (n === 0) {
        if (kept === 0) return;
        buf[end++] = 10;
      }
      let stop = end;
      while (stop > 0 && buf[stop - 1] !== 10) stop--;
      let from = 0;
      if (header) {
        from = buf.indexOf(10) + 1;
        header = false;
      }
      scan(buf, dv, from, stop);
      buf.copyWithin(0, stop, end);
      kept = end - stop;
      if (n === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}


/** Rows and rejected lines of the benchmark file, counted by type, year and outcome. */
export function wordScan(file) {
  const counts = new Float64Array(11 * 8 * 4);
  let rows = 0;
  let rejected = 0;
  // the spellings as little-endian words, written out: 'spas' 'tic,' and so on
  const W = (text) => {
    const b = Buffer.alloc(12);
    b.write(text);
    return [b.readInt32LE(0), b.readInt32LE(4), b.readInt32LE(8)];
  };
  const [spas, tic] = W('spastic,');
  const [mixe, d] = W('mixed,');
  const [athe, toid, a1] = W('athetoid,');
  const [atax, ic] = W('ataxic,');
  const [hypo, toni, c2] = W('hypotonic,');
  const [othe, r1] = W('other,');
  const [impr, oved, lf1] = W('improved\n');
  const [unch, ange, d2] = W('unchanged\n');
  const [wors, ened, lf2] = W('worsened\n');
  const [unkn, own] = W('unknown\n');
  eachPiece(file, true, (buf, dv, from, to) => {
    let i = from;
    while (i < to) {
      const start = i;
      ok: {
        // the id: to the comma, four bytes at a time
        for (;;) {
          const x = dv.getInt32(i, true);
          const m = (x - 0x2d2d2d2d) & ~x & 0x80808080;
          if (m !== 0) {
            i += (31 - Math.clz32(m & -m)) >> 3;
            break;
          }
          i += 4;
        }
        if (buf[i] !== 44) break ok;
        i++;
        let x = dv.getInt32(i, true);
        let t;
        if (x === spas && dv.getInt32(i + 4, true) === tic) (t = 0), (i += 8);
        else if (x === mixe && (dv.getInt32(i + 4, true) & 0xffff) === d) (t = 1), (i += 6);
        else if (x === athe && dv.getInt32(i + 4, true) === toid && buf[i + 8] === a1) (t = 2), (i += 9);
        else if (x === atax && (dv.getInt32(i + 4, true) & 0xffffff) === ic) (t = 3), (i += 7);
        else if (x === hypo && dv.getInt32(i + 4, true) === toni && (dv.getInt32(i + 8, true) & 0xffff) === c2) (t = 4), (i += 10);
        else if (x === othe && (dv.getInt32(i + 4, true) & 0xffff) === r1) (t = 5), (i += 6);
        else break ok;
        x = dv.getInt32(i, true);
        if (((x & 0xf0f0f0f0) | (((x + 0x06060606) & 0xf0f0f0f0) >>> 4)) !== 0x33333333 || buf[i + 4] !== 44) break ok;
        x -= 0x30303030;
        const y = (x & 255) * 1000 + ((x >>> 8) & 255) * 100 + ((x >>> 16) & 255) * 10 + (x >>> 24);
        if (y < 2004 || y > 2014) break ok;
        i += 5;
        x = dv.getInt32(i, true);
        let o;
        if (x === impr && dv.getInt32(i + 4, true) === oved && buf[i + 8] === lf1) (o = 0), (i += 9);
        else if (x === unch && dv.getInt32(i + 4, true) === ange && (dv.getInt32(i + 8, true) & 0xffff) === d2) (o = 1), (i += 10);
        else if (x === wors && dv.getInt32(i + 4, true) === ened && buf[i + 8] === lf2) (o = 2), (i += 9);
        else if (x === unkn && dv.getInt32(i + 4, true) === own) (o = 3), (i += 8);
        else break ok;
        counts[((y - 2004) * 8 + t) * 4 + o]++;
        rows++;
        continue;
      }
      rejected++;
      i = buf.indexOf(10, start) + 1;
    }
  });
  return { rows, rejected, counts };
}

/** Lines of the file (the header included), found with indexOf. */
export function countLines(file) {
  let lines = 0;
  eachPiece(file, false, (buf, _dv, from, to) => {
    for (let i = buf.indexOf(10, from); i >= 0 && i < to; i = buf.indexOf(10, i + 1)) lines++;
  });
  return lines;
}
