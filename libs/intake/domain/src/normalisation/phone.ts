import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * One phone number, one spelling: E.164 (`+8613800138000`), so the same customer calling from
 * the app, the IVR and a store is recognised as one. Numbers without a country code are read
 * in the contact's country.
 */
export const toE164 = (raw: string, defaultCountry: CountryCode): string | undefined => {
  const parsed = parsePhoneNumberFromString(raw.normalize('NFKC'), defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
};
