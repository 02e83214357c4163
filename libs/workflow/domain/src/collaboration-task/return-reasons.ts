import { NotFound, ValidationFailed, type FieldError } from '@collab/domain-kernel';
import { isBlank } from '../validation';

/** 退单原因: why the target hands a task back. Administrators manage the list; retired codes stay for history. */
export interface ReturnReason {
  readonly code: string;
  /** Display names by language tag, e.g. `zh-Hans`, `en`. */
  readonly names: Readonly<Record<string, string>>;
  readonly active: boolean;
}

export type ReturnReasonList = readonly ReturnReason[];

export const RETURN_REASON_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

const reason = (code: string, zh: string, en: string): ReturnReason => ({
  code,
  names: { 'zh-Hans': zh, en },
  active: true,
});

/** The list a new installation starts with. */
export const DEFAULT_RETURN_REASONS: ReturnReasonList = [
  reason('WRONG_UNIT', '非本单位职责', 'Wrong unit'),
  reason('MISSING_INFORMATION', '信息不全', 'Missing information'),
  reason('OUT_OF_SCOPE', '超出服务范围', 'Out of scope'),
  reason('DUPLICATE', '重复工单', 'Duplicate'),
  reason('CUSTOMER_UNREACHABLE', '无法联系客户', 'Customer unreachable'),
  reason('ALREADY_RESOLVED', '问题已解决', 'Already resolved'),
  reason('NOT_ALLOWED_BY_POLICY', '政策不允许', 'Not allowed by policy'),
];

export const activeReturnReasonCodes = (list: ReturnReasonList): string[] =>
  list.filter((candidate) => candidate.active).map((candidate) => candidate.code);

/** Empty when `code` is an active reason on the list; otherwise an error naming `field`. */
export const returnReasonErrors = (
  list: ReturnReasonList,
  code: string,
  field = 'reasonCode',
): FieldError[] => {
  const found = list.find((candidate) => candidate.code === code);
  if (found?.active) return [];
  const why = found === undefined ? 'is not a return reason' : 'is a retired return reason';
  return [{ field, message: `${code} ${why}; choose one of ${activeReturnReasonCodes(list).join(', ')}` }];
};

/** Adds a reason, or revives and renames a retired one. */
export const defineReturnReason = (
  list: ReturnReasonList,
  code: string,
  names: Readonly<Record<string, string>>,
): ReturnReasonList => {
  const errors: FieldError[] = [
    ...(RETURN_REASON_CODE_PATTERN.test(code)
      ? []
      : [{ field: 'code', message: 'must be UPPER_SNAKE_CASE, 2 to 40 characters' }]),
    ...(Object.values(names).some((name) => !isBlank(name))
      ? []
      : [{ field: 'names', message: 'must name the reason in at least one language' }]),
    ...(list.some((candidate) => candidate.code === code && candidate.active)
      ? [{ field: 'code', message: `${code} is already on the list` }]
      : []),
  ];
  if (errors.length > 0) throw new ValidationFailed(errors);
  const defined: ReturnReason = { code, names, active: true };
  return list.some((candidate) => candidate.code === code)
    ? list.map((candidate) => (candidate.code === code ? defined : candidate))
    : [...list, defined];
};

/** Takes a reason out of choice; tasks returned with it keep it. */
export const retireReturnReason = (list: ReturnReasonList, code: string): ReturnReasonList => {
  if (!list.some((candidate) => candidate.code === code)) throw new NotFound('return reason', code);
  return list.map((candidate) => (candidate.code === code ? { ...candidate, active: false } : candidate));
};
