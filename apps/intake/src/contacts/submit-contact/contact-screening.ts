import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '@collab/domain-kernel';
import { detectLanguage, phoneCountryOf, toE164, type Contact, type Requester } from '@collab/intake-domain';
import { CLOCK, defined, type Clock } from '@collab/service-kit';
import { CATEGORY_LOOKUP, CHANNEL_LOOKUP, type AcceptingChannel, type CategoryLookup, type ChannelLookup } from '../../intake.ports';
import type { SubmitContactInput } from './submit-contact.request';

/** A contact that passed every check, spelt one way, not yet tied to a customer or a case. */
export interface ScreenedContact {
  readonly contact: Omit<Contact, 'contactId' | 'customerId'>;
  readonly channel: AcceptingChannel;
}

/** Runs a check and turns its refusal into field errors, so one answer names every problem. */
const problemsOf = async <T>(check: () => Promise<T> | T): Promise<{ value?: T; problems: readonly FieldError[] }> => {
  try {
    return { value: await check(), problems: [] };
  } catch (error) {
    if (error instanceof ValidationFailed) return { problems: error.errors };
    throw error;
  }
};

const normalisedPhone = (input: SubmitContactInput): string | undefined => {
  const raw = input.requester.phone;
  if (raw === undefined) return undefined;
  const phone = toE164(raw, phoneCountryOf(input.region));
  if (!phone) throw new ValidationFailed([{ field: 'requester.phone', message: 'must be a valid phone number (international, or national in the region\'s country)' }]);
  return phone;
};

/**
 * The checks the schema cannot make (is the channel registered, enabled and serving this
 * audience; is the category in the tree and not retired; is the phone a real number), and one
 * spelling for what can be spelt several ways: phones in E.164, emails in lower case and text in
 * NFC (the schema did those two), the language detected from the text when the channel sent
 * none, and the channel's default language when the text says too little.
 */
@Injectable()
export class ContactScreening {
  constructor(
    @Inject(CHANNEL_LOOKUP) private readonly channels: ChannelLookup,
    @Inject(CATEGORY_LOOKUP) private readonly categories: CategoryLookup,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async screen(input: SubmitContactInput): Promise<ScreenedContact> {
    const [channel, category, phone] = await Promise.all([
      problemsOf(() => this.channels.requireAcceptingContacts(input.channel, input.audience)),
      problemsOf(() => this.categories.requireUsable(input.category)),
      problemsOf(() => normalisedPhone(input)),
    ]);
    const problems = [...channel.problems, ...category.problems, ...phone.problems];
    if (problems.length > 0 || channel.value === undefined) throw new ValidationFailed(problems);
    const { occurredAt, ...rest } = defined(input);
    const requester: Requester = phone.value === undefined ? rest.requester : { ...rest.requester, phone: phone.value };
    const language = rest.language ?? detectLanguage(`${rest.subject}\n${rest.description}`) ?? channel.value.defaultLanguage;
    return {
      channel: channel.value,
      contact: { ...rest, channelKind: channel.value.kind, requester, language, occurredAt: (occurredAt ? new Date(occurredAt) : this.clock.now()).toISOString() },
    };
  }
}
