import { itemsAt, stringAt } from '../json-reading.ts';
import { describeCharacter, firstNotIn } from '../schema/character-class.ts';
import { pointer, type Violation, violation } from '../violation.ts';

/** SES's own tag names a sender may set (seen accepted by real SES). */
const SES_NAMES: ReadonlySet<string> = new Set(['ses:feedback-id-a', 'ses:feedback-id-b']);
/** 256 is OPEN (the model allows it, SES's text says 255): accepted, as the model says. */
export const MAX_TAG_LENGTH = 256;
const NAME_CLASS = '[A-Za-z0-9_-]';
/** `.` and `@` in a value are OPEN: SES's current error text allows them, so they are accepted. */
const VALUE_CLASS = '[A-Za-z0-9_.@-]';
/** One allowed character, and a whole text of them (the quick test nearly every tag passes). */
const NAME_CHARACTER = new RegExp(`^${NAME_CLASS}$`);
const NAME_CHARACTERS = new RegExp(`^${NAME_CLASS}*$`);
const VALUE_CHARACTER = new RegExp(`^${VALUE_CLASS}$`);
const VALUE_CHARACTERS = new RegExp(`^${VALUE_CLASS}*$`);

/**
 * C-CONT8 MUST. Message tags (`EmailTags`, `DefaultEmailTags`, `ReplacementTags`): name and value
 * match `^[A-Za-z0-9_-]{1,255}$`. An empty name or value is invalid; so is any other character,
 * and 257 or more characters. The names `ses:feedback-id-a` and `ses:feedback-id-b` are valid.
 *
 * For the list `key` of `container`. What the rule leaves OPEN is decided in RULES.md section 10:
 * 256 characters and `.`/`@` in a value are accepted; any other `ses:` name is refused.
 */
export function checkMessageTags(container: unknown, containerPath: string, key: string): Violation[] {
  const violations: Violation[] = [];
  for (const [index, tag] of itemsAt(container, key)) {
    for (const member of ['Name', 'Value'] as const) {
      const text = stringAt(tag, member);
      if (text === undefined) continue;
      const problem = tagProblem(text, member);
      if (problem) {
        violations.push(
          violation(problem.ref, `${containerPath}${pointer(key, index, member)}`, problem.message),
        );
      }
    }
  }
  return violations;
}

type TagProblem = {
  ref: 'C-CONT8.empty' | 'C-CONT8.characters' | 'C-CONT8.length';
  message: string;
};

function tagProblem(text: string, member: 'Name' | 'Value'): TagProblem | undefined {
  const what = member === 'Name' ? 'a tag name' : 'a tag value';
  if (text === '') return { ref: 'C-CONT8.empty', message: `${what} must not be empty` };
  if (member === 'Name' && SES_NAMES.has(text)) return undefined;
  // One test of the whole text first: nearly every tag is made of allowed characters only.
  const allAllowed = (member === 'Name' ? NAME_CHARACTERS : VALUE_CHARACTERS).test(text);
  const bad = allAllowed ? undefined : firstNotIn(member === 'Name' ? NAME_CHARACTER : VALUE_CHARACTER, text);
  if (bad) {
    const sesName =
      member === 'Name' && text.startsWith('ses:')
        ? ' (of the ses: names only ses:feedback-id-a and ses:feedback-id-b may be set)'
        : '';
    const allowed =
      member === 'Name' ? "letters, digits, '_' and '-'" : "letters, digits, '_', '-', '.' and '@'";
    return {
      ref: 'C-CONT8.characters',
      message: `${describeCharacter(bad.character)} at position ${bad.position} is not allowed in ${what}: only ASCII ${allowed}${sesName}`,
    };
  }
  // Characters are counted as code points; there are never more of them than UTF-16 units.
  if (text.length > MAX_TAG_LENGTH && [...text].length > MAX_TAG_LENGTH) {
    return {
      ref: 'C-CONT8.length',
      message: `${what} is ${[...text].length} characters long; at most 255 are allowed`,
    };
  }
  return undefined;
}
