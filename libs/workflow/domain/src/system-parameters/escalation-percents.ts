import type { EscalationPolicy } from '../process/process-definition';

/*
 * Escalation percentages (升级比例), a system parameter: the shares of an SLA at which a clock
 * alerts, in ascending order. The first is the warning (SlaWarning), each further one an
 * escalation level (SlaEscalated): level 1 alerts the holding unit's supervisor, later levels the
 * supervisor of the unit above. [50, 80, 100] warns at 50 %, escalates at 80 % and again at the
 * breach. The breach itself (SlaBreached, 100 %) is recorded whatever the list says.
 *
 * An empty list leaves each process version's own policy in force (the state until an
 * administrator first sets them). A list set overrides the process's percentages for every clock
 * started after the change; a running clock keeps the instants it started with.
 */

/** At most this many percentages: a warning and four escalation levels. */
export const MAX_ESCALATION_PERCENTS = 5;

export const escalationPercentsStreamId = 'system-parameter-escalationPercents';

/** Why a list of percentages cannot be a policy, each naming its index (`percents.2`); none when it can. */
export const escalationPercentErrors = (percents: readonly number[]): { field: string; message: string }[] => {
  if (percents.length > MAX_ESCALATION_PERCENTS)
    return [{ field: 'percents', message: `must list at most ${MAX_ESCALATION_PERCENTS} percentages: a warning and ${MAX_ESCALATION_PERCENTS - 1} escalation levels` }];
  return percents.flatMap((percent, index) => {
    const before = percents[index - 1];
    if (!Number.isInteger(percent) || percent < 1 || percent > 100)
      return [{ field: `percents.${index}`, message: 'must be a whole percentage from 1 to 100' }];
    return before === undefined || percent > before ? [] : [{ field: `percents.${index}`, message: 'must be above the percentage before it: the list ascends' }];
  });
};

/** The policy a valid list stands for; null for the empty list (each process version's own policy holds). */
export const escalationPolicyOf = (percents: readonly number[]): EscalationPolicy | null => {
  const [warnAtPercent, ...levels] = percents;
  if (warnAtPercent === undefined) return null;
  return {
    warnAtPercent,
    levels: levels.map((atPercent, index) => ({ level: index + 1, atPercent, notify: index === 0 ? 'UNIT_SUPERVISOR' : 'PARENT_UNIT_SUPERVISOR' })),
  };
};
