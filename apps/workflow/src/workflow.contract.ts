import { eventSchema, schemaIdOf, type ServiceContract } from '@collab/contracts';

const published = (name: string, description: string) => ({
  version: 1,
  schema: eventSchema(schemaIdOf('workflow', name, 1)),
  description,
});

/**
 * What workflow publishes on `collab.workflow.events.v1`: the case's main line (stream
 * `case-<caseId>`) and its collaboration tasks (stream `task-<taskId>`). Events not listed here
 * stay inside workflow.
 */
export const workflowContract: ServiceContract = {
  service: 'workflow',
  events: {
    CaseRegistered: published('CaseRegistered', 'Workflow took over a case intake opened.'),
    CaseAssigned: published('CaseAssigned', 'The case was put in a queue by a routing rule.'),
    CaseAssignedToAgent: published(
      'CaseAssignedToAgent',
      "An agent of the case's queue became its owner, with the reason.",
    ),
    CaseReassigned: published(
      'CaseReassigned',
      'Another agent became the owner; the case stayed in its queue.',
    ),
    CaseTransferred: published(
      'CaseTransferred',
      'The case moved to another queue, unit or region, where it waits for an owner.',
    ),
    CaseWorkStarted: published('CaseWorkStarted', 'The owner started working the case.'),
    CollaborationTaskOpened: published(
      'CollaborationTaskOpened',
      'The case owner (or a unit working one of its tasks) asked another unit or a partner for help: a collaboration task with its own SLA.',
    ),
    CollaborationTaskClosed: published(
      'CollaborationTaskClosed',
      'A collaboration task of the case ended: completed, returned (with the reason code) or withdrawn.',
    ),
    PingPongDetected: published(
      'PingPongDetected',
      'The case bounced between the same two units more often than allowed; escalated to both supervisors.',
    ),
    CaseResolved: published(
      'CaseResolved',
      'The owner resolved the case with a resolution code and the knowledge articles used.',
    ),
    CaseClosed: published(
      'CaseClosed',
      'The resolved case closed: confirmed by the requester or after the quiet period.',
    ),
    FeedbackRecorded: published(
      'FeedbackRecorded',
      "The requester's CSAT (1–5) and comment on the resolution.",
    ),
    CaseReopened: published(
      'CaseReopened',
      'A resolved or recently closed case is worked again by its last owner.',
    ),
    CaseCancelled: published(
      'CaseCancelled',
      'The case ended without a resolution; its open tasks are withdrawn.',
    ),
    CollaborationRequested: published(
      'CollaborationRequested',
      'A collaboration task (协同单) was created on its own stream, with its target, SLA and due times.',
    ),
    TaskAccepted: published('TaskAccepted', 'The unit or partner asked accepted the task.'),
    TaskNoteAdded: published('TaskNoteAdded', 'A note on the task by either side.'),
    TaskCompleted: published('TaskCompleted', 'The target completed the task with a result.'),
    TaskReturned: published(
      'TaskReturned',
      'The target handed the task back (退单) with a reason code and a note.',
    ),
    TaskUrged: published(
      'TaskUrged',
      'The unit that asked pressed for progress (催办); carries how many times so far.',
    ),
    TaskWithdrawn: published('TaskWithdrawn', 'The unit that asked no longer needs the help.'),
    UnitDefined: published('UnitDefined', 'A unit joined the hierarchy under a unit of a higher level.'),
    UnitChanged: published(
      'UnitChanged',
      'Some settings of a unit changed; a new parent moves it and everything below.',
    ),
    QueueDefined: published('QueueDefined', 'A unit opened a queue where its cases wait for an owner.'),
    QueueChanged: published('QueueChanged', "A queue's name, skills or owning unit changed."),
    AgentEnrolled: published(
      'AgentEnrolled',
      'A person became an agent with queues, skills, languages and capacity.',
    ),
    AgentChanged: published('AgentChanged', "Some of an agent's settings changed."),
    AgentDeactivated: published(
      'AgentDeactivated',
      'The agent takes no new cases; the cases they own stay theirs.',
    ),
    AgentReactivated: published('AgentReactivated', 'The agent takes cases again.'),
    PartnerRegistered: published('PartnerRegistered', 'A partner organisation joined, active.'),
    PartnerChanged: published(
      'PartnerChanged',
      "A partner's names, regions, calendar or supervisor changed.",
    ),
    PartnerDeactivated: published('PartnerDeactivated', 'The partner takes no new work.'),
    PartnerReactivated: published('PartnerReactivated', 'The partner takes work again.'),
    ResponsibilityAssigned: published(
      'ResponsibilityAssigned',
      'A matrix entry: cases of this scope go to this unit (and queue) or partner.',
    ),
    ResponsibilityWithdrawn: published(
      'ResponsibilityWithdrawn',
      'A responsibility-matrix entry no longer stands.',
    ),
    CaseProcessStarted: published(
      'CaseProcessStarted',
      'The case started on a process version: its front-line stage, SLA, escalation and first due times.',
    ),
    ProcessVersionPublished: published(
      'ProcessVersionPublished',
      'A whole new version of a process definition was published.',
    ),
    ProcessRetired: published(
      'ProcessRetired',
      'New cases no longer start on the process; running cases keep their version.',
    ),
    ReturnReasonDefined: published(
      'ReturnReasonDefined',
      'A return reason was added to the managed list (or a retired one revived).',
    ),
    ReturnReasonRetired: published(
      'ReturnReasonRetired',
      'A return reason was taken out of choice; tasks returned with it keep it.',
    ),
    SlaClockStarted: published(
      'SlaClockStarted',
      'An SLA clock of the case or one of its tasks started, with its due, warning and escalation instants.',
    ),
    SlaWarning: published('SlaWarning', 'A running SLA clock reached the warning share of its target.'),
    SlaBreached: published('SlaBreached', 'A running SLA clock passed its due time with the work not done.'),
    SlaEscalated: published(
      'SlaEscalated',
      'An SLA clock reached an escalation level; names the holding unit and the supervisor alerted.',
    ),
    SlaClockStopped: published(
      'SlaClockStopped',
      'The work a clock measures was done, or the case ended; met when by its due time.',
    ),
  },
};
