/** The shipped triage model (resources/triage/model.json), read and validated once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTriageModel, type TriageModel } from '../../core/triage';
import { findUp } from '../paths';

let cached: TriageModel | null = null;

export function loadTriageModel(): TriageModel {
  if (cached) return cached;
  const dir = findUp('resources/triage', process.env.SPARK_TRIAGE_DIR);
  if (!dir) throw new Error('resources/triage not found: the triage model is missing from this build.');
  cached = parseTriageModel(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
  return cached;
}
