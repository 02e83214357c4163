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

/** Countries whose ISO code may lead a region code (`FI-18`, `JP-13`, `CN-GD`). */
const REGION_COUNTRIES = new Set<CountryCode>(['CN', 'HK', 'MO', 'TW', 'JP', 'FI', 'SE', 'EE', 'NO', 'DK', 'DE', 'GB', 'US']);

/**
 * The country a national-format phone number is read in. Region codes of the home market
 * (`GD-SZ`, `BJ`) carry no country, so they fall back to the platform's home country.
 */
export const phoneCountryOf = (region: string, homeCountry: CountryCode = 'CN'): CountryCode => {
  const prefix = region.slice(0, 2).toUpperCase() as CountryCode;
  return region.length === 2 || region[2] === '-' ? (REGION_COUNTRIES.has(prefix) ? prefix : homeCountry) : homeCountry;
};
