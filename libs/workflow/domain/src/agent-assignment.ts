import { languageCovers } from './routing';

/** An agent of the queue as the org directory and the workbench see them now. */
export interface AgentCandidate {
  readonly id: string;
  readonly skills: readonly string[];
  /** Language ranges the agent works in: `zh` covers `zh-Hans` and `zh-Hant`. */
  readonly languages: readonly string[];
  /** How many cases the agent may hold at once. */
  readonly capacity: number;
  /** How many they hold now. */
  readonly load: number;
}

/** What the case asks of its owner: the skills its process stage names, and its language. */
export interface AssignmentNeeds {
  readonly skills: readonly string[];
  readonly language: string;
}

export interface AgentPick {
  readonly agentId: string;
  readonly matchedSkills: readonly string[];
  readonly speaksLanguage: boolean;
  /** Why this agent, ready to be AssignCase's reason. */
  readonly reason: string;
}

interface Ranked {
  readonly agent: AgentCandidate;
  readonly matchedSkills: readonly string[];
  readonly speaksLanguage: boolean;
}

/** An agent whose languages and the case's share a range either way: `zh` for `zh-Hans`, `zh-Hans` for `zh`. */
const speaks = (agent: AgentCandidate, language: string): boolean =>
  agent.languages.some((spoken) => languageCovers(spoken, language) || languageCovers(language, spoken));

const byId = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

const hasRoom = (agent: AgentCandidate): boolean => agent.capacity > 0 && agent.load < agent.capacity;

/** More required skills first, then speaking the language, then the smallest share of capacity in use, then fewest cases, then id. */
const better = (a: Ranked, b: Ranked): number =>
  b.matchedSkills.length - a.matchedSkills.length ||
  Number(b.speaksLanguage) - Number(a.speaksLanguage) ||
  a.agent.load / a.agent.capacity - b.agent.load / b.agent.capacity ||
  a.agent.load - b.agent.load ||
  byId(a.agent.id, b.agent.id);

const reasonFor = ({ agent, matchedSkills, speaksLanguage }: Ranked, needs: AssignmentNeeds): string =>
  [
    `skills ${matchedSkills.length}/${needs.skills.length}${matchedSkills.length > 0 ? ` (${matchedSkills.join(', ')})` : ''}`,
    `${speaksLanguage ? 'speaks' : 'does not speak'} ${needs.language}`,
    `load ${agent.load}/${agent.capacity}`,
  ].join('; ');

/**
 * In-queue assignment: among agents with room, the best skill match, then language match, then
 * least load. A partial match still wins over leaving the case unowned; null only when nobody
 * has room, and the case waits in its queue.
 */
export const pickAgent = (
  candidates: readonly AgentCandidate[],
  needs: AssignmentNeeds,
): AgentPick | null => {
  const [best] = candidates
    .filter(hasRoom)
    .map((agent) => ({
      agent,
      matchedSkills: needs.skills.filter((skill) => agent.skills.includes(skill)),
      speaksLanguage: speaks(agent, needs.language),
    }))
    .sort(better);
  if (best === undefined) return null;
  return {
    agentId: best.agent.id,
    matchedSkills: best.matchedSkills,
    speaksLanguage: best.speaksLanguage,
    reason: reasonFor(best, needs),
  };
};
