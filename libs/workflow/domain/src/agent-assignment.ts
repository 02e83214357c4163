import { Conflict } from '@collab/domain-kernel';
import type { LanguageRule } from './org/org.events';
import { languageCovers } from './routing';

/** An agent's open cases against how many they may hold, as the directory counts them now. */
export interface AgentLoad {
  readonly load: number;
  readonly capacity: number;
}

export const hasRoom = (agent: AgentLoad): boolean => agent.capacity > 0 && agent.load < agent.capacity;

/**
 * 超额: an owner beyond capacity only by a supervisor's explicit override, which the event then
 * records (the load and capacity it went past); null when the agent has room. Refused (409)
 * without the override, naming the load.
 */
export const capacityOverrideFor = (
  agentId: string,
  agent: AgentLoad,
  overrideCapacity: boolean,
): AgentLoad | null => {
  if (hasRoom(agent)) return null;
  if (!overrideCapacity)
    throw new Conflict(
      `${agentId} already holds ${agent.load} of ${agent.capacity} cases; only a supervisor's explicit override (overrideCapacity) gives them more`,
    );
  return { load: agent.load, capacity: agent.capacity };
};

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
  /** From the case's queue: REQUIRED leaves the case waiting for a speaker; PREFERRED only ranks speakers first. */
  readonly languageRule: LanguageRule;
}

export interface AgentPick {
  readonly agentId: string;
  readonly matchedSkills: readonly string[];
  readonly speaksLanguage: boolean;
  /** Their load and capacity as counted for this pick, for AssignCase. */
  readonly agentLoad: AgentLoad;
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
    `${speaksLanguage ? 'speaks' : 'does not speak'} ${needs.language} (language ${needs.languageRule.toLowerCase()})`,
    `load ${agent.load}/${agent.capacity}`,
  ].join('; ');

/**
 * In-queue assignment: among agents with room, the best skill match, then language match, then
 * least load. A partial match still wins over leaving the case unowned, except the language where
 * the queue requires it: then only a speaker may take the case. Null when nobody (allowed) has
 * room, and the case waits in its queue. The reason names which language rule applied.
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
    .filter((ranked) => ranked.speaksLanguage || needs.languageRule === 'PREFERRED')
    .sort(better);
  if (best === undefined) return null;
  return {
    agentId: best.agent.id,
    matchedSkills: best.matchedSkills,
    speaksLanguage: best.speaksLanguage,
    agentLoad: { load: best.agent.load, capacity: best.agent.capacity },
    reason: reasonFor(best, needs),
  };
};
