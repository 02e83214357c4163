import { intakeLanguage, knowledgeLanguage, workflowLanguage, type CollabEvent, type PublishedLanguage } from '@collab/contracts';

let sequence = 0;

/**
 * A public event exactly as the topic (or the log-fed transport) would carry it: the newest version
 * of its type, its first documented example with the fixture's fields over it, in a CloudEvents envelope.
 */
const published =
  (language: PublishedLanguage) =>
  (type: string, subject: string, data: Record<string, unknown>): CollabEvent => {
    const definition = language.current[type];
    if (definition === undefined) throw new Error(`${language.service} publishes no ${type}`);
    sequence += 1;
    const example = (definition.examples[0] ?? {}) as Record<string, unknown>;
    return {
      specversion: '1.0',
      id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
      source: `/collab/${language.service}`,
      type: definition.eventType,
      subject,
      time: '2026-11-20T00:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: definition.schemaId,
      data: { ...example, ...data },
      streamversion: 1,
      position: String(sequence),
      correlationid: 'fixture',
      actor: 'system:fixture',
    };
  };

export const intakeEvent = published(intakeLanguage);
export const workflowEvent = published(workflowLanguage);
export const knowledgeEvent = published(knowledgeLanguage);
