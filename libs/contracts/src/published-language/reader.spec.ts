import { caseAcknowledgedV1, caseOpenedV1, caseOpenedV2, intakeLanguage } from '../intake';
import type { CollabEvent } from '../collab-event';
import { ContractViolation, readerFor } from './reader';

const envelopeOf = (definition: { eventType: string; schemaId: string }, data: object): CollabEvent => ({
  specversion: '1.0',
  id: 'e-1',
  source: '/collab/intake',
  type: definition.eventType,
  subject: 'case-1',
  time: '2026-11-23T02:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: definition.schemaId,
  data: { ...data },
  streamversion: 1,
  position: '1',
  correlationid: 'c-1',
  actor: 'service:intake',
});

const intake = readerFor(intakeLanguage);
const [opened] = caseOpenedV2.examples;

describe("a reader of intake's published language", () => {
  it('answers a valid event typed, as the newest version of its type', () => {
    const message = intake.read(envelopeOf(caseOpenedV2, opened!));
    expect(message?.type).toBe('CaseOpened');
    if (message?.type !== 'CaseOpened') return;
    expect(message.data.caseNumber).toBe(opened!.caseNumber);
    // v2 as stored on the topic by main, read as v3: the requester's contact details are dropped.
    expect(message.version).toBe(3);
    expect(opened!.requester.phone).toBeDefined();
    expect(message.data.requester).not.toHaveProperty('phone');
    expect(message.envelope.id).toBe('e-1');
  });

  it.each([
    [
      'data invalid against its schema',
      envelopeOf(caseOpenedV2, { ...opened, caseId: 'not-a-uuid' }),
      /caseId/,
    ],
    ['a field its schema does not have', envelopeOf(caseOpenedV2, { ...opened, mood: 'angry' }), /mood/],
    [
      'a version intake never published',
      envelopeOf(
        { eventType: 'collab.intake.CaseOpened.v9', schemaId: 'urn:collab:schema:intake:CaseOpened:v9' },
        opened!,
      ),
      /never published/,
    ],
    [
      'a dataschema that names another version',
      { ...envelopeOf(caseOpenedV2, opened!), dataschema: caseOpenedV1.schemaId },
      /dataschema/,
    ],
    [
      "another service's event",
      { ...envelopeOf(caseOpenedV2, opened!), type: 'collab.workflow.CaseOpened.v2' },
      /not an event of intake/,
    ],
    [
      'a version with no upcaster to the current one',
      envelopeOf(caseOpenedV1, caseOpenedV1.examples[0]!),
      /no upcaster/,
    ],
  ])('refuses %s as a ContractViolation', (_what, event, problem) => {
    expect(() => intake.read(event)).toThrow(ContractViolation);
    expect(() => intake.read(event)).toThrow(problem);
  });

  it('answers undefined for a type the contract does not know (published later), and for types the consumer does not read', () => {
    expect(
      intake.read(
        envelopeOf(
          { eventType: 'collab.intake.CaseMerged.v1', schemaId: 'urn:collab:schema:intake:CaseMerged:v1' },
          {},
        ),
      ),
    ).toBeUndefined();
    const promises = readerFor(intakeLanguage, { only: ['CaseAcknowledged'] });
    // Not even validated: a consumer neither pays for nor parks on what it does not read.
    expect(promises.read(envelopeOf(caseOpenedV2, { broken: true }))).toBeUndefined();
    expect(promises.read(envelopeOf(caseAcknowledgedV1, caseAcknowledgedV1.examples[0]!))?.type).toBe(
      'CaseAcknowledged',
    );
  });
});
