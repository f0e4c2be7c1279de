import { describe, expect, it } from 'vitest';
import { SPARK_INTENTS } from '../demo/spark-texts';
import { detectArea } from './area-rules';
import { heldOutRows } from './model.fixture';

const RULE_AREAS = new Set(['app_crash', 'background_check', 'integrations', 'payments', 'onboarding']);

describe('detectArea', () => {
  it('finds the area of the Spark Drive texts the classifier has no intent for', () => {
    const misses: string[] = [];
    let total = 0;
    for (const intent of SPARK_INTENTS) {
      // Data loss and security are the risk rules' job (they take precedence in triage).
      if (!RULE_AREAS.has(intent.area)) continue;
      for (const text of intent.utterances) {
        total += 1;
        if (detectArea(text)?.area !== intent.area) misses.push(`${intent.area}: ${text}`);
      }
    }
    expect(total).toBeGreaterThan(30);
    expect(misses.length / total).toBeLessThanOrEqual(0.1);
  });

  it('almost never fires on the Bitext rows the model handles', () => {
    const fired = heldOutRows.filter((r) => detectArea(r.text) !== null);
    expect(fired.length / heldOutRows.length).toBeLessThan(0.02);
  });

  it('names the words that matched, and leaves plain requests alone', () => {
    expect(detectArea("After updating, the app won't open anymore")).toMatchObject({
      area: 'app_crash',
      issueTier: 2,
      phrase: 'app wont open',
    });
    expect(detectArea('I want to cancel my order')).toBeNull();
    expect(detectArea('how do I change my payment method')).toBeNull();
  });
});
