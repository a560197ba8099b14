// The languages the text stages read, and the profile for an article's language code.
import { german } from './de.js';
import { english } from './en.js';
import { spanish } from './es.js';
import { french } from './fr.js';
import { italian } from './it.js';
import { dutch } from './nl.js';
import type { LanguageProfile } from './profile.js';
import { portuguese } from './pt.js';

export type { AbbreviationKind, FactRules, LanguageProfile, SentenceRules, SpeechRules, WordRules } from './profile.js';
export { english, ENGLISH_DEPENDENT_OPENERS } from './en.js';

const PROFILES: ReadonlyMap<string, LanguageProfile> = new Map(
  [english, german, french, spanish, italian, portuguese, dutch].map((profile) => [profile.code, profile]),
);

/** ISO 639-1 codes of the languages with a profile of their own. */
export const DESK_LANGUAGES: readonly string[] = [...PROFILES.keys()];

/**
 * The profile for a language tag as pages and feeds declare it ("de", "de-AT", "pt_BR", "FR"): its primary
 * subtag decides. Text in any other language, or of no known language, is read with the English rules the
 * desk was first written with, which is what it did before it knew any other.
 */
export function languageProfile(tag: string | undefined): LanguageProfile {
  return (tag && PROFILES.get(primarySubtag(tag))) || english;
}

/** Whether a language tag names a language with its own profile. */
export function hasProfile(tag: string | undefined): boolean {
  return tag !== undefined && PROFILES.has(primarySubtag(tag));
}

function primarySubtag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
