import fc from 'fast-check';
import { pickAgent, type AgentCandidate } from './agent-assignment';

const agent = (
  id: string,
  skills: string[],
  languages: string[],
  { load, capacity = 8 }: { load: number; capacity?: number },
): AgentCandidate => ({ id, skills, languages, capacity, load });
const li = agent('li', ['billing', 'refund'], ['zh'], { load: 6 });
const zhao = agent('zhao', ['billing'], ['zh-Hans', 'en'], { load: 1 });
const virtanen = agent('virtanen', ['billing', 'refund'], ['fi', 'en'], { load: 0, capacity: 4 });
const wang = agent('wang', ['billing', 'refund'], ['zh'], { load: 5, capacity: 10 });
const busy = agent('busy', ['billing', 'refund'], ['zh-Hans'], { load: 5, capacity: 5 });
const queue = [li, zhao, virtanen, wang, busy];

describe('assigning inside a queue: skill and language match, then least load', () => {
  it.each<[string, string[], string, string | null]>([
    [
      'all skills and the language; the lighter share of capacity wins',
      ['billing', 'refund'],
      'zh-Hans',
      'wang',
    ],
    ['one skill everybody has; among the Chinese speakers the least loaded', ['billing'], 'zh-Hans', 'zhao'],
    ['a Finnish customer', ['billing', 'refund'], 'fi', 'virtanen'],
    ['an agent whose language is broader than the case’s', ['refund'], 'zh-Hant', 'wang'],
    ['nobody speaks the language: skills, then least load', ['refund'], 'ja', 'virtanen'],
    ['a skilled agent without the language beats an unskilled one with it', ['refund'], 'en', 'virtanen'],
    ['nobody has the skill: language, then least load', ['roaming'], 'zh-Hans', 'zhao'],
  ])('%s', (_case, skills, language, expected) =>
    expect(pickAgent(queue, { skills, language, languageRule: 'PREFERRED' })?.agentId ?? null).toBe(expected),
  );

  it('counts an agent of a narrower language as speaking a case tagged only with the broad one', () =>
    expect(
      pickAgent([virtanen, zhao], { skills: [], language: 'zh', languageRule: 'PREFERRED' }),
    ).toMatchObject({
      agentId: 'zhao',
      speaksLanguage: true,
    }));

  it('never picks an agent at capacity', () =>
    expect(
      pickAgent([busy, agent('off', ['billing'], ['zh'], { load: 0, capacity: 0 })], {
        skills: ['billing'],
        language: 'zh',
        languageRule: 'PREFERRED',
      }),
    ).toBeNull());

  it('breaks a full tie by fewer cases, then by id', () => {
    expect(
      pickAgent([agent('b', [], ['zh'], { load: 2 }), agent('a', [], ['zh'], { load: 1, capacity: 4 })], {
        skills: [],
        language: 'zh',
        languageRule: 'PREFERRED',
      })?.agentId,
    ).toBe('a');
    expect(
      pickAgent([agent('b', [], ['zh'], { load: 1 }), agent('a', [], ['zh'], { load: 1 })], {
        skills: [],
        language: 'zh',
        languageRule: 'PREFERRED',
      })?.agentId,
    ).toBe('a');
  });

  it('says why, ready to be the assignment’s reason', () =>
    expect(
      pickAgent(queue, { skills: ['billing', 'refund'], language: 'zh-Hans', languageRule: 'PREFERRED' }),
    ).toEqual({
      agentId: 'wang',
      matchedSkills: ['billing', 'refund'],
      speaksLanguage: true,
      agentLoad: { load: 5, capacity: 10 },
      reason: 'skills 2/2 (billing, refund); speaks zh-Hans (language preferred); load 5/10',
    }));

  it('no agent with room ranks above the one picked', () => {
    const skill = fc.constantFrom('billing', 'refund', 'roaming', 'sim');
    const candidate = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      skills: fc.uniqueArray(skill),
      languages: fc.uniqueArray(fc.constantFrom('zh', 'zh-Hans', 'en', 'fi', 'ja'), { minLength: 1 }),
      capacity: fc.integer({ min: 0, max: 10 }),
      load: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(
        // Agents are people: one id each (two with one id made the check compare the wrong one).
        fc.uniqueArray(candidate, { maxLength: 12, selector: (a) => a.id }),
        fc.uniqueArray(skill),
        fc.constantFrom('zh-Hans', 'en-GB', 'fi', 'sv'),
        (agents, skills, language) => {
          const pick = pickAgent(agents, { skills, language, languageRule: 'PREFERRED' });
          const withRoom = agents.filter((a) => a.load < a.capacity);
          if (pick === null) return expect(withRoom).toEqual([]);
          const chosen = withRoom.find((a) => a.id === pick.agentId) as AgentCandidate;
          for (const other of withRoom) {
            const rank = pickAgent([other], { skills, language, languageRule: 'PREFERRED' });
            expect(rank?.matchedSkills.length).toBeLessThanOrEqual(pick.matchedSkills.length);
            if (
              rank?.matchedSkills.length === pick.matchedSkills.length &&
              rank.speaksLanguage === pick.speaksLanguage
            )
              expect(other.load / other.capacity).toBeGreaterThanOrEqual(chosen.load / chosen.capacity);
            if (rank?.matchedSkills.length === pick.matchedSkills.length)
              expect(rank.speaksLanguage && !pick.speaksLanguage).toBe(false);
          }
        },
      ),
    );
  });

  describe('where the queue requires the case’s language', () => {
    const required = (skills: string[], language: string) => ({
      skills,
      language,
      languageRule: 'REQUIRED' as const,
    });

    it('gives the case only to an agent who speaks it, however well another matches the skills', () =>
      // Preferred, Virtanen (both skills, no Chinese) would win on skills; required, only Zhao may take it.
      expect(pickAgent([virtanen, zhao], required(['billing', 'refund'], 'zh-Hans'))).toMatchObject({
        agentId: 'zhao',
        reason: 'skills 1/2 (billing); speaks zh-Hans (language required); load 1/8',
      }));

    it('leaves the case waiting when no speaker has room, where preferred would give it to a non-speaker', () => {
      // Nobody here speaks English with room (busy speaks only Chinese and is full).
      expect(pickAgent([li, wang, busy], required(['refund'], 'en'))).toBeNull();
      expect(
        pickAgent([li, wang, busy], { skills: ['refund'], language: 'en', languageRule: 'PREFERRED' }),
      ).toMatchObject({
        agentId: 'wang',
        reason: 'skills 1/1 (refund); does not speak en (language preferred); load 5/10',
      });
    });
  });
});
