// Removes personal data before a question is stored, logged or sent anywhere (an LLM, a translator):
// alien registration / resident numbers, passport numbers, phone numbers, emails, and self-given names.
/** Exported for the community's personal-data warning (same patterns, without the name rule). */
export const RULES: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  // Korean resident / alien registration number: 6 digits, optional dash, 7 digits.
  [/(?<!\d)\d{6}\s?[-–]?\s?[1-8]\d{6}(?!\d)/g, '[id-number]'],
  [/(?<![\p{L}\d])[A-Z]{1,2}\d{7,8}(?!\d)/gu, '[passport]'],
  // Phone numbers: +82 / 0xx forms with 9–11 digits. Short official hotlines (112, 1345…) are kept.
  [/(\+?82[-\s.]?)?(?<!\d)0\d{1,2}[-\s.]?\d{3,4}[-\s.]?\d{4}(?!\d)/g, '[phone]'],
  [/(?<!\d)\+\d{1,3}[-\s.]?\d{2,4}[-\s.]?\d{3,4}[-\s.]?\d{3,4}(?!\d)/g, '[phone]'],
];

// "my name is X", in several of our languages; X (one or two words) becomes [name].
const NAME_INTRO =
  /((?:my name is|i am called|name's|제 이름은|내 이름은|저는|tên tôi là|tên em là|tôi tên là|em tên là|nama saya|ang pangalan ko ay|pangalan ko ay|меня зовут|мое имя|menim ismim|mening ismim|ismim|我叫|我的名字是|私の名前は|ชื่อ|mi naran|naran hau|намайг|менин атым|میرا نام)\s*)([\p{L}\p{M}]+(?:\s[\p{Lu}][\p{L}\p{M}]+)?)/giu;

export function redact(text: string): string {
  let out = text;
  for (const [re, sub] of RULES) out = out.replace(re, sub);
  return out.replace(NAME_INTRO, (_m, intro: string) => `${intro}[name]`);
}
