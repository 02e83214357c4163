import { dataLanguage } from './data';
import { intakeLanguage } from './intake';
import { knowledgeLanguage } from './knowledge';
import { kpiLanguage } from './kpi';
import { workflowLanguage } from './workflow';

/** Every service's published language: what the generator writes schemas, AsyncAPI and docs from. */
export const PUBLISHED_LANGUAGES = [
  intakeLanguage,
  workflowLanguage,
  knowledgeLanguage,
  kpiLanguage,
  dataLanguage,
] as const;
