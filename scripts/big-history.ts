import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A synthetic locust_stats_history.csv as large as a week-long run, for the
 * streaming test and `npm run bench:ingest`. Rows look like Locust 2.47's (24
 * columns, one endpoint row and one Aggregated row per second) and every number
 * the metrics take from them is known by construction:
 *
 * - users ramp by 5 a second to PEAK_USERS, then hold;
 * - the first rate window at full users reads sRPS 0 (excluded from the steady state);
 * - after it, Aggregated sRPS cycles 90, 100, 110: the steady-state median is 100;
 * - one Aggregated row reads 5000.25: the max; one endpoint row reads more, which
 *   the max must ignore (it is not an Aggregated row).
 */

const HEADER =
  'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,' +
  'Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,' +
  'Total Min Response Time,Total Max Response Time,Total Average Content Size\n';

const PEAK_USERS = 500;
const SPAWN_RATE = 5;
const FIRST_TIMESTAMP = 1_795_840_565;
const RATE_WINDOW_SECONDS = 10;
const STEADY_CYCLE = [90, 100, 110];
const MAX_SRPS = 5000.25;
const ENDPOINT_DECOY_RPS = 9999;
const ROWS_PER_WRITE = 20_000;

export interface BigHistory {
  bytes: number;
  rows: number;
  expected: { maxSrps: number; steadySrps: number; peakUsers: number; historySamples: number };
}

/** 600,000 seconds: 1.2 million rows, about 220 MB. */
export const DEFAULT_SECONDS = 600_000;

export async function writeBigHistory(path: string, seconds = DEFAULT_SECONDS): Promise<BigHistory> {
  const rampSeconds = PEAK_USERS / SPAWN_RATE;
  // Long enough that the steady cycle, not its edges, sets the median.
  if (!(Number.isInteger(seconds) && seconds >= 1000))
    throw new Error(`seconds: a whole number of at least 1000 (ramp, settling window and a hold); got ${seconds}.`);
  // The ramp reaches full users at second rampSeconds − 1; the steady state starts one window later.
  const settledFrom = rampSeconds - 1 + RATE_WINDOW_SECONDS;
  const spikeAt = Math.floor(seconds * 0.6);
  const decoyAt = Math.floor(seconds * 0.3);

  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER);
  let batch: string[] = [];
  for (let t = 0; t < seconds; t += 1) {
    const users = Math.min(PEAK_USERS, SPAWN_RATE * (t + 1));
    // Requests/s and Failures/s whose difference is the sRPS wanted, exact in binary.
    let [requests, failures] = [users / 10, 0];
    if (users === PEAK_USERS) [requests, failures] = t < settledFrom ? [0.5, 0.5] : [STEADY_CYCLE[t % 3]! + 1.25, 1.25];
    if (t === spikeAt) [requests, failures] = [MAX_SRPS + 0.25, 0.25];
    const endpointRequests = t === decoyAt ? ENDPOINT_DECOY_RPS : requests;
    const tail =
      `,110,120,130,140,150,160,170,180,190,200,210,${t * 45},${t * 3},` + '110,108.76541628891674,105.2903839999999,129.1670719999729,250.11111111111111\n';
    const timestamp = FIRST_TIMESTAMP + t;
    batch.push(`${timestamp},${users},GET,/posts/io_read/,${endpointRequests.toFixed(6)},${failures.toFixed(6)}${tail}`);
    batch.push(`${timestamp},${users},,Aggregated,${requests.toFixed(6)},${failures.toFixed(6)}${tail}`);
    if (batch.length >= ROWS_PER_WRITE) {
      await write(batch.join(''));
      batch = [];
    }
  }
  await write(batch.join(''));
  out.end();
  await once(out, 'close');
  return {
    bytes,
    rows: 2 * seconds,
    expected: { maxSrps: MAX_SRPS, steadySrps: 100, peakUsers: PEAK_USERS, historySamples: seconds },
  };
}
