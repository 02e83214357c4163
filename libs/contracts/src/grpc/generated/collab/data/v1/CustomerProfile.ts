// Original file: proto/collab/data/v1/data_service.proto

import type { Contact as _collab_data_v1_Contact, Contact__Output as _collab_data_v1_Contact__Output } from '../../../collab/data/v1/Contact';
import type { ProfileCase as _collab_data_v1_ProfileCase, ProfileCase__Output as _collab_data_v1_ProfileCase__Output } from '../../../collab/data/v1/ProfileCase';
import type { Csat as _collab_data_v1_Csat, Csat__Output as _collab_data_v1_Csat__Output } from '../../../collab/data/v1/Csat';
import type { KnowledgeArticleUse as _collab_data_v1_KnowledgeArticleUse, KnowledgeArticleUse__Output as _collab_data_v1_KnowledgeArticleUse__Output } from '../../../collab/data/v1/KnowledgeArticleUse';
import type { TimelineEntry as _collab_data_v1_TimelineEntry, TimelineEntry__Output as _collab_data_v1_TimelineEntry__Output } from '../../../collab/data/v1/TimelineEntry';

export interface CustomerProfile {
  'customerId'?: (string);
  'contacts'?: (_collab_data_v1_Contact)[];
  'cases'?: (_collab_data_v1_ProfileCase)[];
  'csat'?: (_collab_data_v1_Csat | null);
  'tags'?: (string)[];
  'knowledgeArticles'?: (_collab_data_v1_KnowledgeArticleUse)[];
  'timeline'?: (_collab_data_v1_TimelineEntry)[];
}

export interface CustomerProfile__Output {
  'customerId': (string);
  'contacts': (_collab_data_v1_Contact__Output)[];
  'cases': (_collab_data_v1_ProfileCase__Output)[];
  'csat': (_collab_data_v1_Csat__Output | null);
  'tags': (string)[];
  'knowledgeArticles': (_collab_data_v1_KnowledgeArticleUse__Output)[];
  'timeline': (_collab_data_v1_TimelineEntry__Output)[];
}
