import { describe, expect, it } from '@jest/globals';
import type { Scorecard } from '@scorecard/contracts';
import { given } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

async function auditedSubmits(scorecardId: string): Promise<number> {
  const [r]: { n: number }[] = await t.db.query(
    `select count(*)::int as n from audit_events where action = 'submitScorecard' and entity_id = $1`,
    [scorecardId],
  );
  return r!.n;
}

describe('submitting a scorecard again', () => {
  it('ten parallel submits of one scorecard: all answer 200 with the same scorecard, one audit event is written', async () => {
    const g = await given(t);
    await g.opening();
    const interviewer = await g.member();
    const application = await g.application();
    const saved = await g.savedScorecard({ application, interviewer });

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        g.api.as(interviewer).raw('submitScorecard', { params: { id: saved.id }, body: { revision: saved.revision } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const bodies = answers.map((a) => a.body as Scorecard);
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0]!.status).toBe('submitted');
    expect(await auditedSubmits(saved.id)).toBe(1);

    // A later re-submit changes nothing and writes nothing either.
    await g.api
      .as(interviewer)
      .raw('submitScorecard', { params: { id: saved.id }, body: { revision: saved.revision } })
      .expect(200);
    expect(await auditedSubmits(saved.id)).toBe(1);
  });
});
