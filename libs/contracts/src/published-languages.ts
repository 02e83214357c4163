import { intakeLanguage } from './intake';
import { knowledgeLanguage } from './knowledge';
import { publishedLanguage } from './published-language/published-language';
import { workflowLanguage } from './workflow';

/** Services whose public events are still to be defined: their topics exist and carry nothing yet. */
export const kpiLanguage = publishedLanguage('kpi', {});
export const dataLanguage = publishedLanguage('data', {});

/** Every service's published language: what the generator writes schemas, AsyncAPI and docs from. */
export const PUBLISHED_LANGUAGES = [
  intakeLanguage,
  workflowLanguage,
  knowledgeLanguage,
  kpiLanguage,
  dataLanguage,
] as const;
