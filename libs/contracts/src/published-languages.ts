import { intakeLanguage } from './intake';
import { knowledgeLanguage } from './knowledge';
import { kpiLanguage } from './kpi';
import { publishedLanguage } from './published-language/published-language';
import { workflowLanguage } from './workflow';

/** A service whose public events are still to be defined: its topic exists and carries nothing yet. */
export const dataLanguage = publishedLanguage('data', {});

/** Every service's published language: what the generator writes schemas, AsyncAPI and docs from. */
export const PUBLISHED_LANGUAGES = [
  intakeLanguage,
  workflowLanguage,
  knowledgeLanguage,
  kpiLanguage,
  dataLanguage,
] as const;
