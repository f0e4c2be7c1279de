/**
 * Runs the real CLI on the public call-centre sample (../shared/data, next to
 * the repo: tests only, it has no licence to ship) and checks its figures
 * against ones counted here with a plain loop, independent of core/metrics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = '../shared/data/call_center/call_center_dataset.csv';
const hasData = existsSync(resolve(ROOT, DATASET));
// Locally the shared data may not be checked out; CI must have it, or this test would pass by testing nothing.
const runOnData = hasData || Boolean(process.env.CI);
if (!runOnData)
  console.warn(`scripts/kpis.test.ts: ${DATASET} not found next to the repo; skipping the dataset run`);

function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kpis.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** The figures, counted the obvious way from the raw cells. */
function expectedFigures(csv: string) {
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  // The sample has no quoted fields, so a split is a faithful CSV read; check rather than assume.
  expect(csv).not.toContain('"');
  const col = (name: string) => {
    const k = header.split(',').indexOf(name);
    expect(k, `column ${name}`).toBeGreaterThanOrEqual(0);
    return k;
  };
  const [ANSWERED, RESOLVED, SPEED, TALK, RATING] = [
    col('Answered (Y/N)'),
    col('Resolved'),
    col('Speed of answer in seconds'),
    col('AvgTalkDuration'),
    col('Satisfaction rating'),
  ];
  let calls = 0;
  let answered = 0;
  let resolved = 0;
  let within20s = 0;
  let speedSum = 0;
  let talkSum = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const line of lines) {
    const cells = line.split(',');
    calls += 1;
    if (cells[ANSWERED] !== 'Y') continue;
    answered += 1;
    if (cells[RESOLVED] === 'Y') resolved += 1;
    const speed = Number(cells[SPEED]);
    speedSum += speed;
    if (speed <= 20) within20s += 1;
    const [h, m, s] = (cells[TALK] ?? '').split(':').map(Number);
    talkSum += (h ?? NaN) * 3600 + (m ?? NaN) * 60 + (s ?? NaN);
    if (cells[RATING] !== '') {
      ratingSum += Number(cells[RATING]);
      ratings += 1;
    }
  }
  return {
    calls,
    answered,
    abandoned: calls - answered,
    resolved,
    answerRate: answered / calls,
    abandonRate: (calls - answered) / calls,
    resolutionRate: resolved / answered,
    meanSpeedOfAnswerSec: speedSum / answered,
    meanTalkTimeSec: talkSum / answered,
    meanSatisfaction: ratingSum / ratings,
    serviceLevel20s: within20s / calls,
    errors: 0,
  };
}

describe('scripts/kpis.ts', () => {
  it.skipIf(!runOnData)(
    'prints the KPIs of the call-centre sample as JSON',
    () => {
      if (!hasData) {
        throw new Error(
          `CI: ${resolve(ROOT, DATASET)} is missing; the shared data must sit next to the repo`,
        );
      }
      const run = runCli(DATASET);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const printed = JSON.parse(run.stdout) as Record<string, number>;
      const expected = expectedFigures(readFileSync(resolve(ROOT, DATASET), 'utf8'));
      expect(Object.keys(printed).sort()).toEqual(Object.keys(expected).sort());
      for (const [key, value] of Object.entries(expected)) expect(printed[key], key).toBeCloseTo(value, 9);
      // Pinned too, so a change to the sample or to the counting above cannot go unnoticed.
      expect(printed).toMatchObject({ calls: 5000, answered: 4054, abandoned: 946, resolved: 3646 });
      expect(printed.serviceLevel20s).toBe(0.0748);
    },
    30_000,
  );

  it('exits 1 with a message for a missing file', () => {
    const run = runCli('no/such/call-log.csv');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('kpis: no such file: no/such/call-log.csv\n');
  }, 30_000);

  it('exits 1 naming the missing columns of a file that is not a call log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpis-'));
    const file = join(dir, 'tickets.csv');
    writeFileSync(file, 'Ticket,Date,Time,Answered\nT1,2021-01-01,09:00:00,Y\n');
    try {
      const run = runCli(file);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `kpis: ${file} is not a readable call log: line 1: missing required column(s): Resolved, ` +
          'Speed of answer in seconds, Talk duration, Satisfaction rating (header: Ticket, Date, Time, Answered)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
