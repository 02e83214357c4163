/**
 * System parameters (系统参数): the numbers of the case lifecycle an administrator may change
 * while the platform runs. Each has a range; a change holds for decisions made after it (a case
 * resolved before a change of the quiet period keeps the one its clock started with).
 */
export const SYSTEM_PARAMETERS = {
  /** Intake: a contact of the same requester and category within this window joins the open case (de-duplication). */
  joinWindowMinutes: { owner: 'intake', unit: 'minutes', min: 0, max: 43_200 },
  /** Workflow: a resolved case nobody confirms or reopens closes itself after this quiet period. */
  autoCloseMinutes: { owner: 'workflow', unit: 'minutes', min: 1, max: 525_600 },
  /** Workflow: a closed case may be reopened for this long after it closed. */
  reopenWindowMinutes: { owner: 'workflow', unit: 'minutes', min: 1, max: 525_600 },
  /** Workflow: more direction reversals than this between the same two units is a ping-pong. */
  pingPongMaxBounces: { owner: 'workflow', unit: 'bounces', min: 0, max: 50 },
} as const satisfies Record<string, SystemParameterSpec>;

export interface SystemParameterSpec {
  readonly owner: 'intake' | 'workflow';
  readonly unit: 'minutes' | 'bounces';
  readonly min: number;
  readonly max: number;
}

export type SystemParameterName = keyof typeof SYSTEM_PARAMETERS;

export const SYSTEM_PARAMETER_NAMES = Object.keys(SYSTEM_PARAMETERS) as SystemParameterName[];

export const isSystemParameterName = (name: string): name is SystemParameterName => Object.hasOwn(SYSTEM_PARAMETERS, name);

/** Every parameter's value: what the deployment configured, until an administrator changes it. */
export type SystemParameterValues = Readonly<Record<SystemParameterName, number>>;

/** Each parameter is its own stream: its version counts its changes, so changes of two parameters never conflict. */
export const systemParameterStreamId = (name: SystemParameterName): string => `system-parameter-${name}`;
