import type { PartnerEvent, PartnerRegistered } from './org.events';
import { AT, admin, orgSpec } from './org.fixtures';
import { partnerDecider, type RegisterPartner } from './partner.decider';

const spec = orgSpec(partnerDecider);

const registerPartner = (overrides: Partial<RegisterPartner> = {}): RegisterPartner => ({
  type: 'RegisterPartner',
  partnerId: 'reseller-a',
  names: { zh: '甲代理商', en: 'Reseller A' },
  regions: ['GD', 'GX'],
  calendarId: 'cn-standard',
  supervisorId: 'partner-manager-wu',
  actor: admin,
  ...overrides,
});
const partnerRegistered = (overrides: Partial<PartnerRegistered['data']> = {}): PartnerEvent => {
  const { type: _type, ...partner } = registerPartner();
  return { type: 'PartnerRegistered', data: { ...partner, registeredAt: AT, ...overrides } };
};

describe('a partner organisation', () => {
  it('is registered with the regions it serves, its calendar and supervisor', () =>
    spec.given().when(registerPartner()).then(partnerRegistered()));

  it('is refused without regions or with malformed ones, each named', () => {
    expect(
      spec
        .given()
        .when(registerPartner({ regions: [] }))
        .refusal(),
    ).toMatchObject({ fields: ['regions'] });
    expect(
      spec
        .given()
        .when(registerPartner({ regions: ['GD', 'gd-sz', 'GD'] }))
        .refusal(),
    ).toMatchObject({ fields: ['regions[1]', 'regions[2]'] });
  });

  it('is refused twice (409)', () =>
    expect(spec.given(partnerRegistered()).when(registerPartner()).refusal()).toMatchObject({
      name: 'IllegalTransition',
    }));

  it('changes the regions it serves', () =>
    spec
      .given(partnerRegistered())
      .when({
        type: 'ChangePartner',
        partnerId: 'reseller-a',
        changes: { regions: ['GD'] },
        actor: admin,
        reason: 'GX contract ended',
      })
      .then({
        type: 'PartnerChanged',
        data: {
          partnerId: 'reseller-a',
          regions: ['GD'],
          actor: admin,
          reason: 'GX contract ended',
          changedAt: AT,
        },
      }));

  it('is deactivated with a reason, and refused a second deactivation', () => {
    const deactivate = {
      type: 'DeactivatePartner',
      partnerId: 'reseller-a',
      actor: admin,
      reason: 'contract ended',
    } as const;
    spec
      .given(partnerRegistered())
      .when(deactivate)
      .then({
        type: 'PartnerDeactivated',
        data: { partnerId: 'reseller-a', actor: admin, reason: 'contract ended', deactivatedAt: AT },
      });
    const deactivated: PartnerEvent = {
      type: 'PartnerDeactivated',
      data: { partnerId: 'reseller-a', actor: admin, reason: 'x', deactivatedAt: AT },
    };
    expect(spec.given(partnerRegistered(), deactivated).when(deactivate).refusal()).toMatchObject({
      name: 'IllegalTransition',
    });
  });
});
